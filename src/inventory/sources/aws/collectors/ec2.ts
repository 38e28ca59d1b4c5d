import { Buffer } from 'node:buffer';
import { looksSecret } from '../../../redact.js';
import { Redacted, Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import type { Instance } from '@aws-sdk/client-ec2';
import { props, tagsList } from '../props.js';

const INSTANCE = 'AWS::EC2::Instance';
const IMAGE = 'Demarc::EC2::Image';
const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';

export default defineCollector({
  service: 'ec2',
  global: false,
  resourceTypes: [INSTANCE, IMAGE, LAUNCH_TEMPLATE],
  calls: ['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute', 'ec2:DescribeImages', 'ec2:DescribeLaunchTemplateVersions'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ec2');
    const ec2 = ctx.client(sdk.EC2Client);
    await listing(ctx, [INSTANCE], async () => {
      const instances: Instance[] = [];
      for await (const page of ctx.pages(ec2, 'ec2:DescribeInstances', (NextToken) => new sdk.DescribeInstancesCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const reservation of page.Reservations ?? []) for (const instance of reservation.Instances ?? []) if (instance.State?.Name !== 'terminated') instances.push(instance);
      }
      await ctx.each(instances, async (instance) => {
        const id = instance.InstanceId ?? '';
        const arn = ctx.arn('ec2', `instance/${id}`);
        // User data may hold secrets: it is read, judged, and only the verdict is kept.
        const attribute = await ctx.detail(ec2, 'ec2:DescribeInstanceAttribute', new sdk.DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }), arn);
        let userData: Redacted | Unknown | undefined;
        if (attribute instanceof Unknown) userData = attribute;
        else if (attribute !== ABSENT && attribute.UserData?.Value) userData = new Redacted(looksSecret('UserData', Buffer.from(attribute.UserData.Value, 'base64').toString('utf8')));
        ctx.emit({
          type: INSTANCE,
          id: arn,
          arn,
          name: instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? id,
          properties: props({
            InstanceId: id,
            ImageId: instance.ImageId,
            InstanceType: instance.InstanceType,
            KeyName: instance.KeyName,
            SubnetId: instance.SubnetId,
            SecurityGroupIds: (instance.SecurityGroups ?? []).map((group) => group.GroupId),
            IamInstanceProfile: instance.IamInstanceProfile?.Arn,
            Monitoring: instance.Monitoring?.State === 'enabled',
            EbsOptimized: instance.EbsOptimized,
            MetadataOptions: instance.MetadataOptions
              ? { HttpTokens: instance.MetadataOptions.HttpTokens, HttpEndpoint: instance.MetadataOptions.HttpEndpoint, HttpPutResponseHopLimit: instance.MetadataOptions.HttpPutResponseHopLimit }
              : undefined,
            BlockDeviceMappings: (instance.BlockDeviceMappings ?? []).map((mapping) => ({ DeviceName: mapping.DeviceName, VolumeId: mapping.Ebs?.VolumeId })),
            PublicIpAddress: instance.PublicIpAddress,
            State: instance.State?.Name,
            LaunchTime: instance.LaunchTime,
            PlatformDetails: instance.PlatformDetails,
            UserData: userData,
            Tags: tagsList(instance.Tags),
          }),
        });
      });
    });
    await listing(ctx, [IMAGE], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeImages', (NextToken) => new sdk.DescribeImagesCommand({ Owners: ['self'], NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const image of page.Images ?? []) {
          const arn = ctx.arn('ec2', `image/${image.ImageId ?? ''}`, ctx.region).replace(`:${ctx.account}:`, '::');
          ctx.emit({ type: IMAGE, id: arn, arn, name: image.Name ?? image.ImageId, properties: props({ ImageId: image.ImageId, Public: image.Public === true, CreationDate: image.CreationDate }) });
        }
      }
    });
    await listing(ctx, [LAUNCH_TEMPLATE], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeLaunchTemplateVersions', (NextToken) => new sdk.DescribeLaunchTemplateVersionsCommand({ Versions: ['$Default'], NextToken, MaxResults: 200 }), (page) => page.NextToken)) {
        for (const version of page.LaunchTemplateVersions ?? []) {
          const data = version.LaunchTemplateData;
          const arn = ctx.arn('ec2', `launch-template/${version.LaunchTemplateId ?? ''}`);
          ctx.emit({
            type: LAUNCH_TEMPLATE,
            id: arn,
            arn,
            name: version.LaunchTemplateName,
            properties: props({
              LaunchTemplateName: version.LaunchTemplateName,
              LaunchTemplateData: data
                ? {
                    MetadataOptions: data.MetadataOptions ? { HttpTokens: data.MetadataOptions.HttpTokens, HttpEndpoint: data.MetadataOptions.HttpEndpoint, HttpPutResponseHopLimit: data.MetadataOptions.HttpPutResponseHopLimit } : undefined,
                    UserData: data.UserData ? new Redacted(looksSecret('UserData', Buffer.from(data.UserData, 'base64').toString('utf8'))) : undefined,
                    BlockDeviceMappings: (data.BlockDeviceMappings ?? []).map((mapping) => ({ DeviceName: mapping.DeviceName, Ebs: mapping.Ebs ? { Encrypted: mapping.Ebs.Encrypted, KmsKeyId: mapping.Ebs.KmsKeyId } : undefined })),
                    NetworkInterfaces: (data.NetworkInterfaces ?? []).map((nic) => ({ AssociatePublicIpAddress: nic.AssociatePublicIpAddress, DeviceIndex: nic.DeviceIndex })),
                    ImageId: data.ImageId,
                  }
                : undefined,
            }),
          });
        }
      }
    });
  },
});
