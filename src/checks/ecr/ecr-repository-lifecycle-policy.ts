// Compliant: the private repository has a lifecycle policy (LifecyclePolicy.LifecyclePolicyText set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

const PATH = 'LifecyclePolicy.LifecyclePolicyText';

export default defineCheck({
  id: 'ecr-repository-lifecycle-policy',
  title: 'ECR repository has a lifecycle policy',
  service: 'ecr',
  resourceTypes: ['AWS::ECR::Repository'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'Without a lifecycle policy a repository keeps every image ever pushed: old images with known vulnerabilities stay pullable, and deployments can go on referencing them. A lifecycle policy expires images by age or count. ECR creates none by default; which images to keep is the customer\'s decision.',
  remediation: {
    console: 'ECR console > repository > Lifecycle Policy > Create rule (e.g. expire untagged images after 14 days, keep the last N tagged images).',
    cloudformation: 'AWS::ECR::Repository.LifecyclePolicy.LifecyclePolicyText: <lifecycle policy JSON>',
    terraform: 'aws_ecr_lifecycle_policy { repository = aws_ecr_repository.<name>.name, policy = <lifecycle policy JSON> }',
  },
  evaluate(repository) {
    const lifecycle = record(repository.properties['LifecyclePolicy']);
    if (isUnknown(lifecycle)) return unknown(lifecycle, 'LifecyclePolicy');
    const text = str(at(lifecycle, 'LifecyclePolicyText'));
    if (isUnknown(text)) return unknown(text, PATH);
    if (text === undefined || text.trim() === '') return fail('the repository has no lifecycle policy, so it keeps every image ever pushed', PATH);
    return pass('the repository has a lifecycle policy', PATH);
  },
});
