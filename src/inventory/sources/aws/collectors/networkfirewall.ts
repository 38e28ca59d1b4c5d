import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props, tagsList } from '../props.js';

const FIREWALL = 'AWS::NetworkFirewall::Firewall';
const POLICY = 'AWS::NetworkFirewall::FirewallPolicy';
const RULE_GROUP = 'AWS::NetworkFirewall::RuleGroup';
const LOGGING = 'AWS::NetworkFirewall::LoggingConfiguration';

export default defineCollector({
  service: 'networkfirewall',
  global: false,
  resourceTypes: [FIREWALL, POLICY, RULE_GROUP, LOGGING],
  calls: [
    'network-firewall:ListFirewalls',
    'network-firewall:DescribeFirewall',
    'network-firewall:DescribeLoggingConfiguration',
    'network-firewall:ListFirewallPolicies',
    'network-firewall:DescribeFirewallPolicy',
    'network-firewall:ListRuleGroups',
    'network-firewall:DescribeRuleGroup',
  ],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-network-firewall');
    const nfw = ctx.client(sdk.NetworkFirewallClient);

    await listing(ctx, [FIREWALL, LOGGING], async () => {
      const firewalls: Array<{ arn: string; name: string }> = [];
      for await (const page of ctx.pages(nfw, 'network-firewall:ListFirewalls', (NextToken) => new sdk.ListFirewallsCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const summary of page.Firewalls ?? []) if (summary.FirewallArn) firewalls.push({ arn: summary.FirewallArn, name: summary.FirewallName ?? summary.FirewallArn });
      }
      await ctx.each(firewalls, async (firewall) => {
        if (ctx.wants(FIREWALL)) {
          const described = await ctx.detail(nfw, 'network-firewall:DescribeFirewall', new sdk.DescribeFirewallCommand({ FirewallArn: firewall.arn }), firewall.arn, ['ResourceNotFoundException']);
          if (described === ABSENT) return;
          ctx.emit({
            type: FIREWALL,
            id: firewall.arn,
            arn: firewall.arn,
            name: firewall.name,
            properties: props({
              FirewallName: firewall.name,
              FirewallPolicyArn: fromDetail(described, (output) => output.Firewall?.FirewallPolicyArn),
              VpcId: fromDetail(described, (output) => output.Firewall?.VpcId),
              SubnetMappings: fromDetail(described, (output) => output.Firewall?.SubnetMappings?.map((mapping) => ({ SubnetId: mapping.SubnetId, IPAddressType: mapping.IPAddressType }))),
              AvailabilityZoneMappings: fromDetail(described, (output) => output.Firewall?.AvailabilityZoneMappings?.map((mapping) => ({ AvailabilityZone: mapping.AvailabilityZone }))),
              DeleteProtection: fromDetail(described, (output) => output.Firewall?.DeleteProtection),
              SubnetChangeProtection: fromDetail(described, (output) => output.Firewall?.SubnetChangeProtection),
              FirewallPolicyChangeProtection: fromDetail(described, (output) => output.Firewall?.FirewallPolicyChangeProtection),
              Tags: fromDetail(described, (output) => tagsList(output.Firewall?.Tags)),
            }),
          });
        }
        if (ctx.wants(LOGGING)) {
          const logging = await ctx.detail(nfw, 'network-firewall:DescribeLoggingConfiguration', new sdk.DescribeLoggingConfigurationCommand({ FirewallArn: firewall.arn }), firewall.arn, ['ResourceNotFoundException']);
          if (logging === ABSENT) return;
          // A firewall always has a logging configuration: one without destinations logs nothing.
          ctx.emit({
            type: LOGGING,
            id: `${firewall.arn}/logging-configuration`,
            name: `${firewall.name} logging`,
            properties: props({
              FirewallArn: firewall.arn,
              FirewallName: firewall.name,
              LoggingConfiguration: fromDetail(logging, (output) => ({ LogDestinationConfigs: output.LoggingConfiguration?.LogDestinationConfigs ?? [] })),
            }),
          });
        }
      });
    });

    await listing(ctx, [POLICY], async () => {
      const policies: Array<{ arn: string; name: string }> = [];
      for await (const page of ctx.pages(nfw, 'network-firewall:ListFirewallPolicies', (NextToken) => new sdk.ListFirewallPoliciesCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const summary of page.FirewallPolicies ?? []) if (summary.Arn) policies.push({ arn: summary.Arn, name: summary.Name ?? summary.Arn });
      }
      await ctx.each(policies, async (policy) => {
        const described = await ctx.detail(nfw, 'network-firewall:DescribeFirewallPolicy', new sdk.DescribeFirewallPolicyCommand({ FirewallPolicyArn: policy.arn }), policy.arn, ['ResourceNotFoundException']);
        if (described === ABSENT) return;
        ctx.emit({
          type: POLICY,
          id: policy.arn,
          arn: policy.arn,
          name: policy.name,
          properties: props({
            FirewallPolicyName: policy.name,
            FirewallPolicy: fromDetail(described, (output) => output.FirewallPolicy),
            Tags: fromDetail(described, (output) => tagsList(output.FirewallPolicyResponse?.Tags)),
          }),
        });
      });
    });

    await listing(ctx, [RULE_GROUP], async () => {
      const groups: Array<{ arn: string; name: string }> = [];
      // Without a scope the listing holds the account's own rule groups, not the AWS managed ones.
      for await (const page of ctx.pages(nfw, 'network-firewall:ListRuleGroups', (NextToken) => new sdk.ListRuleGroupsCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) {
        for (const summary of page.RuleGroups ?? []) if (summary.Arn) groups.push({ arn: summary.Arn, name: summary.Name ?? summary.Arn });
      }
      await ctx.each(groups, async (group) => {
        const described = await ctx.detail(nfw, 'network-firewall:DescribeRuleGroup', new sdk.DescribeRuleGroupCommand({ RuleGroupArn: group.arn }), group.arn, ['ResourceNotFoundException']);
        if (described === ABSENT) return;
        ctx.emit({
          type: RULE_GROUP,
          id: group.arn,
          arn: group.arn,
          name: group.name,
          properties: props({
            RuleGroupName: group.name,
            Type: fromDetail(described, (output) => output.RuleGroupResponse?.Type),
            Capacity: fromDetail(described, (output) => output.RuleGroupResponse?.Capacity),
            RuleGroup: fromDetail(described, (output) => (output.RuleGroup ? { RulesSource: output.RuleGroup.RulesSource } : undefined)),
            Tags: fromDetail(described, (output) => tagsList(output.RuleGroupResponse?.Tags)),
          }),
        });
      });
    });
  },
});
