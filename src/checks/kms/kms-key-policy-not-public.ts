// Compliant: the key policy has no Allow statement for Principal "*" without a condition that narrows the callers.
import { defineCheck, pass, unknown } from '../define-check.js';
import { isLive, openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'kms-key-policy-not-public',
  title: 'KMS key policy does not grant access to everyone',
  service: 'kms',
  resourceTypes: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'critical',
  rationale:
    'The key policy is the primary control over a KMS key: a statement that allows Principal "*" without a condition such as kms:CallerAccount or aws:PrincipalOrgID lets any AWS account use the key, and so read every piece of data it protects. AWS guards the HSMs; who may use the key is the customer\'s.',
  remediation: {
    console: 'KMS console > key > Key policy > Edit: name specific accounts or roles, or add a kms:CallerAccount / aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::KMS::Key.KeyPolicy: replace Principal "*" on Allow statements with account or role ARNs, or add a kms:CallerAccount condition',
    terraform: 'aws_kms_key { policy = ... } (or aws_kms_key_policy): no Allow for principals "*" without a narrowing condition',
  },
  evaluate(key) {
    const document = key.properties['KeyPolicy'];
    if (document === undefined || document === null) {
      // Every key has a policy: a live key without one is a key whose policy was not read, not one left to the default.
      if (isLive(key)) return unknown('the key policy was not read (kms:GetKeyPolicy)', 'KeyPolicy');
      return pass('no key policy is given: KMS applies the default policy, which trusts only the key\'s own account');
    }
    const problems = openPolicyProblems(document, 'the key policy', 'KeyPolicy');
    return problems.length > 0 ? problems : pass('the key policy admits no anonymous or public principal', 'KeyPolicy');
  },
});
