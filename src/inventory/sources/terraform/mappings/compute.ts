import { block, blocks, isRecord, isUnknown, json, nonEmpty, tags, type Convert, type MappingTable } from './dsl.js';
import { isReference, type PropRecord, type PropValue } from '../../../values.js';
import { policyDocument } from './shared.js';

// Keys below these container-definition fields are user data (log driver options, labels), not API names.
const FREE_FORM_KEYS = new Set(['options', 'dockerLabels', 'sysctls', 'driverOpts', 'labels']);

/** ECS container definitions: the API's camelCase JSON as CloudFormation's PascalCase properties. */
function pascalKeys(value: PropValue, freeForm = false): PropValue {
  if (Array.isArray(value)) return value.map((item) => pascalKeys(item));
  if (!isRecord(value)) return value;
  const out: PropRecord = {};
  for (const [key, item] of Object.entries(value)) {
    const name = freeForm ? key : key.charAt(0).toUpperCase() + key.slice(1);
    out[name] = freeForm ? item : pascalKeys(item, FREE_FORM_KEYS.has(key));
  }
  return out;
}

const containerDefinitions: Convert = (value, attributes) => {
  const parsed = json(value, attributes);
  return parsed === undefined ? undefined : pascalKeys(parsed);
};

const ECS_LOG: Convert = block({
  cloud_watch_encryption_enabled: 'CloudWatchEncryptionEnabled',
  cloud_watch_log_group_name: 'CloudWatchLogGroupName',
  s3_bucket_name: 'S3BucketName',
  s3_bucket_encryption_enabled: 'S3EncryptionEnabled',
  s3_key_prefix: 'S3KeyPrefix',
});

const CAPACITY_PROVIDER_STRATEGY: Convert = blocks({ capacity_provider: 'CapacityProvider', weight: 'Weight', base: 'Base' });

export const computeMappings: MappingTable = {
  aws_ecs_task_definition: {
    cfnType: 'AWS::ECS::TaskDefinition',
    name: 'family',
    fields: {
      family: 'Family',
      container_definitions: ['ContainerDefinitions', containerDefinitions],
      network_mode: 'NetworkMode',
      requires_compatibilities: ['RequiresCompatibilities', nonEmpty],
      cpu: 'Cpu',
      memory: 'Memory',
      execution_role_arn: 'ExecutionRoleArn',
      task_role_arn: 'TaskRoleArn',
      pid_mode: 'PidMode',
      ipc_mode: 'IpcMode',
      volume: [
        'Volumes',
        (value, all) =>
          nonEmpty(
            blocks({
              name: 'Name',
              host_path: 'Host.SourcePath',
              efs_volume_configuration: ['EFSVolumeConfiguration', block({ file_system_id: 'FilesystemId', root_directory: 'RootDirectory', transit_encryption: 'TransitEncryption', transit_encryption_port: 'TransitEncryptionPort', authorization_config: ['AuthorizationConfig', block({ access_point_id: 'AccessPointId', iam: 'IAM' })] })],
            })(value, all) ?? [],
            all,
          ),
      ],
      runtime_platform: ['RuntimePlatform', block({ operating_system_family: 'OperatingSystemFamily', cpu_architecture: 'CpuArchitecture' })],
      tags: ['Tags', tags],
    },
  },
  aws_ecs_cluster: {
    cfnType: 'AWS::ECS::Cluster',
    name: 'name',
    fields: {
      name: 'ClusterName',
      setting: ['ClusterSettings', blocks({ name: 'Name', value: 'Value' })],
      configuration: [
        'Configuration',
        block({
          execute_command_configuration: ['ExecuteCommandConfiguration', block({ kms_key_id: 'KmsKeyId', logging: 'Logging', log_configuration: ['LogConfiguration', ECS_LOG] })],
          managed_storage_configuration: ['ManagedStorageConfiguration', block({ kms_key_id: 'KmsKeyId', fargate_ephemeral_storage_kms_key_id: 'FargateEphemeralStorageKmsKeyId' })],
        }),
      ],
      tags: ['Tags', tags],
    },
  },
  aws_ecs_service: {
    cfnType: 'AWS::ECS::Service',
    name: 'name',
    fields: {
      name: 'ServiceName',
      cluster: 'Cluster',
      task_definition: 'TaskDefinition',
      launch_type: 'LaunchType',
      capacity_provider_strategy: ['CapacityProviderStrategy', CAPACITY_PROVIDER_STRATEGY],
      platform_version: 'PlatformVersion',
      desired_count: 'DesiredCount',
      enable_execute_command: 'EnableExecuteCommand',
      network_configuration: [
        'NetworkConfiguration.AwsvpcConfiguration',
        block({ subnets: 'Subnets', security_groups: 'SecurityGroups', assign_public_ip: ['AssignPublicIp', (value) => (value === true ? 'ENABLED' : value === false ? 'DISABLED' : value)] }),
      ],
      tags: ['Tags', tags],
    },
  },
  aws_ecs_capacity_provider: {
    cfnType: 'AWS::ECS::CapacityProvider',
    name: 'name',
    fields: {
      name: 'Name',
      auto_scaling_group_provider: ['AutoScalingGroupProvider', block({ auto_scaling_group_arn: 'AutoScalingGroupArn' })],
      managed_instances_provider: ['ManagedInstancesProvider', block({ infrastructure_role_arn: 'InfrastructureRoleArn' })],
    },
  },
  aws_ecs_cluster_capacity_providers: {
    cfnType: 'AWS::ECS::ClusterCapacityProviderAssociations',
    fields: { cluster_name: 'Cluster', capacity_providers: 'CapacityProviders', default_capacity_provider_strategy: ['DefaultCapacityProviderStrategy', CAPACITY_PROVIDER_STRATEGY] },
  },
  aws_eks_cluster: {
    cfnType: 'AWS::EKS::Cluster',
    name: 'name',
    fields: {
      name: 'Name',
      role_arn: 'RoleArn',
      version: 'Version',
      vpc_config: [
        'ResourcesVpcConfig',
        block({
          subnet_ids: 'SubnetIds',
          security_group_ids: ['SecurityGroupIds', nonEmpty],
          endpoint_public_access: 'EndpointPublicAccess',
          endpoint_private_access: 'EndpointPrivateAccess',
          public_access_cidrs: ['PublicAccessCidrs', nonEmpty],
        }),
      ],
      enabled_cluster_log_types: ['Logging.ClusterLogging.EnabledTypes', (value) => (Array.isArray(value) ? value.map((type) => ({ Type: type })) : value)],
      encryption_config: ['EncryptionConfig', blocks({ resources: 'Resources', provider: ['Provider', block({ key_arn: 'KeyArn' })] })],
      access_config: ['AccessConfig', block({ authentication_mode: 'AuthenticationMode', bootstrap_cluster_creator_admin_permissions: 'BootstrapClusterCreatorAdminPermissions' })],
      kubernetes_network_config: ['KubernetesNetworkConfig', block({ service_ipv4_cidr: 'ServiceIpv4Cidr', ip_family: 'IpFamily' })],
      compute_config: ['ComputeConfig', block({ enabled: 'Enabled', node_pools: 'NodePools', node_role_arn: 'NodeRoleArn' })],
      tags: ['Tags', tags],
    },
    computed: ['version', 'access_config', 'kubernetes_network_config'],
  },
  aws_eks_node_group: {
    cfnType: 'AWS::EKS::Nodegroup',
    name: 'node_group_name',
    fields: {
      cluster_name: 'ClusterName',
      node_group_name: 'NodegroupName',
      node_role_arn: 'NodeRole',
      subnet_ids: 'Subnets',
      ami_type: 'AmiType',
      release_version: 'ReleaseVersion',
      version: 'Version',
      instance_types: ['InstanceTypes', nonEmpty],
      capacity_type: 'CapacityType',
      remote_access: ['RemoteAccess', block({ ec2_ssh_key: 'Ec2SshKey', source_security_group_ids: ['SourceSecurityGroups', nonEmpty] })],
      launch_template: ['LaunchTemplate', block({ id: 'Id', name: 'Name', version: 'Version' })],
      scaling_config: ['ScalingConfig', block({ desired_size: 'DesiredSize', max_size: 'MaxSize', min_size: 'MinSize' })],
    },
  },
  aws_eks_fargate_profile: { cfnType: 'AWS::EKS::FargateProfile', name: 'fargate_profile_name', fields: { cluster_name: 'ClusterName', fargate_profile_name: 'FargateProfileName', pod_execution_role_arn: 'PodExecutionRoleArn', subnet_ids: 'Subnets' } },
  aws_eks_addon: { cfnType: 'AWS::EKS::Addon', name: 'addon_name', fields: { cluster_name: 'ClusterName', addon_name: 'AddonName', addon_version: 'AddonVersion', service_account_role_arn: 'ServiceAccountRoleArn' } },
  aws_ecr_repository: {
    cfnType: 'AWS::ECR::Repository',
    name: 'name',
    fields: {
      name: 'RepositoryName',
      image_tag_mutability: 'ImageTagMutability',
      image_scanning_configuration: ['ImageScanningConfiguration', block({ scan_on_push: 'ScanOnPush' })],
      encryption_configuration: ['EncryptionConfiguration', block({ encryption_type: 'EncryptionType', kms_key: 'KmsKey' })],
      force_delete: 'EmptyOnDelete',
      tags: ['Tags', tags],
    },
    computed: ['encryption_configuration'],
  },
  aws_ecr_repository_policy: {
    cfnType: 'AWS::ECR::Repository',
    parent: { types: ['aws_ecr_repository'], attribute: 'repository', keys: ['name', 'id'], mode: 'assign' },
    fields: { policy: ['RepositoryPolicyText', policyDocument] },
  },
  aws_ecr_lifecycle_policy: {
    cfnType: 'AWS::ECR::Repository',
    parent: { types: ['aws_ecr_repository'], attribute: 'repository', keys: ['name', 'id'], mode: 'assign' },
    fields: { policy: 'LifecyclePolicy.LifecyclePolicyText' },
  },
  aws_ecr_registry_policy: { cfnType: 'AWS::ECR::RegistryPolicy', fields: { policy: ['PolicyText', policyDocument] } },
  aws_efs_file_system: {
    cfnType: 'AWS::EFS::FileSystem',
    fields: {
      encrypted: 'Encrypted',
      kms_key_id: 'KmsKeyId',
      performance_mode: 'PerformanceMode',
      throughput_mode: 'ThroughputMode',
      provisioned_throughput_in_mibps: 'ProvisionedThroughputInMibps',
      availability_zone_name: 'AvailabilityZoneName',
      lifecycle_policy: [
        'LifecyclePolicies',
        (value, all) => nonEmpty(blocks({ transition_to_ia: 'TransitionToIA', transition_to_primary_storage_class: 'TransitionToPrimaryStorageClass', transition_to_archive: 'TransitionToArchive' })(value, all) ?? [], all),
      ],
      tags: ['FileSystemTags', tags],
    },
    computed: ['encrypted', 'kms_key_id'],
  },
  aws_efs_file_system_policy: {
    cfnType: 'AWS::EFS::FileSystem',
    parent: { types: ['aws_efs_file_system'], attribute: 'file_system_id', keys: ['id', 'arn'], mode: 'assign' },
    fields: { policy: ['FileSystemPolicy', policyDocument], bypass_policy_lockout_safety_check: 'BypassPolicyLockoutSafetyCheck' },
  },
  aws_efs_backup_policy: {
    cfnType: 'AWS::EFS::FileSystem',
    parent: { types: ['aws_efs_file_system'], attribute: 'file_system_id', keys: ['id', 'arn'], mode: 'assign' },
    fields: { backup_policy: ['BackupPolicy', block({ status: 'Status' })] },
  },
  aws_efs_mount_target: { cfnType: 'AWS::EFS::MountTarget', fields: { file_system_id: 'FileSystemId', subnet_id: 'SubnetId', security_groups: ['SecurityGroups', nonEmpty], ip_address: 'IpAddress' } },
  aws_efs_access_point: {
    cfnType: 'AWS::EFS::AccessPoint',
    fields: {
      file_system_id: 'FileSystemId',
      posix_user: ['PosixUser', block({ uid: 'Uid', gid: 'Gid', secondary_gids: 'SecondaryGids' })],
      root_directory: ['RootDirectory', block({ path: 'Path', creation_info: ['CreationInfo', block({ owner_uid: 'OwnerUid', owner_gid: 'OwnerGid', permissions: 'Permissions' })] })],
    },
  },
  aws_emr_cluster: {
    cfnType: 'AWS::EMR::Cluster',
    name: 'name',
    fields: {
      name: 'Name',
      release_label: 'ReleaseLabel',
      security_configuration: 'SecurityConfiguration',
      service_role: 'ServiceRole',
      log_uri: 'LogUri',
      termination_protection: 'Instances.TerminationProtected',
      keep_job_flow_alive_when_no_steps: 'Instances.KeepJobFlowAliveWhenNoSteps',
      ec2_attributes: [
        'Instances',
        block({ subnet_id: 'Ec2SubnetId', key_name: 'Ec2KeyName', emr_managed_master_security_group: 'EmrManagedMasterSecurityGroup', emr_managed_slave_security_group: 'EmrManagedSlaveSecurityGroup', service_access_security_group: 'ServiceAccessSecurityGroup' }),
      ],
      kerberos_attributes: ['KerberosAttributes', block({ realm: 'Realm', kdc_admin_password: 'KdcAdminPassword' })],
      tags: ['Tags', tags],
    },
    build: (attributes) => {
      const ec2 = Array.isArray(attributes['ec2_attributes']) ? attributes['ec2_attributes'][0] : undefined;
      return isRecord(ec2) && ec2['instance_profile'] !== undefined ? { JobFlowRole: ec2['instance_profile'] ?? null } : {};
    },
  },
  aws_emrserverless_application: { cfnType: 'AWS::EMRServerless::Application', name: 'name', fields: { name: 'Name', release_label: 'ReleaseLabel', type: 'Type' } },
  aws_opensearchserverless_collection: { cfnType: 'AWS::OpenSearchServerless::Collection', name: 'name', fields: { name: 'Name', type: 'Type', standby_replicas: 'StandbyReplicas' } },
  aws_emr_security_configuration: { cfnType: 'AWS::EMR::SecurityConfiguration', name: 'name', fields: { name: 'Name', configuration: ['SecurityConfiguration', policyDocument] } },
  aws_emr_block_public_access_configuration: {
    cfnType: 'Demarc::EMR::BlockPublicAccess',
    fields: { block_public_security_group_rules: 'BlockPublicSecurityGroupRules' },
  },
  aws_elastic_beanstalk_environment: {
    cfnType: 'AWS::ElasticBeanstalk::Environment',
    name: 'name',
    fields: {
      name: 'EnvironmentName',
      application: 'ApplicationName',
      solution_stack_name: 'SolutionStackName',
      platform_arn: 'PlatformArn',
      tier: 'Tier.Name',
      template_name: 'TemplateName',
      setting: ['OptionSettings', blocks({ namespace: 'Namespace', name: 'OptionName', value: 'Value', resource: 'ResourceName' })],
    },
  },
  aws_elastic_beanstalk_application: { cfnType: 'AWS::ElasticBeanstalk::Application', name: 'name', fields: { name: 'ApplicationName', description: 'Description' } },
  aws_workspaces_workspace: {
    cfnType: 'AWS::WorkSpaces::Workspace',
    fields: {
      bundle_id: 'BundleId',
      directory_id: 'DirectoryId',
      user_name: 'UserName',
      root_volume_encryption_enabled: 'RootVolumeEncryptionEnabled',
      user_volume_encryption_enabled: 'UserVolumeEncryptionEnabled',
      volume_encryption_key: 'VolumeEncryptionKey',
      workspace_properties: ['WorkspaceProperties', block({ compute_type_name: 'ComputeTypeName', running_mode: 'RunningMode', running_mode_auto_stop_timeout_in_minutes: 'RunningModeAutoStopTimeoutInMinutes', root_volume_size_gib: 'RootVolumeSizeGib', user_volume_size_gib: 'UserVolumeSizeGib' })],
      tags: ['Tags', tags],
    },
  },
  aws_codebuild_project: {
    cfnType: 'AWS::CodeBuild::Project',
    name: 'name',
    fields: {
      name: 'Name',
      service_role: 'ServiceRole',
      encryption_key: 'EncryptionKey',
      environment: [
        'Environment',
        block({
          type: 'Type',
          image: 'Image',
          compute_type: 'ComputeType',
          privileged_mode: 'PrivilegedMode',
          image_pull_credentials_type: 'ImagePullCredentialsType',
          environment_variable: ['EnvironmentVariables', blocks({ name: 'Name', value: 'Value', type: 'Type' })],
        }),
      ],
      artifacts: ['Artifacts', block({ type: 'Type', location: 'Location', encryption_disabled: 'EncryptionDisabled' })],
      source: ['Source', block({ type: 'Type', location: 'Location', buildspec: 'BuildSpec', git_clone_depth: 'GitCloneDepth' })],
      secondary_artifacts: ['SecondaryArtifacts', blocks({ artifact_identifier: 'ArtifactIdentifier', type: 'Type', location: 'Location', encryption_disabled: 'EncryptionDisabled' })],
      secondary_sources: ['SecondarySources', blocks({ source_identifier: 'SourceIdentifier', type: 'Type', location: 'Location' })],
      logs_config: [
        'LogsConfig',
        block({
          cloudwatch_logs: ['CloudWatchLogs', block({ status: 'Status', group_name: 'GroupName', stream_name: 'StreamName' })],
          s3_logs: ['S3Logs', block({ status: 'Status', location: 'Location', encryption_disabled: 'EncryptionDisabled' })],
        }),
      ],
      tags: ['Tags', tags],
    },
  },
  aws_sfn_state_machine: {
    cfnType: 'AWS::StepFunctions::StateMachine',
    name: 'name',
    fields: {
      name: 'StateMachineName',
      role_arn: 'RoleArn',
      type: 'StateMachineType',
      definition: ['Definition', json],
      logging_configuration: ['LoggingConfiguration', block({ level: 'Level', include_execution_data: 'IncludeExecutionData', log_destination: ['Destinations', (value) => (typeof value === 'string' && value !== '' ? [{ CloudWatchLogsLogGroup: { LogGroupArn: value.replace(/:\*$/, '') } }] : isUnknown(value) || isReference(value) ? [{ CloudWatchLogsLogGroup: { LogGroupArn: value } }] : undefined)] })],
      tracing_configuration: ['TracingConfiguration', block({ enabled: 'Enabled' })],
      encryption_configuration: ['EncryptionConfiguration', block({ type: 'Type', kms_key_id: 'KmsKeyId' })],
      tags: ['Tags', tags],
    },
  },
};

