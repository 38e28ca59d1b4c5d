// Compliant: an internet-facing Application Load Balancer is associated with an AWS WAF web ACL (an AWS::WAFv2::WebACLAssociation whose ResourceArn is the load balancer).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { pointsAt } from '../lib/network.js';
import { loadBalancerType } from '../lib/elb-attributes.js';

export default defineCheck({
  id: 'elb-alb-waf-attached',
  title: 'Internet-facing Application Load Balancer has a WAF web ACL',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  reads: ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A web ACL in front of a public Application Load Balancer filters common exploits (injection, known bad inputs, bad bots) and rate-limits floods before they reach the application. AWS absorbs network-level attacks; application-layer filtering is the customer\'s to set up.',
  remediation: {
    console: 'WAF console > Web ACLs (same Region) > the web ACL > Associated AWS resources > Add > the load balancer.',
    cloudformation: 'AWS::WAFv2::WebACLAssociation { ResourceArn: !Ref <LoadBalancer>, WebACLArn: !GetAtt <WebACL>.Arn } with a REGIONAL web ACL',
    terraform: 'aws_wafv2_web_acl_association { resource_arn = aws_lb.<name>.arn, web_acl_arn = aws_wafv2_web_acl.<name>.arn }',
  },
  evaluate(balancer, context) {
    const type = loadBalancerType(balancer);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type !== 'application') return notApplicable(`AWS WAF does not attach to a ${type} load balancer`);
    const scheme = str(balancer.properties['Scheme']);
    if (isUnknown(scheme)) return unknown(scheme, 'Scheme');
    if (scheme === 'internal') return notApplicable('an internal load balancer is not reachable from the internet');
    let unresolved: string | undefined;
    // AWS WAF Classic (regional) associations protect a load balancer as WAFv2 ones do.
    const associations = [...context.inventory.ofType('AWS::WAFv2::WebACLAssociation'), ...context.inventory.ofType('AWS::WAFRegional::WebACLAssociation')];
    for (const association of associations) {
      const match = pointsAt(association.properties['ResourceArn'], balancer, context.inventory);
      if (match === true) return pass(`web ACL association ${association.id} protects the load balancer`);
      if (isUnknown(match)) unresolved ??= association.id;
    }
    if (unresolved) return unknown(`web ACL association ${unresolved} points at a resource that cannot be resolved; it may be this load balancer`);
    return fail('no AWS WAF web ACL is associated with this internet-facing load balancer');
  },
});
