// Compliant: the public hosted zone signs its records with DNSSEC (an AWS::Route53::DNSSEC for the zone, signing); private zones are not applicable.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { pointsAt } from '../lib/network.js';

const DNSSEC = 'AWS::Route53::DNSSEC';

export default defineCheck({
  id: 'route53-public-zone-dnssec-signing',
  title: 'Route 53 public hosted zone signs its records with DNSSEC',
  service: 'route53',
  resourceTypes: ['AWS::Route53::HostedZone'],
  reads: [DNSSEC],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'low',
  rationale:
    'Without DNSSEC a validating resolver cannot tell a genuine answer for the zone from a forged one, so cache poisoning and on-path spoofing can send the zone\'s users to an attacker\'s address. Route 53 signs a public zone only once the customer enables DNSSEC signing with a key-signing key backed by a KMS key, and the chain of trust holds only when the parent zone also carries the DS record: demarc sees the signing, not the DS record. Private zones cannot be signed and are not judged.',
  remediation: {
    console: 'Route 53 console > Hosted zones > the public zone > DNSSEC signing > Enable DNSSEC signing: create a key-signing key (asymmetric ECC_NIST_P256 KMS key in us-east-1), then add the DS record at the parent zone or registrar.',
    cloudformation: 'AWS::Route53::KeySigningKey { HostedZoneId: !Ref <Zone>, Status: ACTIVE, ... } and AWS::Route53::DNSSEC { HostedZoneId: !Ref <Zone> } (DependsOn the key-signing key)',
    terraform: 'aws_route53_key_signing_key { hosted_zone_id = aws_route53_zone.<name>.id, ... } and aws_route53_hosted_zone_dnssec { hosted_zone_id = aws_route53_zone.<name>.id }',
  },
  evaluate(zone, context) {
    const vpcs = list(at(zone.properties, 'VPCs'));
    if (isUnknown(vpcs)) return unknown(vpcs, 'VPCs');
    if (vpcs !== undefined && vpcs.length > 0) return notApplicable('Route 53 does not sign private hosted zones with DNSSEC');
    let unresolved: string | undefined;
    for (const signing of context.inventory.ofType(DNSSEC)) {
      const match = pointsAt(signing.properties['HostedZoneId'], zone, context.inventory);
      if (isUnknown(match)) unresolved ??= signing.id;
      if (match !== true) continue;
      // A CloudFormation DNSSEC resource always signs; the provider and the API also report other states.
      const status = str(at(signing.properties, 'SigningStatus'));
      if (isUnknown(status)) return unknown(status, 'SigningStatus');
      if (status === undefined || status === 'SIGNING') return pass('DNSSEC signing is enabled for the zone');
      if (status === 'NOT_SIGNING' || status === 'DELETING') return fail(`DNSSEC signing of the zone is ${status}: its answers are not signed`);
      return fail(`DNSSEC signing of the zone is in state ${status}: Route 53 needs action (a key-signing key or its KMS key) before it signs reliably`);
    }
    if (unresolved) return unknown(`DNSSEC configuration ${unresolved} names a hosted zone that cannot be resolved; it may be this zone`);
    return fail('the public hosted zone has no DNSSEC signing: resolvers cannot authenticate its answers');
  },
});
