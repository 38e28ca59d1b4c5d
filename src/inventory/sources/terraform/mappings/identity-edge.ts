import type { PropRecord } from '../../../values.js';
import { block, tags, type MappingTable, type TypeMapping } from './dsl.js';
import { policyDocument } from './shared.js';
import { writtenSecret } from './written-secret.js';

// EventBridge, API Gateway v2 routes, DMS and Transfer Family: types whose Terraform resources had no mapping.

/** A bus policy on a bus outside the scan (most often `default`, which Terraform never declares) is that bus's policy. */
const busWithPolicy: TypeMapping = {
  cfnType: 'AWS::Events::EventBus',
  build: (attributes) => ({ Name: typeof attributes['event_bus_name'] === 'string' ? attributes['event_bus_name'] : 'default' }),
  fields: { policy: ['Policy', policyDocument] },
};

export const identityEdgeMappings: MappingTable = {
  aws_cloudwatch_event_bus: { cfnType: 'AWS::Events::EventBus', name: 'name', fields: { name: 'Name', event_source_name: 'EventSourceName', kms_key_identifier: 'KmsKeyIdentifier', tags: ['Tags', tags] } },
  aws_cloudwatch_event_bus_policy: {
    cfnType: 'AWS::Events::EventBus',
    parent: { types: ['aws_cloudwatch_event_bus'], attribute: 'event_bus_name', keys: ['name', 'arn'], mode: 'assign' },
    fields: { policy: ['Policy', policyDocument] },
    standalone: busWithPolicy,
  },
  aws_cloudwatch_event_permission: {
    cfnType: 'AWS::Events::EventBusPolicy',
    name: 'statement_id',
    fields: {
      statement_id: 'StatementId',
      event_bus_name: 'EventBusName',
      principal: 'Principal',
      action: 'Action',
      condition: ['Condition', block({ type: 'Type', key: 'Key', value: 'Value' })],
    },
  },
  aws_apigatewayv2_route: {
    cfnType: 'AWS::ApiGatewayV2::Route',
    name: 'route_key',
    fields: { api_id: 'ApiId', route_key: 'RouteKey', authorization_type: 'AuthorizationType', authorizer_id: 'AuthorizerId', api_key_required: 'ApiKeyRequired', target: 'Target' },
    defaults: { authorization_type: 'NONE' },
  },
  aws_dms_replication_instance: {
    cfnType: 'AWS::DMS::ReplicationInstance',
    name: 'replication_instance_id',
    fields: {
      replication_instance_id: 'ReplicationInstanceIdentifier',
      replication_instance_class: 'ReplicationInstanceClass',
      publicly_accessible: 'PubliclyAccessible',
      replication_subnet_group_id: 'ReplicationSubnetGroupIdentifier',
      vpc_security_group_ids: 'VpcSecurityGroupIds',
      kms_key_arn: 'KmsKeyId',
      multi_az: 'MultiAZ',
      auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
      engine_version: 'EngineVersion',
      tags: ['Tags', tags],
    },
    computed: ['publicly_accessible'],
    // The provider always sends PubliclyAccessible, false when unset: not the API's default of true.
    build: (attributes: PropRecord) => ({ PubliclyAccessible: attributes['publicly_accessible'] === undefined || attributes['publicly_accessible'] === null ? false : undefined }),
  },
  aws_dms_endpoint: {
    cfnType: 'AWS::DMS::Endpoint',
    name: 'endpoint_id',
    fields: { endpoint_id: 'EndpointIdentifier', endpoint_type: 'EndpointType', engine_name: 'EngineName', ssl_mode: 'SslMode', certificate_arn: 'CertificateArn', server_name: 'ServerName', port: 'Port', database_name: 'DatabaseName', username: 'Username', password: ['Password', writtenSecret], redis_settings: ['RedisSettings', block({ auth_type: 'AuthType', auth_user_name: 'AuthUserName', auth_password: ['AuthPassword', writtenSecret] })], tags: ['Tags', tags] },
    computed: ['ssl_mode'],
  },
  aws_transfer_server: {
    cfnType: 'AWS::Transfer::Server',
    fields: {
      endpoint_type: 'EndpointType',
      protocols: 'Protocols',
      identity_provider_type: 'IdentityProviderType',
      security_policy_name: 'SecurityPolicyName',
      domain: 'Domain',
      endpoint_details: ['EndpointDetails', block({ vpc_id: 'VpcId', subnet_ids: 'SubnetIds', security_group_ids: 'SecurityGroupIds', address_allocation_ids: 'AddressAllocationIds', vpc_endpoint_id: 'VpcEndpointId' })],
      tags: ['Tags', tags],
    },
    defaults: { endpoint_type: 'PUBLIC' },
    computed: ['protocols'],
  },
};
