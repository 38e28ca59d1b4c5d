// Compliant: the state machine logs execution history to CloudWatch Logs (LoggingConfiguration.Level other than OFF, with a destination).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

const LEVEL = 'LoggingConfiguration.Level';
const LEVELS = ['ALL', 'ERROR', 'FATAL'];

export default defineCheck({
  id: 'stepfunctions-state-machine-logging',
  title: 'Step Functions state machine logs to CloudWatch Logs',
  service: 'stepfunctions',
  resourceTypes: ['AWS::StepFunctions::StateMachine'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Logging is OFF unless the state machine sets a level and a CloudWatch Logs group. Standard workflows keep 90 days of execution history in the service; Express workflows keep none, so without logging nothing records what they ran, with which input, and where they failed. Choosing the level (ALL, ERROR or FATAL) and the log group is the customer\'s part.',
  remediation: {
    console: 'Step Functions console > state machine > Edit > Configuration > Logging: choose a log level and a CloudWatch Logs group.',
    cloudformation: 'AWS::StepFunctions::StateMachine.LoggingConfiguration: {Level: ERROR, Destinations: [{CloudWatchLogsLogGroup: {LogGroupArn}}]}',
    terraform: 'aws_sfn_state_machine logging_configuration { level = "ERROR", log_destination = "${aws_cloudwatch_log_group.sfn.arn}:*" }',
  },
  evaluate(machine) {
    const level = str(at(machine.properties, 'LoggingConfiguration', 'Level'));
    if (isUnknown(level)) return unknown(level, LEVEL);
    if (level === undefined || level === 'OFF') return fail(`logging is off${level === undefined ? ' (no LoggingConfiguration level: the default is OFF)' : ''}`, LEVEL);
    if (!LEVELS.includes(level)) return unknown(`Level "${level}" is not one AWS accepts (ALL, ERROR, FATAL, OFF)`, LEVEL);
    const destinations = list(at(machine.properties, 'LoggingConfiguration', 'Destinations'));
    if (isUnknown(destinations)) return unknown(destinations, 'LoggingConfiguration.Destinations');
    if (destinations === undefined || destinations.length === 0) return fail(`logging level ${level} has no CloudWatch Logs destination`, 'LoggingConfiguration.Destinations');
    return pass(`execution history is logged at level ${level}`, LEVEL);
  },
});
