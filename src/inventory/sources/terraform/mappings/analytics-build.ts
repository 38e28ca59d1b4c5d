import { block, blocks, isRecord, nonEmpty, single, tags, type Convert, type MappingTable } from './dsl.js';

/**
 * Athena's `configuration` block. The provider sends enforce_workgroup_configuration = true when the block leaves it
 * out; without a block at all the API's own default (false) applies, so the default is set only inside a block.
 */
const workgroupConfiguration: Convert = (value, attributes) => {
  const mapped = block({
    enforce_workgroup_configuration: 'EnforceWorkGroupConfiguration',
    publish_cloudwatch_metrics_enabled: 'PublishCloudWatchMetricsEnabled',
    result_configuration: [
      'ResultConfiguration',
      block({
        output_location: 'OutputLocation',
        expected_bucket_owner: 'ExpectedBucketOwner',
        encryption_configuration: ['EncryptionConfiguration', block({ encryption_option: 'EncryptionOption', kms_key_arn: 'KmsKey' })],
      }),
    ],
  })(value, attributes);
  const raw = single(value);
  if (isRecord(mapped) && isRecord(raw) && (raw['enforce_workgroup_configuration'] === undefined || raw['enforce_workgroup_configuration'] === null)) {
    return { ...mapped, EnforceWorkGroupConfiguration: true };
  }
  return mapped;
};

/** SageMaker, Glue, Athena and Elastic Beanstalk: notebooks, endpoint configurations, security configurations, catalog settings, workgroups, saved configurations. */
export const analyticsBuildMappings: MappingTable = {
  aws_sagemaker_notebook_instance: {
    cfnType: 'AWS::SageMaker::NotebookInstance',
    name: 'name',
    fields: {
      name: 'NotebookInstanceName',
      role_arn: 'RoleArn',
      instance_type: 'InstanceType',
      kms_key_id: 'KmsKeyId',
      direct_internet_access: 'DirectInternetAccess',
      root_access: 'RootAccess',
      subnet_id: 'SubnetId',
      security_groups: ['SecurityGroupIds', nonEmpty],
      lifecycle_config_name: 'LifecycleConfigName',
      platform_identifier: 'PlatformIdentifier',
      tags: ['Tags', tags],
    },
    defaults: { direct_internet_access: 'Enabled', root_access: 'Enabled' },
  },
  aws_sagemaker_endpoint_configuration: {
    cfnType: 'AWS::SageMaker::EndpointConfig',
    name: 'name',
    fields: {
      name: 'EndpointConfigName',
      kms_key_arn: 'KmsKeyId',
      production_variants: ['ProductionVariants', blocks({ variant_name: 'VariantName', model_name: 'ModelName', instance_type: 'InstanceType', initial_instance_count: 'InitialInstanceCount' })],
      tags: ['Tags', tags],
    },
  },
  aws_glue_security_configuration: {
    cfnType: 'AWS::Glue::SecurityConfiguration',
    name: 'name',
    fields: {
      name: 'Name',
      encryption_configuration: [
        'EncryptionConfiguration',
        block({
          cloudwatch_encryption: ['CloudWatchEncryption', block({ cloudwatch_encryption_mode: 'CloudWatchEncryptionMode', kms_key_arn: 'KmsKeyArn' })],
          job_bookmarks_encryption: ['JobBookmarksEncryption', block({ job_bookmarks_encryption_mode: 'JobBookmarksEncryptionMode', kms_key_arn: 'KmsKeyArn' })],
          s3_encryption: ['S3Encryptions', blocks({ s3_encryption_mode: 'S3EncryptionMode', kms_key_arn: 'KmsKeyArn' })],
        }),
      ],
    },
  },
  aws_glue_data_catalog_encryption_settings: {
    cfnType: 'AWS::Glue::DataCatalogEncryptionSettings',
    fields: {
      catalog_id: 'CatalogId',
      data_catalog_encryption_settings: [
        'DataCatalogEncryptionSettings',
        block({
          connection_password_encryption: ['ConnectionPasswordEncryption', block({ return_connection_password_encrypted: 'ReturnConnectionPasswordEncrypted', aws_kms_key_id: 'KmsKeyId' })],
          encryption_at_rest: ['EncryptionAtRest', block({ catalog_encryption_mode: 'CatalogEncryptionMode', sse_aws_kms_key_id: 'SseAwsKmsKeyId', catalog_encryption_service_role: 'CatalogEncryptionServiceRole' })],
        }),
      ],
    },
  },
  aws_elastic_beanstalk_configuration_template: {
    cfnType: 'AWS::ElasticBeanstalk::ConfigurationTemplate',
    name: 'name',
    fields: {
      application: 'ApplicationName',
      solution_stack_name: 'SolutionStackName',
      environment_id: 'EnvironmentId',
      setting: ['OptionSettings', blocks({ namespace: 'Namespace', name: 'OptionName', value: 'Value', resource: 'ResourceName' })],
    },
  },
  aws_athena_workgroup: {
    cfnType: 'AWS::Athena::WorkGroup',
    name: 'name',
    fields: { name: 'Name', state: 'State', description: 'Description', configuration: ['WorkGroupConfiguration', workgroupConfiguration], tags: ['Tags', tags] },
  },
};
