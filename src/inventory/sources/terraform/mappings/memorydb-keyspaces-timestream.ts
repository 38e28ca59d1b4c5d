import { block, nonEmpty, single, tags, type Convert, type MappingTable } from './dsl.js';
import { isRecord, isReference, isUnknown, Unknown } from '../../../values.js';

/** Keyspaces' `point_in_time_recovery { status }` block as CloudFormation's PointInTimeRecoveryEnabled flag. */
const pointInTimeRecovery: Convert = (value) => {
  const item = single(value);
  if (item === undefined || item === null) return undefined;
  if (isUnknown(item) || isReference(item)) return item;
  if (!isRecord(item)) return new Unknown('point_in_time_recovery is not a block');
  const status = item['status'];
  if (status === undefined || status === null) return undefined;
  if (status === 'ENABLED') return true;
  if (status === 'DISABLED') return false;
  return isUnknown(status) || isReference(status) ? status : new Unknown(`point_in_time_recovery status ${JSON.stringify(status)} is neither ENABLED nor DISABLED`);
};

/** MemoryDB clusters, Keyspaces tables and Timestream databases. */
export const memorydbKeyspacesTimestreamMappings: MappingTable = {
  aws_memorydb_cluster: {
    cfnType: 'AWS::MemoryDB::Cluster',
    name: 'name',
    fields: {
      name: 'ClusterName',
      acl_name: 'ACLName',
      node_type: 'NodeType',
      engine: 'Engine',
      engine_version: 'EngineVersion',
      auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
      tls_enabled: 'TLSEnabled',
      kms_key_arn: 'KmsKeyId',
      snapshot_retention_limit: 'SnapshotRetentionLimit',
      subnet_group_name: 'SubnetGroupName',
      parameter_group_name: 'ParameterGroupName',
      security_group_ids: ['SecurityGroupIds', nonEmpty],
      tags: ['Tags', tags],
    },
    computed: ['snapshot_retention_limit', 'engine', 'engine_version', 'subnet_group_name', 'parameter_group_name'],
    // The provider sends both as true when unset.
    defaults: { tls_enabled: true, auto_minor_version_upgrade: true },
  },
  aws_keyspaces_table: {
    cfnType: 'AWS::Cassandra::Table',
    name: 'table_name',
    fields: {
      keyspace_name: 'KeyspaceName',
      table_name: 'TableName',
      encryption_specification: ['EncryptionSpecification', block({ type: 'EncryptionType', kms_key_identifier: 'KmsKeyIdentifier' })],
      point_in_time_recovery: ['PointInTimeRecoveryEnabled', pointInTimeRecovery],
      tags: ['Tags', tags],
    },
    // Unset, the provider leaves both to Keyspaces: the AWS owned key, and point-in-time recovery off.
    computed: ['encryption_specification', 'point_in_time_recovery'],
  },
  aws_timestreamwrite_database: {
    cfnType: 'AWS::Timestream::Database',
    name: 'database_name',
    fields: { database_name: 'DatabaseName', kms_key_id: 'KmsKeyId', tags: ['Tags', tags] },
    computed: ['kms_key_id'],
  },
};
