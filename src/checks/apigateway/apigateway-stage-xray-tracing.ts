// Compliant: the REST API stage has AWS X-Ray active tracing on (TracingEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'apigateway-stage-xray-tracing',
  title: 'API Gateway REST stage has X-Ray tracing',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'X-Ray traces follow a request from the stage through its authorizer and integrations, with latencies and errors per hop: the evidence needed to tell an attack or abuse pattern from a failing backend. API Gateway samples and records traces only when the customer turns tracing on per stage. HTTP and WebSocket APIs do not support X-Ray, so only REST stages are judged.',
  remediation: {
    console: 'API Gateway console > the REST API > Stages > the stage > Logs and tracing > Edit > X-Ray tracing: on.',
    cloudformation: 'AWS::ApiGateway::Stage.TracingEnabled: true',
    terraform: 'aws_api_gateway_stage.xray_tracing_enabled = true',
  },
  evaluate(stage) {
    const enabled = bool(stage.properties['TracingEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'TracingEnabled');
    return enabled === true ? pass('X-Ray tracing is on for the stage', 'TracingEnabled') : fail('X-Ray tracing is off for the stage', 'TracingEnabled');
  },
});
