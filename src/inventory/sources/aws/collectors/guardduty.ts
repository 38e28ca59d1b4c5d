import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';
import { Unknown } from '../../../values.js';

const DETECTOR = 'AWS::GuardDuty::Detector';
const STATUS = 'Demarc::GuardDuty::RegionStatus';

export default defineCollector({
  service: 'guardduty',
  global: false,
  resourceTypes: [DETECTOR, STATUS],
  calls: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-guardduty');
    const guardduty = ctx.client(sdk.GuardDutyClient);
    await listing(ctx, [DETECTOR, STATUS], async () => {
      const ids: string[] = [];
      for await (const page of ctx.pages(guardduty, 'guardduty:ListDetectors', (NextToken) => new sdk.ListDetectorsCommand({ NextToken }), (page) => page.NextToken)) ids.push(...(page.DetectorIds ?? []));
      let enabled: boolean | Unknown = false;
      for (const id of ids) {
        const arn = ctx.arn('guardduty', `detector/${id}`);
        const detector = await ctx.detail(guardduty, 'guardduty:GetDetector', new sdk.GetDetectorCommand({ DetectorId: id }), arn);
        const on = fromDetail(detector, (output) => output.Status === 'ENABLED');
        if (on === true) enabled = true;
        else if (on instanceof Unknown && enabled === false) enabled = on;
        ctx.emit({
          type: DETECTOR,
          id: arn,
          arn,
          name: id,
          properties: props({
            Enable: on,
            FindingPublishingFrequency: fromDetail(detector, (output) => output.FindingPublishingFrequency),
            Features: fromDetail(detector, (output) => (output.Features ?? []).map((feature) => ({ Name: feature.Name, Status: feature.Status }))),
          }),
        });
      }
      ctx.emit({ type: STATUS, id: `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.account}:region-status`, name: `guardduty/${ctx.region}`, properties: props({ Enabled: enabled, Detail: { DetectorIds: ids } }) });
    });
  },
});
