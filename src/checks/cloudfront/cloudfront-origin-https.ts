// Compliant: every custom origin of the distribution is reached over HTTPS only (OriginProtocolPolicy https-only) with TLSv1.2 as the only origin protocol (no SSLv3, TLSv1, TLSv1.1).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list, str, strings } from '../../inventory/readers.js';
import { isUnknown, type PropValue } from '../../inventory/values.js';

const WEAK_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

function judge(custom: PropValue, label: string, path: string): Evaluation | undefined {
  const policy = str(at(custom, 'OriginProtocolPolicy'));
  if (isUnknown(policy)) return unknown(policy, `${path}.OriginProtocolPolicy`);
  if (policy !== 'https-only') {
    return fail(`${label} is reached over ${policy === 'match-viewer' ? 'HTTP whenever the viewer uses HTTP (match-viewer)' : `plain HTTP (OriginProtocolPolicy ${policy ?? 'not set'})`}`, `${path}.OriginProtocolPolicy`);
  }
  const protocols = strings(at(custom, 'OriginSSLProtocols'));
  if (protocols === undefined) return unknown(`${label} sets no OriginSSLProtocols, so the protocols CloudFront offers it are not known from the input`, `${path}.OriginSSLProtocols`);
  const unread = protocols.find(isUnknown);
  if (unread) return unknown(unread, `${path}.OriginSSLProtocols`);
  const weak = protocols.filter((protocol) => typeof protocol === 'string' && WEAK_PROTOCOLS.has(protocol));
  if (weak.length > 0) return fail(`${label} may be reached with ${weak.join(', ')}: CloudFront falls back to the oldest protocol the origin accepts`, `${path}.OriginSSLProtocols`);
  return undefined;
}

export default defineCheck({
  id: 'cloudfront-origin-https',
  title: 'CloudFront reaches custom origins over HTTPS with TLS 1.2',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'Viewer HTTPS protects only the first hop: with http-only or match-viewer, CloudFront fetches from the origin over plain HTTP across the internet, and with SSLv3, TLSv1 or TLSv1.1 allowed it negotiates a protocol with known weaknesses. CloudFront implements both; which the origin accepts is the customer\'s choice per origin. S3 website endpoints speak only HTTP and so fail: serve from the bucket\'s REST endpoint with origin access control instead. demarc asks for HTTPS only and TLSv1.2 only, stricter than Security Hub CloudFront.9 (which accepts match-viewer when viewers are forced to HTTPS) and CloudFront.10 (which looks only for SSLv3).',
  remediation: {
    console: 'CloudFront console > the distribution > Origins > each custom origin > Edit > Protocol: HTTPS only; Minimum origin SSL protocol: TLSv1.2.',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.Origins[].CustomOriginConfig: OriginProtocolPolicy https-only, OriginSSLProtocols [TLSv1.2]',
    terraform: 'aws_cloudfront_distribution origin { custom_origin_config { origin_protocol_policy = "https-only", origin_ssl_protocols = ["TLSv1.2"] } }',
  },
  evaluate(distribution) {
    const config = distribution.properties['DistributionConfig'];
    if (isUnknown(config)) return unknown(config, 'DistributionConfig');
    const origins = list(at(config, 'Origins'));
    if (isUnknown(origins)) return unknown(origins, 'DistributionConfig.Origins');
    const findings: Evaluation[] = [];
    let custom = 0;
    (origins ?? []).forEach((origin, index) => {
      const settings = at(origin, 'CustomOriginConfig');
      const path = `DistributionConfig.Origins.${index}.CustomOriginConfig`;
      if (isUnknown(settings)) {
        findings.push(unknown(settings, path));
        return;
      }
      if (settings === undefined || settings === null) return;
      custom += 1;
      const id = str(at(origin, 'Id'));
      const outcome = judge(settings, typeof id === 'string' ? `origin ${id}` : `origin ${index}`, path);
      if (outcome) findings.push(outcome);
    });
    if (findings.length > 0) return findings;
    if (custom === 0) return notApplicable('the distribution has no custom origins');
    return pass(`${custom === 1 ? 'the custom origin is' : `all ${custom} custom origins are`} reached over HTTPS only, with TLSv1.2`, 'DistributionConfig.Origins');
  },
});
