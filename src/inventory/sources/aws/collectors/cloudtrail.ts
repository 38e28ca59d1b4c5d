import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const TRAIL = 'AWS::CloudTrail::Trail';

export default defineCollector({
  service: 'cloudtrail',
  global: false,
  resourceTypes: [TRAIL],
  calls: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cloudtrail');
    const trails = ctx.client(sdk.CloudTrailClient);
    await listing(ctx, [TRAIL], async () => {
      // Without shadow trails each trail appears once, in its home region.
      const { trailList } = await ctx.call(trails, 'cloudtrail:DescribeTrails', new sdk.DescribeTrailsCommand({ includeShadowTrails: false }));
      await ctx.each(trailList ?? [], async (trail) => {
        const arn = trail.TrailARN ?? ctx.arn('cloudtrail', `trail/${trail.Name ?? ''}`);
        const [status, selectors] = await Promise.all([
          ctx.detail(trails, 'cloudtrail:GetTrailStatus', new sdk.GetTrailStatusCommand({ Name: arn }), arn),
          ctx.detail(trails, 'cloudtrail:GetEventSelectors', new sdk.GetEventSelectorsCommand({ TrailName: arn }), arn),
        ]);
        ctx.emit({
          type: TRAIL,
          id: arn,
          arn,
          name: trail.Name,
          region: trail.HomeRegion ?? ctx.region,
          properties: props({
            TrailName: trail.Name,
            IsLogging: fromDetail(status, (output) => output.IsLogging === true),
            LatestDeliveryTime: fromDetail(status, (output) => output.LatestDeliveryTime),
            IsMultiRegionTrail: trail.IsMultiRegionTrail === true,
            IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents === true,
            IsOrganizationTrail: trail.IsOrganizationTrail === true,
            EnableLogFileValidation: trail.LogFileValidationEnabled === true,
            KMSKeyId: trail.KmsKeyId,
            S3BucketName: trail.S3BucketName,
            S3KeyPrefix: trail.S3KeyPrefix,
            SnsTopicName: trail.SnsTopicARN,
            CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn,
            CloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn,
            EventSelectors: fromDetail(selectors, (output) => output.EventSelectors),
            AdvancedEventSelectors: fromDetail(selectors, (output) => output.AdvancedEventSelectors),
          }),
        });
      });
    });
  },
});
