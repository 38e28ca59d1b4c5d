// Compliant: an AWS::EC2::FlowLog with ResourceType VPC records the VPC's traffic (every VPC, default VPCs included).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC has flow logs',
  service: 'vpc',
  resourceTypes: ['AWS::EC2::VPC'],
  reads: ['AWS::EC2::FlowLog'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Flow logs record which addresses talked to which, on which port, and whether the traffic was accepted. Without them there is no network evidence to investigate an intrusion or data exfiltration. AWS offers the feature; turning it on for each VPC is the customer\'s part of logging and monitoring.',
  remediation: {
    console: 'VPC console > Your VPCs > the VPC > Flow logs > Create flow log (filter All, destination CloudWatch Logs or S3).',
    cloudformation: 'AWS::EC2::FlowLog with ResourceType: VPC, ResourceId: !Ref <the VPC>, TrafficType: ALL',
    terraform: 'aws_flow_log { vpc_id = aws_vpc.<name>.id, traffic_type = "ALL" }',
  },
  evaluate(vpc, context) {
    let unresolved: string | undefined;
    for (const flowLog of context.inventory.ofType('AWS::EC2::FlowLog')) {
      const type = str(flowLog.properties['ResourceType']);
      if (isUnknown(type)) {
        unresolved ??= `flow log ${flowLog.id} has a ResourceType that cannot be read`;
        continue;
      }
      if (type !== 'VPC') continue;
      const target = flowLog.properties['ResourceId'];
      const resolved = context.inventory.resolve(target);
      // A live flow log names its VPC by id, while a live VPC is known by its ARN and its Name tag: match the id too.
      const byVpcId = typeof target === 'string' && target !== '' && vpc.properties['VpcId'] === target;
      if (resolved === vpc || byVpcId) {
        const traffic = str(flowLog.properties['TrafficType']);
        const what = typeof traffic === 'string' ? ` (${traffic} traffic)` : '';
        return pass(`flow log ${flowLog.id} records the VPC${what}`);
      }
      if (resolved === undefined && typeof target !== 'string') unresolved ??= `flow log ${flowLog.id} points at a VPC that cannot be resolved`;
    }
    if (unresolved !== undefined) return unknown(unresolved);
    if (vpc.origin.kind !== 'aws') return fail('no flow log records this VPC\'s traffic');
    // Live VPCs include the default VPC of each region, which nobody created on purpose and often nobody watches.
    const id = typeof vpc.properties['VpcId'] === 'string' ? vpc.properties['VpcId'] : (vpc.name ?? vpc.id);
    const where = [vpc.account, vpc.region].filter((part) => part !== undefined && part !== '').join('/');
    return fail(`no flow log records the traffic of ${vpc.properties['IsDefault'] === true ? 'the default VPC ' : 'VPC '}${id}${where ? ` in ${where}` : ''}`);
  },
});
