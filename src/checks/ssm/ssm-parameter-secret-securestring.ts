// Compliant: a parameter whose name or value looks like a secret is a SecureString (encrypted with KMS), not a plain String or StringList.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { looksSecret } from '../../inventory/redact.js';
import { isRedacted, isReference, isUnknown } from '../../inventory/values.js';

// A placeholder that matches no secret pattern, so that looksSecret judges the name alone.
const NO_VALUE = '-';

export default defineCheck({
  id: 'ssm-parameter-secret-securestring',
  title: 'SSM parameter holding a secret is a SecureString',
  service: 'ssm',
  resourceTypes: ['AWS::SSM::Parameter'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'String and StringList parameters are stored and returned in plain text to anyone allowed ssm:GetParameter or ssm:DescribeParameters history, and they appear in the console; only SecureString parameters are encrypted with a KMS key whose policy decides who can decrypt them. A parameter named like a password, token or key, or whose value looks like one, should be a SecureString. CloudFormation cannot create SecureString parameters at all: a secret-looking AWS::SSM::Parameter in a template is always a plain one and fails; create the SecureString outside the template (or keep the secret in Secrets Manager) and read it with a dynamic reference. The value is judged only where its text is at hand (a template, or Terraform\'s insecure_value). Where the source hides it (a direct reference to a NoEcho parameter, Terraform\'s value attribute, which the provider always marks sensitive) and in a live scan, which never reads values, the name alone decides; a value built around a NoEcho parameter counts as secret.',
  remediation: {
    console: 'Systems Manager console > Parameter Store: create the parameter again with type SecureString (and a customer managed KMS key), point the readers at it, then delete the plain one.',
    cloudformation: 'CloudFormation cannot create SecureString parameters: remove the AWS::SSM::Parameter, create it as SecureString with the CLI or SDK (or use AWS::SecretsManager::Secret), and read it with {{resolve:ssm-secure:name}} or {{resolve:secretsmanager:...}}',
    terraform: 'aws_ssm_parameter.type = "SecureString" (with key_id = a KMS key), value set through value, not insecure_value',
  },
  evaluate(parameter) {
    const type = str(parameter.properties['Type']);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type === 'SecureString') return pass('the parameter is a SecureString, encrypted with KMS', 'Type');
    const name = str(parameter.properties['Name']);
    const value = parameter.properties['Value'];
    const leaf = typeof name === 'string' ? (name.split('/').filter((part) => part !== '').pop() ?? name) : '';
    const plain = `a plain ${type ?? 'String'} parameter`;
    if (typeof value === 'string' && looksSecret('', value)) return fail(`the value looks like a secret, yet it is ${plain}`, 'Value');
    if (leaf !== '' && looksSecret(leaf, typeof value === 'string' ? value : NO_VALUE)) return fail(`the name ${name ?? ''} says it holds a secret, yet it is ${plain}`, 'Type');
    if (isUnknown(name)) return unknown(name, 'Name');
    if (typeof value === 'string') return pass('neither the name nor the value looks like a secret', 'Name');
    if (isRedacted(value) || value === undefined || value === null || isReference(value)) return pass('the name does not look like a secret (the value was not read)', 'Name');
    // A value built at deploy time: secret when it comes from a NoEcho parameter or its known text looks secret.
    if (!isUnknown(value)) return unknown(`the value is not text: ${typeof value}`, 'Value');
    if (looksSecret('', value)) return fail(`the value comes from a secret, yet it is ${plain}`, 'Value');
    return unknown(value, 'Value');
  },
});
