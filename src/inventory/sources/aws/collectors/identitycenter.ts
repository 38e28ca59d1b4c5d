import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const PERMISSION_SET = 'AWS::SSO::PermissionSet';
// A permission set holds at most 20 AWS managed policies (a quota AWS cannot raise): one page of 100 holds them all.
const POLICY_PAGE = 100;

export default defineCollector({
  service: 'identitycenter',
  // The Identity Center instance lives in one region of the organisation; the other regions list no instance.
  global: false,
  resourceTypes: [PERMISSION_SET],
  calls: ['sso:ListInstances', 'sso:ListPermissionSets', 'sso:DescribePermissionSet', 'sso:ListManagedPoliciesInPermissionSet', 'sso:GetInlinePolicyForPermissionSet'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sso-admin');
    const sso = ctx.client(sdk.SSOAdminClient);
    await listing(ctx, [PERMISSION_SET], async () => {
      const sets: Array<{ instance: string; arn: string }> = [];
      for await (const page of ctx.pages(sso, 'sso:ListInstances', (NextToken) => new sdk.ListInstancesCommand({ NextToken }), (page) => page.NextToken)) {
        for (const instance of page.Instances ?? []) {
          const instanceArn = instance.InstanceArn;
          if (!instanceArn) continue;
          for await (const listed of ctx.pages(sso, 'sso:ListPermissionSets', (NextToken) => new sdk.ListPermissionSetsCommand({ InstanceArn: instanceArn, NextToken }), (listed) => listed.NextToken)) {
            for (const arn of listed.PermissionSets ?? []) sets.push({ instance: instanceArn, arn });
          }
        }
      }
      await ctx.each(sets, async ({ instance, arn }) => {
        const ids = { InstanceArn: instance, PermissionSetArn: arn };
        const [described, managed, inline] = await Promise.all([
          ctx.detail(sso, 'sso:DescribePermissionSet', new sdk.DescribePermissionSetCommand(ids), arn),
          ctx.detail(sso, 'sso:ListManagedPoliciesInPermissionSet', new sdk.ListManagedPoliciesInPermissionSetCommand({ ...ids, MaxResults: POLICY_PAGE }), arn),
          ctx.detail(sso, 'sso:GetInlinePolicyForPermissionSet', new sdk.GetInlinePolicyForPermissionSetCommand(ids), arn),
        ]);
        ctx.emit({
          type: PERMISSION_SET,
          id: arn,
          arn,
          name: described instanceof Unknown || described === ABSENT ? undefined : described.PermissionSet?.Name,
          properties: props({
            InstanceArn: instance,
            Name: fromDetail(described, (output) => output.PermissionSet?.Name),
            Description: fromDetail(described, (output) => output.PermissionSet?.Description),
            // The API leaves SessionDuration out when it is the default of one hour.
            SessionDuration: fromDetail(described, (output) => output.PermissionSet?.SessionDuration ?? 'PT1H'),
            RelayStateType: fromDetail(described, (output) => output.PermissionSet?.RelayState),
            ManagedPolicies: fromDetail(managed, (output) =>
              output.NextToken ? new Unknown('more managed policies than one page holds') : (output.AttachedManagedPolicies ?? []).map((policy) => policy.Arn ?? new Unknown('a managed policy without an ARN')),
            ),
            // An empty string means no inline policy.
            InlinePolicy: fromDetail(inline, (output) => policyDocument(output.InlinePolicy)),
          }),
        });
      });
    });
  },
});
