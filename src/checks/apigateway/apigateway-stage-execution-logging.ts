// Compliant: the REST API stage writes execution logs: its stage-wide method settings (`/*` `*`) have LoggingLevel ERROR or INFO, and no method turns them OFF.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { methodSettings } from '../lib/stage-method-settings.js';

const LOGGING = new Set(['ERROR', 'INFO']);

export default defineCheck({
  id: 'apigateway-stage-execution-logging',
  title: 'API Gateway REST stage has execution logging',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Execution logs record how API Gateway handled each request: authorizer and validation failures, integration errors and throttling, which access logs do not explain. They are off unless the stage sets a logging level of ERROR or INFO (and the account has a CloudWatch Logs role for API Gateway). demarc judges REST stages only: HTTP APIs have no execution logs, and AWS Config\'s api-gw-execution-logging-enabled also judges WebSocket stages.',
  remediation: {
    console: 'API Gateway console > the REST API > Stages > the stage > Logs and tracing > Edit > CloudWatch logs: Errors only, or Errors and info logs.',
    cloudformation: 'AWS::ApiGateway::Stage.MethodSettings: [{ResourcePath: "/*", HttpMethod: "*", LoggingLevel: ERROR}]',
    terraform: 'aws_api_gateway_method_settings { method_path = "*/*", settings { logging_level = "ERROR" } }',
  },
  evaluate(stage) {
    const settings = methodSettings(stage.properties);
    if (isUnknown(settings)) return unknown(settings, 'MethodSettings');
    const findings: Evaluation[] = [];
    const stageWide = settings.find((setting) => setting.stageWide);
    const level = stageWide ? str(at(stageWide.entry, 'LoggingLevel')) : undefined;
    if (isUnknown(level)) findings.push(unknown(level, `${stageWide?.path ?? 'MethodSettings'}.LoggingLevel`));
    else if (level === undefined || !LOGGING.has(level)) findings.push(fail(`the stage writes no execution logs: the stage-wide logging level is ${level ?? 'not set (OFF)'}`, stageWide ? `${stageWide.path}.LoggingLevel` : 'MethodSettings'));
    for (const setting of settings) {
      if (setting.stageWide) continue;
      const override = str(at(setting.entry, 'LoggingLevel'));
      if (isUnknown(override)) findings.push(unknown(override, `${setting.path}.LoggingLevel`));
      else if (override === 'OFF') findings.push(fail(`${setting.label} turn execution logging off`, `${setting.path}.LoggingLevel`));
    }
    return findings.length > 0 ? findings : pass(`the stage writes execution logs at level ${String(level)}`, `${stageWide?.path ?? 'MethodSettings'}.LoggingLevel`);
  },
});
