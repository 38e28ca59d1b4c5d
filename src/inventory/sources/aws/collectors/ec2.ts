import { Buffer } from 'node:buffer';
import { looksSecret } from '../../../redact.js';
import { Redacted, Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing, type CollectorContext } from '../collector.js';
import { AwsCallError } from '../errors.js';
import type * as Ec2Sdk from '@aws-sdk/client-ec2';
import type { EC2Client, Instance } from '@aws-sdk/client-ec2';
import { chunks, props, tagsList } from '../props.js';

const INSTANCE = 'AWS::EC2::Instance';
const IMAGE = 'Demarc::EC2::Image';
const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const TRANSIT_GATEWAY = 'AWS::EC2::TransitGateway';
const ADDRESS = 'AWS::EC2::EIP';

type VolumeEncryption = Map<string, boolean> | Unknown;

/** `Encrypted` of an attached volume: from DescribeVolumes, or Unknown with the reason it could not be read. */
function encryptedOf(encryption: VolumeEncryption, volumeId: string | undefined): boolean | Unknown {
  if (encryption instanceof Unknown) return encryption;
  const encrypted = volumeId === undefined ? undefined : encryption.get(volumeId);
  return encrypted ?? new Unknown(`volume ${volumeId ?? '(no id)'} was not returned by ec2:DescribeVolumes`);
}

/**
 * Whether each EBS volume attached to the instances is encrypted, read in batches by volume id (a filter, so that a
 * volume deleted meanwhile is simply missing rather than failing the batch). When the call fails, every mapping's
 * `Encrypted` is Unknown with the reason, and each instance with EBS volumes gets a narrow gap.
 */
async function volumeEncryption(
  ctx: CollectorContext,
  ec2: EC2Client,
  sdk: typeof Ec2Sdk,
  instances: readonly Instance[],
): Promise<VolumeEncryption> {
  const ids = [...new Set(instances.flatMap((instance) => (instance.BlockDeviceMappings ?? []).flatMap((mapping) => (mapping.Ebs?.VolumeId ? [mapping.Ebs.VolumeId] : []))))];
  const encrypted = new Map<string, boolean>();
  if (ids.length === 0) return encrypted;
  try {
    for (const batch of chunks(ids, 200)) {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeVolumes', (NextToken) => new sdk.DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: batch }], NextToken, MaxResults: 500 }), (page) => page.NextToken)) {
        for (const volume of page.Volumes ?? []) if (volume.VolumeId) encrypted.set(volume.VolumeId, volume.Encrypted === true);
      }
    }
    return encrypted;
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    for (const instance of instances) {
      if ((instance.BlockDeviceMappings ?? []).some((mapping) => mapping.Ebs?.VolumeId)) ctx.gap([], error, error.action, ctx.arn('ec2', `instance/${instance.InstanceId ?? ''}`));
    }
    return new Unknown(`${error.action}: ${error.message}`);
  }
}

export default defineCollector({
  service: 'ec2',
  global: false,
  resourceTypes: [INSTANCE, IMAGE, LAUNCH_TEMPLATE, TRANSIT_GATEWAY, ADDRESS],
  calls: ['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute', 'ec2:DescribeVolumes', 'ec2:DescribeImages', 'ec2:DescribeLaunchTemplateVersions', 'ec2:DescribeTransitGateways', 'ec2:DescribeAddresses'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ec2');
    const ec2 = ctx.client(sdk.EC2Client);
    await listing(ctx, [INSTANCE], async () => {
      const instances: Instance[] = [];
      for await (const page of ctx.pages(ec2, 'ec2:DescribeInstances', (NextToken) => new sdk.DescribeInstancesCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const reservation of page.Reservations ?? []) for (const instance of reservation.Instances ?? []) if (instance.State?.Name !== 'terminated') instances.push(instance);
      }
      // DescribeInstances does not say whether a mapped volume is encrypted; the volume itself does.
      const encryption = await volumeEncryption(ctx, ec2, sdk, instances);
      await ctx.each(instances, async (instance) => {
        const id = instance.InstanceId ?? '';
        const arn = ctx.arn('ec2', `instance/${id}`);
        // User data may hold secrets: it is read, judged, and only the verdict is kept.
        const attribute = await ctx.detail(ec2, 'ec2:DescribeInstanceAttribute', new sdk.DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }), arn);
        // An unread attribute stays Unknown all the way to the check: it is never "no secret" (see redact.ts).
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
            BlockDeviceMappings: (instance.BlockDeviceMappings ?? []).map((mapping) => ({
              DeviceName: mapping.DeviceName,
              VolumeId: mapping.Ebs?.VolumeId,
              Ebs: mapping.Ebs
                ? { VolumeId: mapping.Ebs.VolumeId, DeleteOnTermination: mapping.Ebs.DeleteOnTermination, Encrypted: encryptedOf(encryption, mapping.Ebs.VolumeId) }
                : undefined,
            })),
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
    await listing(ctx, [ADDRESS], async () => {
      // DescribeAddresses has no pagination: one call returns every address of the region.
      const output = await ctx.call(ec2, 'ec2:DescribeAddresses', new sdk.DescribeAddressesCommand({}));
      for (const address of output.Addresses ?? []) {
        const id = address.AllocationId ?? address.PublicIp ?? '';
        const arn = ctx.arn('ec2', `elastic-ip/${id}`);
        ctx.emit({
          type: ADDRESS,
          id: arn,
          arn,
          name: address.PublicIp,
          properties: props({
            Domain: address.Domain,
            InstanceId: address.InstanceId || undefined,
            // Not CloudFormation properties: only an account knows what an address is associated with.
            AssociationId: address.AssociationId,
            NetworkInterfaceId: address.NetworkInterfaceId,
            Tags: tagsList(address.Tags),
          }),
        });
      }
    });
    await listing(ctx, [TRANSIT_GATEWAY], async () => {
      for await (const page of ctx.pages(ec2, 'ec2:DescribeTransitGateways', (NextToken) => new sdk.DescribeTransitGatewaysCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const gateway of page.TransitGateways ?? []) {
          // A deleted gateway stays listed for a while; it no longer accepts anything.
          if (gateway.State === 'deleted' || gateway.State === 'deleting') continue;
          const arn = gateway.TransitGatewayArn ?? ctx.arn('ec2', `transit-gateway/${gateway.TransitGatewayId ?? ''}`);
          const options = gateway.Options;
          ctx.emit({
            type: TRANSIT_GATEWAY,
            id: arn,
            arn,
            name: gateway.TransitGatewayId,
            properties: props({
              Description: gateway.Description || undefined,
              AmazonSideAsn: options?.AmazonSideAsn,
              AutoAcceptSharedAttachments: options?.AutoAcceptSharedAttachments,
              DefaultRouteTableAssociation: options?.DefaultRouteTableAssociation,
              DefaultRouteTablePropagation: options?.DefaultRouteTablePropagation,
              DnsSupport: options?.DnsSupport,
              VpnEcmpSupport: options?.VpnEcmpSupport,
              Tags: tagsList(gateway.Tags),
            }),
          });
        }
      }
    });
  },
});
