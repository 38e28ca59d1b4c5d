// Compliant: both tunnels of the Site-to-Site VPN connection send their logs to CloudWatch Logs (LogOptions.CloudwatchLogOptions.LogEnabled true on each).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, list } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

const TUNNELS = 2;

export default defineCheck({
  id: 'vpn-connection-tunnel-logging',
  title: 'Site-to-Site VPN connection logs both tunnels',
  service: 'vpn',
  resourceTypes: ['AWS::EC2::VPNConnection'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Tunnel logs record IKE and IPsec negotiation, dead-peer detection and tunnel up and down events, with the peer\'s address: the evidence to tell a misconfigured or failing customer gateway from someone trying to negotiate with the tunnel endpoints. AWS writes them only when the customer turns them on, per tunnel, to a CloudWatch Logs group; the default is off. Every VPN connection has two tunnels and traffic may move to either, so demarc wants both logged.',
  remediation: {
    console: 'VPC console > Site-to-Site VPN connections > connection > Actions > Modify VPN tunnel options: for each tunnel, enable Tunnel activity log and choose a CloudWatch Logs group.',
    cloudformation: 'AWS::EC2::VPNConnection.VpnTunnelOptionsSpecifications: two entries, each with LogOptions: {CloudwatchLogOptions: {LogEnabled: true, LogGroupArn: <log group ARN>}}',
    terraform: 'aws_vpn_connection { tunnel1_log_options { cloudwatch_log_options { log_enabled = true, log_group_arn = ... } }, tunnel2_log_options { ... } }',
  },
  evaluate(connection) {
    const tunnels = list(at(connection.properties, 'VpnTunnelOptionsSpecifications'));
    if (isUnknown(tunnels)) return unknown(tunnels, 'VpnTunnelOptionsSpecifications');
    // An account reports the options of both tunnels: fewer is an unread answer, not the default.
    if ((tunnels?.length ?? 0) < TUNNELS && isLive(connection)) return unknown('the connection did not report the options of both tunnels (ec2:DescribeVpnConnections)', 'VpnTunnelOptionsSpecifications');
    const unlogged: number[] = [];
    for (let index = 0; index < TUNNELS; index += 1) {
      // A tunnel without options, or without log options, keeps the default: logging off.
      const enabled = bool(at(tunnels?.[index], 'LogOptions', 'CloudwatchLogOptions', 'LogEnabled'));
      if (isUnknown(enabled)) return unknown(enabled, `VpnTunnelOptionsSpecifications[${index}].LogOptions.CloudwatchLogOptions.LogEnabled`);
      if (enabled !== true) unlogged.push(index + 1);
    }
    if (unlogged.length === 0) return pass('both tunnels send their activity logs to CloudWatch Logs', 'VpnTunnelOptionsSpecifications');
    const which = unlogged.length === TUNNELS ? 'neither tunnel logs' : `tunnel ${unlogged.join(' and ')} does not log`;
    return fail(`${which} its activity to CloudWatch Logs (tunnel logging is off by default)`, 'VpnTunnelOptionsSpecifications');
  },
});
