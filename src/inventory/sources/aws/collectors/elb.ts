import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { fromDetail, props } from '../props.js';

const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

/** A rule's action as CloudFormation spells it; authentication settings and response bodies are left out (secrets, free text). */
function ruleAction(action: Action): Record<string, unknown> {
  return {
    Type: action.Type,
    Order: action.Order,
    TargetGroupArn: action.TargetGroupArn,
    RedirectConfig: action.RedirectConfig
      ? { Protocol: action.RedirectConfig.Protocol, Port: action.RedirectConfig.Port, Host: action.RedirectConfig.Host, Path: action.RedirectConfig.Path, Query: action.RedirectConfig.Query, StatusCode: action.RedirectConfig.StatusCode }
      : undefined,
    FixedResponseConfig: action.FixedResponseConfig ? { StatusCode: action.FixedResponseConfig.StatusCode, ContentType: action.FixedResponseConfig.ContentType } : undefined,
    ForwardConfig: action.ForwardConfig
      ? {
          TargetGroups: (action.ForwardConfig.TargetGroups ?? []).map((group) => ({ TargetGroupArn: group.TargetGroupArn, Weight: group.Weight })),
          TargetGroupStickinessConfig: action.ForwardConfig.TargetGroupStickinessConfig,
        }
      : undefined,
  };
}

export default defineCollector({
  service: 'elb',
  global: false,
  resourceTypes: [LOAD_BALANCER, LISTENER, LISTENER_RULE],
  calls: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-elastic-load-balancing-v2');
    const elb = ctx.client(sdk.ElasticLoadBalancingV2Client);
    await listing(ctx, [LOAD_BALANCER, LISTENER, LISTENER_RULE], async () => {
      const balancers = [];
      for await (const page of ctx.pages(elb, 'elasticloadbalancing:DescribeLoadBalancers', (Marker) => new sdk.DescribeLoadBalancersCommand({ Marker, PageSize: 400 }), (page) => page.NextMarker)) balancers.push(...(page.LoadBalancers ?? []));
      await ctx.each(balancers, async (balancer) => {
        const arn = balancer.LoadBalancerArn ?? '';
        if (ctx.wants(LOAD_BALANCER)) {
          const attributes = await ctx.detail(elb, 'elasticloadbalancing:DescribeLoadBalancerAttributes', new sdk.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn }), arn);
          ctx.emit({
            type: LOAD_BALANCER,
            id: arn,
            arn,
            name: balancer.LoadBalancerName,
            properties: props({
              Name: balancer.LoadBalancerName,
              Scheme: balancer.Scheme,
              Type: balancer.Type,
              IpAddressType: balancer.IpAddressType,
              SecurityGroups: balancer.SecurityGroups,
              Subnets: (balancer.AvailabilityZones ?? []).map((zone) => zone.SubnetId),
              LoadBalancerAttributes: fromDetail(attributes, (output) => (output.Attributes ?? []).map((attribute) => ({ Key: attribute.Key, Value: attribute.Value }))),
            }),
          });
        }
        if (!ctx.wants(LISTENER) && !ctx.wants(LISTENER_RULE)) return;
        const listeners = [];
        for await (const page of ctx.pages(elb, 'elasticloadbalancing:DescribeListeners', (Marker) => new sdk.DescribeListenersCommand({ LoadBalancerArn: arn, Marker, PageSize: 400 }), (page) => page.NextMarker)) listeners.push(...(page.Listeners ?? []));
        await ctx.each(listeners, async (listener) => {
          const listenerArn = listener.ListenerArn;
          if (!listenerArn) return;
          const label = `${balancer.LoadBalancerName ?? ''}:${listener.Port ?? ''}`;
          if (ctx.wants(LISTENER)) {
            ctx.emit({
              type: LISTENER,
              id: listenerArn,
              arn: listenerArn,
              name: label,
              properties: props({
                LoadBalancerArn: arn,
                Port: listener.Port,
                Protocol: listener.Protocol,
                SslPolicy: listener.SslPolicy,
                Certificates: (listener.Certificates ?? []).map((certificate) => ({ CertificateArn: certificate.CertificateArn })),
                DefaultActions: (listener.DefaultActions ?? []).map((action) => ({
                  Type: action.Type,
                  RedirectConfig: action.RedirectConfig ? { Protocol: action.RedirectConfig.Protocol, Port: action.RedirectConfig.Port, StatusCode: action.RedirectConfig.StatusCode } : undefined,
                  TargetGroupArn: action.TargetGroupArn,
                })),
              }),
            });
          }
          // Only Application Load Balancers have rules beyond the default one.
          if (!ctx.wants(LISTENER_RULE) || balancer.Type !== 'application') return;
          try {
            for await (const page of ctx.pages(elb, 'elasticloadbalancing:DescribeRules', (Marker) => new sdk.DescribeRulesCommand({ ListenerArn: listenerArn, Marker, PageSize: 400 }), (page) => page?.NextMarker)) {
              for (const rule of page?.Rules ?? []) {
                // The default rule is the listener's DefaultActions, which CloudFormation does not model as a rule.
                if (!rule.RuleArn || rule.IsDefault === true) continue;
                const priority = Number(rule.Priority);
                ctx.emit({
                  type: LISTENER_RULE,
                  id: rule.RuleArn,
                  arn: rule.RuleArn,
                  name: `${label}/${rule.Priority ?? ''}`,
                  properties: props({
                    ListenerArn: listenerArn,
                    Priority: Number.isInteger(priority) ? priority : rule.Priority,
                    Conditions: rule.Conditions ?? [],
                    Actions: (rule.Actions ?? []).map(ruleAction),
                  }),
                });
              }
            }
          } catch (error) {
            if (!(error instanceof AwsCallError)) throw error;
            // Rules of this listener are missing: a listing gap, so that no check passes the listener without them.
            ctx.gap([LISTENER_RULE], error, error.action);
          }
        });
      });
    });
  },
});
