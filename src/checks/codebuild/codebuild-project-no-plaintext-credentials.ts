// Compliant: no plaintext environment variable of the project holds AWS credentials or another secret-looking value.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { isRedacted } from '../../inventory/values.js';

const PATH = 'Environment.EnvironmentVariables';
const AWS_CREDENTIAL_NAMES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

export default defineCheck({
  id: 'codebuild-project-no-plaintext-credentials',
  title: 'CodeBuild project passes no credentials in plaintext environment variables',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'critical',
  rationale:
    'Plaintext environment variables are stored in the project and returned by BatchGetProjects and the console to anyone who can read the project; builds also tend to print them. AWS credentials there (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) are long-term keys anyone with read access can reuse; the build should use the project\'s service role, and other secrets should come from Parameter Store or Secrets Manager (variable types PARAMETER_STORE and SECRETS_MANAGER). AWS Config\'s rule looks only at the two AWS credential names; demarc also fails other plaintext values that look like secrets (passwords, tokens, private keys).',
  remediation: {
    console: 'Store the value in Secrets Manager or Parameter Store (SecureString); CodeBuild console > project > Edit > Environment > Environment variables: change the variable\'s type and value to the secret\'s name. Replace AWS keys by permissions on the project\'s service role.',
    cloudformation: 'AWS::CodeBuild::Project.Environment.EnvironmentVariables[]: {Name, Type: SECRETS_MANAGER or PARAMETER_STORE, Value: <secret or parameter name>}',
    terraform: 'aws_codebuild_project environment { environment_variable { name = ..., type = "SECRETS_MANAGER", value = <secret name> } }',
  },
  evaluate(project) {
    const variables = list(at(project.properties, 'Environment', 'EnvironmentVariables'));
    if (isUnknown(variables)) return unknown(variables, PATH);
    const leaks: string[] = [];
    const doubts: Evaluation[] = [];
    for (const [index, variable] of (variables ?? []).entries()) {
      const name = str(at(variable, 'Name'));
      const type = str(at(variable, 'Type'));
      const label = typeof name === 'string' ? name : `#${index}`;
      if (isUnknown(type)) {
        doubts.push(unknown(type, `${PATH}.${index}.Type`));
        continue;
      }
      // PLAINTEXT is the default type; the other types hold the name of a parameter or secret, not its value.
      if (type !== undefined && type !== 'PLAINTEXT') continue;
      if (typeof name === 'string' && AWS_CREDENTIAL_NAMES.has(name.toUpperCase())) {
        leaks.push(label);
        continue;
      }
      const value = at(variable, 'Value');
      if (isRedacted(value) && value.secretLike) leaks.push(label);
      else if (isUnknown(value)) doubts.push(unknown(value, `${PATH}.${index}.Value`));
      else if (isUnknown(name)) doubts.push(unknown(name, `${PATH}.${index}.Name`));
    }
    if (leaks.length > 0) return fail(`plaintext environment variables hold credentials: ${leaks.join(', ')}`, PATH);
    if (doubts.length > 0) return doubts;
    return pass('no plaintext environment variable holds AWS credentials or a secret-looking value', PATH);
  },
});
