// Compliant: the Amplify app's repository token and basic-auth passwords are not written in the template or configuration.
import { defineCheck, notApplicable, pass } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at } from '../../inventory/readers.js';
import { writtenSecret } from '../lib/written-secret.js';

const SECRETS = [
  { path: 'AccessToken', what: 'the repository access token' },
  { path: 'OauthToken', what: 'the repository OAuth token' },
  { path: 'BasicAuthConfig.Password', what: 'the basic authentication password' },
  { path: 'AutoBranchCreationConfig.BasicAuthConfig.Password', what: 'the basic authentication password of auto-created branches' },
] as const;

export default defineCheck({
  id: 'amplify-app-no-hardcoded-credentials',
  title: 'Amplify app repository token and basic-auth password are not hard-coded',
  service: 'amplify',
  resourceTypes: ['AWS::Amplify::App'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'high',
  rationale:
    'An Amplify app connects to its Git repository with a personal access token (GitHub) or OAuth token (other providers), which can read and often write the customer\'s source code; its basic authentication password guards unreleased sites. Written in a template or Terraform file they are read by everyone with access to the repository, its history and CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too. They should come from Secrets Manager (a {{resolve:secretsmanager:...}} dynamic reference), a NoEcho parameter without a default, or a sensitive Terraform variable. Amplify does not return the tokens, so a live scan cannot judge them (not applicable), and a Terraform plan or state hides them whether written or not (unknown).',
  remediation: {
    console: 'Revoke the exposed token at the Git provider and create a new one; reconnect the repository in the Amplify console (App settings > Repository) and change the basic authentication password (Hosting > Access control). Keep the new values in Secrets Manager.',
    cloudformation: "AWS::Amplify::App.AccessToken / OauthToken / BasicAuthConfig.Password: '{{resolve:secretsmanager:<secret>:SecretString:<key>}}' or a NoEcho parameter without a default",
    terraform: 'aws_amplify_app.access_token / oauth_token / basic_auth_credentials = a sensitive variable or data.aws_secretsmanager_secret_version.<name>.secret_string',
  },
  evaluate(app) {
    if (app.origin.kind === 'aws') return notApplicable('Amplify does not return the repository token or the basic authentication password');
    const verdicts: Evaluation[] = [];
    for (const { path, what } of SECRETS) {
      const verdict = writtenSecret(app, at(app.properties, ...path.split('.')), path, what);
      if (verdict) verdicts.push(verdict);
    }
    const failures = verdicts.filter((verdict) => verdict.status === 'fail');
    if (failures.length > 0) return failures;
    const doubts = verdicts.filter((verdict) => verdict.status === 'unknown');
    if (doubts.length > 0) return doubts;
    return verdicts.length > 0 ? verdicts : pass('the app sets no repository token or basic authentication password');
  },
});
