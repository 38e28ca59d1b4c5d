// Compliant: the repository policy has no Allow for Principal "*" without a condition that narrows the callers.
import { defineCheck, pass } from '../define-check.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'ecr-repository-policy-not-public',
  title: 'ECR repository policy does not grant access to everyone',
  service: 'ecr',
  resourceTypes: ['AWS::ECR::Repository'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A repository policy that allows Principal "*" with no condition lets any AWS account pull the images, and with them any code, configuration or secret baked into them; push rights would let anyone replace them. Who may pull and push is the customer\'s decision.',
  remediation: {
    console: 'ECR console > repository > Permissions > Edit policy JSON: name specific accounts, or add an aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::ECR::Repository.RepositoryPolicyText: no Allow for Principal "*" without an aws:PrincipalOrgID or aws:SourceAccount condition',
    terraform: 'aws_ecr_repository_policy: no Allow for principals "*" without a narrowing condition',
  },
  evaluate(repository) {
    const document = repository.properties['RepositoryPolicyText'];
    if (document === undefined || document === null) {
      return pass('no repository policy: only principals of the owning account, through IAM, can use the repository');
    }
    const problems = openPolicyProblems(document, 'the repository policy', 'RepositoryPolicyText');
    return problems.length > 0 ? problems : pass('the repository policy admits no anonymous or public principal', 'RepositoryPolicyText');
  },
});
