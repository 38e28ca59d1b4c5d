import { base64Text, block, blocks, isRecord, isUnknown, nonEmpty, number, single, tags, type Companion, type Convert, type FieldSpec, type MappingTable, type TypeMapping } from './dsl.js';
import type { Unknown } from '../../../values.js';
import type { PropRecord, PropValue } from '../../../values.js';
import { policyDocument } from './shared.js';

/** Terraform writes "all traffic" as `-1` or `all`; CloudFormation as `-1`. */
function protocolOf(value: PropValue | undefined): PropValue {
  if (value === 'all' || value === '-1' || value === -1) return '-1';
  return typeof value === 'number' ? String(value) : (value ?? '-1');
}

function ports(protocol: PropValue, from: PropValue | undefined, to: PropValue | undefined): PropRecord {
  // With every protocol, ports do not apply: CloudFormation (and the EC2 API) leaves them out.
  if (protocol === '-1') return {};
  const out: PropRecord = {};
  if (from !== undefined && from !== null) out['FromPort'] = number(from, {}) ?? from;
  if (to !== undefined && to !== null) out['ToPort'] = number(to, {}) ?? to;
  return out;
}

const listOf = (value: PropValue | undefined): PropValue[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/**
 * One Terraform rule (inline `ingress`/`egress` block or `aws_security_group_rule`) as CloudFormation rule entries:
 * CloudFormation allows one source per entry, Terraform a list of each kind.
 */
export function ruleEntries(rule: PropRecord, direction: 'ingress' | 'egress'): PropValue[] {
  const protocol = protocolOf(rule['protocol']);
  const base: PropRecord = { IpProtocol: protocol, ...ports(protocol, rule['from_port'], rule['to_port']) };
  if (typeof rule['description'] === 'string' && rule['description'] !== '') base['Description'] = rule['description'];
  const groupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const sources: PropRecord[] = [];
  const add = (key: string, value: PropValue | undefined): void => {
    if (isUnknown(value)) sources.push({ [key]: value });
    else for (const item of listOf(value)) sources.push({ [key]: item });
  };
  add('CidrIp', rule['cidr_blocks']);
  add('CidrIpv6', rule['ipv6_cidr_blocks']);
  add(groupKey, rule['security_groups'] ?? rule['source_security_group_id']);
  add(prefixKey, rule['prefix_list_ids']);
  if (rule['self'] === true) sources.push({ [groupKey]: 'self' });
  return sources.length === 0 ? [base] : sources.map((source) => ({ ...base, ...source }));
}

const inlineRules = (direction: 'ingress' | 'egress'): Convert => (value) => {
  if (!Array.isArray(value)) return value;
  return value.flatMap((rule) => (isRecord(rule) ? ruleEntries(rule, direction) : [rule]));
};

/** `aws_vpc_security_group_ingress_rule` / `_egress_rule`: one source per rule already. */
function vpcRuleEntry(rule: PropRecord, direction: 'ingress' | 'egress'): PropRecord {
  const protocol = protocolOf(rule['ip_protocol']);
  const entry: PropRecord = { IpProtocol: protocol, ...ports(protocol, rule['from_port'], rule['to_port']) };
  const copy = (from: string, to: string): void => {
    const value = rule[from];
    if (value !== undefined && value !== null) entry[to] = value;
  };
  copy('cidr_ipv4', 'CidrIp');
  copy('cidr_ipv6', 'CidrIpv6');
  copy('referenced_security_group_id', direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId');
  copy('prefix_list_id', direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId');
  copy('description', 'Description');
  return entry;
}

const groupLink = { types: ['aws_security_group', 'aws_default_security_group'], attribute: 'security_group_id', keys: ['id', 'arn', 'name'], mode: 'append' } as const;

const securityGroup: TypeMapping = {
  cfnType: 'AWS::EC2::SecurityGroup',
  name: 'name',
  fields: {
    name: 'GroupName',
    description: 'GroupDescription',
    vpc_id: 'VpcId',
    ingress: ['SecurityGroupIngress', inlineRules('ingress')],
    egress: ['SecurityGroupEgress', inlineRules('egress')],
    tags: ['Tags', tags],
  },
  // Terraform removes the default allow-all egress rule that AWS adds: no egress block means no egress.
  defaults: { egress: [], ingress: [] },
  computed: ['ingress', 'egress'],
};

const standaloneRule = (cfnType: string, build: (attributes: PropRecord) => PropRecord): TypeMapping => ({ cfnType, build });

const EBS: FieldSpec = {
  encrypted: ['Encrypted', (value) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value)],
  kms_key_id: 'KmsKeyId',
  volume_size: 'VolumeSize',
  volume_type: 'VolumeType',
  iops: 'Iops',
  throughput: 'Throughput',
  delete_on_termination: ['DeleteOnTermination', (value) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value)],
  snapshot_id: 'SnapshotId',
};

/** Instances and launch configurations: `root_block_device` and `ebs_block_device` as `BlockDeviceMappings`. */
function instanceBlockDevices(attributes: PropRecord): PropRecord {
  const out: PropValue[] = [];
  let unknownDevices: Unknown | undefined;
  for (const key of ['root_block_device', 'ebs_block_device']) {
    const value = attributes[key];
    if (isUnknown(value)) {
      unknownDevices = value;
      continue;
    }
    for (const device of listOf(value)) {
      if (!isRecord(device)) continue;
      const ebs = blocks(EBS)([device], attributes);
      const entry: PropRecord = {};
      if (typeof device['device_name'] === 'string' && device['device_name'] !== '') entry['DeviceName'] = device['device_name'];
      else if (key === 'root_block_device') entry['DeviceName'] = typeof attributes['root_device_name'] === 'string' ? attributes['root_device_name'] : '/dev/xvda';
      entry['Ebs'] = Array.isArray(ebs) ? (ebs[0] ?? {}) : (ebs ?? {});
      out.push(entry);
    }
  }
  if (unknownDevices && out.length === 0) return { BlockDeviceMappings: unknownDevices };
  return out.length > 0 ? { BlockDeviceMappings: out } : {};
}

const METADATA: FieldSpec = {
  http_endpoint: 'HttpEndpoint',
  http_tokens: 'HttpTokens',
  http_put_response_hop_limit: 'HttpPutResponseHopLimit',
  instance_metadata_tags: 'InstanceMetadataTags',
  http_protocol_ipv6: 'HttpProtocolIpv6',
};

const LAUNCH_TEMPLATE_REF: FieldSpec = { id: 'LaunchTemplateId', name: 'LaunchTemplateName', version: 'Version' };

const instance: TypeMapping = {
  cfnType: 'AWS::EC2::Instance',
  fields: {
    ami: 'ImageId',
    instance_type: 'InstanceType',
    key_name: 'KeyName',
    iam_instance_profile: 'IamInstanceProfile',
    monitoring: 'Monitoring',
    ebs_optimized: 'EbsOptimized',
    user_data: 'UserData',
    user_data_base64: ['UserData', base64Text],
    availability_zone: 'AvailabilityZone',
    tenancy: 'Tenancy',
    disable_api_termination: 'DisableApiTermination',
    source_dest_check: 'SourceDestCheck',
    metadata_options: ['MetadataOptions', block(METADATA)],
    launch_template: ['LaunchTemplate', block(LAUNCH_TEMPLATE_REF)],
    tags: ['Tags', tags],
  },
  computed: ['metadata_options', 'root_block_device', 'ebs_block_device', 'associate_public_ip_address', 'iam_instance_profile', 'key_name', 'monitoring', 'ebs_optimized', 'tenancy', 'source_dest_check'],
  build: (attributes) => {
    const out: PropRecord = { ...instanceBlockDevices(attributes) };
    const groups = attributes['vpc_security_group_ids'];
    const subnet = attributes['subnet_id'];
    const publicIp = attributes['associate_public_ip_address'];
    if (publicIp !== undefined && publicIp !== null) {
      // CloudFormation sets a public address only through a network interface.
      const nic: PropRecord = { DeviceIndex: '0', AssociatePublicIpAddress: publicIp };
      if (subnet !== undefined && subnet !== null) nic['SubnetId'] = subnet;
      const list = nonEmpty(groups ?? [], attributes);
      if (list !== undefined) nic['GroupSet'] = list;
      out['NetworkInterfaces'] = [nic];
    } else {
      if (subnet !== undefined && subnet !== null) out['SubnetId'] = subnet;
      const list = nonEmpty(groups ?? [], attributes);
      if (list !== undefined) out['SecurityGroupIds'] = list;
    }
    const named = nonEmpty(attributes['security_groups'] ?? [], attributes);
    if (named !== undefined) out['SecurityGroups'] = named;
    return out;
  },
};

const launchTemplateEbs: Convert = (value) => {
  if (!Array.isArray(value)) return value;
  return value.map((device) => (isRecord(device) ? { ...(device['device_name'] ? { DeviceName: device['device_name'] } : {}), ...(isRecord(single(device['ebs'])) ? { Ebs: block(EBS)(device['ebs'] ?? null, device) ?? {} } : {}) } : device));
};

const launchTemplate: TypeMapping = {
  cfnType: 'AWS::EC2::LaunchTemplate',
  name: 'name',
  fields: {
    name: 'LaunchTemplateName',
    image_id: 'LaunchTemplateData.ImageId',
    instance_type: 'LaunchTemplateData.InstanceType',
    key_name: 'LaunchTemplateData.KeyName',
    user_data: ['LaunchTemplateData.UserData', base64Text],
    ebs_optimized: ['LaunchTemplateData.EbsOptimized', (value) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value)],
    vpc_security_group_ids: ['LaunchTemplateData.SecurityGroupIds', nonEmpty],
    security_group_names: ['LaunchTemplateData.SecurityGroups', nonEmpty],
    iam_instance_profile: ['LaunchTemplateData.IamInstanceProfile', block({ arn: 'Arn', name: 'Name' })],
    metadata_options: ['LaunchTemplateData.MetadataOptions', block(METADATA)],
    block_device_mappings: ['LaunchTemplateData.BlockDeviceMappings', launchTemplateEbs],
    monitoring: ['LaunchTemplateData.Monitoring', block({ enabled: 'Enabled' })],
    network_interfaces: [
      'LaunchTemplateData.NetworkInterfaces',
      blocks({
        associate_public_ip_address: ['AssociatePublicIpAddress', (value) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value)],
        device_index: 'DeviceIndex',
        subnet_id: 'SubnetId',
        security_groups: 'Groups',
        delete_on_termination: 'DeleteOnTermination',
      }),
    ],
    tags: ['Tags', tags],
  },
};

const launchConfiguration: TypeMapping = {
  cfnType: 'AWS::AutoScaling::LaunchConfiguration',
  name: 'name',
  fields: {
    name: 'LaunchConfigurationName',
    image_id: 'ImageId',
    instance_type: 'InstanceType',
    key_name: 'KeyName',
    user_data: 'UserData',
    user_data_base64: ['UserData', base64Text],
    iam_instance_profile: 'IamInstanceProfile',
    associate_public_ip_address: 'AssociatePublicIpAddress',
    security_groups: ['SecurityGroups', nonEmpty],
    enable_monitoring: 'InstanceMonitoring',
    ebs_optimized: 'EbsOptimized',
    metadata_options: ['MetadataOptions', block(METADATA)],
  },
  computed: ['metadata_options', 'root_block_device', 'ebs_block_device', 'associate_public_ip_address', 'ebs_optimized'],
  build: instanceBlockDevices,
};

const NACL_PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1, '-1': -1 };
const naclProtocol = (value: PropValue | undefined): PropValue => (typeof value === 'string' ? (NACL_PROTOCOLS[value.toLowerCase()] ?? (Number.isFinite(Number(value)) ? Number(value) : value)) : (value ?? -1));

export function naclEntry(rule: PropRecord, egress: boolean, aclId: PropValue): PropRecord {
  const entry: PropRecord = {
    NetworkAclId: aclId,
    RuleNumber: rule['rule_number'] ?? rule['rule_no'] ?? null,
    Protocol: naclProtocol(rule['protocol']),
    RuleAction: rule['rule_action'] ?? rule['action'] ?? null,
    Egress: egress,
  };
  const cidr = rule['cidr_block'];
  if (typeof cidr === 'string' && cidr !== '') entry['CidrBlock'] = cidr;
  else if (isUnknown(cidr)) entry['CidrBlock'] = cidr;
  const ipv6 = rule['ipv6_cidr_block'];
  if (typeof ipv6 === 'string' && ipv6 !== '') entry['Ipv6CidrBlock'] = ipv6;
  if (entry['Protocol'] !== -1 && rule['from_port'] !== undefined) entry['PortRange'] = { From: rule['from_port'] ?? null, To: rule['to_port'] ?? null };
  return entry;
}

export const ec2Mappings: MappingTable = {
  aws_instance: instance,
  aws_launch_template: launchTemplate,
  aws_launch_configuration: launchConfiguration,
  aws_autoscaling_group: {
    cfnType: 'AWS::AutoScaling::AutoScalingGroup',
    name: 'name',
    fields: {
      name: 'AutoScalingGroupName',
      min_size: 'MinSize',
      max_size: 'MaxSize',
      desired_capacity: 'DesiredCapacity',
      launch_configuration: 'LaunchConfigurationName',
      launch_template: ['LaunchTemplate', block(LAUNCH_TEMPLATE_REF)],
      mixed_instances_policy: ['MixedInstancesPolicy', block({ launch_template: ['LaunchTemplate', block({ launch_template_specification: ['LaunchTemplateSpecification', block({ launch_template_id: 'LaunchTemplateId', launch_template_name: 'LaunchTemplateName', version: 'Version' })], override: ['Overrides', (value, all) => nonEmpty(blocks({ instance_type: 'InstanceType', weighted_capacity: 'WeightedCapacity', instance_requirements: ['InstanceRequirements', block({})] })(value, all) ?? [], all)] })] })],
      vpc_zone_identifier: ['VPCZoneIdentifier', nonEmpty],
      availability_zones: ['AvailabilityZones', nonEmpty],
      health_check_type: 'HealthCheckType',
      target_group_arns: ['TargetGroupARNs', nonEmpty],
      load_balancers: ['LoadBalancerNames', nonEmpty],
      traffic_source: ['TrafficSources', (value, all) => nonEmpty(blocks({ identifier: 'Identifier', type: 'Type' })(value, all) ?? [], all)],
    },
  },
  aws_key_pair: { cfnType: 'AWS::EC2::KeyPair', name: 'key_name', fields: { key_name: 'KeyName', public_key: 'PublicKeyMaterial' } },
  aws_ebs_volume: {
    cfnType: 'AWS::EC2::Volume',
    fields: {
      availability_zone: 'AvailabilityZone',
      encrypted: 'Encrypted',
      kms_key_id: 'KmsKeyId',
      size: 'Size',
      type: 'VolumeType',
      iops: 'Iops',
      throughput: 'Throughput',
      snapshot_id: 'SnapshotId',
      multi_attach_enabled: 'MultiAttachEnabled',
      tags: ['Tags', tags],
    },
    computed: ['encrypted', 'kms_key_id'],
  },
  aws_volume_attachment: { cfnType: 'AWS::EC2::VolumeAttachment', fields: { device_name: 'Device', instance_id: 'InstanceId', volume_id: 'VolumeId' } },
  aws_ebs_encryption_by_default: { cfnType: 'Demarc::EC2::EbsEncryptionDefault', fields: { enabled: 'EbsEncryptionByDefault' }, defaults: { enabled: true } },
  aws_ebs_default_kms_key: { cfnType: 'Demarc::EC2::EbsEncryptionDefault', parent: { types: ['aws_ebs_encryption_by_default'], attribute: 'region', keys: ['region'], mode: 'assign' }, fields: { key_arn: 'KmsKeyId' } },

  aws_vpc: {
    cfnType: 'AWS::EC2::VPC',
    fields: { cidr_block: 'CidrBlock', enable_dns_support: 'EnableDnsSupport', enable_dns_hostnames: 'EnableDnsHostnames', instance_tenancy: 'InstanceTenancy', tags: ['Tags', tags] },
  },
  aws_subnet: {
    cfnType: 'AWS::EC2::Subnet',
    fields: { vpc_id: 'VpcId', cidr_block: 'CidrBlock', ipv6_cidr_block: 'Ipv6CidrBlock', availability_zone: 'AvailabilityZone', map_public_ip_on_launch: 'MapPublicIpOnLaunch', assign_ipv6_address_on_creation: 'AssignIpv6AddressOnCreation', tags: ['Tags', tags] },
  },
  aws_security_group: securityGroup,
  aws_default_security_group: { ...securityGroup, defaults: {}, build: () => ({ GroupName: 'default' }) },
  aws_security_group_rule: {
    cfnType: 'AWS::EC2::SecurityGroup',
    parent: groupLink,
    build: (attributes) => {
      const direction = attributes['type'] === 'egress' ? 'egress' : 'ingress';
      return { [direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress']: ruleEntries(attributes, direction) };
    },
    // On a group outside the scan, each source becomes a rule resource of its own, as CloudFormation writes them.
    standalone: (attributes) => {
      const direction = attributes['type'] === 'egress' ? 'egress' : 'ingress';
      const cfnType = direction === 'egress' ? 'AWS::EC2::SecurityGroupEgress' : 'AWS::EC2::SecurityGroupIngress';
      const entries = ruleEntries(attributes, direction).map((entry): PropRecord => ({ GroupId: attributes['security_group_id'] ?? null, ...(isRecord(entry) ? entry : {}) }));
      return {
        cfnType,
        build: () => entries[0] ?? {},
        companions: () => entries.slice(1).map((properties, index) => ({ suffix: `#source${index + 1}`, cfnType, properties })),
      };
    },
  },
  aws_vpc_security_group_ingress_rule: {
    cfnType: 'AWS::EC2::SecurityGroup',
    parent: groupLink,
    build: (attributes) => ({ SecurityGroupIngress: [vpcRuleEntry(attributes, 'ingress')] }),
    standalone: standaloneRule('AWS::EC2::SecurityGroupIngress', (attributes) => ({ GroupId: attributes['security_group_id'] ?? null, ...vpcRuleEntry(attributes, 'ingress') })),
  },
  aws_vpc_security_group_egress_rule: {
    cfnType: 'AWS::EC2::SecurityGroup',
    parent: groupLink,
    build: (attributes) => ({ SecurityGroupEgress: [vpcRuleEntry(attributes, 'egress')] }),
    standalone: standaloneRule('AWS::EC2::SecurityGroupEgress', (attributes) => ({ GroupId: attributes['security_group_id'] ?? null, ...vpcRuleEntry(attributes, 'egress') })),
  },
  aws_network_acl: { cfnType: 'AWS::EC2::NetworkAcl', fields: { vpc_id: 'VpcId', tags: ['Tags', tags] }, companions: networkAclCompanions },
  aws_default_network_acl: { cfnType: 'AWS::EC2::NetworkAcl', fields: { tags: ['Tags', tags] }, build: () => ({ Default: true }), companions: networkAclCompanions },
  aws_network_acl_rule: {
    cfnType: 'AWS::EC2::NetworkAclEntry',
    build: (attributes) => naclEntry(attributes, attributes['egress'] === true, attributes['network_acl_id'] ?? null),
  },
  aws_network_acl_association: { cfnType: 'AWS::EC2::SubnetNetworkAclAssociation', fields: { network_acl_id: 'NetworkAclId', subnet_id: 'SubnetId' } },
  aws_flow_log: {
    cfnType: 'AWS::EC2::FlowLog',
    fields: {
      traffic_type: 'TrafficType',
      log_destination: 'LogDestination',
      log_destination_type: 'LogDestinationType',
      log_group_name: 'LogGroupName',
      iam_role_arn: 'DeliverLogsPermissionArn',
      max_aggregation_interval: 'MaxAggregationInterval',
      log_format: 'LogFormat',
      tags: ['Tags', tags],
    },
    build: (attributes) => {
      for (const [key, type] of [['vpc_id', 'VPC'], ['subnet_id', 'Subnet'], ['eni_id', 'NetworkInterface'], ['transit_gateway_id', 'TransitGateway'], ['transit_gateway_attachment_id', 'TransitGatewayAttachment']] as const) {
        const value = attributes[key];
        if (value !== undefined && value !== null && value !== '') return { ResourceId: value, ResourceType: type };
      }
      return {};
    },
  },
  aws_internet_gateway: { cfnType: 'AWS::EC2::InternetGateway', build: (attributes) => (attributes['vpc_id'] ? { Tags: tags(attributes['tags'] ?? {}, attributes) ?? [] } : {}) },
  aws_internet_gateway_attachment: { cfnType: 'AWS::EC2::VPCGatewayAttachment', fields: { vpc_id: 'VpcId', internet_gateway_id: 'InternetGatewayId' } },
  aws_route_table: { cfnType: 'AWS::EC2::RouteTable', fields: { vpc_id: 'VpcId', tags: ['Tags', tags] }, companions: routeCompanions },
  aws_route: {
    cfnType: 'AWS::EC2::Route',
    fields: {
      route_table_id: 'RouteTableId',
      destination_cidr_block: 'DestinationCidrBlock',
      destination_ipv6_cidr_block: 'DestinationIpv6CidrBlock',
      gateway_id: 'GatewayId',
      nat_gateway_id: 'NatGatewayId',
      vpc_peering_connection_id: 'VpcPeeringConnectionId',
      transit_gateway_id: 'TransitGatewayId',
      network_interface_id: 'NetworkInterfaceId',
    },
  },
  aws_route_table_association: { cfnType: 'AWS::EC2::SubnetRouteTableAssociation', fields: { subnet_id: 'SubnetId', route_table_id: 'RouteTableId' } },
  aws_nat_gateway: { cfnType: 'AWS::EC2::NatGateway', fields: { subnet_id: 'SubnetId', allocation_id: 'AllocationId', connectivity_type: 'ConnectivityType', tags: ['Tags', tags] } },
  aws_eip: { cfnType: 'AWS::EC2::EIP', fields: { domain: 'Domain', instance: 'InstanceId', tags: ['Tags', tags] } },
  aws_vpc_endpoint: {
    cfnType: 'AWS::EC2::VPCEndpoint',
    fields: {
      vpc_id: 'VpcId',
      service_name: 'ServiceName',
      vpc_endpoint_type: 'VpcEndpointType',
      policy: ['PolicyDocument', policyDocument],
      private_dns_enabled: 'PrivateDnsEnabled',
      subnet_ids: ['SubnetIds', nonEmpty],
      security_group_ids: ['SecurityGroupIds', nonEmpty],
      route_table_ids: ['RouteTableIds', nonEmpty],
    },
    computed: ['policy'],
  },
  aws_vpc_peering_connection: { cfnType: 'AWS::EC2::VPCPeeringConnection', fields: { vpc_id: 'VpcId', peer_vpc_id: 'PeerVpcId', peer_owner_id: 'PeerOwnerId', peer_region: 'PeerRegion' } },
  aws_network_interface: { cfnType: 'AWS::EC2::NetworkInterface', fields: { subnet_id: 'SubnetId', security_groups: ['GroupSet', nonEmpty], description: 'Description', source_dest_check: 'SourceDestCheck' } },
};


/** Network ACL entries written inline in `aws_network_acl` (and default ACL) blocks become `NetworkAclEntry`s. */
function networkAclCompanions(attributes: PropRecord, selfReference: PropValue): Companion[] {
  const out: Companion[] = [];
  for (const [key, egress] of [['ingress', false], ['egress', true]] as const) {
    const rules = attributes[key];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule, index) => {
      if (isRecord(rule)) out.push({ suffix: `${key}[${index}]`, cfnType: 'AWS::EC2::NetworkAclEntry', properties: naclEntry(rule, egress, selfReference) });
    });
  }
  return out;
}

/** Routes written inline in `aws_route_table` become `AWS::EC2::Route`s. */
function routeCompanions(attributes: PropRecord, selfReference: PropValue): Companion[] {
  const routes = attributes['route'];
  if (!Array.isArray(routes)) return [];
  return routes.flatMap((route, index) => {
    if (!isRecord(route)) return [];
    const properties: PropRecord = { RouteTableId: selfReference };
    const copy: Array<[string, string]> = [['cidr_block', 'DestinationCidrBlock'], ['ipv6_cidr_block', 'DestinationIpv6CidrBlock'], ['gateway_id', 'GatewayId'], ['nat_gateway_id', 'NatGatewayId'], ['vpc_peering_connection_id', 'VpcPeeringConnectionId'], ['transit_gateway_id', 'TransitGatewayId'], ['network_interface_id', 'NetworkInterfaceId']];
    for (const [from, to] of copy) {
      const value = route[from];
      if (value !== undefined && value !== null && value !== '') properties[to] = value;
    }
    return [{ suffix: `route[${index}]`, cfnType: 'AWS::EC2::Route', properties }];
  });
}
