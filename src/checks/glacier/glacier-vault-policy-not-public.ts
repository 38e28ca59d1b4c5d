// Compliant: the vault's access policy has no Allow for everyone (Principal "*" or NotPrincipal) without a condition that fixes the caller.
import { defineCheck, pass } from '../define-check.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'glacier-vault-policy-not-public',
  title: 'S3 Glacier vault access policy does not grant access to everyone',
  service: 'glacier',
  resourceTypes: ['AWS::Glacier::Vault'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A vault access policy is a resource policy: an Allow for Principal "*" without a condition that fixes the caller (aws:PrincipalOrgID, aws:SourceAccount ...) lets every AWS account upload archives to the vault, start retrieval jobs and read their output, or delete archives, depending on the actions it names. Archives are kept for years and often hold the only copy of old records; who may reach them is the customer\'s choice. Deny statements, used to forbid deletion, grant nothing and pass.',
  remediation: {
    console: 'S3 Glacier console > Vaults > the vault > Permissions > Edit policy: name the accounts allowed, or add an aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::Glacier::Vault.AccessPolicy: no Allow for Principal "*" without a condition such as aws:PrincipalOrgID',
    terraform: 'aws_glacier_vault { access_policy = <policy without an Allow for principals "*" without a narrowing condition> }',
  },
  evaluate(vault) {
    const document = vault.properties['AccessPolicy'];
    if (document === undefined || document === null) return pass('the vault has no access policy: only principals of its account, through IAM, can use it');
    const problems = openPolicyProblems(document, 'the vault access policy', 'AccessPolicy');
    return problems.length > 0 ? problems : pass('the vault access policy admits no anonymous or public principal', 'AccessPolicy');
  },
});
