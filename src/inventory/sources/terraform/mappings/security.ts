import { asList, block, blocks, isRecord, nonEmpty, secret, tags, type MappingTable } from './dsl.js';
import type { PropRecord, PropValue } from '../../../values.js';
import { policyDocument } from './shared.js';

/** CloudTrail's `field_selector` blocks as `FieldSelectors`. */
const fieldSelectors = blocks({ field: 'Field', equals: ['Equals', nonEmpty], not_equals: ['NotEquals', nonEmpty], starts_with: ['StartsWith', nonEmpty], not_starts_with: ['NotStartsWith', nonEmpty], ends_with: ['EndsWith', nonEmpty], not_ends_with: ['NotEndsWith', nonEmpty] });

export const securityMappings: MappingTable = {
  aws_kms_key: {
    cfnType: 'AWS::KMS::Key',
    fields: {
      description: 'Description',
      enable_key_rotation: 'EnableKeyRotation',
      rotation_period_in_days: 'RotationPeriodInDays',
      policy: ['KeyPolicy', policyDocument],
      key_usage: 'KeyUsage',
      customer_master_key_spec: 'KeySpec',
      is_enabled: 'Enabled',
      deletion_window_in_days: 'PendingWindowInDays',
      multi_region: 'MultiRegion',
      bypass_policy_lockout_safety_check: 'BypassPolicyLockoutSafetyCheck',
      tags: ['Tags', tags],
    },
    // An unset policy is the default key policy, which CloudFormation also applies when KeyPolicy is absent.
    computed: ['policy', 'multi_region', 'rotation_period_in_days'],
  },
  aws_kms_alias: { cfnType: 'AWS::KMS::Alias', name: 'name', fields: { name: 'AliasName', target_key_id: 'TargetKeyId' } },
  aws_kms_replica_key: { cfnType: 'AWS::KMS::ReplicaKey', fields: { description: 'Description', primary_key_arn: 'PrimaryKeyArn', policy: ['KeyPolicy', policyDocument], enabled: 'Enabled', deletion_window_in_days: 'PendingWindowInDays' }, computed: ['policy'] },
  aws_kms_key_policy: {
    cfnType: 'AWS::KMS::Key',
    parent: { types: ['aws_kms_key'], attribute: 'key_id', keys: ['key_id', 'id', 'arn'], mode: 'assign' },
    fields: { policy: ['KeyPolicy', policyDocument] },
  },
  aws_cloudtrail: {
    cfnType: 'AWS::CloudTrail::Trail',
    name: 'name',
    fields: {
      name: 'TrailName',
      s3_bucket_name: 'S3BucketName',
      s3_key_prefix: 'S3KeyPrefix',
      is_multi_region_trail: 'IsMultiRegionTrail',
      include_global_service_events: 'IncludeGlobalServiceEvents',
      enable_log_file_validation: 'EnableLogFileValidation',
      enable_logging: 'IsLogging',
      is_organization_trail: 'IsOrganizationTrail',
      kms_key_id: 'KMSKeyId',
      // Usually `"${aws_cloudwatch_log_group.x.arn}:*"`, kept as written: the checks read the log group from it.
      cloud_watch_logs_group_arn: 'CloudWatchLogsLogGroupArn',
      cloud_watch_logs_role_arn: 'CloudWatchLogsRoleArn',
      sns_topic_name: 'SnsTopicName',
      event_selector: [
        'EventSelectors',
        (value, all) =>
          nonEmpty(
            blocks({
              read_write_type: 'ReadWriteType',
              include_management_events: 'IncludeManagementEvents',
              exclude_management_event_sources: ['ExcludeManagementEventSources', nonEmpty],
              data_resource: ['DataResources', blocks({ type: 'Type', values: 'Values' })],
            })(value, all) ?? [],
            all,
          ),
      ],
      advanced_event_selector: ['AdvancedEventSelectors', (value, all) => nonEmpty(blocks({ name: 'Name', field_selector: ['FieldSelectors', fieldSelectors] })(value, all) ?? [], all)],
      insight_selector: ['InsightSelectors', (value, all) => nonEmpty(blocks({ insight_type: 'InsightType' })(value, all) ?? [], all)],
      tags: ['Tags', tags],
    },
    // The provider's defaults, which differ from "absent" in CloudFormation where IsLogging is required.
    defaults: { enable_logging: true, include_global_service_events: true },
  },
  aws_cloudtrail_event_data_store: {
    cfnType: 'AWS::CloudTrail::EventDataStore',
    name: 'name',
    fields: { name: 'Name', multi_region_enabled: 'MultiRegionEnabled', organization_enabled: 'OrganizationEnabled', kms_key_id: 'KmsKeyId', retention_period: 'RetentionPeriod', termination_protection_enabled: 'TerminationProtectionEnabled' },
  },
  aws_guardduty_detector: {
    cfnType: 'AWS::GuardDuty::Detector',
    fields: { enable: 'Enable', finding_publishing_frequency: 'FindingPublishingFrequency', tags: ['Tags', tags] },
    defaults: { enable: true },
  },
  aws_securityhub_account: { cfnType: 'AWS::SecurityHub::Hub', fields: { enable_default_standards: 'EnableDefaultStandards', auto_enable_controls: 'AutoEnableControls', control_finding_generator: 'ControlFindingGenerator' } },
  aws_macie2_account: { cfnType: 'AWS::Macie::Session', fields: { status: 'Status', finding_publishing_frequency: 'FindingPublishingFrequency' }, defaults: { status: 'ENABLED' } },
  aws_config_configuration_recorder: {
    cfnType: 'AWS::Config::ConfigurationRecorder',
    name: 'name',
    fields: {
      name: 'Name',
      role_arn: 'RoleARN',
      recording_group: [
        'RecordingGroup',
        // all_supported defaults to true; a list of resource types needs it set to false, so it is not assumed there.
        block({ all_supported: 'AllSupported', include_global_resource_types: 'IncludeGlobalResourceTypes', resource_types: ['ResourceTypes', nonEmpty] }, (group) =>
          group['all_supported'] === undefined && nonEmpty(group['resource_types'] ?? [], group) === undefined ? { AllSupported: true } : {},
        ),
      ],
    },
    // A recorder records nothing until an aws_config_configuration_recorder_status turns it on.
    build: () => ({ Recording: false }),
  },
  aws_config_configuration_recorder_status: {
    cfnType: 'AWS::Config::ConfigurationRecorder',
    parent: { types: ['aws_config_configuration_recorder'], attribute: 'name', keys: ['name', 'id'], mode: 'assign' },
    fields: { is_enabled: 'Recording' },
  },
  aws_config_delivery_channel: { cfnType: 'AWS::Config::DeliveryChannel', name: 'name', fields: { name: 'Name', s3_bucket_name: 'S3BucketName', s3_key_prefix: 'S3KeyPrefix', sns_topic_arn: 'SnsTopicARN', s3_kms_key_arn: 'S3KmsKeyArn' } },
  aws_config_config_rule: {
    cfnType: 'AWS::Config::ConfigRule',
    name: 'name',
    fields: { name: 'ConfigRuleName', description: 'Description', input_parameters: ['InputParameters', policyDocument], source: ['Source', block({ owner: 'Owner', source_identifier: 'SourceIdentifier' })] },
  },
  aws_secretsmanager_secret: {
    cfnType: 'AWS::SecretsManager::Secret',
    name: 'name',
    fields: { name: 'Name', description: 'Description', kms_key_id: 'KmsKeyId', tags: ['Tags', tags] },
  },
  aws_secretsmanager_secret_rotation: {
    cfnType: 'AWS::SecretsManager::RotationSchedule',
    fields: {
      secret_id: 'SecretId',
      rotation_lambda_arn: 'RotationLambdaARN',
      rotate_immediately: 'RotateImmediately',
      rotation_rules: ['RotationRules', block({ automatically_after_days: 'AutomaticallyAfterDays', schedule_expression: 'ScheduleExpression', duration: 'Duration' })],
    },
  },
  aws_secretsmanager_secret_policy: { cfnType: 'AWS::SecretsManager::ResourcePolicy', fields: { secret_arn: 'SecretId', policy: ['ResourcePolicy', policyDocument], block_public_policy: 'BlockPublicPolicy' } },
  aws_ssm_parameter: {
    cfnType: 'AWS::SSM::Parameter',
    name: 'name',
    fields: { name: 'Name', type: 'Type', tier: 'Tier', description: 'Description', key_id: 'KeyId', value: ['Value', secret], insecure_value: 'Value', tags: ['Tags', tags] },
  },
  aws_ssm_document: { cfnType: 'AWS::SSM::Document', name: 'name', fields: { name: 'Name', document_type: 'DocumentType', content: ['Content', policyDocument], permissions: 'Permissions' } },
  aws_ssm_patch_baseline: { cfnType: 'AWS::SSM::PatchBaseline', name: 'name', fields: { name: 'Name', operating_system: 'OperatingSystem', approved_patches_compliance_level: 'ApprovedPatchesComplianceLevel' } },
  aws_ssm_maintenance_window: { cfnType: 'AWS::SSM::MaintenanceWindow', name: 'name', fields: { name: 'Name', schedule: 'Schedule', duration: 'Duration', cutoff: 'Cutoff', allow_unassociated_targets: 'AllowUnassociatedTargets' } },
  aws_ssm_association: { cfnType: 'AWS::SSM::Association', fields: { name: 'Name', association_name: 'AssociationName', schedule_expression: 'ScheduleExpression' } },
  aws_cloudwatch_log_group: {
    cfnType: 'AWS::Logs::LogGroup',
    name: 'name',
    fields: {
      name: 'LogGroupName',
      // 0 is Terraform's "never expire"; CloudFormation leaves RetentionInDays out for that.
      retention_in_days: ['RetentionInDays', (value) => (value === 0 ? undefined : value)],
      kms_key_id: 'KmsKeyId',
      log_group_class: 'LogGroupClass',
      tags: ['Tags', tags],
    },
  },
  aws_cloudwatch_log_metric_filter: {
    cfnType: 'AWS::Logs::MetricFilter',
    name: 'name',
    fields: {
      name: 'FilterName',
      log_group_name: 'LogGroupName',
      pattern: 'FilterPattern',
      metric_transformation: ['MetricTransformations', blocks({ name: 'MetricName', namespace: 'MetricNamespace', value: 'MetricValue', default_value: 'DefaultValue', unit: 'Unit' })],
    },
  },
  aws_cloudwatch_metric_alarm: {
    cfnType: 'AWS::CloudWatch::Alarm',
    name: 'alarm_name',
    fields: {
      alarm_name: 'AlarmName',
      metric_name: 'MetricName',
      namespace: 'Namespace',
      statistic: 'Statistic',
      period: 'Period',
      evaluation_periods: 'EvaluationPeriods',
      threshold: 'Threshold',
      comparison_operator: 'ComparisonOperator',
      alarm_actions: ['AlarmActions', nonEmpty],
      actions_enabled: 'ActionsEnabled',
    },
  },
  aws_acm_certificate: {
    cfnType: 'AWS::CertificateManager::Certificate',
    name: 'domain_name',
    fields: {
      domain_name: 'DomainName',
      validation_method: 'ValidationMethod',
      subject_alternative_names: ['SubjectAlternativeNames', nonEmpty],
      key_algorithm: 'KeyAlgorithm',
      certificate_authority_arn: 'CertificateAuthorityArn',
      options: ['CertificateTransparencyLoggingPreference', (value) => {
        const options = Array.isArray(value) ? value[0] : value;
        return isRecord(options) ? (options['certificate_transparency_logging_preference'] ?? undefined) : undefined;
      }],
      tags: ['Tags', tags],
    },
  },
  aws_wafv2_web_acl: {
    cfnType: 'AWS::WAFv2::WebACL',
    name: 'name',
    fields: {
      name: 'Name',
      scope: 'Scope',
      description: 'Description',
      default_action: ['DefaultAction', block({}, (action) => (nonEmpty(action['block'] ?? [], action) !== undefined ? { Block: {} } : { Allow: {} }))],
      rule: ['Rules', blocks({ name: 'Name', priority: 'Priority' }, (rule) => rulePieces(rule))],
      visibility_config: ['VisibilityConfig', block({ cloudwatch_metrics_enabled: 'CloudWatchMetricsEnabled', metric_name: 'MetricName', sampled_requests_enabled: 'SampledRequestsEnabled' })],
      tags: ['Tags', tags],
    },
  },
  aws_wafv2_web_acl_association: { cfnType: 'AWS::WAFv2::WebACLAssociation', fields: { resource_arn: 'ResourceArn', web_acl_arn: 'WebACLArn' } },
  aws_wafv2_rule_group: { cfnType: 'AWS::WAFv2::RuleGroup', name: 'name', fields: { name: 'Name', scope: 'Scope', capacity: 'Capacity' } },
  aws_wafv2_ip_set: { cfnType: 'AWS::WAFv2::IPSet', name: 'name', fields: { name: 'Name', scope: 'Scope', ip_address_version: 'IPAddressVersion', addresses: ['Addresses', asList] } },
  aws_wafv2_web_acl_logging_configuration: {
    cfnType: 'AWS::WAFv2::WebACL',
    parent: { types: ['aws_wafv2_web_acl'], attribute: 'resource_arn', keys: ['arn'], mode: 'assign' },
    build: (attributes) => ({ LoggingConfiguration: { LogDestinationConfigs: attributes['log_destination_configs'] ?? null } }),
  },
};

/** A WAF rule's action and statement, kept close to CloudFormation's shape. */
function rulePieces(rule: PropRecord): PropRecord {
  const out: PropRecord = {};
  const action = Array.isArray(rule['action']) ? rule['action'][0] : undefined;
  if (isRecord(action)) {
    for (const [key, name] of [['allow', 'Allow'], ['block', 'Block'], ['count', 'Count']] as const) {
      if (nonEmpty(action[key] ?? [], action) !== undefined) out['Action'] = { [name]: {} };
    }
  }
  const override = Array.isArray(rule['override_action']) ? rule['override_action'][0] : undefined;
  if (isRecord(override)) out['OverrideAction'] = nonEmpty(override['none'] ?? [], override) !== undefined ? { None: {} } : { Count: {} };
  const statement: PropValue | undefined = rule['statement'];
  if (statement !== undefined) out['Statement'] = statement;
  return out;
}
