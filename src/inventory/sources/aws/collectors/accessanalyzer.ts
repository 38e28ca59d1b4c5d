import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const ANALYZER = 'AWS::AccessAnalyzer::Analyzer';
const STATUS = 'Demarc::AccessAnalyzer::RegionStatus';

export default defineCollector({
  service: 'accessanalyzer',
  global: false,
  resourceTypes: [ANALYZER, STATUS],
  calls: ['access-analyzer:ListAnalyzers'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-accessanalyzer');
    const analyzer = ctx.client(sdk.AccessAnalyzerClient);
    await listing(ctx, [ANALYZER, STATUS], async () => {
      const active: Array<{ name: string; type: string }> = [];
      for await (const page of ctx.pages(analyzer, 'access-analyzer:ListAnalyzers', (nextToken) => new sdk.ListAnalyzersCommand({ nextToken }), (page) => page.nextToken)) {
        for (const entry of page.analyzers ?? []) {
          // Only external access analyzers turn the region on: ACCOUNT_UNUSED_ACCESS and ORGANIZATION_UNUSED_ACCESS ones
          // look for unused permissions, not for sharing with outsiders.
          if (entry.status === 'ACTIVE' && (entry.type === 'ACCOUNT' || entry.type === 'ORGANIZATION')) active.push({ name: entry.name ?? '', type: entry.type ?? '' });
          ctx.emit({ type: ANALYZER, id: entry.arn ?? entry.name ?? '', arn: entry.arn, name: entry.name, properties: props({ AnalyzerName: entry.name, Type: entry.type, Status: entry.status }) });
        }
      }
      ctx.emit({ type: STATUS, id: `arn:${ctx.partition}:access-analyzer:${ctx.region}:${ctx.account}:region-status`, name: `accessanalyzer/${ctx.region}`, properties: props({ Enabled: active.length > 0, Detail: { Analyzers: active } }) });
    });
  },
});
