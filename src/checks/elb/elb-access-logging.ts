// Compliant: the load balancer writes access logs to S3 (access_logs.s3.enabled = true, or AccessLoggingPolicy.Enabled on a Classic Load Balancer).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { loadBalancerAttribute } from '../lib/elb-attributes.js';

export default defineCheck({
  id: 'elb-access-logging',
  title: 'Load balancer access logging is on',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Access logs record each request (client address, path, TLS details, response) and are often the only trace of probing, credential stuffing or data theft through a public endpoint. They are off by default; turning them on and keeping them is the customer\'s part of logging.',
  remediation: {
    console: 'EC2 console > Load balancers > the load balancer > Attributes > Edit > Monitoring: turn on Access logs and choose an S3 bucket whose policy lets Elastic Load Balancing write.',
    cloudformation: 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerAttributes: [{Key: access_logs.s3.enabled, Value: "true"}, {Key: access_logs.s3.bucket, Value: <bucket>}]; Classic: AccessLoggingPolicy.Enabled: true',
    terraform: 'aws_lb access_logs { bucket = ..., enabled = true }; aws_elb access_logs { bucket = ..., enabled = true }',
  },
  evaluate(balancer) {
    if (balancer.type === 'AWS::ElasticLoadBalancing::LoadBalancer') {
      const enabled = bool(at(balancer.properties, 'AccessLoggingPolicy', 'Enabled'));
      if (isUnknown(enabled)) return unknown(enabled, 'AccessLoggingPolicy.Enabled');
      if (enabled === true) return pass('access logs are written to S3', 'AccessLoggingPolicy.Enabled');
      return fail(enabled === false ? 'AccessLoggingPolicy.Enabled is false' : 'no AccessLoggingPolicy: access logging is off by default', 'AccessLoggingPolicy');
    }
    const type = str(balancer.properties['Type']);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type === 'gateway') return notApplicable('Gateway Load Balancers have no access logs');
    const value = loadBalancerAttribute(balancer, 'access_logs.s3.enabled');
    if (isUnknown(value)) return unknown(value, 'LoadBalancerAttributes');
    if (value === 'true') return pass('access logs are written to S3', 'LoadBalancerAttributes');
    return fail(
      value === undefined ? 'access_logs.s3.enabled is not set: access logging is off by default' : `access_logs.s3.enabled is ${value}`,
      'LoadBalancerAttributes',
    );
  },
});
