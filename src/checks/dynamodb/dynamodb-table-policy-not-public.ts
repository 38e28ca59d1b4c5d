// Compliant: the table's resource policy (if any) has no Allow for Principal "*" without a narrowing condition.
import { defineCheck, pass, unknown } from '../define-check.js';
import { at, isUnknown } from '../../inventory/readers.js';
import type { Evaluation } from '../types.js';
import { dynamoDbTableParts, openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'dynamodb-table-policy-not-public',
  title: 'DynamoDB table resource policy does not grant access to everyone',
  service: 'dynamodb',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'control-dynamodb-access',
  severity: 'critical',
  rationale:
    'A table resource policy that allows Principal "*" with no condition on the caller lets any AWS account read or change the table. Controlling access to DynamoDB tables is named in the shared responsibility model as the customer\'s.',
  remediation: {
    console: 'DynamoDB console > Tables > table > Permissions > Resource-based policy > Edit: name specific principals or add an aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::DynamoDB::Table.ResourcePolicy.PolicyDocument: no Allow statement for Principal "*" without a narrowing condition',
    terraform: 'aws_dynamodb_resource_policy: no Allow statement for principals "*" without a narrowing condition',
  },
  evaluate(table) {
    const parts = dynamoDbTableParts(table);
    if (isUnknown(parts)) return unknown(parts, 'Replicas');
    return parts.flatMap((part): Evaluation[] => {
      const path = `${part.prefix}ResourcePolicy.PolicyDocument`;
      const document = at(part.properties, 'ResourcePolicy', 'PolicyDocument');
      if (document === undefined) return [pass(`${part.label} has no resource policy; access depends on IAM policies`)];
      const problems = openPolicyProblems(document, `the resource policy of ${part.label}`, path);
      return problems.length > 0 ? problems : [pass(`the resource policy of ${part.label} admits no anonymous or public principal`, path)];
    });
  },
});
