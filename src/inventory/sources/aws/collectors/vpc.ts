import type { IpPermission } from '@aws-sdk/client-ec2';
import type { PropRecord } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { props, tagsList } from '../props.js';

const VPC = 'AWS::EC2::VPC';
const SUBNET = 'AWS::EC2::Subnet';
const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';
const NETWORK_ACL = 'AWS::EC2::NetworkAcl';
const NETWORK_ACL_ENTRY = 'AWS::EC2::NetworkAclEntry';
const FLOW_LOG = 'AWS::EC2::FlowLog';
const NETWORK_INTERFACE = 'AWS::EC2::NetworkInterface';

/** One API permission lists many sources; CloudFormation writes one rule per source. */
export function securityGroupRules(permissions: readonly IpPermission[] | undefined): PropRecord[] {
  const rules: PropRecord[] = [];
  for (const permission of permissions ?? []) {
    const base = { IpProtocol: permission.IpProtocol, FromPort: permission.FromPort, ToPort: permission.ToPort };
    for (const range of permission.IpRanges ?? []) rules.push(props({ ...base, CidrIp: range.CidrIp, Description: range.Description }));
    for (const range of permission.Ipv6Ranges ?? []) rules.push(props({ ...base, CidrIpv6: range.CidrIpv6, Description: range.Description }));
    for (const pair of permission.UserIdGroupPairs ?? []) rules.push(props({ ...base, SourceSecurityGroupId: pair.GroupId, SourceSecurityGroupOwnerId: pair.UserId, Description: pair.Description }));
    for (const list of permission.PrefixListIds ?? []) rules.push(props({ ...base, SourcePrefixListId: list.PrefixListId, Description: list.Description }));
  }
  return rules;
}

export default defineCollector({
  service: 'vpc',
  global: false,
  resourceTypes: [VPC, SUBNET, SECURITY_GROUP, NETWORK_ACL, NETWORK_ACL_ENTRY, FLOW_LOG, NETWORK_INTERFACE],
  calls: ['ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeNetworkAcls', 'ec2:DescribeFlowLogs', 'ec2:DescribeNetworkInterfaces'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ec2');
    const ec2 = ctx.client(sdk.EC2Client);
    await listing(ctx, [VPC], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeVpcs', (NextToken) => new sdk.DescribeVpcsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const vpc of page.Vpcs ?? []) {
          const arn = ctx.arn('ec2', `vpc/${vpc.VpcId ?? ''}`);
          ctx.emit({ type: VPC, id: arn, arn, name: vpc.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? vpc.VpcId, properties: props({ VpcId: vpc.VpcId, CidrBlock: vpc.CidrBlock, IsDefault: vpc.IsDefault, Tags: tagsList(vpc.Tags) }) });
        }
      }
    });
    await listing(ctx, [SUBNET], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeSubnets', (NextToken) => new sdk.DescribeSubnetsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const subnet of page.Subnets ?? []) {
          const arn = subnet.SubnetArn ?? ctx.arn('ec2', `subnet/${subnet.SubnetId ?? ''}`);
          ctx.emit({
            type: SUBNET,
            id: arn,
            arn,
            name: subnet.SubnetId,
            properties: props({ SubnetId: subnet.SubnetId, VpcId: subnet.VpcId, CidrBlock: subnet.CidrBlock, AvailabilityZone: subnet.AvailabilityZone, MapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch, DefaultForAz: subnet.DefaultForAz }),
          });
        }
      }
    });
    await listing(ctx, [SECURITY_GROUP], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeSecurityGroups', (NextToken) => new sdk.DescribeSecurityGroupsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const group of page.SecurityGroups ?? []) {
          const arn = group.SecurityGroupArn ?? ctx.arn('ec2', `security-group/${group.GroupId ?? ''}`);
          ctx.emit({
            type: SECURITY_GROUP,
            id: arn,
            arn,
            name: group.GroupName,
            properties: props({
              GroupId: group.GroupId,
              GroupName: group.GroupName,
              GroupDescription: group.Description,
              VpcId: group.VpcId,
              SecurityGroupIngress: securityGroupRules(group.IpPermissions),
              SecurityGroupEgress: securityGroupRules(group.IpPermissionsEgress),
              Tags: tagsList(group.Tags),
            }),
          });
        }
      }
    });
    await listing(ctx, [NETWORK_ACL, NETWORK_ACL_ENTRY], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeNetworkAcls', (NextToken) => new sdk.DescribeNetworkAclsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const acl of page.NetworkAcls ?? []) {
          const aclId = acl.NetworkAclId ?? '';
          const arn = ctx.arn('ec2', `network-acl/${aclId}`);
          ctx.emit({
            type: NETWORK_ACL,
            id: arn,
            arn,
            name: aclId,
            properties: props({ NetworkAclId: aclId, VpcId: acl.VpcId, IsDefault: acl.IsDefault, SubnetIds: (acl.Associations ?? []).map((association) => association.SubnetId) }),
          });
          if (!ctx.wants(NETWORK_ACL_ENTRY)) continue;
          for (const entry of acl.Entries ?? []) {
            ctx.emit({
              type: NETWORK_ACL_ENTRY,
              id: `${arn}/${entry.Egress ? 'egress' : 'ingress'}/${entry.RuleNumber ?? 0}`,
              name: `${aclId}/${entry.Egress ? 'egress' : 'ingress'}/${entry.RuleNumber ?? 0}`,
              properties: props({
                NetworkAclId: aclId,
                RuleNumber: entry.RuleNumber,
                // The API names protocols by number as a string ("-1", "6"); CloudFormation takes the number.
                Protocol: entry.Protocol === undefined ? undefined : Number(entry.Protocol),
                RuleAction: entry.RuleAction,
                Egress: entry.Egress === true,
                CidrBlock: entry.CidrBlock,
                Ipv6CidrBlock: entry.Ipv6CidrBlock,
                PortRange: entry.PortRange ? { From: entry.PortRange.From, To: entry.PortRange.To } : undefined,
              }),
            });
          }
        }
      }
    });
    await listing(ctx, [FLOW_LOG], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeFlowLogs', (NextToken) => new sdk.DescribeFlowLogsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const log of page.FlowLogs ?? []) {
          const arn = ctx.arn('ec2', `vpc-flow-log/${log.FlowLogId ?? ''}`);
          const resourceId = log.ResourceId ?? '';
          const resourceType = resourceId.startsWith('vpc-') ? 'VPC' : resourceId.startsWith('subnet-') ? 'Subnet' : resourceId.startsWith('eni-') ? 'NetworkInterface' : undefined;
          ctx.emit({
            type: FLOW_LOG,
            id: arn,
            arn,
            name: log.FlowLogId,
            properties: props({
              ResourceId: resourceId,
              ResourceType: resourceType,
              TrafficType: log.TrafficType,
              LogDestinationType: log.LogDestinationType,
              LogDestination: log.LogDestination,
              LogGroupName: log.LogGroupName,
              FlowLogStatus: log.FlowLogStatus,
            }),
          });
        }
      }
    });
    await listing(ctx, [NETWORK_INTERFACE], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeNetworkInterfaces', (NextToken) => new sdk.DescribeNetworkInterfacesCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const nic of page.NetworkInterfaces ?? []) {
          const arn = ctx.arn('ec2', `network-interface/${nic.NetworkInterfaceId ?? ''}`);
          ctx.emit({
            type: NETWORK_INTERFACE,
            id: arn,
            arn,
            name: nic.NetworkInterfaceId,
            properties: props({
              SubnetId: nic.SubnetId,
              GroupSet: (nic.Groups ?? []).map((group) => group.GroupId),
              InterfaceType: nic.InterfaceType,
              PublicIp: nic.Association?.PublicIp,
              AttachmentInstanceId: nic.Attachment?.InstanceId,
              RequesterManaged: nic.RequesterManaged,
            }),
          });
        }
      }
    });
  },
});
