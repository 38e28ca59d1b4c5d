// Compliant: every VPC's default security group has no inbound and no outbound rules, so nothing placed in it by accident can talk.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { list, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import type { Resource } from '../../inventory/resource.js';
import type { CheckContext, Evaluation } from '../types.js';

/**
 * A VPC declared in the input: AWS creates its default group with rules that admit its members and let everything out.
 * When the input manages that group (Terraform `aws_default_security_group`), the group is judged itself; a live VPC's
 * group is read and judged itself too. Otherwise the group keeps AWS's rules, and the VPC carries the duty.
 */
function judgeVpc(vpc: Resource, context: CheckContext): Evaluation | Evaluation[] {
  if (vpc.scope.startsWith('aws://')) return [];
  const managed = context.inventory.referrers(vpc, 'AWS::EC2::SecurityGroup', 'VpcId').filter((group) => str(group.properties['GroupName']) === 'default');
  if (managed.length > 0) return [];
  return fail("the VPC's default security group keeps the rules AWS creates it with (all traffic from its own members, all traffic out), and nothing in this input removes them");
}

export default defineCheck({
  id: 'vpc-default-security-group-closed',
  title: 'Default security group restricts all traffic',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::VPC'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'medium',
  rationale:
    'Every VPC comes with a security group named "default" that admits all traffic from its own members and lets all traffic out. Resources launched without a group choice land in it and can reach each other freely. AWS creates the group; emptying it, so that every workload gets a deliberate group, is the customer\'s job. A VPC created by a template or Terraform gets that group with its default rules unless the input manages it (Terraform `aws_default_security_group`); CloudFormation cannot remove them, so such a VPC fails until they are removed after deployment.',
  remediation: {
    console: 'VPC console > Security groups > the group named "default" in each VPC > delete every inbound and outbound rule; move resources that use it to purpose-made groups.',
    cloudformation: 'Not manageable in templates: the default group is created with the VPC. Remove its rules once per VPC (console, CLI revoke-security-group-ingress/egress) and give each resource its own group.',
    terraform: 'aws_default_security_group { vpc_id = ... } with no ingress or egress blocks (Terraform then removes the default rules)',
  },
  evaluate(group, context) {
    if (group.type === 'AWS::EC2::VPC') return judgeVpc(group, context);
    // Only the group AWS creates with each VPC; a template cannot create one of that name.
    const name = str(group.properties['GroupName']);
    if (name !== 'default') return [];
    const ingress = list(group.properties['SecurityGroupIngress']);
    const egress = list(group.properties['SecurityGroupEgress']);
    if (isUnknown(ingress)) return unknown(ingress, 'SecurityGroupIngress');
    if (isUnknown(egress)) return unknown(egress, 'SecurityGroupEgress');
    const inbound = ingress?.length ?? 0;
    const outbound = egress?.length ?? 0;
    if (inbound === 0 && outbound === 0) return pass('the default security group has no inbound or outbound rules');
    const parts = [inbound > 0 ? `${inbound} inbound rule${inbound === 1 ? '' : 's'}` : '', outbound > 0 ? `${outbound} outbound rule${outbound === 1 ? '' : 's'}` : ''].filter(Boolean);
    return fail(`the default security group still has ${parts.join(' and ')}; anything launched into it can send or receive traffic`, inbound > 0 ? 'SecurityGroupIngress' : 'SecurityGroupEgress');
  },
});
