import { block, blocks, isRecord, isUnknown, map, single, tags, type Built, type Convert, type MappingTable } from './dsl.js';
import { isRedacted, isReference, type PropRecord, type PropValue } from '../../../values.js';

/** AWS Network Firewall and AWS Site-to-Site VPN. */

const passThrough = (value: PropValue): boolean => isUnknown(value) || isReference(value) || isRedacted(value);

/** A set of strings as CloudFormation's `[{Value}]` list (`tunnel1_ike_versions` → `IKEVersions`). */
const valueList: Convert = (value) => {
  if (passThrough(value)) return value;
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => ({ Value: item }));
};

/** One tunnel's options from the provider's `tunnelN_*` arguments, in the shape of `VpnTunnelOptionsSpecifications`. */
function tunnelOptions(attributes: PropRecord, tunnel: 1 | 2): PropRecord {
  const prefix = `tunnel${tunnel}_`;
  const out: PropRecord = {};
  const logOptions = single(attributes[`${prefix}log_options`]);
  if (logOptions !== undefined && logOptions !== null) {
    if (passThrough(logOptions) || !isRecord(logOptions)) out['LogOptions'] = logOptions;
    else {
      const cloudwatch = block({ log_enabled: 'LogEnabled', log_group_arn: 'LogGroupArn', log_output_format: 'LogOutputFormat' })(logOptions['cloudwatch_log_options'] ?? null, logOptions);
      out['LogOptions'] = cloudwatch === undefined ? {} : { CloudwatchLogOptions: cloudwatch };
    }
  }
  for (const [attribute, property] of [
    ['ike_versions', 'IKEVersions'],
    ['phase1_encryption_algorithms', 'Phase1EncryptionAlgorithms'],
    ['phase1_integrity_algorithms', 'Phase1IntegrityAlgorithms'],
    ['phase1_dh_group_numbers', 'Phase1DHGroupNumbers'],
    ['phase2_encryption_algorithms', 'Phase2EncryptionAlgorithms'],
    ['phase2_integrity_algorithms', 'Phase2IntegrityAlgorithms'],
    ['phase2_dh_group_numbers', 'Phase2DHGroupNumbers'],
  ] as const) {
    const value = attributes[`${prefix}${attribute}`];
    if (value === undefined || value === null) continue;
    const converted = valueList(value, attributes);
    if (converted !== undefined) out[property] = converted;
  }
  const cidr = attributes[`${prefix}inside_cidr`];
  if (typeof cidr === 'string' && cidr !== '') out['TunnelInsideCidr'] = cidr;
  return out;
}

const statelessRule = blocks({ priority: 'Priority', rule_definition: ['RuleDefinition', block({ actions: 'Actions' })] });

const rulesSource = block({
  rules_string: 'RulesString',
  rules_source_list: ['RulesSourceList', block({ generated_rules_type: 'GeneratedRulesType', target_types: 'TargetTypes', targets: 'Targets' })],
  stateful_rule: ['StatefulRules', blocks({ action: 'Action' })],
  stateless_rules_and_custom_actions: ['StatelessRulesAndCustomActions', block({ stateless_rule: ['StatelessRules', statelessRule] })],
});

export const firewallVpnMappings: MappingTable = {
  aws_networkfirewall_firewall: {
    cfnType: 'AWS::NetworkFirewall::Firewall',
    name: 'name',
    fields: {
      name: 'FirewallName',
      firewall_policy_arn: 'FirewallPolicyArn',
      vpc_id: 'VpcId',
      subnet_mapping: ['SubnetMappings', blocks({ subnet_id: 'SubnetId', ip_address_type: 'IPAddressType' })],
      availability_zone_mapping: ['AvailabilityZoneMappings', blocks({ availability_zone_id: 'AvailabilityZone' })],
      transit_gateway_id: 'TransitGatewayId',
      delete_protection: 'DeleteProtection',
      subnet_change_protection: 'SubnetChangeProtection',
      firewall_policy_change_protection: 'FirewallPolicyChangeProtection',
      description: 'Description',
      tags: ['Tags', tags],
    },
    // The provider sends false for each protection it is not given (its schema defaults).
    defaults: { delete_protection: false, subnet_change_protection: false, firewall_policy_change_protection: false },
  },
  aws_networkfirewall_firewall_policy: {
    cfnType: 'AWS::NetworkFirewall::FirewallPolicy',
    name: 'name',
    fields: {
      name: 'FirewallPolicyName',
      description: 'Description',
      firewall_policy: [
        'FirewallPolicy',
        block({
          stateless_default_actions: 'StatelessDefaultActions',
          stateless_fragment_default_actions: 'StatelessFragmentDefaultActions',
          stateful_default_actions: 'StatefulDefaultActions',
          stateless_rule_group_reference: ['StatelessRuleGroupReferences', blocks({ resource_arn: 'ResourceArn', priority: 'Priority' })],
          stateful_rule_group_reference: ['StatefulRuleGroupReferences', blocks({ resource_arn: 'ResourceArn', priority: 'Priority' })],
        }),
      ],
      tags: ['Tags', tags],
    },
  },
  aws_networkfirewall_rule_group: {
    cfnType: 'AWS::NetworkFirewall::RuleGroup',
    name: 'name',
    fields: {
      name: 'RuleGroupName',
      type: 'Type',
      capacity: 'Capacity',
      description: 'Description',
      rule_group: ['RuleGroup', block({ rules_source: ['RulesSource', rulesSource] })],
      tags: ['Tags', tags],
    },
    // `rules` holds Suricata rules in place of a rule_group block.
    build: (attributes): Built => {
      const rules = attributes['rules'];
      if (rules === undefined || rules === null || rules === '') return {};
      return { RuleGroup: { RulesSource: { RulesString: rules } } };
    },
  },
  aws_networkfirewall_logging_configuration: {
    cfnType: 'AWS::NetworkFirewall::LoggingConfiguration',
    fields: {
      firewall_arn: 'FirewallArn',
      logging_configuration: [
        'LoggingConfiguration',
        block({ log_destination_config: ['LogDestinationConfigs', blocks({ log_destination: ['LogDestination', map], log_destination_type: 'LogDestinationType', log_type: 'LogType' })] }),
      ],
    },
  },
  aws_vpn_gateway: { cfnType: 'AWS::EC2::VPNGateway', fields: { amazon_side_asn: 'AmazonSideAsn', tags: ['Tags', tags] }, build: () => ({ Type: 'ipsec.1' }) },
  aws_customer_gateway: {
    cfnType: 'AWS::EC2::CustomerGateway',
    fields: { bgp_asn: 'BgpAsn', ip_address: 'IpAddress', type: 'Type', device_name: 'DeviceName', certificate_arn: 'CertificateArn', tags: ['Tags', tags] },
  },
  aws_vpn_connection: {
    cfnType: 'AWS::EC2::VPNConnection',
    fields: {
      customer_gateway_id: 'CustomerGatewayId',
      type: 'Type',
      vpn_gateway_id: 'VpnGatewayId',
      transit_gateway_id: 'TransitGatewayId',
      static_routes_only: 'StaticRoutesOnly',
      tags: ['Tags', tags],
    },
    build: (attributes): Built => ({ VpnTunnelOptionsSpecifications: [tunnelOptions(attributes, 1), tunnelOptions(attributes, 2)] }),
  },
};
