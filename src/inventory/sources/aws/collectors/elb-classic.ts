import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';
import { Unknown } from '../../../values.js';

const LOAD_BALANCER = 'AWS::ElasticLoadBalancing::LoadBalancer';
const DESYNC_KEY = 'elb.http.desyncmitigationmode';

/** Classic Load Balancers: a separate API (2012-06-01) from the v2 one, under the same `elasticloadbalancing` actions. */
export default defineCollector({
  service: 'elb-classic',
  global: false,
  resourceTypes: [LOAD_BALANCER],
  calls: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancerAttributes', 'elasticloadbalancing:DescribeLoadBalancerPolicies'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-elastic-load-balancing');
    const elb = ctx.client(sdk.ElasticLoadBalancingClient);
    await listing(ctx, [LOAD_BALANCER], async () => {
      const balancers = [];
      for await (const page of ctx.pages(elb, 'elasticloadbalancing:DescribeLoadBalancers', (Marker) => new sdk.DescribeLoadBalancersCommand({ Marker, PageSize: 400 }), (page) => page.NextMarker)) balancers.push(...(page.LoadBalancerDescriptions ?? []));
      await ctx.each(balancers, async (balancer) => {
        const name = balancer.LoadBalancerName ?? '';
        const arn = ctx.arn('elasticloadbalancing', `loadbalancer/${name}`);
        const attributes = await ctx.detail(elb, 'elasticloadbalancing:DescribeLoadBalancerAttributes', new sdk.DescribeLoadBalancerAttributesCommand({ LoadBalancerName: name }), arn);
        const policies = await ctx.detail(elb, 'elasticloadbalancing:DescribeLoadBalancerPolicies', new sdk.DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: name }), arn);
        ctx.emit({
          type: LOAD_BALANCER,
          id: arn,
          arn,
          name,
          properties: props({
            LoadBalancerName: name,
            Scheme: balancer.Scheme,
            SecurityGroups: balancer.SecurityGroups,
            Subnets: balancer.Subnets,
            AvailabilityZones: balancer.AvailabilityZones,
            Instances: (balancer.Instances ?? []).map((instance) => instance.InstanceId),
            // CloudFormation types the listener ports as strings.
            Listeners: (balancer.ListenerDescriptions ?? []).map(({ Listener: listener, PolicyNames }) => ({
              LoadBalancerPort: listener?.LoadBalancerPort === undefined ? undefined : String(listener.LoadBalancerPort),
              InstancePort: listener?.InstancePort === undefined ? undefined : String(listener.InstancePort),
              Protocol: listener?.Protocol,
              InstanceProtocol: listener?.InstanceProtocol,
              SSLCertificateId: listener?.SSLCertificateId,
              PolicyNames: PolicyNames && PolicyNames.length > 0 ? PolicyNames : undefined,
            })),
            HealthCheck: balancer.HealthCheck
              ? { Target: balancer.HealthCheck.Target, Interval: String(balancer.HealthCheck.Interval ?? ''), Timeout: String(balancer.HealthCheck.Timeout ?? ''), HealthyThreshold: String(balancer.HealthCheck.HealthyThreshold ?? ''), UnhealthyThreshold: String(balancer.HealthCheck.UnhealthyThreshold ?? '') }
              : undefined,
            Policies: fromDetail(policies, (output) =>
              (output.PolicyDescriptions ?? []).map((policy) => ({
                PolicyName: policy.PolicyName,
                PolicyType: policy.PolicyTypeName,
                Attributes: (policy.PolicyAttributeDescriptions ?? []).map((attribute) => ({ Name: attribute.AttributeName, Value: attribute.AttributeValue })),
              })),
            ),
            AccessLoggingPolicy: fromDetail(attributes, (output) => {
              const log = output.LoadBalancerAttributes?.AccessLog;
              return log ? { Enabled: log.Enabled, S3BucketName: log.S3BucketName || undefined, S3BucketPrefix: log.S3BucketPrefix || undefined, EmitInterval: log.EmitInterval } : undefined;
            }),
            ConnectionDrainingPolicy: fromDetail(attributes, (output) => {
              const draining = output.LoadBalancerAttributes?.ConnectionDraining;
              return draining ? { Enabled: draining.Enabled, Timeout: draining.Timeout } : undefined;
            }),
            ConnectionSettings: fromDetail(attributes, (output) => {
              const settings = output.LoadBalancerAttributes?.ConnectionSettings;
              return settings ? { IdleTimeout: settings.IdleTimeout } : undefined;
            }),
            CrossZone: fromDetail(attributes, (output) => output.LoadBalancerAttributes?.CrossZoneLoadBalancing?.Enabled),
            // Not a CloudFormation property (CloudFormation cannot set it); the API reports it among the additional attributes.
            DesyncMitigationMode: fromDetail(attributes, (output) => {
              const mode = (output.LoadBalancerAttributes?.AdditionalAttributes ?? []).find((attribute) => attribute.Key === DESYNC_KEY)?.Value;
              return mode ?? new Unknown(`DescribeLoadBalancerAttributes returned no ${DESYNC_KEY} attribute`);
            }),
          }),
        });
      });
    });
  },
});
