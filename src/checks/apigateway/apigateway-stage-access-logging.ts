// Compliant: the API stage sends access logs to a destination (AccessLogSetting.DestinationArn on REST stages, AccessLogSettings.DestinationArn on HTTP/WebSocket stages).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isReference, isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'apigateway-stage-access-logging',
  title: 'API Gateway stage has access logging',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Access logs record who called which route, from where, with which identity and result. Without them, abuse of an API (enumeration, stolen tokens, scraping) cannot be investigated. API Gateway writes them only when the customer names a destination for each stage.',
  remediation: {
    console: 'API Gateway console > the API > Stages > the stage > Logs and tracing > Edit > Custom access logging: on, with a CloudWatch Logs group (or Firehose) ARN and a log format.',
    cloudformation: 'AWS::ApiGateway::Stage.AccessLogSetting {DestinationArn, Format}; AWS::ApiGatewayV2::Stage.AccessLogSettings {DestinationArn, Format}',
    terraform: 'aws_api_gateway_stage / aws_apigatewayv2_stage access_log_settings { destination_arn = ..., format = ... }',
  },
  evaluate(stage) {
    const key = stage.type === 'AWS::ApiGatewayV2::Stage' ? 'AccessLogSettings' : 'AccessLogSetting';
    const raw = at(stage.properties, key, 'DestinationArn');
    if (isReference(raw)) return pass(`access logs go to ${raw.target}`, `${key}.DestinationArn`);
    const destination = str(raw);
    if (isUnknown(destination)) {
      // A destination built from parts the template cannot know is still a destination.
      return destination.template !== undefined ? pass('access logs go to a destination set at deploy time', `${key}.DestinationArn`) : unknown(destination, `${key}.DestinationArn`);
    }
    if (typeof destination === 'string' && destination !== '') return pass(`access logs go to ${destination}`, `${key}.DestinationArn`);
    return fail(`the stage has no ${key}.DestinationArn, so API Gateway writes no access logs`, stage.properties[key] === undefined ? undefined : key);
  },
});
