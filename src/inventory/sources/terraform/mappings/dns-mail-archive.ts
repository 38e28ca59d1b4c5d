import type { MappingTable } from './dsl.js';

/** Route 53 DNSSEC signing, a resource of its own in both CloudFormation and the provider. */
export const dnsMailArchiveMappings: MappingTable = {
  aws_route53_hosted_zone_dnssec: {
    cfnType: 'AWS::Route53::DNSSEC',
    // CloudFormation's DNSSEC resource always signs; the provider can declare one that does not (NOT_SIGNING).
    fields: { hosted_zone_id: 'HostedZoneId', signing_status: 'SigningStatus' },
    defaults: { signing_status: 'SIGNING' },
  },
};
