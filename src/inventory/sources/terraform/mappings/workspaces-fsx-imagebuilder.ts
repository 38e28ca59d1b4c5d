import { block, type FieldSpec, type MappingTable, type TypeMapping } from './dsl.js';

/**
 * FSx file systems (one provider type per file system type, one CloudFormation type with a configuration block per
 * file system type), Image Builder infrastructure configurations and CodeCommit repositories. WorkSpaces are mapped in
 * compute.ts.
 */

type FileSystemKind = 'LUSTRE' | 'WINDOWS' | 'ONTAP' | 'OPENZFS';

function fileSystem(kind: FileSystemKind, configuration: string, options: { copyTags: boolean; defaults: TypeMapping['defaults']; fields?: FieldSpec }): TypeMapping {
  return {
    cfnType: 'AWS::FSx::FileSystem',
    fields: {
      kms_key_id: 'KmsKeyId',
      storage_type: 'StorageType',
      subnet_ids: 'SubnetIds',
      deployment_type: `${configuration}.DeploymentType`,
      automatic_backup_retention_days: `${configuration}.AutomaticBackupRetentionDays`,
      ...(options.copyTags ? { copy_tags_to_backups: `${configuration}.CopyTagsToBackups` } : {}),
      ...options.fields,
    },
    build: () => ({ FileSystemType: kind }),
    // Left out, the key is AWS's aws/fsx and the retention the API's default: a plan knows them only after apply.
    computed: ['kms_key_id', 'automatic_backup_retention_days'],
    ...(options.defaults === undefined ? {} : { defaults: options.defaults }),
  };
}

export const workspacesFsxImagebuilderMappings: MappingTable = {
  // Provider defaults: deployment_type SCRATCH_1, copy_tags_to_backups false; the backup retention is left to the API.
  aws_fsx_lustre_file_system: fileSystem('LUSTRE', 'LustreConfiguration', { copyTags: true, defaults: { deployment_type: 'SCRATCH_1', copy_tags_to_backups: false } }),
  // The provider sets 7 days of automatic backups and copy_tags_to_backups false when they are left out.
  aws_fsx_windows_file_system: fileSystem('WINDOWS', 'WindowsConfiguration', {
    copyTags: true,
    defaults: { automatic_backup_retention_days: 7, copy_tags_to_backups: false },
    fields: {
      audit_log_configuration: [
        'WindowsConfiguration.AuditLogConfiguration',
        block({ file_access_audit_log_level: 'FileAccessAuditLogLevel', file_share_access_audit_log_level: 'FileShareAccessAuditLogLevel', audit_log_destination: 'AuditLogDestination' }),
      ],
    },
  }),
  aws_fsx_ontap_file_system: fileSystem('ONTAP', 'OntapConfiguration', { copyTags: false, defaults: undefined }),
  aws_fsx_openzfs_file_system: fileSystem('OPENZFS', 'OpenZFSConfiguration', { copyTags: true, defaults: { copy_tags_to_backups: false } }),
  aws_imagebuilder_infrastructure_configuration: {
    cfnType: 'AWS::ImageBuilder::InfrastructureConfiguration',
    name: 'name',
    fields: {
      name: 'Name',
      instance_profile_name: 'InstanceProfileName',
      subnet_id: 'SubnetId',
      security_group_ids: 'SecurityGroupIds',
      instance_metadata_options: ['InstanceMetadataOptions', block({ http_tokens: 'HttpTokens', http_put_response_hop_limit: 'HttpPutResponseHopLimit' })],
    },
  },
  aws_codecommit_repository: {
    cfnType: 'AWS::CodeCommit::Repository',
    name: 'repository_name',
    fields: { repository_name: 'RepositoryName', description: 'RepositoryDescription', kms_key_id: 'KmsKeyId' },
    computed: ['kms_key_id'],
  },
};
