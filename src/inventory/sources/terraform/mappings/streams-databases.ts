import { block, blocks, nameValueMap, nonEmpty, single, tags, type Built, type MappingTable } from './dsl.js';
import { isRecord, type PropRecord, type PropValue } from '../../../values.js';
import { writtenSecret } from './written-secret.js';

/** The one element of a nested block as a record, or undefined (absent, or not yet known). */
function nested(value: PropValue | undefined): PropRecord | undefined {
  const item = single(value);
  return isRecord(item) ? item : undefined;
}

/**
 * MSK's client authentication block in CloudFormation's shape. A `tls` block with certificate authorities turns TLS
 * authentication on; the provider has no separate switch for it.
 */
function mskClientAuthentication(attributes: PropRecord): Built {
  const value = attributes['client_authentication'];
  const item = single(value);
  if (item === undefined || item === null) return {};
  if (!isRecord(item)) return { ClientAuthentication: item };
  const sasl = nested(item['sasl']);
  const tls = nested(item['tls']);
  const out: PropRecord = {};
  if (item['unauthenticated'] !== undefined && item['unauthenticated'] !== null) out['Unauthenticated'] = { Enabled: item['unauthenticated'] };
  if (sasl) {
    const parts: PropRecord = {};
    if (sasl['iam'] !== undefined && sasl['iam'] !== null) parts['Iam'] = { Enabled: sasl['iam'] };
    if (sasl['scram'] !== undefined && sasl['scram'] !== null) parts['Scram'] = { Enabled: sasl['scram'] };
    out['Sasl'] = parts;
  }
  if (tls) {
    const authorities = tls['certificate_authority_arns'];
    out['Tls'] = { Enabled: Array.isArray(authorities) ? authorities.length > 0 : true, ...(authorities === undefined || authorities === null ? {} : { CertificateAuthorityArnList: authorities }) };
  }
  return { ClientAuthentication: out };
}

/** Streaming, messaging and database services: MSK, Amazon MQ, DAX, and DocumentDB and Neptune parameter groups. */
export const streamsDatabasesMappings: MappingTable = {
  aws_msk_cluster: {
    cfnType: 'AWS::MSK::Cluster',
    name: 'cluster_name',
    fields: {
      cluster_name: 'ClusterName',
      kafka_version: 'KafkaVersion',
      number_of_broker_nodes: 'NumberOfBrokerNodes',
      enhanced_monitoring: 'EnhancedMonitoring',
      encryption_info: [
        'EncryptionInfo',
        block({ encryption_at_rest_kms_key_arn: 'EncryptionAtRest.DataVolumeKMSKeyId', encryption_in_transit: ['EncryptionInTransit', block({ client_broker: 'ClientBroker', in_cluster: 'InCluster' })] }),
      ],
      broker_node_group_info: [
        'BrokerNodeGroupInfo',
        block({
          instance_type: 'InstanceType',
          client_subnets: 'ClientSubnets',
          security_groups: 'SecurityGroups',
          connectivity_info: ['ConnectivityInfo', block({ public_access: ['PublicAccess', block({ type: 'Type' })] })],
        }),
      ],
      tags: ['Tags', tags],
    },
    build: mskClientAuthentication,
    computed: ['encryption_info', 'enhanced_monitoring'],
  },
  aws_mq_broker: {
    cfnType: 'AWS::AmazonMQ::Broker',
    name: 'broker_name',
    fields: {
      broker_name: 'BrokerName',
      engine_type: 'EngineType',
      engine_version: 'EngineVersion',
      host_instance_type: 'HostInstanceType',
      deployment_mode: 'DeploymentMode',
      authentication_strategy: 'AuthenticationStrategy',
      publicly_accessible: 'PubliclyAccessible',
      auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
      logs: ['Logs', block({ audit: 'Audit', general: 'General' })],
      encryption_options: ['EncryptionOptions', block({ kms_key_id: 'KmsKeyId', use_aws_owned_key: 'UseAwsOwnedKey' })],
      security_groups: ['SecurityGroups', nonEmpty],
      subnet_ids: ['SubnetIds', nonEmpty],
      user: ['Users', blocks({ username: 'Username', password: ['Password', writtenSecret], console_access: 'ConsoleAccess', groups: 'Groups', replication_user: 'ReplicationUser' })],
      tags: ['Tags', tags],
    },
    computed: ['subnet_ids'],
    // The provider sends false for both when unset, where the API alone would turn automatic upgrades on.
    defaults: { publicly_accessible: false, auto_minor_version_upgrade: false },
  },
  aws_docdb_cluster_parameter_group: {
    cfnType: 'AWS::DocDB::DBClusterParameterGroup',
    name: 'name',
    fields: { name: 'Name', family: 'Family', description: 'Description', parameter: ['Parameters', nameValueMap()], tags: ['Tags', tags] },
  },
  aws_neptune_cluster_parameter_group: {
    cfnType: 'AWS::Neptune::DBClusterParameterGroup',
    name: 'name',
    fields: { name: 'Name', family: 'Family', description: 'Description', parameter: ['Parameters', nameValueMap()], tags: ['Tags', tags] },
  },
  aws_dax_cluster: {
    cfnType: 'AWS::DAX::Cluster',
    name: 'cluster_name',
    fields: {
      cluster_name: 'ClusterName',
      node_type: 'NodeType',
      replication_factor: 'ReplicationFactor',
      iam_role_arn: 'IAMRoleARN',
      cluster_endpoint_encryption_type: 'ClusterEndpointEncryptionType',
      server_side_encryption: ['SSESpecification', block({ enabled: 'SSEEnabled' })],
      subnet_group_name: 'SubnetGroupName',
      parameter_group_name: 'ParameterGroupName',
      security_group_ids: ['SecurityGroupIds', nonEmpty],
      tags: ['Tags', tags],
    },
    computed: ['cluster_endpoint_encryption_type', 'subnet_group_name', 'parameter_group_name', 'security_group_ids'],
  },
};
