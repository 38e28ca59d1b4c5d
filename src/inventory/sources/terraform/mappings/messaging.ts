import { asList, block, blocks, isRecord, nonEmpty, single, tags, type Built, type MappingTable } from './dsl.js';
import { hasPolicy, policyDocument } from './shared.js';
import { writtenSecret } from './written-secret.js';
import { snsDeliveryStatusLogging } from './sns-delivery-status.js';
import { isReference, isUnknown, type PropRecord } from '../../../values.js';

/** Messaging, streaming, caching, search and backup services. */
export const messagingMappings: MappingTable = {
  aws_sqs_queue: {
    cfnType: 'AWS::SQS::Queue',
    name: 'name',
    fields: {
      name: 'QueueName',
      kms_master_key_id: 'KmsMasterKeyId',
      kms_data_key_reuse_period_seconds: 'KmsDataKeyReusePeriodSeconds',
      sqs_managed_sse_enabled: 'SqsManagedSseEnabled',
      fifo_queue: 'FifoQueue',
      message_retention_seconds: 'MessageRetentionPeriod',
      visibility_timeout_seconds: 'VisibilityTimeout',
      delay_seconds: 'DelaySeconds',
      redrive_policy: ['RedrivePolicy', policyDocument],
      tags: ['Tags', tags],
    },
    computed: ['sqs_managed_sse_enabled', 'policy', 'kms_data_key_reuse_period_seconds'],
    companions: (attributes, self) =>
      hasPolicy(attributes['policy'])
        ? [{ suffix: '#policy', cfnType: 'AWS::SQS::QueuePolicy', properties: { Queues: [self], PolicyDocument: policyDocument(attributes['policy'] ?? null, attributes) ?? null } }]
        : [],
  },
  aws_sqs_queue_policy: { cfnType: 'AWS::SQS::QueuePolicy', fields: { queue_url: ['Queues', asList], policy: ['PolicyDocument', policyDocument] } },
  aws_sns_topic: {
    cfnType: 'AWS::SNS::Topic',
    name: 'name',
    fields: { name: 'TopicName', display_name: 'DisplayName', kms_master_key_id: 'KmsMasterKeyId', fifo_topic: 'FifoTopic', signature_version: 'SignatureVersion', tracing_config: 'TracingConfig', tags: ['Tags', tags] },
    computed: ['policy', 'signature_version', 'tracing_config'],
    build: snsDeliveryStatusLogging,
    companions: (attributes, self) =>
      typeof attributes['policy'] === 'string' && attributes['policy'] !== ''
        ? [{ suffix: '#policy', cfnType: 'AWS::SNS::TopicPolicy', properties: { Topics: [self], PolicyDocument: policyDocument(attributes['policy'], attributes) ?? null } }]
        : [],
  },
  aws_sns_topic_policy: { cfnType: 'AWS::SNS::TopicPolicy', fields: { arn: ['Topics', asList], policy: ['PolicyDocument', policyDocument] } },
  aws_sns_topic_subscription: { cfnType: 'AWS::SNS::Subscription', fields: { topic_arn: 'TopicArn', protocol: 'Protocol', endpoint: 'Endpoint', raw_message_delivery: 'RawMessageDelivery' } },
  aws_kinesis_stream: {
    cfnType: 'AWS::Kinesis::Stream',
    name: 'name',
    fields: { name: 'Name', shard_count: 'ShardCount', retention_period: 'RetentionPeriodHours', tags: ['Tags', tags] },
    build: (attributes): Built => {
      const type = attributes['encryption_type'];
      if (type === 'KMS') return { StreamEncryption: { EncryptionType: 'KMS', KeyId: attributes['kms_key_id'] ?? null } };
      // An encryption type known only later may be KMS: it is not the absence of encryption.
      return isUnknown(type) || isReference(type) ? { StreamEncryption: { EncryptionType: type } } : {};
    },
  },
  aws_kinesis_firehose_delivery_stream: {
    cfnType: 'AWS::KinesisFirehose::DeliveryStream',
    name: 'name',
    fields: {
      name: 'DeliveryStreamName',
      server_side_encryption: ['DeliveryStreamEncryptionConfigurationInput', block({}, (sse) => (sse['enabled'] === true ? { KeyType: sse['key_type'] ?? 'AWS_OWNED_CMK', ...(sse['key_arn'] ? { KeyARN: sse['key_arn'] } : {}) } : {}))],
    },
    // The provider has no stream type argument: a source block says where records come from.
    build: (attributes) => ({
      DeliveryStreamType: [['kinesis_source_configuration', 'KinesisStreamAsSource'], ['msk_source_configuration', 'MSKAsSource'], ['database_source_configuration', 'DatabaseAsSource']].find(([block]) => (single(attributes[block ?? '']) ?? null) !== null)?.[1],
    }),
  },
  aws_sesv2_email_identity: { cfnType: 'AWS::SES::EmailIdentity', name: 'email_identity', fields: { email_identity: 'EmailIdentity', configuration_set_name: 'ConfigurationSetAttributes.ConfigurationSetName' } },
  aws_sesv2_configuration_set: {
    cfnType: 'AWS::SES::ConfigurationSet',
    name: 'configuration_set_name',
    fields: {
      configuration_set_name: 'Name',
      delivery_options: ['DeliveryOptions', block({ tls_policy: 'TlsPolicy', sending_pool_name: 'SendingPoolName' })],
      reputation_options: ['ReputationOptions', block({ reputation_metrics_enabled: 'ReputationMetricsEnabled' })],
    },
  },
  aws_ses_configuration_set: {
    cfnType: 'AWS::SES::ConfigurationSet',
    name: 'name',
    fields: { name: 'Name', delivery_options: ['DeliveryOptions', block({ tls_policy: 'TlsPolicy' })], reputation_metrics_enabled: 'ReputationOptions.ReputationMetricsEnabled' },
  },
  aws_ses_receipt_rule: { cfnType: 'AWS::SES::ReceiptRule', name: 'name', fields: { name: 'Rule.Name', enabled: 'Rule.Enabled', scan_enabled: 'Rule.ScanEnabled', tls_policy: 'Rule.TlsPolicy', rule_set_name: 'RuleSetName' } },
  aws_elasticache_replication_group: {
    cfnType: 'AWS::ElastiCache::ReplicationGroup',
    name: 'replication_group_id',
    fields: {
      replication_group_id: 'ReplicationGroupId',
      description: 'ReplicationGroupDescription',
      engine: 'Engine',
      engine_version: 'EngineVersion',
      node_type: 'CacheNodeType',
      num_cache_clusters: 'NumCacheClusters',
      at_rest_encryption_enabled: 'AtRestEncryptionEnabled',
      transit_encryption_enabled: 'TransitEncryptionEnabled',
      transit_encryption_mode: 'TransitEncryptionMode',
      auth_token: ['AuthToken', writtenSecret],
      kms_key_id: 'KmsKeyId',
      automatic_failover_enabled: 'AutomaticFailoverEnabled',
      multi_az_enabled: 'MultiAZEnabled',
      snapshot_retention_limit: 'SnapshotRetentionLimit',
      subnet_group_name: 'CacheSubnetGroupName',
      security_group_ids: ['SecurityGroupIds', nonEmpty],
      auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
      user_group_ids: ['UserGroupIds', nonEmpty],
      tags: ['Tags', tags],
    },
    computed: ['engine_version', 'at_rest_encryption_enabled', 'transit_encryption_enabled', 'transit_encryption_mode', 'subnet_group_name', 'security_group_ids', 'auto_minor_version_upgrade'],
  },
  aws_elasticache_cluster: {
    cfnType: 'AWS::ElastiCache::CacheCluster',
    name: 'cluster_id',
    fields: {
      cluster_id: 'ClusterName',
      engine: 'Engine',
      engine_version: 'EngineVersion',
      node_type: 'CacheNodeType',
      num_cache_nodes: 'NumCacheNodes',
      snapshot_retention_limit: 'SnapshotRetentionLimit',
      transit_encryption_enabled: 'TransitEncryptionEnabled',
      subnet_group_name: 'CacheSubnetGroupName',
      security_group_ids: ['VpcSecurityGroupIds', nonEmpty],
      auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
      replication_group_id: 'ReplicationGroupId',
    },
    computed: ['engine_version', 'subnet_group_name', 'security_group_ids', 'transit_encryption_enabled', 'engine', 'node_type', 'num_cache_nodes'],
  },
  aws_elasticache_subnet_group: { cfnType: 'AWS::ElastiCache::SubnetGroup', name: 'name', fields: { name: 'CacheSubnetGroupName', description: 'Description', subnet_ids: 'SubnetIds' } },
  aws_elasticache_serverless_cache: { cfnType: 'AWS::ElastiCache::ServerlessCache', name: 'name', fields: { name: 'ServerlessCacheName', engine: 'Engine', kms_key_id: 'KmsKeyId', security_group_ids: ['SecurityGroupIds', nonEmpty], subnet_ids: ['SubnetIds', nonEmpty], snapshot_retention_limit: 'SnapshotRetentionLimit' } },
  aws_opensearch_domain: {
    cfnType: 'AWS::OpenSearchService::Domain',
    name: 'domain_name',
    fields: {
      domain_name: 'DomainName',
      engine_version: 'EngineVersion',
      access_policies: ['AccessPolicies', policyDocument],
      encrypt_at_rest: ['EncryptionAtRestOptions', block({ enabled: 'Enabled', kms_key_id: 'KmsKeyId' })],
      node_to_node_encryption: ['NodeToNodeEncryptionOptions', block({ enabled: 'Enabled' })],
      domain_endpoint_options: ['DomainEndpointOptions', block({ enforce_https: 'EnforceHTTPS', tls_security_policy: 'TLSSecurityPolicy', custom_endpoint_enabled: 'CustomEndpointEnabled' })],
      vpc_options: ['VPCOptions', block({ subnet_ids: 'SubnetIds', security_group_ids: 'SecurityGroupIds' })],
      advanced_security_options: ['AdvancedSecurityOptions', block({ enabled: 'Enabled', internal_user_database_enabled: 'InternalUserDatabaseEnabled', anonymous_auth_enabled: 'AnonymousAuthEnabled' })],
      cluster_config: ['ClusterConfig', block({ instance_type: 'InstanceType', instance_count: 'InstanceCount', dedicated_master_enabled: 'DedicatedMasterEnabled', dedicated_master_count: 'DedicatedMasterCount', zone_awareness_enabled: 'ZoneAwarenessEnabled' })],
      log_publishing_options: [
        'LogPublishingOptions',
        (value) => {
          if (!Array.isArray(value)) return value;
          const out: PropRecord = {};
          for (const entry of value) {
            if (isRecord(entry) && typeof entry['log_type'] === 'string') out[entry['log_type']] = { CloudWatchLogsLogGroupArn: entry['cloudwatch_log_group_arn'] ?? null, Enabled: entry['enabled'] ?? true };
          }
          return Object.keys(out).length === 0 ? undefined : out;
        },
      ],
      tags: ['Tags', tags],
    },
    computed: ['access_policies', 'encrypt_at_rest', 'node_to_node_encryption', 'domain_endpoint_options', 'advanced_security_options', 'engine_version'],
  },
  aws_opensearch_domain_policy: {
    cfnType: 'AWS::OpenSearchService::Domain',
    parent: { types: ['aws_opensearch_domain'], attribute: 'domain_name', keys: ['domain_name'], mode: 'assign' },
    fields: { access_policies: ['AccessPolicies', policyDocument] },
  },
  aws_elasticsearch_domain: {
    cfnType: 'AWS::Elasticsearch::Domain',
    name: 'domain_name',
    fields: {
      domain_name: 'DomainName',
      elasticsearch_version: 'ElasticsearchVersion',
      access_policies: ['AccessPolicies', policyDocument],
      encrypt_at_rest: ['EncryptionAtRestOptions', block({ enabled: 'Enabled', kms_key_id: 'KmsKeyId' })],
      node_to_node_encryption: ['NodeToNodeEncryptionOptions', block({ enabled: 'Enabled' })],
      domain_endpoint_options: ['DomainEndpointOptions', block({ enforce_https: 'EnforceHTTPS', tls_security_policy: 'TLSSecurityPolicy' })],
      vpc_options: ['VPCOptions', block({ subnet_ids: 'SubnetIds', security_group_ids: 'SecurityGroupIds' })],
      cluster_config: ['ElasticsearchClusterConfig', block({ instance_type: 'InstanceType', instance_count: 'InstanceCount', dedicated_master_enabled: 'DedicatedMasterEnabled', zone_awareness_enabled: 'ZoneAwarenessEnabled' })],
      tags: ['Tags', tags],
    },
    computed: ['access_policies', 'encrypt_at_rest', 'node_to_node_encryption', 'domain_endpoint_options'],
  },
  aws_elasticsearch_domain_policy: {
    cfnType: 'AWS::Elasticsearch::Domain',
    parent: { types: ['aws_elasticsearch_domain'], attribute: 'domain_name', keys: ['domain_name'], mode: 'assign' },
    fields: { access_policies: ['AccessPolicies', policyDocument] },
  },
  aws_backup_vault: { cfnType: 'AWS::Backup::BackupVault', name: 'name', fields: { name: 'BackupVaultName', kms_key_arn: 'EncryptionKeyArn' } },
  aws_backup_vault_policy: {
    cfnType: 'AWS::Backup::BackupVault',
    parent: { types: ['aws_backup_vault'], attribute: 'backup_vault_name', keys: ['name', 'id'], mode: 'assign' },
    fields: { policy: ['AccessPolicy', policyDocument] },
  },
  aws_backup_vault_lock_configuration: {
    cfnType: 'AWS::Backup::BackupVault',
    parent: { types: ['aws_backup_vault'], attribute: 'backup_vault_name', keys: ['name', 'id'], mode: 'assign' },
    fields: { min_retention_days: 'LockConfiguration.MinRetentionDays', max_retention_days: 'LockConfiguration.MaxRetentionDays', changeable_for_days: 'LockConfiguration.ChangeableForDays' },
  },
  aws_backup_plan: {
    cfnType: 'AWS::Backup::BackupPlan',
    name: 'name',
    fields: {
      name: 'BackupPlan.BackupPlanName',
      rule: ['BackupPlan.BackupPlanRule', blocks({ rule_name: 'RuleName', target_vault_name: 'TargetBackupVault', schedule: 'ScheduleExpression', lifecycle: ['Lifecycle', block({ delete_after: 'DeleteAfterDays', cold_storage_after: 'MoveToColdStorageAfterDays' })] })],
    },
  },
  aws_backup_selection: { cfnType: 'AWS::Backup::BackupSelection', name: 'name', fields: { plan_id: 'BackupPlanId', name: 'BackupSelection.SelectionName', iam_role_arn: 'BackupSelection.IamRoleArn', resources: ['BackupSelection.Resources', nonEmpty] } },
  aws_cognito_user_pool: {
    cfnType: 'AWS::Cognito::UserPool',
    name: 'name',
    fields: {
      name: 'UserPoolName',
      mfa_configuration: 'MfaConfiguration',
      deletion_protection: 'DeletionProtection',
      password_policy: [
        'Policies.PasswordPolicy',
        block({ minimum_length: 'MinimumLength', require_lowercase: 'RequireLowercase', require_numbers: 'RequireNumbers', require_symbols: 'RequireSymbols', require_uppercase: 'RequireUppercase', temporary_password_validity_days: 'TemporaryPasswordValidityDays' }),
      ],
      user_pool_add_ons: ['UserPoolAddOns', block({ advanced_security_mode: 'AdvancedSecurityMode' })],
    },
  },
  aws_cognito_identity_pool: { cfnType: 'AWS::Cognito::IdentityPool', name: 'identity_pool_name', fields: { identity_pool_name: 'IdentityPoolName', allow_unauthenticated_identities: 'AllowUnauthenticatedIdentities', allow_classic_flow: 'AllowClassicFlow' } },
  aws_glacier_vault: { cfnType: 'AWS::Glacier::Vault', name: 'name', fields: { name: 'VaultName', access_policy: ['AccessPolicy', policyDocument] } },
};
