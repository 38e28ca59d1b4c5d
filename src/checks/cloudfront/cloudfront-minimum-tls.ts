// Compliant: the distribution uses its own certificate with MinimumProtocolVersion TLSv1.2_2021 or newer.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { cloudFrontPolicyIsModern } from '../lib/network.js';

export default defineCheck({
  id: 'cloudfront-minimum-tls',
  title: 'CloudFront enforces a modern minimum TLS version',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'The viewer security policy sets the oldest protocol and ciphers CloudFront will negotiate. Policies older than TLSv1.2_2021 still accept TLS 1.0/1.1 or CBC cipher suites. The *.cloudfront.net default certificate cannot enforce anything newer than TLSv1, so a distribution that must enforce TLS 1.2 needs its own certificate. Choosing the policy is the customer\'s.',
  remediation: {
    console: 'CloudFront console > the distribution > General > Settings > Edit > Custom SSL certificate (from ACM in us-east-1) and Security policy TLSv1.2_2021 (recommended) or newer.',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.ViewerCertificate: {AcmCertificateArn: ..., SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}',
    terraform: 'aws_cloudfront_distribution viewer_certificate { acm_certificate_arn = ..., ssl_support_method = "sni-only", minimum_protocol_version = "TLSv1.2_2021" }',
  },
  evaluate(distribution) {
    const path = 'DistributionConfig.ViewerCertificate';
    const certificate = at(distribution.properties, 'DistributionConfig', 'ViewerCertificate');
    if (isUnknown(certificate)) return unknown(certificate, path);
    const usesDefault = bool(at(certificate, 'CloudFrontDefaultCertificate'));
    if (isUnknown(usesDefault)) return unknown(usesDefault, `${path}.CloudFrontDefaultCertificate`);
    const custom = at(certificate, 'AcmCertificateArn') ?? at(certificate, 'IamCertificateId');
    if (certificate === undefined || usesDefault === true || custom === undefined) {
      return fail('the distribution uses the default *.cloudfront.net certificate, which accepts TLSv1; use a custom certificate with TLSv1.2_2021 or newer', certificate === undefined ? 'DistributionConfig' : path);
    }
    const version = str(at(certificate, 'MinimumProtocolVersion'));
    if (isUnknown(version)) return unknown(version, `${path}.MinimumProtocolVersion`);
    if (version === undefined) return fail('MinimumProtocolVersion is not set, so the distribution does not pin TLSv1.2_2021 or newer; set it explicitly', path);
    const modern = cloudFrontPolicyIsModern(version);
    if (modern === undefined) return unknown(`MinimumProtocolVersion ${version} is a policy this check does not know`, `${path}.MinimumProtocolVersion`);
    return modern
      ? pass(`the viewer security policy is ${version}`, `${path}.MinimumProtocolVersion`)
      : fail(`the viewer security policy ${version} is older than TLSv1.2_2021 and still accepts older protocols or weak ciphers`, `${path}.MinimumProtocolVersion`);
  },
});
