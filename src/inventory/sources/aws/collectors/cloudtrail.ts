import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const TRAIL = 'AWS::CloudTrail::Trail';
const STATUS = 'Demarc::CloudTrail::RegionStatus';

/** The account that owns a trail, from its ARN (`arn:aws:cloudtrail:<region>:<account>:trail/<name>`). */
const ownerOf = (arn: string): string | undefined => arn.split(':')[4] || undefined;

export default defineCollector({
  service: 'cloudtrail',
  global: false,
  resourceTypes: [TRAIL, STATUS],
  calls: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cloudtrail');
    const trails = ctx.client(sdk.CloudTrailClient);
    await listing(ctx, [TRAIL, STATUS], async () => {
      // With shadow trails, the list is every trail that records this region: trails homed here, multi-region trails
      // homed in other regions and organization trails of the management account. Each trail resource is emitted
      // once, by its own account in its home region; the region status lists them all.
      const { trailList } = await ctx.call(trails, 'cloudtrail:DescribeTrails', new sdk.DescribeTrailsCommand({ includeShadowTrails: true }));
      const inRegion: Array<Record<string, unknown>> = [];
      await ctx.each(trailList ?? [], async (trail) => {
        const arn = trail.TrailARN ?? ctx.arn('cloudtrail', `trail/${trail.Name ?? ''}`);
        const homeRegion = trail.HomeRegion ?? ctx.region;
        const own = homeRegion === ctx.region && (ownerOf(arn) ?? ctx.account) === ctx.account;
        const emitTrail = own && ctx.wants(TRAIL);
        if (!emitTrail && !ctx.wants(STATUS)) return;
        // A shadow trail's status is read here by its ARN, as CloudTrail requires outside the home region.
        const [status, selectors] = await Promise.all([
          ctx.detail(trails, 'cloudtrail:GetTrailStatus', new sdk.GetTrailStatusCommand({ Name: arn }), arn),
          emitTrail ? ctx.detail(trails, 'cloudtrail:GetEventSelectors', new sdk.GetEventSelectorsCommand({ TrailName: arn }), arn) : undefined,
        ]);
        const isLogging = fromDetail(status, (output) => output.IsLogging === true);
        inRegion.push({
          TrailARN: arn,
          Name: trail.Name ?? arn,
          HomeRegion: homeRegion,
          IsMultiRegionTrail: trail.IsMultiRegionTrail === true,
          IsOrganizationTrail: trail.IsOrganizationTrail === true,
          IsLogging: isLogging,
          CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn,
          CloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn,
        });
        if (!emitTrail) return;
        ctx.emit({
          type: TRAIL,
          id: arn,
          arn,
          name: trail.Name,
          region: homeRegion,
          properties: props({
            TrailName: trail.Name,
            IsLogging: isLogging,
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
            EventSelectors: selectors === undefined ? undefined : fromDetail(selectors, (output) => output.EventSelectors),
            AdvancedEventSelectors: selectors === undefined ? undefined : fromDetail(selectors, (output) => output.AdvancedEventSelectors),
          }),
        });
      });
      if (!ctx.wants(STATUS)) return;
      inRegion.sort((left, right) => String(left['TrailARN']).localeCompare(String(right['TrailARN'])));
      ctx.emit({
        type: STATUS,
        id: `arn:${ctx.partition}:cloudtrail:${ctx.region}:${ctx.account}:region-status`,
        name: `cloudtrail/${ctx.region}`,
        properties: props({ Trails: inRegion }),
      });
    });
  },
});
