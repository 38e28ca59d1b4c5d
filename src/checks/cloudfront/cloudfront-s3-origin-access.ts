// Compliant: every S3 (REST endpoint) origin of the distribution signs its requests with an origin access control (OriginAccessControlId) or a legacy origin access identity (S3OriginConfig.OriginAccessIdentity).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list, str } from '../../inventory/readers.js';
import { isReference, isUnknown, type PropValue, type Unknown } from '../../inventory/values.js';

// REST endpoints only: website endpoints (s3-website) are custom origins, which CloudFront cannot sign for.
const S3_REST_DOMAIN = /\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;
// CloudFormation attribute names, then the Terraform ones.
const BUCKET_DOMAIN_ATTRIBUTES = new Set(['DomainName', 'RegionalDomainName', 'DualStackDomainName', 'bucket_domain_name', 'bucket_regional_domain_name']);

/** True, false, or undefined when the input cannot say whether the origin is an S3 bucket. */
function isS3Origin(origin: PropValue): boolean | undefined {
  const s3Config = at(origin, 'S3OriginConfig');
  if (s3Config !== undefined && s3Config !== null) return true;
  const customConfig = at(origin, 'CustomOriginConfig');
  if (customConfig !== undefined && customConfig !== null) return false;
  const domain = at(origin, 'DomainName');
  if (isReference(domain)) return domain.attribute !== undefined && BUCKET_DOMAIN_ATTRIBUTES.has(domain.attribute) ? true : undefined;
  const text = str(domain);
  if (typeof text === 'string') return S3_REST_DOMAIN.test(text.toLowerCase()) && !text.includes('s3-website');
  return undefined;
}

/** Whether a setting is set; an Unknown when the input cannot say. */
function filled(value: PropValue | undefined): boolean | Unknown {
  if (isReference(value)) return true;
  const text = str(value);
  if (isUnknown(text)) return text.template !== undefined ? true : text;
  return typeof text === 'string' && text.trim() !== '';
}

export default defineCheck({
  id: 'cloudfront-s3-origin-access',
  title: 'CloudFront reaches S3 origins through origin access control',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'An S3 origin without origin access control (or the legacy origin access identity) is fetched anonymously, so its bucket must be readable by everyone, and anyone can bypass the distribution (its WAF, geo restriction, signed URLs and logs) by asking S3 directly. With OAC, CloudFront signs each request and the bucket policy can admit only that distribution. CloudFront does the signing; configuring it and the bucket policy is the customer\'s. Security Hub CloudFront.2 accepts only an origin access identity; demarc accepts either, since AWS recommends OAC over OAI.',
  remediation: {
    console: 'CloudFront console > the distribution > Origins > the S3 origin > Edit > Origin access: Origin access control settings (recommended), create or choose a control, then update the bucket policy as the console proposes.',
    cloudformation: 'AWS::CloudFront::OriginAccessControl, and AWS::CloudFront::Distribution.DistributionConfig.Origins[].OriginAccessControlId: !GetAtt Control.Id (with S3OriginConfig.OriginAccessIdentity: "")',
    terraform: 'aws_cloudfront_origin_access_control, and aws_cloudfront_distribution origin { origin_access_control_id = aws_cloudfront_origin_access_control.<name>.id }',
  },
  evaluate(distribution) {
    const config = distribution.properties['DistributionConfig'];
    if (isUnknown(config)) return unknown(config, 'DistributionConfig');
    const origins = list(at(config, 'Origins'));
    if (isUnknown(origins)) return unknown(origins, 'DistributionConfig.Origins');
    const findings: Evaluation[] = [];
    let s3Origins = 0;
    (origins ?? []).forEach((origin, index) => {
      const path = `DistributionConfig.Origins.${index}`;
      const id = str(at(origin, 'Id'));
      const label = typeof id === 'string' ? `origin ${id}` : `origin ${index}`;
      const s3 = isS3Origin(origin);
      if (s3 === false) return;
      if (s3 === undefined) {
        findings.push(unknown(`cannot tell whether ${label} is an S3 bucket: its domain name is not known from the input`, `${path}.DomainName`));
        return;
      }
      s3Origins += 1;
      const control = filled(at(origin, 'OriginAccessControlId'));
      const identity = filled(at(origin, 'S3OriginConfig', 'OriginAccessIdentity'));
      if (control === true || identity === true) return;
      if (control !== false) findings.push(unknown(control, `${path}.OriginAccessControlId`));
      else if (identity !== false) findings.push(unknown(identity, `${path}.S3OriginConfig.OriginAccessIdentity`));
      else findings.push(fail(`${label} is an S3 bucket fetched without origin access control or identity: the bucket must be public for it, and can be read around the distribution`, `${path}.OriginAccessControlId`));
    });
    if (findings.length > 0) return findings;
    if (s3Origins === 0) return notApplicable('the distribution has no S3 bucket origins');
    return pass(`${s3Origins === 1 ? 'the S3 origin is' : `all ${s3Origins} S3 origins are`} reached with origin access control or identity`, 'DistributionConfig.Origins');
  },
});
