import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

export default defineCollector({
  service: 'elb',
  global: false,
  resourceTypes: [LOAD_BALANCER, LISTENER],
  calls: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeListeners'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-elastic-load-balancing-v2');
    const elb = ctx.client(sdk.ElasticLoadBalancingV2Client);
    await listing(ctx, [LOAD_BALANCER, LISTENER], async () => {
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
        if (ctx.wants(LISTENER)) {
          for await (const page of ctx.pages(elb, 'elasticloadbalancing:DescribeListeners', (Marker) => new sdk.DescribeListenersCommand({ LoadBalancerArn: arn, Marker, PageSize: 400 }), (page) => page.NextMarker)) {
            for (const listener of page.Listeners ?? []) {
              if (!listener.ListenerArn) continue;
              ctx.emit({
                type: LISTENER,
                id: listener.ListenerArn,
                arn: listener.ListenerArn,
                name: `${balancer.LoadBalancerName ?? ''}:${listener.Port ?? ''}`,
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
          }
        }
      });
    });
  },
});
