import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props, tagsList } from '../props.js';

const FILE_SYSTEM = 'AWS::EFS::FileSystem';
const ACCESS_POINT = 'AWS::EFS::AccessPoint';

export default defineCollector({
  service: 'efs',
  global: false,
  resourceTypes: [FILE_SYSTEM, ACCESS_POINT],
  calls: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeBackupPolicy', 'elasticfilesystem:DescribeFileSystemPolicy', 'elasticfilesystem:DescribeAccessPoints'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-efs');
    const efs = ctx.client(sdk.EFSClient);
    await listing(ctx, [FILE_SYSTEM], async () => {
      const systems = [];
      for await (const page of ctx.pages(efs, 'elasticfilesystem:DescribeFileSystems', (Marker) => new sdk.DescribeFileSystemsCommand({ Marker }), (page) => page.NextMarker)) systems.push(...(page.FileSystems ?? []));
      await ctx.each(systems, async (system) => {
        const FileSystemId = system.FileSystemId ?? '';
        const arn = system.FileSystemArn ?? ctx.arn('elasticfilesystem', `file-system/${FileSystemId}`);
        const [backup, policy] = await Promise.all([
          ctx.detail(efs, 'elasticfilesystem:DescribeBackupPolicy', new sdk.DescribeBackupPolicyCommand({ FileSystemId }), arn, ['PolicyNotFound']),
          ctx.detail(efs, 'elasticfilesystem:DescribeFileSystemPolicy', new sdk.DescribeFileSystemPolicyCommand({ FileSystemId }), arn, ['PolicyNotFound']),
        ]);
        ctx.emit({
          type: FILE_SYSTEM,
          id: arn,
          arn,
          name: system.Name ?? FileSystemId,
          properties: props({
            FileSystemId,
            Encrypted: system.Encrypted === true,
            KmsKeyId: system.KmsKeyId,
            PerformanceMode: system.PerformanceMode,
            ThroughputMode: system.ThroughputMode,
            BackupPolicy: fromDetail(backup, (output) => (output.BackupPolicy?.Status ? { Status: output.BackupPolicy.Status } : undefined)),
            FileSystemPolicy: fromDetail(policy, (output) => policyDocument(output.Policy)),
            FileSystemTags: tagsList(system.Tags),
          }),
        });
      });
    });
    await listing(ctx, [ACCESS_POINT], async () => {
      for await (const page of ctx.pages(efs, 'elasticfilesystem:DescribeAccessPoints', (NextToken) => new sdk.DescribeAccessPointsCommand({ NextToken }), (page) => page.NextToken)) {
        for (const point of page.AccessPoints ?? []) {
          const AccessPointId = point.AccessPointId ?? '';
          const arn = point.AccessPointArn ?? ctx.arn('elasticfilesystem', `access-point/${AccessPointId}`);
          const user = point.PosixUser;
          const root = point.RootDirectory;
          ctx.emit({
            type: ACCESS_POINT,
            id: arn,
            arn,
            name: point.Name ?? AccessPointId,
            properties: props({
              FileSystemId: point.FileSystemId,
              PosixUser: user ? { Uid: user.Uid === undefined ? undefined : String(user.Uid), Gid: user.Gid === undefined ? undefined : String(user.Gid), SecondaryGids: user.SecondaryGids?.map(String) } : undefined,
              RootDirectory: root ? { Path: root.Path, CreationInfo: root.CreationInfo ? { OwnerUid: String(root.CreationInfo.OwnerUid), OwnerGid: String(root.CreationInfo.OwnerGid), Permissions: root.CreationInfo.Permissions } : undefined } : undefined,
              AccessPointTags: tagsList(point.Tags),
            }),
          });
        }
      }
    });
  },
});
