import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const ZONE = 'AWS::Route53::HostedZone';
const DNSSEC = 'AWS::Route53::DNSSEC';

/** A private zone's VPCs in CloudFormation's shape; a private zone always has one, so none is no answer. */
function vpcsOf(vpcs: ReadonlyArray<{ VPCId?: string; VPCRegion?: string }> | undefined): unknown {
  if (vpcs === undefined || vpcs.length === 0) return new Unknown('the private hosted zone reported no VPCs (route53:GetHostedZone)');
  return vpcs.map((vpc) => ({ VPCId: vpc.VPCId, VPCRegion: vpc.VPCRegion }));
}

/** Route 53: hosted zones, the VPCs of private ones, each public zone's DNS query logging and DNSSEC signing. */
export default defineCollector({
  service: 'route53',
  global: true,
  resourceTypes: [ZONE, DNSSEC],
  calls: ['route53:ListHostedZones', 'route53:GetHostedZone', 'route53:ListQueryLoggingConfigs', 'route53:GetDNSSEC'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-route-53');
    const route53 = ctx.client(sdk.Route53Client);
    await listing(ctx, [ZONE, DNSSEC], async () => {
      const zones = [];
      for await (const page of ctx.pages(route53, 'route53:ListHostedZones', (Marker) => new sdk.ListHostedZonesCommand({ Marker }), (page) => (page.IsTruncated ? page.NextMarker : undefined))) zones.push(...(page.HostedZones ?? []));
      await ctx.each(zones, async (zone) => {
        const id = (zone.Id ?? '').replace(/^\/hostedzone\//, '');
        if (!id) return;
        const arn = `arn:${ctx.partition}:route53:::hostedzone/${id}`;
        const isPrivate = zone.Config?.PrivateZone === true;
        // A zone has at most one query logging configuration, and only a public zone can have one.
        const logging = isPrivate ? ABSENT : await ctx.detail(route53, 'route53:ListQueryLoggingConfigs', new sdk.ListQueryLoggingConfigsCommand({ HostedZoneId: id }), arn);
        const detail = isPrivate ? await ctx.detail(route53, 'route53:GetHostedZone', new sdk.GetHostedZoneCommand({ Id: id }), arn) : ABSENT;
        // Private zones cannot be signed; for a public one the signing state is a resource of its own, as in templates.
        if (!isPrivate && ctx.wants(DNSSEC)) {
          const dnssec = await ctx.detail(route53, 'route53:GetDNSSEC', new sdk.GetDNSSECCommand({ HostedZoneId: id }), arn);
          const status = fromDetail(dnssec, (output) => output.Status?.ServeSignature ?? new Unknown('the zone reported no DNSSEC signing status (route53:GetDNSSEC)'));
          ctx.emit({ type: DNSSEC, id: `${arn}/dnssec`, region: null, properties: props({ HostedZoneId: arn, SigningStatus: status }) });
        }
        ctx.emit({
          type: ZONE,
          id: arn,
          arn,
          name: zone.Name,
          region: null,
          properties: props({
            Name: zone.Name,
            HostedZoneConfig: zone.Config?.Comment === undefined ? undefined : { Comment: zone.Config.Comment },
            VPCs: fromDetail(detail, (output) => vpcsOf(output.VPCs)),
            QueryLoggingConfig: fromDetail(logging, (output) => {
              const config = output.QueryLoggingConfigs?.[0];
              return config === undefined ? undefined : { CloudWatchLogsLogGroupArn: config.CloudWatchLogsLogGroupArn };
            }),
          }),
        });
      });
    });
  },
});
