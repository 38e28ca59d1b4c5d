// Compliant: the function's environment variables hold no secret-looking value, or they are encrypted with a customer-managed KMS key (KmsKeyArn set).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, record } from '../../inventory/readers.js';
import { isRedacted } from '../../inventory/values.js';
import { KMS_KEY_READS, kmsKeyChoice } from '../lib/data-stores.js';

export default defineCheck({
  id: 'lambda-env-secrets-encrypted',
  title: 'Lambda environment secrets are protected by a customer-managed KMS key',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  reads: [...KMS_KEY_READS],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Lambda encrypts environment variables with an AWS-managed key, so anyone allowed to read the function\'s configuration sees them in clear. Secrets belong in Secrets Manager or Parameter Store; where they stay in variables, a customer-managed key at least limits who can decrypt them. Both are the customer\'s choices about its code.',
  remediation: {
    console: 'Move the secret to Secrets Manager and read it at run time; otherwise Lambda console > function > Configuration > Environment variables > Edit > Encryption configuration > customer master key.',
    cloudformation: 'AWS::Lambda::Function.KmsKeyArn: a customer-managed key (better: read the secret from AWS::SecretsManager::Secret at run time)',
    terraform: 'aws_lambda_function { kms_key_arn = aws_kms_key.x.arn } (better: aws_secretsmanager_secret)',
  },
  evaluate(lambda, context) {
    const variables = record(at(lambda.properties, 'Environment', 'Variables'));
    if (isUnknown(variables)) return unknown(variables, 'Environment.Variables');
    const names = Object.keys(variables ?? {});
    if (names.length === 0) return notApplicable('the function has no environment variables');
    const secretNames = names.filter((name) => {
      const value = variables?.[name];
      return isRedacted(value) && value.secretLike;
    });
    if (secretNames.length === 0) return pass('no environment variable looks like a secret', 'Environment.Variables');
    const listed = secretNames.join(', ');
    const key = kmsKeyChoice(lambda.properties['KmsKeyArn'], context.inventory, lambda);
    if (isUnknown(key)) return unknown(`cannot tell which key encrypts the secret-looking variables (${listed}): ${key.reason}`, 'KmsKeyArn');
    if (key?.kind === 'customer') return pass(`the secret-looking variables (${listed}) are encrypted with the customer-managed ${key.label}`, 'KmsKeyArn');
    if (key?.kind === 'aws-managed') {
      return fail(`the variables ${listed} look like secrets and are encrypted only under the AWS managed ${key.label}: like the default key, it decrypts them for anyone who can view the function's configuration`, 'KmsKeyArn');
    }
    return fail(`the variables ${listed} look like secrets and are readable by anyone who can view the function's configuration (no KmsKeyArn)`, 'Environment.Variables');
  },
});
