// Compliant: the function runs on a Lambda managed runtime that has not reached its deprecation date.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { runtimeLifecycle } from '../lib/runtime-lifecycle.js';

export default defineCheck({
  id: 'lambda-runtime-supported',
  title: 'Lambda function uses a supported runtime',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'high',
  rationale:
    'AWS patches managed runtimes only until their deprecation date; after it the language runtime and its libraries get no security fixes, and later the function can no longer be updated. Moving functions to a supported runtime is the customer\'s, because only the customer can test its code on the new version.',
  remediation: {
    console: 'Lambda console > function > Code > Runtime settings > Edit > a supported runtime (test the code on it first).',
    cloudformation: 'AWS::Lambda::Function.Runtime: a runtime that is not deprecated (e.g. python3.13, nodejs22.x)',
    terraform: 'aws_lambda_function { runtime = "python3.13" }',
  },
  evaluate(lambda, context) {
    const packageType = str(at(lambda.properties, 'PackageType'));
    if (packageType === 'Image' || (packageType === undefined && at(lambda.properties, 'Code', 'ImageUri') !== undefined)) {
      return notApplicable('a container image function brings its own runtime, which the image build decides');
    }
    const runtime = str(at(lambda.properties, 'Runtime'));
    if (isUnknown(runtime)) return unknown(runtime, 'Runtime');
    if (runtime === undefined) return unknown('the function names no runtime');
    const verdict = runtimeLifecycle(runtime, context.now);
    if (verdict.kind === 'no-data') return unknown(`no deprecation date is known for the runtime ${runtime}`, 'Runtime');
    return verdict.kind === 'deprecated'
      ? fail(`the runtime ${runtime} was deprecated on ${verdict.deprecation} and no longer receives security patches`, 'Runtime')
      : pass(`the runtime ${runtime} is supported until ${verdict.deprecation}`, 'Runtime');
  },
});
