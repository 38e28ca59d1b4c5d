// Compliant: the function's execution role does not grant full administrator access (no Allow of "*" on "*", no AdministratorAccess policy).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { isReference, type PropValue } from '../../inventory/values.js';
import { grantsFullAccess, inlinePolicyDocuments, policyStatements } from '../lib/policy.js';

const ADMINISTRATOR_ACCESS = /:iam::aws:policy\/AdministratorAccess$/;

type Finding = { admin: string } | { unclear: string } | undefined;

function documentGrantsAll(document: PropValue | undefined, where: string): Finding {
  const statements = policyStatements(document);
  if (isUnknown(statements)) return { unclear: `${where}: ${statements.reason}` };
  return statements?.some(grantsFullAccess) ? { admin: where } : undefined;
}

/** Every way the role can receive permissions: inline policies, managed policy ARNs, and policies that name the role. */
function roleFindings(role: Resource, inventory: InventoryView): Finding[] {
  const findings: Finding[] = inlinePolicyDocuments(role.properties).map(({ path, document }) => documentGrantsAll(document, `the inline policy at ${path}`));
  const managed = list(at(role.properties, 'ManagedPolicyArns'));
  if (isUnknown(managed)) findings.push({ unclear: `ManagedPolicyArns: ${managed.reason}` });
  for (const arn of isUnknown(managed) ? [] : (managed ?? [])) {
    if (typeof arn === 'string') {
      if (ADMINISTRATOR_ACCESS.test(arn)) findings.push({ admin: 'the AdministratorAccess managed policy' });
      else if (!arn.includes(':iam::aws:policy/')) {
        const policy = inventory.resolve(arn);
        findings.push(policy ? documentGrantsAll(policy.properties['PolicyDocument'], `the managed policy ${policy.id}`) : { unclear: `the managed policy ${arn} is not in the scanned input` });
      }
    } else if (isReference(arn)) {
      const policy = inventory.resolve(arn);
      findings.push(policy ? documentGrantsAll(policy.properties['PolicyDocument'], `the managed policy ${policy.id}`) : { unclear: 'a referenced managed policy is not in the scanned input' });
    } else if (isUnknown(arn)) {
      // An ARN built with Fn::Sub keeps its text, so the AWS-managed administrator policy is still recognisable.
      if (arn.template !== undefined && ADMINISTRATOR_ACCESS.test(arn.template)) findings.push({ admin: 'the AdministratorAccess managed policy' });
      else if (arn.template === undefined || !arn.template.includes(':iam::aws:policy/')) findings.push({ unclear: `a managed policy ARN: ${arn.reason}` });
    }
  }
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const policy of inventory.referrers(role, type, 'Roles')) {
      findings.push(documentGrantsAll(policy.properties['PolicyDocument'], `the policy ${policy.id}`));
    }
  }
  return findings;
}

export default defineCheck({
  id: 'lambda-role-not-admin',
  title: 'Lambda execution role does not grant full administrator access',
  service: 'lambda',
  resourceTypes: ['AWS::Lambda::Function'],
  reads: ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'high',
  rationale:
    'A function runs with its execution role, so a bug or an injected payload in its code can do whatever the role allows. A role with full access turns any flaw in the function into control of the account; scoping the role is the customer\'s side of running code on Lambda.',
  remediation: {
    console: 'IAM console > Roles > the function\'s role: detach AdministratorAccess and replace "*" statements with the actions and resources the function uses.',
    cloudformation: 'AWS::IAM::Role.Policies / ManagedPolicyArns of the role named by AWS::Lambda::Function.Role: least-privilege statements',
    terraform: 'aws_iam_role_policy / aws_iam_role_policy_attachment of the function\'s role: least-privilege statements',
  },
  evaluate(lambda, context) {
    const roleValue = lambda.properties['Role'];
    if (roleValue === undefined || roleValue === null) return unknown('the function names no execution role');
    const role = context.inventory.resolve(roleValue);
    if (role?.type !== 'AWS::IAM::Role') {
      if (isUnknown(roleValue)) return unknown(roleValue, 'Role');
      return unknown('the execution role is not in the scanned input', 'Role');
    }
    const findings = roleFindings(role, context.inventory);
    const admin = findings.find((finding) => finding !== undefined && 'admin' in finding);
    if (admin && 'admin' in admin) return fail(`the execution role ${role.id} grants full access through ${admin.admin}`, 'Role');
    const unclear = findings.find((finding) => finding !== undefined && 'unclear' in finding);
    if (unclear && 'unclear' in unclear) return unknown(`cannot read all of the role ${role.id}'s permissions: ${unclear.unclear}`, 'Role');
    return pass(`the execution role ${role.id} does not grant full access`, 'Role');
  },
});
