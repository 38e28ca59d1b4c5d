// Compliant: the function has AWS X-Ray active tracing (TracingConfig.Mode Active).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'lambda-function-tracing',
  title: 'Lambda function has X-Ray active tracing',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'With active tracing, Lambda samples invocations and records their path through the function and the AWS calls it makes, with timings and errors: the trail that shows which downstream resources a compromised or misbehaving function touched. The default, PassThrough, traces only requests that arrive already sampled by an upstream service, so functions invoked directly or by events leave no trace. Lambda runs the tracing; turning it on is the customer\'s.',
  remediation: {
    console: 'Lambda console > the function > Configuration > Monitoring and operations tools > Edit > AWS X-Ray: Active tracing (the execution role needs xray:PutTraceSegments and xray:PutTelemetryRecords).',
    cloudformation: 'AWS::Lambda::Function.TracingConfig.Mode: Active (SAM: Tracing: Active)',
    terraform: 'aws_lambda_function tracing_config { mode = "Active" }',
  },
  evaluate(fn) {
    const mode = str(at(fn.properties, 'TracingConfig', 'Mode'));
    if (isUnknown(mode)) return unknown(mode, 'TracingConfig.Mode');
    if (mode === 'Active') return pass('X-Ray active tracing is on', 'TracingConfig.Mode');
    return fail(`the function traces only requests already sampled upstream (TracingConfig.Mode ${mode ?? 'not set, PassThrough'})`, 'TracingConfig.Mode');
  },
});
