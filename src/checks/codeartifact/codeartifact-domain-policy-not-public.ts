// Compliant: the domain's permissions policy has no Allow for everyone (Principal "*" or NotPrincipal) without a condition that fixes the caller.
import { defineCheck, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'codeartifact-domain-policy-not-public',
  title: 'CodeArtifact domain permissions policy does not grant access to everyone',
  service: 'codeartifact',
  resourceTypes: ['AWS::CodeArtifact::Domain'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A domain permissions policy decides which principals of other accounts may create repositories in the domain and fetch authorization tokens for it, the first step to reading or publishing any of its packages. An Allow for Principal "*" without a condition that fixes the caller (aws:PrincipalOrgID, aws:PrincipalAccount ...) opens that to every AWS account: the customer\'s private packages, or a package an attacker publishes into the supply chain. Without a policy only the domain\'s own account, through IAM, has access.',
  remediation: {
    console: 'CodeArtifact console > Domains > the domain > Domain policy > Edit: name the accounts, or add an aws:PrincipalOrgID condition, to every statement for Principal "*".',
    cloudformation: 'AWS::CodeArtifact::Domain.PermissionsPolicyDocument: no Allow for Principal "*" without a condition such as aws:PrincipalOrgID',
    terraform: 'aws_codeartifact_domain_permissions_policy { policy_document }: no Allow for principals "*" without a narrowing condition',
  },
  evaluate(domain) {
    const document = domain.properties['PermissionsPolicyDocument'];
    if (isUnknown(document)) return unknown(document, 'PermissionsPolicyDocument');
    if (document === undefined || document === null) return pass('the domain has no permissions policy: only principals of its account, through IAM, can use it');
    const problems = openPolicyProblems(document, 'the domain permissions policy', 'PermissionsPolicyDocument');
    return problems.length > 0 ? problems : pass('the domain permissions policy admits no anonymous or public principal', 'PermissionsPolicyDocument');
  },
});
