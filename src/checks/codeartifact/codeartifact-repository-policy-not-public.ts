// Compliant: the repository's permissions policy has no Allow for everyone (Principal "*" or NotPrincipal) without a condition that fixes the caller.
import { defineCheck, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'codeartifact-repository-policy-not-public',
  title: 'CodeArtifact repository permissions policy does not grant access to everyone',
  service: 'codeartifact',
  resourceTypes: ['AWS::CodeArtifact::Repository'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A repository permissions policy decides who may read packages from the repository and publish new versions into it. An Allow for Principal "*" without a condition that fixes the caller (aws:PrincipalOrgID, aws:PrincipalAccount ...) lets any AWS account that can also reach the domain download the customer\'s private packages or, with codeartifact:PublishPackageVersion, plant a version that every build pulling from the repository installs. Without a policy only the account that owns the repository, through IAM, has access.',
  remediation: {
    console: 'CodeArtifact console > Repositories > the repository > Details > Repository policy > Edit: name the accounts, or add an aws:PrincipalOrgID condition, to every statement for Principal "*".',
    cloudformation: 'AWS::CodeArtifact::Repository.PermissionsPolicyDocument: no Allow for Principal "*" without a condition such as aws:PrincipalOrgID',
    terraform: 'aws_codeartifact_repository_permissions_policy { policy_document }: no Allow for principals "*" without a narrowing condition',
  },
  evaluate(repository) {
    const document = repository.properties['PermissionsPolicyDocument'];
    if (isUnknown(document)) return unknown(document, 'PermissionsPolicyDocument');
    if (document === undefined || document === null) return pass('the repository has no permissions policy: only principals of its account, through IAM, can use it');
    const problems = openPolicyProblems(document, 'the repository permissions policy', 'PermissionsPolicyDocument');
    return problems.length > 0 ? problems : pass('the repository permissions policy admits no anonymous or public principal', 'PermissionsPolicyDocument');
  },
});
