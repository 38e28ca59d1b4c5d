// Compliant: a logging configuration of the firewall (AWS::NetworkFirewall::LoggingConfiguration naming it) sends its alert or flow logs to a destination.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list, str } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';

const LOGGING_CONFIGURATION = 'AWS::NetworkFirewall::LoggingConfiguration';
// TLS logs record only TLS inspection failures: they say nothing about the traffic the rules pass or drop.
const TRAFFIC_LOGS = new Set(['ALERT', 'FLOW']);

/** The verdict of one logging configuration, or undefined when it sends no alert or flow logs anywhere. */
function destinations(configuration: PropValue | undefined): Evaluation | undefined {
  const entries = list(at(configuration, 'LogDestinationConfigs'));
  if (isUnknown(entries)) return unknown(entries, 'LoggingConfiguration.LogDestinationConfigs');
  let unread: Evaluation | undefined;
  for (const entry of entries ?? []) {
    const type = str(at(entry, 'LogType'));
    if (isUnknown(type)) {
      unread ??= unknown(type, 'LoggingConfiguration.LogDestinationConfigs.LogType');
      continue;
    }
    if (type === undefined || !TRAFFIC_LOGS.has(type.toUpperCase())) continue;
    const target = str(at(entry, 'LogDestinationType'));
    return pass(`the firewall sends its ${type.toLowerCase()} logs to ${typeof target === 'string' ? target : 'a destination'}`, 'LoggingConfiguration.LogDestinationConfigs');
  }
  return unread;
}

export default defineCheck({
  id: 'networkfirewall-firewall-logging',
  title: 'Network Firewall firewall logs its alerts or flows',
  service: 'networkfirewall',
  resourceTypes: ['AWS::NetworkFirewall::Firewall'],
  reads: [LOGGING_CONFIGURATION],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'A firewall keeps no record of what it saw unless the customer gives it a logging configuration: alert logs record each packet that matched a stateful rule with a drop, alert or reject action, flow logs record the traffic the stateful engine forwarded. Without either, an intrusion the firewall detected or let through leaves no trace to investigate. demarc wants at least one alert or flow log destination (TLS logs alone record only TLS inspection failures); the AWS Config rule netfw-logging-enabled (Security Hub NetworkFirewall.2) can be told which log type to require.',
  remediation: {
    console: 'VPC console > Network Firewall > Firewalls > firewall > Firewall details > Logging > Edit: choose Alert and Flow logs and a CloudWatch Logs group, S3 bucket or Firehose stream.',
    cloudformation: 'AWS::NetworkFirewall::LoggingConfiguration {FirewallArn: !Ref Firewall, LoggingConfiguration: {LogDestinationConfigs: [{LogType: ALERT, LogDestinationType: CloudWatchLogs, LogDestination: {logGroup: <name>}}]}}',
    terraform: 'aws_networkfirewall_logging_configuration { firewall_arn = aws_networkfirewall_firewall.<name>.arn, logging_configuration { log_destination_config { log_type = "ALERT", log_destination_type = "CloudWatchLogs", log_destination = { logGroup = "<name>" } } } }',
  },
  evaluate(firewall, context) {
    const configurations = [
      ...context.inventory.referrers(firewall, LOGGING_CONFIGURATION, 'FirewallArn'),
      ...context.inventory.referrers(firewall, LOGGING_CONFIGURATION, 'FirewallName'),
    ];
    const verdicts = [...new Set(configurations)].map((configuration) => destinations(configuration.properties['LoggingConfiguration']));
    const passing = verdicts.find((verdict) => verdict?.status === 'pass');
    if (passing) return passing;
    const unread = verdicts.find((verdict) => verdict?.status === 'unknown');
    if (unread) return unread;
    if (configurations.length > 0) return fail('the firewall\'s logging configuration sends no alert or flow logs: what it drops and forwards is not recorded', 'LoggingConfiguration');
    return fail('the firewall has no logging configuration: what it drops and forwards is not recorded', 'LoggingConfiguration');
  },
});
