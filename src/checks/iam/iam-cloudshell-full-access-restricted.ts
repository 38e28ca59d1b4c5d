// Compliant: no user, group or role has the AWS-managed AWSCloudShellFullAccess policy.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { attachesAwsManagedPolicy } from '../lib/credentials.js';

const POLICY = 'AWSCloudShellFullAccess';

export default defineCheck({
  id: 'iam-cloudshell-full-access-restricted',
  title: 'AWSCloudShellFullAccess is not attached',
  service: 'iam',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'least-privilege-policies',
  severity: 'medium',
  rationale:
    'Full CloudShell access includes uploading and downloading files and reaching the internet from a shell that holds the user\'s credentials, which makes moving data out easy. Grant a narrower CloudShell policy to those who need it.',
  remediation: {
    console: 'IAM console > Policies > AWSCloudShellFullAccess > Entities attached > Detach; grant a custom policy without file transfer where CloudShell is needed.',
    cloudformation: 'Remove arn:aws:iam::aws:policy/AWSCloudShellFullAccess from ManagedPolicyArns of AWS::IAM::User, Group and Role.',
    terraform: 'Remove aws_iam_*_policy_attachment with policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess".',
  },
  evaluate(principal) {
    const match = attachesAwsManagedPolicy(principal.properties, POLICY);
    if (match.outcome === 'found') return fail(`${POLICY} is attached`, match.path);
    if (match.outcome === 'unknown') return unknown(match.reason ?? `the attached policies are not known`, match.path);
    return pass(`${POLICY} is not attached`);
  },
});
