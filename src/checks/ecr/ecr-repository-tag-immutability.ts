// Compliant: image tags are immutable (ImageTagMutability IMMUTABLE or IMMUTABLE_WITH_EXCLUSION).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ecr-repository-tag-immutability',
  title: 'ECR repository has immutable image tags',
  service: 'ecr',
  resourceTypes: ['AWS::ECR::Repository'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'low',
  rationale:
    'With mutable tags, anyone who can push may silently replace the image behind a tag such as v1.4.2 that deployments already trust. Immutable tags make a tag point at one image for good. Tags are mutable by default; the choice is the customer\'s.',
  remediation: {
    console: 'ECR console > repository > Edit > Tag immutability > Immutable.',
    cloudformation: 'AWS::ECR::Repository.ImageTagMutability: IMMUTABLE',
    terraform: 'aws_ecr_repository { image_tag_mutability = "IMMUTABLE" }',
  },
  evaluate(repository) {
    const mutability = str(repository.properties['ImageTagMutability']);
    if (isUnknown(mutability)) return unknown(mutability, 'ImageTagMutability');
    if (mutability === 'IMMUTABLE') return pass('image tags are immutable', 'ImageTagMutability');
    if (mutability === 'IMMUTABLE_WITH_EXCLUSION') return pass('image tags are immutable, except for the excluded tag filters', 'ImageTagMutability');
    if (mutability === undefined) return fail('image tags can be overwritten (ImageTagMutability defaults to MUTABLE)');
    return fail(`image tags can be overwritten (ImageTagMutability ${mutability})`, 'ImageTagMutability');
  },
});
