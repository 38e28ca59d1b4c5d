import { defineCollector, listing } from '../collector.js';
import { fromDetail, props, tagsList } from '../props.js';

const VOLUME = 'AWS::EC2::Volume';
const SNAPSHOT = 'Demarc::EC2::Snapshot';
const DEFAULT_ENCRYPTION = 'Demarc::EC2::EbsEncryptionDefault';

export default defineCollector({
  service: 'ebs',
  global: false,
  resourceTypes: [VOLUME, SNAPSHOT, DEFAULT_ENCRYPTION],
  calls: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ec2');
    const ec2 = ctx.client(sdk.EC2Client);
    await listing(ctx, [VOLUME], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeVolumes', (NextToken) => new sdk.DescribeVolumesCommand({ NextToken, MaxResults: 500 }), (page) => page.NextToken)) {
        for (const volume of page.Volumes ?? []) {
          const arn = ctx.arn('ec2', `volume/${volume.VolumeId ?? ''}`);
          ctx.emit({
            type: VOLUME,
            id: arn,
            arn,
            name: volume.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? volume.VolumeId,
            properties: props({
              VolumeId: volume.VolumeId,
              AvailabilityZone: volume.AvailabilityZone,
              Encrypted: volume.Encrypted === true,
              KmsKeyId: volume.KmsKeyId,
              Size: volume.Size,
              VolumeType: volume.VolumeType,
              Iops: volume.Iops,
              State: volume.State,
              Attachments: (volume.Attachments ?? []).map((attachment) => ({ InstanceId: attachment.InstanceId, Device: attachment.Device })),
              Tags: tagsList(volume.Tags),
            }),
          });
        }
      }
    });
    await listing(ctx, [SNAPSHOT], async () => {
      // Snapshots restorable by everyone are exactly those whose createVolumePermission includes the group `all`:
      // one listing answers for every snapshot instead of one attribute call each.
      const shared = new Set<string>();
      for await (const page of ctx.pages(ec2, 'ec2:DescribeSnapshots', (NextToken) => new sdk.DescribeSnapshotsCommand({ OwnerIds: ['self'], RestorableByUserIds: ['all'], NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const snapshot of page.Snapshots ?? []) if (snapshot.SnapshotId) shared.add(snapshot.SnapshotId);
      }
      for await (const page of ctx.pages(ec2, 'ec2:DescribeSnapshots', (NextToken) => new sdk.DescribeSnapshotsCommand({ OwnerIds: ['self'], NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const snapshot of page.Snapshots ?? []) {
          const id = snapshot.SnapshotId ?? '';
          const arn = ctx.arn('ec2', `snapshot/${id}`);
          ctx.emit({
            type: SNAPSHOT,
            id: arn,
            arn,
            name: id,
            properties: props({ SnapshotId: id, Encrypted: snapshot.Encrypted === true, Public: shared.has(id), VolumeId: snapshot.VolumeId, StartTime: snapshot.StartTime, KmsKeyId: snapshot.KmsKeyId }),
          });
        }
      }
    });
    if (ctx.wants(DEFAULT_ENCRYPTION)) {
      await listing(ctx, [DEFAULT_ENCRYPTION], async () => {
        const byDefault = await ctx.call(ec2, 'ec2:GetEbsEncryptionByDefault', new sdk.GetEbsEncryptionByDefaultCommand({}));
        const id = `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.account}:ebs-encryption-by-default`;
        const key = await ctx.detail(ec2, 'ec2:GetEbsDefaultKmsKeyId', new sdk.GetEbsDefaultKmsKeyIdCommand({}), id);
        ctx.emit({
          type: DEFAULT_ENCRYPTION,
          id,
          name: `ebs-encryption-by-default/${ctx.region}`,
          properties: props({ EbsEncryptionByDefault: byDefault.EbsEncryptionByDefault === true, KmsKeyId: fromDetail(key, (output) => output.KmsKeyId) }),
        });
      });
    }
  },
});
