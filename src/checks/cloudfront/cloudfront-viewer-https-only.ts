// Compliant: every cache behavior of the distribution has a ViewerProtocolPolicy of redirect-to-https or https-only, never allow-all.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list, str } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';

function judge(behavior: PropValue | undefined, label: string, path: string): Evaluation | undefined {
  const policy = str(at(behavior, 'ViewerProtocolPolicy'));
  if (isUnknown(policy)) return unknown(policy, `${path}.ViewerProtocolPolicy`);
  if (policy === 'redirect-to-https' || policy === 'https-only') return undefined;
  if (policy === 'allow-all') return fail(`${label} allows viewers to use plain HTTP (ViewerProtocolPolicy allow-all)`, `${path}.ViewerProtocolPolicy`);
  return unknown(`${label} has ViewerProtocolPolicy ${policy ?? '(none)'}, which this check does not know`, path);
}

export default defineCheck({
  id: 'cloudfront-viewer-https-only',
  title: 'CloudFront requires HTTPS from viewers',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'With allow-all, viewers can fetch content and send cookies or form data over plain HTTP, where anyone on the path can read or change it. CloudFront supports HTTPS on every distribution; whether to insist on it is the viewer protocol policy, a customer setting per cache behavior.',
  remediation: {
    console: 'CloudFront console > the distribution > Behaviors > each behavior > Edit > Viewer protocol policy: Redirect HTTP to HTTPS (or HTTPS only).',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy (and each CacheBehaviors[].ViewerProtocolPolicy): redirect-to-https',
    terraform: 'aws_cloudfront_distribution default_cache_behavior / ordered_cache_behavior { viewer_protocol_policy = "redirect-to-https" }',
  },
  evaluate(distribution) {
    const config = distribution.properties['DistributionConfig'];
    if (isUnknown(config)) return unknown(config, 'DistributionConfig');
    const findings: Evaluation[] = [];
    const base = 'DistributionConfig.DefaultCacheBehavior';
    const first = judge(at(config, 'DefaultCacheBehavior'), 'the default cache behavior', base);
    if (first) findings.push(first);
    const behaviors = list(at(config, 'CacheBehaviors'));
    if (isUnknown(behaviors)) findings.push(unknown(behaviors, 'DistributionConfig.CacheBehaviors'));
    (isUnknown(behaviors) ? [] : (behaviors ?? [])).forEach((behavior, index) => {
      const pattern = str(at(behavior, 'PathPattern'));
      const label = typeof pattern === 'string' ? `the cache behavior for ${pattern}` : `cache behavior ${index}`;
      const outcome = judge(behavior, label, `DistributionConfig.CacheBehaviors.${index}`);
      if (outcome) findings.push(outcome);
    });
    return findings.length > 0 ? findings : pass('every cache behavior redirects viewers to HTTPS or accepts HTTPS only', `${base}.ViewerProtocolPolicy`);
  },
});
