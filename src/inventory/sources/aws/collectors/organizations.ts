import { defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { fromDetail, policyDocument, props } from '../props.js';

const ACCOUNT = 'AWS::Organizations::Account';
const POLICY = 'AWS::Organizations::Policy';

export default defineCollector({
  service: 'organizations',
  global: true,
  resourceTypes: [ACCOUNT, POLICY],
  calls: ['organizations:ListAccounts', 'organizations:ListPolicies', 'organizations:DescribePolicy', 'organizations:ListTargetsForPolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-organizations');
    const organizations = ctx.client(sdk.OrganizationsClient, ctx.partition === 'aws' ? 'us-east-1' : ctx.region);
    const notInOrganization = (error: unknown): boolean => error instanceof AwsCallError && error.is('AWSOrganizationsNotInUseException');
    await listing(ctx, [ACCOUNT], async () => {
      try {
        for await (const page of ctx.pages(organizations, 'organizations:ListAccounts', (NextToken) => new sdk.ListAccountsCommand({ NextToken }), (page) => page.NextToken)) {
          for (const account of page.Accounts ?? []) {
            if (!account.Arn) continue;
            ctx.emit({ type: ACCOUNT, id: account.Arn, arn: account.Arn, name: account.Name, region: null, properties: props({ AccountId: account.Id, AccountName: account.Name, Email: account.Email, Status: account.State ?? account.Status }) });
          }
        }
      } catch (error) {
        if (!notInOrganization(error)) throw error;
      }
    });
    await listing(ctx, [POLICY], async () => {
      try {
        const policies = [];
        for await (const page of ctx.pages(organizations, 'organizations:ListPolicies', (NextToken) => new sdk.ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY', NextToken }), (page) => page.NextToken)) policies.push(...(page.Policies ?? []));
        await ctx.each(policies, async (policy) => {
          if (!policy.Id || !policy.Arn) return;
          const [described, targets] = await Promise.all([
            ctx.detail(organizations, 'organizations:DescribePolicy', new sdk.DescribePolicyCommand({ PolicyId: policy.Id }), policy.Arn),
            ctx.detail(organizations, 'organizations:ListTargetsForPolicy', new sdk.ListTargetsForPolicyCommand({ PolicyId: policy.Id }), policy.Arn),
          ]);
          ctx.emit({
            type: POLICY,
            id: policy.Arn,
            arn: policy.Arn,
            name: policy.Name,
            region: null,
            ...(policy.AwsManaged ? { managedBy: { owner: 'provider' as const, reason: 'AWS managed service control policy' } } : {}),
            properties: props({
              Name: policy.Name,
              Type: policy.Type,
              Content: fromDetail(described, (output) => policyDocument(output.Policy?.Content)),
              TargetIds: fromDetail(targets, (output) => (output.Targets ?? []).map((target) => target.TargetId)),
            }),
          });
        });
      } catch (error) {
        if (!notInOrganization(error)) throw error;
      }
    });
  },
});
