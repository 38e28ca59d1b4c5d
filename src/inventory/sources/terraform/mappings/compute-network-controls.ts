import { block, isRecord, tags, type MappingTable } from './dsl.js';
import type { PropValue } from '../../../values.js';

/** Auto Scaling attachments, Classic Load Balancer listener policies, Elastic IP associations and transit gateways. */

/**
 * A listener's policies as set by a separate resource. CloudFormation keeps them on the listener itself
 * (`Listeners[].PolicyNames`); a split resource can only append to a list, so they go to a list of their own, by port.
 */
const listenerPolicies = (port: PropValue | undefined, names: PropValue | undefined): PropValue => [
  { LoadBalancerPort: typeof port === 'number' ? String(port) : (port ?? null), PolicyNames: names ?? null },
];

const ELB_PARENT = (attribute: string) => ({ types: ['aws_elb'], attribute, keys: ['name', 'id'], mode: 'append' }) as const;

const GROUP_PARENT = { types: ['aws_autoscaling_group'], attribute: 'autoscaling_group_name', keys: ['name', 'id'], mode: 'append' } as const;

export const computeNetworkControlsMappings: MappingTable = {
  // Registers a group with a Classic Load Balancer (`elb`) or a target group (`lb_target_group_arn`).
  aws_autoscaling_attachment: {
    cfnType: 'AWS::AutoScaling::AutoScalingGroup',
    parent: GROUP_PARENT,
    build: (attributes) => ({
      LoadBalancerNames: attributes['elb'] === undefined || attributes['elb'] === null || attributes['elb'] === '' ? undefined : [attributes['elb']],
      TargetGroupARNs: attributes['lb_target_group_arn'] === undefined || attributes['lb_target_group_arn'] === null || attributes['lb_target_group_arn'] === '' ? undefined : [attributes['lb_target_group_arn']],
    }),
  },
  aws_autoscaling_traffic_source_attachment: {
    cfnType: 'AWS::AutoScaling::AutoScalingGroup',
    parent: GROUP_PARENT,
    build: (attributes) => {
      const source = block({ identifier: 'Identifier', type: 'Type' })(attributes['traffic_source'] ?? null, attributes);
      return { TrafficSources: source === undefined ? undefined : [source] };
    },
  },
  aws_load_balancer_listener_policy: {
    cfnType: 'AWS::ElasticLoadBalancing::LoadBalancer',
    parent: ELB_PARENT('load_balancer_name'),
    build: (attributes) => ({ ListenerPolicies: listenerPolicies(attributes['load_balancer_port'], attributes['policy_names'] ?? []) }),
  },
  // Creates an SSL negotiation policy and makes it the only policy of the listener on `lb_port`.
  aws_lb_ssl_negotiation_policy: {
    cfnType: 'AWS::ElasticLoadBalancing::LoadBalancer',
    parent: ELB_PARENT('load_balancer'),
    build: (attributes) => ({
      Policies: [
        {
          PolicyName: attributes['name'] ?? null,
          PolicyType: 'SSLNegotiationPolicyType',
          Attributes: Array.isArray(attributes['attribute']) ? attributes['attribute'].map((entry) => (isRecord(entry) ? { Name: entry['name'] ?? null, Value: entry['value'] ?? null } : entry)) : [],
        },
      ],
      ListenerPolicies: listenerPolicies(attributes['lb_port'], [attributes['name'] ?? null]),
    }),
  },
  aws_eip_association: {
    cfnType: 'AWS::EC2::EIPAssociation',
    fields: { allocation_id: 'AllocationId', instance_id: 'InstanceId', network_interface_id: 'NetworkInterfaceId', private_ip_address: 'PrivateIpAddress', public_ip: 'EIP' },
  },
  aws_ec2_transit_gateway: {
    cfnType: 'AWS::EC2::TransitGateway',
    fields: {
      description: 'Description',
      amazon_side_asn: 'AmazonSideAsn',
      auto_accept_shared_attachments: 'AutoAcceptSharedAttachments',
      default_route_table_association: 'DefaultRouteTableAssociation',
      default_route_table_propagation: 'DefaultRouteTablePropagation',
      dns_support: 'DnsSupport',
      vpn_ecmp_support: 'VpnEcmpSupport',
      tags: ['Tags', tags],
    },
  },
};
