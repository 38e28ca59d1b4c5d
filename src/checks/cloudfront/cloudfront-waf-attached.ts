// Compliant: the distribution is protected by an AWS WAF web ACL (DistributionConfig.WebACLId is set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isReference, isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cloudfront-waf-attached',
  title: 'CloudFront distribution has a WAF web ACL',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  reads: ['AWS::WAFv2::WebACL'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A web ACL at the edge filters injection attempts, known bad inputs and request floods before they reach any origin. AWS Shield Standard absorbs network-layer attacks for every distribution; application-layer filtering is the customer\'s to set up.',
  remediation: {
    console: 'CloudFront console > the distribution > Security > Edit > enable AWS WAF protections, or attach an existing web ACL with scope CLOUDFRONT (created in us-east-1).',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.WebACLId: !GetAtt <AWS::WAFv2::WebACL with Scope CLOUDFRONT>.Arn',
    terraform: 'aws_cloudfront_distribution.web_acl_id = aws_wafv2_web_acl.<name>.arn',
  },
  evaluate(distribution, context) {
    const raw = at(distribution.properties, 'DistributionConfig', 'WebACLId');
    const target = context.inventory.resolve(raw);
    if (target) return pass(`web ACL ${target.id} protects the distribution`, 'DistributionConfig.WebACLId');
    if (isReference(raw)) return pass(`a web ACL (${raw.target}) protects the distribution`, 'DistributionConfig.WebACLId');
    const id = str(raw);
    if (isUnknown(id)) return unknown(id, 'DistributionConfig.WebACLId');
    if (typeof id === 'string' && id.trim() !== '') return pass(`web ACL ${id} protects the distribution`, 'DistributionConfig.WebACLId');
    return fail('no AWS WAF web ACL is attached to the distribution', 'DistributionConfig');
  },
});
