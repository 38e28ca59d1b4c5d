import { defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { props } from '../props.js';

const SESSION = 'AWS::Macie::Session';
const STATUS = 'Demarc::Macie::RegionStatus';

export default defineCollector({
  service: 'macie',
  global: false,
  resourceTypes: [SESSION, STATUS],
  calls: ['macie2:GetMacieSession'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-macie2');
    const macie = ctx.client(sdk.Macie2Client);
    const statusId = `arn:${ctx.partition}:macie2:${ctx.region}:${ctx.account}:region-status`;
    await listing(ctx, [SESSION, STATUS], async () => {
      try {
        const session = await ctx.call(macie, 'macie2:GetMacieSession', new sdk.GetMacieSessionCommand({}));
        const enabled = session.status === 'ENABLED';
        ctx.emit({ type: SESSION, id: ctx.arn('macie2', 'session'), name: 'macie-session', properties: props({ Status: session.status, FindingPublishingFrequency: session.findingPublishingFrequency }) });
        ctx.emit({ type: STATUS, id: statusId, name: `macie/${ctx.region}`, properties: props({ Enabled: enabled, Detail: { Status: session.status } }) });
      } catch (error) {
        // Where Macie is off it answers AccessDeniedException with "Macie is not enabled": that is an answer, not a gap.
        if (error instanceof AwsCallError && error.is('AccessDeniedException') && /not enabled/i.test(error.serviceMessage)) {
          ctx.emit({ type: STATUS, id: statusId, name: `macie/${ctx.region}`, properties: { Enabled: false } });
          return;
        }
        throw error;
      }
    });
  },
});
