import { Buffer } from 'node:buffer';
import type { AutoScalingGroup, LaunchConfiguration } from '@aws-sdk/client-auto-scaling';
import { looksSecret } from '../../../redact.js';
import { Redacted } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';
const GROUP = 'AWS::AutoScaling::AutoScalingGroup';

/** User data may hold secrets: it is decoded, judged, and only the verdict is kept (as for EC2 instances). */
function userDataVerdict(encoded: string | undefined): Redacted | undefined {
  if (!encoded) return undefined;
  return new Redacted(looksSecret('UserData', Buffer.from(encoded, 'base64').toString('utf8')));
}

function launchConfigurationProperties(configuration: LaunchConfiguration): Record<string, unknown> {
  return {
    LaunchConfigurationName: configuration.LaunchConfigurationName,
    ImageId: configuration.ImageId,
    InstanceType: configuration.InstanceType,
    KeyName: configuration.KeyName || undefined,
    SecurityGroups: configuration.SecurityGroups,
    IamInstanceProfile: configuration.IamInstanceProfile,
    // CloudFormation models detailed monitoring as a plain boolean.
    InstanceMonitoring: configuration.InstanceMonitoring?.Enabled,
    EbsOptimized: configuration.EbsOptimized,
    AssociatePublicIpAddress: configuration.AssociatePublicIpAddress,
    PlacementTenancy: configuration.PlacementTenancy,
    SpotPrice: configuration.SpotPrice,
    MetadataOptions: configuration.MetadataOptions
      ? { HttpTokens: configuration.MetadataOptions.HttpTokens, HttpEndpoint: configuration.MetadataOptions.HttpEndpoint, HttpPutResponseHopLimit: configuration.MetadataOptions.HttpPutResponseHopLimit }
      : undefined,
    BlockDeviceMappings: (configuration.BlockDeviceMappings ?? []).map((mapping) => ({
      DeviceName: mapping.DeviceName,
      VirtualName: mapping.VirtualName,
      NoDevice: mapping.NoDevice,
      Ebs: mapping.Ebs
        ? {
            Encrypted: mapping.Ebs.Encrypted,
            SnapshotId: mapping.Ebs.SnapshotId,
            VolumeSize: mapping.Ebs.VolumeSize,
            VolumeType: mapping.Ebs.VolumeType,
            Iops: mapping.Ebs.Iops,
            Throughput: mapping.Ebs.Throughput,
            DeleteOnTermination: mapping.Ebs.DeleteOnTermination,
          }
        : undefined,
    })),
    UserData: userDataVerdict(configuration.UserData),
    CreatedTime: configuration.CreatedTime,
  };
}

function groupProperties(group: AutoScalingGroup): Record<string, unknown> {
  const template = group.LaunchTemplate;
  const mixed = group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  const overrides = group.MixedInstancesPolicy?.LaunchTemplate?.Overrides;
  return {
    AutoScalingGroupName: group.AutoScalingGroupName,
    LaunchConfigurationName: group.LaunchConfigurationName,
    LaunchTemplate: template ? { LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: template.LaunchTemplateName, Version: template.Version } : undefined,
    MixedInstancesPolicy: group.MixedInstancesPolicy
      ? {
          LaunchTemplate: {
            LaunchTemplateSpecification: mixed ? { LaunchTemplateId: mixed.LaunchTemplateId, LaunchTemplateName: mixed.LaunchTemplateName, Version: mixed.Version } : undefined,
            Overrides: overrides && overrides.length > 0 ? overrides.map((override) => ({ InstanceType: override.InstanceType, WeightedCapacity: override.WeightedCapacity, InstanceRequirements: override.InstanceRequirements ? {} : undefined })) : undefined,
          },
        }
      : undefined,
    // CloudFormation types the sizes as strings and the subnets as a list; the API gives numbers and a comma-separated string.
    MinSize: group.MinSize === undefined ? undefined : String(group.MinSize),
    MaxSize: group.MaxSize === undefined ? undefined : String(group.MaxSize),
    DesiredCapacity: group.DesiredCapacity === undefined ? undefined : String(group.DesiredCapacity),
    AvailabilityZones: group.AvailabilityZones,
    VPCZoneIdentifier: group.VPCZoneIdentifier ? group.VPCZoneIdentifier.split(',').map((subnet) => subnet.trim()).filter((subnet) => subnet !== '') : undefined,
    LoadBalancerNames: group.LoadBalancerNames,
    TargetGroupARNs: group.TargetGroupARNs,
    TrafficSources: group.TrafficSources && group.TrafficSources.length > 0 ? group.TrafficSources.map((source) => ({ Identifier: source.Identifier, Type: source.Type })) : undefined,
    HealthCheckType: group.HealthCheckType,
    HealthCheckGracePeriod: group.HealthCheckGracePeriod,
    CapacityRebalance: group.CapacityRebalance,
    Tags: group.Tags && group.Tags.length > 0 ? group.Tags.map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '', PropagateAtLaunch: tag.PropagateAtLaunch === true })) : undefined,
  };
}

export default defineCollector({
  service: 'autoscaling',
  global: false,
  resourceTypes: [LAUNCH_CONFIGURATION, GROUP],
  calls: ['autoscaling:DescribeLaunchConfigurations', 'autoscaling:DescribeAutoScalingGroups'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-auto-scaling');
    const autoscaling = ctx.client(sdk.AutoScalingClient);
    await listing(ctx, [LAUNCH_CONFIGURATION], async () => {
      for await (const page of ctx.pages(autoscaling, 'autoscaling:DescribeLaunchConfigurations', (NextToken) => new sdk.DescribeLaunchConfigurationsCommand({ NextToken, MaxRecords: 100 }), (page) => page.NextToken)) {
        for (const configuration of page.LaunchConfigurations ?? []) {
          const name = configuration.LaunchConfigurationName ?? '';
          const arn = configuration.LaunchConfigurationARN ?? ctx.arn('autoscaling', `launchConfiguration:*:launchConfigurationName/${name}`);
          ctx.emit({ type: LAUNCH_CONFIGURATION, id: arn, arn, name, properties: props(launchConfigurationProperties(configuration)) });
        }
      }
    });
    await listing(ctx, [GROUP], async () => {
      for await (const page of ctx.pages(autoscaling, 'autoscaling:DescribeAutoScalingGroups', (NextToken) => new sdk.DescribeAutoScalingGroupsCommand({ NextToken, MaxRecords: 100 }), (page) => page.NextToken)) {
        for (const group of page.AutoScalingGroups ?? []) {
          const name = group.AutoScalingGroupName ?? '';
          const arn = group.AutoScalingGroupARN ?? ctx.arn('autoscaling', `autoScalingGroup:*:autoScalingGroupName/${name}`);
          ctx.emit({ type: GROUP, id: arn, arn, name, properties: props(groupProperties(group)) });
        }
      }
    });
  },
});
