import type { FileSystem } from '@aws-sdk/client-fsx';
import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const FILE_SYSTEM = 'AWS::FSx::FileSystem';

/** The per-type settings the checks read, under CloudFormation's names for each configuration block. */
function configurations(fileSystem: FileSystem): Record<string, unknown> {
  const lustre = fileSystem.LustreConfiguration;
  const windows = fileSystem.WindowsConfiguration;
  const ontap = fileSystem.OntapConfiguration;
  const openZfs = fileSystem.OpenZFSConfiguration;
  return {
    LustreConfiguration: lustre && { DeploymentType: lustre.DeploymentType, AutomaticBackupRetentionDays: lustre.AutomaticBackupRetentionDays, CopyTagsToBackups: lustre.CopyTagsToBackups },
    WindowsConfiguration: windows && {
      DeploymentType: windows.DeploymentType,
      AutomaticBackupRetentionDays: windows.AutomaticBackupRetentionDays,
      CopyTagsToBackups: windows.CopyTagsToBackups,
      AuditLogConfiguration: windows.AuditLogConfiguration,
    },
    OntapConfiguration: ontap && { DeploymentType: ontap.DeploymentType, AutomaticBackupRetentionDays: ontap.AutomaticBackupRetentionDays },
    OpenZFSConfiguration: openZfs && { DeploymentType: openZfs.DeploymentType, AutomaticBackupRetentionDays: openZfs.AutomaticBackupRetentionDays, CopyTagsToBackups: openZfs.CopyTagsToBackups },
  };
}

export default defineCollector({
  service: 'fsx',
  global: false,
  resourceTypes: [FILE_SYSTEM],
  calls: ['fsx:DescribeFileSystems'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-fsx');
    const fsx = ctx.client(sdk.FSxClient);
    await listing(ctx, [FILE_SYSTEM], async () => {
      for await (const page of ctx.pages(fsx, 'fsx:DescribeFileSystems', (NextToken) => new sdk.DescribeFileSystemsCommand({ NextToken }), (page) => page.NextToken)) {
        for (const fileSystem of page.FileSystems ?? []) {
          const id = fileSystem.FileSystemId ?? '';
          const arn = fileSystem.ResourceARN ?? ctx.arn('fsx', `file-system/${id}`);
          ctx.emit({
            type: FILE_SYSTEM,
            id: arn,
            arn,
            name: id,
            properties: props({
              FileSystemType: fileSystem.FileSystemType,
              StorageType: fileSystem.StorageType,
              KmsKeyId: fileSystem.KmsKeyId,
              SubnetIds: fileSystem.SubnetIds,
              ...configurations(fileSystem),
            }),
          });
        }
      }
    });
  },
});
