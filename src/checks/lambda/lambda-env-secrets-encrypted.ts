// Compliant: the function's environment variables hold no secret-looking value, or they are encrypted with a customer-managed KMS key (KmsKeyArn set).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, record } from '../../inventory/readers.js';
import { isRedacted } from '../../inventory/values.js';

export default defineCheck({
  id: 'lambda-env-secrets-encrypted',
  title: 'Lambda environment secrets are protected by a customer-managed KMS key',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  layer: 'application',
  control: 'data-encryption',
  duty: 'manage-lambda-code-permissions',
  severity: 'medium',
  rationale:
    'Lambda encrypts environment variables with an AWS-managed key, so anyone allowed to read the function\'s configuration sees them in clear. Secrets belong in Secrets Manager or Parameter Store; where they stay in variables, a customer-managed key at least limits who can decrypt them. Both are the customer\'s choices about its code.',
  remediation: {
    console: 'Move the secret to Secrets Manager and read it at run time; otherwise Lambda console > function > Configuration > Environment variables > Edit > Encryption configuration > customer master key.',
    cloudformation: 'AWS::Lambda::Function.KmsKeyArn: a customer-managed key (better: read the secret from AWS::SecretsManager::Secret at run time)',
    terraform: 'aws_lambda_function { kms_key_arn = aws_kms_key.x.arn } (better: aws_secretsmanager_secret)',
  },
  evaluate(lambda) {
    const variables = record(at(lambda.properties, 'Environment', 'Variables'));
    if (isUnknown(variables)) return unknown(variables, 'Environment.Variables');
    const names = Object.keys(variables ?? {});
    if (names.length === 0) return notApplicable('the function has no environment variables');
    const secretNames = names.filter((name) => {
      const value = variables?.[name];
      return isRedacted(value) && value.secretLike;
    });
    if (secretNames.length === 0) return pass('no environment variable looks like a secret', 'Environment.Variables');
    const key = lambda.properties['KmsKeyArn'];
    const listed = secretNames.join(', ');
    if (key !== undefined && key !== null && key !== '') {
      return pass(`the secret-looking variables (${listed}) are encrypted with a customer-managed key`, 'KmsKeyArn');
    }
    return fail(`the variables ${listed} look like secrets and are readable by anyone who can view the function's configuration (no KmsKeyArn)`, 'Environment.Variables');
  },
});
