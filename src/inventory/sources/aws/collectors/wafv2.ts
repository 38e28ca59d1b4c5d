import type { Scope } from '@aws-sdk/client-wafv2';
import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const WEB_ACL = 'AWS::WAFv2::WebACL';
const ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';

export default defineCollector({
  service: 'wafv2',
  global: false,
  resourceTypes: [WEB_ACL, ASSOCIATION],
  calls: ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:GetLoggingConfiguration', 'wafv2:ListResourcesForWebACL'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-wafv2');
    const waf = ctx.client(sdk.WAFV2Client);
    // CloudFront web ACLs are listed through us-east-1 only.
    const scopes: Scope[] = ctx.region === 'us-east-1' ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
    await listing(ctx, [WEB_ACL, ASSOCIATION], async () => {
      for (const Scope of scopes) {
        const acls = [];
        for await (const page of ctx.pages(waf, 'wafv2:ListWebACLs', (NextMarker) => new sdk.ListWebACLsCommand({ Scope, NextMarker, Limit: 100 }), (page) => (page.WebACLs && page.WebACLs.length > 0 ? page.NextMarker : undefined))) acls.push(...(page.WebACLs ?? []));
        await ctx.each(acls, async (acl) => {
          const arn = acl.ARN ?? '';
          const [detail, logging, resources] = await Promise.all([
            ctx.detail(waf, 'wafv2:GetWebACL', new sdk.GetWebACLCommand({ Name: acl.Name, Id: acl.Id, Scope }), arn),
            ctx.detail(waf, 'wafv2:GetLoggingConfiguration', new sdk.GetLoggingConfigurationCommand({ ResourceArn: arn }), arn, ['WAFNonexistentItemException']),
            Scope === 'REGIONAL' && ctx.wants(ASSOCIATION) ? ctx.detail(waf, 'wafv2:ListResourcesForWebACL', new sdk.ListResourcesForWebACLCommand({ WebACLArn: arn }), arn) : undefined,
          ]);
          ctx.emit({
            type: WEB_ACL,
            id: arn,
            arn,
            name: acl.Name,
            region: Scope === 'CLOUDFRONT' ? null : undefined,
            properties: props({
              Name: acl.Name,
              Scope,
              DefaultAction: fromDetail(detail, (output) => output.WebACL?.DefaultAction),
              Rules: fromDetail(detail, (output) => (output.WebACL?.Rules ?? []).map((rule) => ({ Name: rule.Name, Priority: rule.Priority, Statement: rule.Statement, Action: rule.Action, OverrideAction: rule.OverrideAction }))),
              VisibilityConfig: fromDetail(detail, (output) => output.WebACL?.VisibilityConfig),
              LoggingConfiguration: fromDetail(logging, (output) => (output.LoggingConfiguration ? { LogDestinationConfigs: output.LoggingConfiguration.LogDestinationConfigs } : undefined)),
            }),
          });
          if (resources !== undefined) {
            const associated = fromDetail(resources, (output) => output.ResourceArns ?? []);
            if (Array.isArray(associated)) {
              for (const resourceArn of associated) {
                if (typeof resourceArn !== 'string') continue;
                ctx.emit({ type: ASSOCIATION, id: `${arn}/association/${resourceArn}`, name: `${acl.Name ?? ''} → ${resourceArn}`, properties: { ResourceArn: resourceArn, WebACLArn: arn } });
              }
            }
          }
        });
      }
    });
  },
});
