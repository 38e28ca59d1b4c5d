// Compliant: an Auto Scaling group that a load balancer sends traffic to counts the load balancer's health checks (HealthCheckType includes ELB).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { Unknown, type PropRecord } from '../../inventory/values.js';

/** The load balancers the group is registered with: names, target groups and ELB traffic sources; unknown if any is unreadable. */
function loadBalancers(properties: PropRecord): string[] | Unknown {
  const found: string[] = [];
  for (const key of ['LoadBalancerNames', 'TargetGroupARNs']) {
    const entries = list(properties[key]);
    if (isUnknown(entries)) return entries;
    // An entry that is a reference or an unresolved value still names a load balancer: only its name is unknown.
    for (const entry of entries ?? []) if (entry !== null) found.push(typeof entry === 'string' ? entry : `one of ${key}`);
  }
  const sources = list(properties['TrafficSources']);
  if (isUnknown(sources)) return sources;
  for (const source of sources ?? []) {
    const type = str(at(source, 'Type'));
    if (isUnknown(type)) return type;
    if (type === undefined) return new Unknown('a traffic source of the group has no type');
    if (type !== 'elb' && type !== 'elbv2') continue;
    const identifier = at(source, 'Identifier');
    found.push(typeof identifier === 'string' ? identifier : `an ${type} traffic source`);
  }
  return found;
}

export default defineCheck({
  id: 'autoscaling-group-elb-health-check',
  title: 'Auto Scaling group behind a load balancer uses ELB health checks',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'With only EC2 status checks, Auto Scaling replaces an instance when its hardware or operating system fails, but keeps one whose application no longer answers: the load balancer stops sending it traffic while the group still counts it as healthy, and capacity silently shrinks. Adding ELB health checks lets the group replace instances the load balancer finds unhealthy. The health check type is the customer\'s setting; it defaults to EC2 only.',
  remediation: {
    console: 'EC2 console > Auto Scaling groups > the group > Details > Health checks > Edit: turn on Elastic Load Balancing health checks.',
    cloudformation: 'AWS::AutoScaling::AutoScalingGroup.HealthCheckType: ELB (with a HealthCheckGracePeriod)',
    terraform: 'aws_autoscaling_group.health_check_type = "ELB"',
  },
  evaluate(group) {
    const balancers = loadBalancers(group.properties);
    if (isUnknown(balancers)) return unknown(balancers);
    if (balancers.length === 0) return notApplicable('the group is not registered with a load balancer in this scan');
    const type = str(group.properties['HealthCheckType']);
    if (isUnknown(type)) return unknown(type, 'HealthCheckType');
    const shown = balancers.slice(0, 3).join(', ');
    // HealthCheckType is a comma-separated list (EC2 is always on and need not be named).
    const types = (type ?? 'EC2').split(',').map((entry) => entry.trim().toUpperCase());
    if (types.includes('ELB')) return pass(`the group counts the load balancer's health checks (${shown})`, 'HealthCheckType');
    return fail(
      type === undefined ? `the group sends traffic through ${shown} but sets no HealthCheckType, so only EC2 status checks count` : `the group sends traffic through ${shown} but its health check type is ${type}`,
      type === undefined ? undefined : 'HealthCheckType',
    );
  },
});
