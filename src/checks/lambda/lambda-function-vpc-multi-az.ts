// Compliant: a function connected to a VPC has subnets in two or more Availability Zones; functions outside a VPC are
// not judged.
import { defineCheck, notApplicable, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';
import { SUBNET, subnetZoneSpread } from '../lib/zones.js';

export default defineCheck({
  id: 'lambda-function-vpc-multi-az',
  title: 'Lambda function in a VPC has subnets in more than one Availability Zone',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  reads: [SUBNET],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Outside a VPC, Lambda runs a function across the Availability Zones of the region by itself. Connected to a VPC, the function can only run where its subnets are: with all of them in one zone it stops when that zone fails. Which subnets the function uses is the customer\'s choice.',
  remediation: {
    console: 'Lambda console > function > Configuration > VPC > Edit: add subnets in at least two Availability Zones.',
    cloudformation: 'AWS::Lambda::Function.VpcConfig.SubnetIds: subnets in two or more Availability Zones',
    terraform: 'aws_lambda_function { vpc_config { subnet_ids = [subnets in two or more Availability Zones] } }',
  },
  evaluate(fn, context) {
    const path = 'VpcConfig.SubnetIds';
    const subnets = list(at(fn.properties, 'VpcConfig', 'SubnetIds'));
    if (isUnknown(subnets)) return unknown(subnets, path);
    if (subnets === undefined || subnets.length === 0) return notApplicable('the function is not connected to a VPC, so Lambda spreads it across zones itself');
    return subnetZoneSpread(subnets, path, 'the function', context.inventory);
  },
});
