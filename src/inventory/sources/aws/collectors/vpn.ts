import type { TunnelOption } from '@aws-sdk/client-ec2';
import { defineCollector, listing } from '../collector.js';
import { props, tagsList } from '../props.js';

const VPN_CONNECTION = 'AWS::EC2::VPNConnection';

/** One tunnel in the shape of CloudFormation's `VpnTunnelOptionsSpecifications`; the pre-shared key is never kept. */
function tunnelSpecification(tunnel: TunnelOption): Record<string, unknown> {
  const cloudwatch = tunnel.LogOptions?.CloudWatchLogOptions;
  return {
    TunnelInsideCidr: tunnel.TunnelInsideCidr,
    LogOptions: tunnel.LogOptions ? { CloudwatchLogOptions: cloudwatch ? { LogEnabled: cloudwatch.LogEnabled, LogGroupArn: cloudwatch.LogGroupArn, LogOutputFormat: cloudwatch.LogOutputFormat } : undefined } : undefined,
    IKEVersions: tunnel.IkeVersions,
    Phase1EncryptionAlgorithms: tunnel.Phase1EncryptionAlgorithms,
    Phase1IntegrityAlgorithms: tunnel.Phase1IntegrityAlgorithms,
    Phase1DHGroupNumbers: tunnel.Phase1DHGroupNumbers,
    Phase2EncryptionAlgorithms: tunnel.Phase2EncryptionAlgorithms,
    Phase2IntegrityAlgorithms: tunnel.Phase2IntegrityAlgorithms,
    Phase2DHGroupNumbers: tunnel.Phase2DHGroupNumbers,
  };
}

export default defineCollector({
  service: 'vpn',
  global: false,
  resourceTypes: [VPN_CONNECTION],
  calls: ['ec2:DescribeVpnConnections'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ec2');
    const ec2 = ctx.client(sdk.EC2Client);
    await listing(ctx, [VPN_CONNECTION], async () => {
      // DescribeVpnConnections is not paginated: one call returns every connection of the region.
      const output = await ctx.call(ec2, 'ec2:DescribeVpnConnections', new sdk.DescribeVpnConnectionsCommand({}));
      for (const connection of output.VpnConnections ?? []) {
        const id = connection.VpnConnectionId;
        // Deleted connections stay listed for a while; they carry no traffic.
        if (!id || connection.State === 'deleted') continue;
        const arn = ctx.arn('ec2', `vpn-connection/${id}`);
        const tunnels = connection.Options?.TunnelOptions;
        ctx.emit({
          type: VPN_CONNECTION,
          id: arn,
          arn,
          name: id,
          properties: props({
            CustomerGatewayId: connection.CustomerGatewayId,
            Type: connection.Type,
            VpnGatewayId: connection.VpnGatewayId,
            TransitGatewayId: connection.TransitGatewayId,
            StaticRoutesOnly: connection.Options?.StaticRoutesOnly,
            VpnTunnelOptionsSpecifications: tunnels?.map(tunnelSpecification),
            Tags: tagsList(connection.Tags),
          }),
        });
      }
    });
  },
});
