// Compliant: the database passwords of a DMS endpoint are not written in the template or configuration.
import { defineCheck, notApplicable } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at } from '../../inventory/readers.js';
import { writtenSecret } from '../lib/written-secret.js';

const SECRETS = [
  { path: 'Password', what: 'the database password' },
  { path: 'MongoDbSettings.Password', what: 'the MongoDB password' },
  { path: 'RedisSettings.AuthPassword', what: 'the Redis AUTH password' },
] as const;

export default defineCheck({
  id: 'dms-endpoint-no-hardcoded-password',
  title: 'DMS endpoint password is not hard-coded',
  service: 'dms',
  resourceTypes: ['AWS::DMS::Endpoint'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A DMS endpoint logs in to a source or target database, usually as a user that can read or write every table being migrated. Its password (Password, MongoDbSettings.Password or RedisSettings.AuthPassword) written in a template or a Terraform file is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. It should come from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source, or be left out in favour of the endpoint settings\' SecretsManagerSecretId; an endpoint with no password is not applicable, since nothing is written. DMS never returns the passwords, so a live scan is not applicable, and a Terraform plan or state hides them whether written or not (unknown).',
  remediation: {
    console: 'Change the database user\'s password, keep it in Secrets Manager, and point the endpoint at the secret (DMS console > Endpoints > Modify > Access to endpoint database: AWS Secrets Manager).',
    cloudformation: 'AWS::DMS::Endpoint: <Engine>Settings.SecretsManagerSecretId and SecretsManagerAccessRoleArn instead of Password (or Password from a NoEcho parameter without a default)',
    terraform: 'aws_dms_endpoint: secrets_manager_arn and secrets_manager_access_role_arn instead of password (or password = a sensitive variable)',
  },
  evaluate(endpoint) {
    const verdicts: Evaluation[] = [];
    for (const { path, what } of SECRETS) {
      const verdict = writtenSecret(endpoint, at(endpoint.properties, ...path.split('.')), path, what);
      if (verdict) verdicts.push(verdict);
    }
    if (verdicts.length === 0) return notApplicable('the source shows no endpoint password: none is set (the endpoint may use a Secrets Manager secret) or, live, DMS never returns it');
    const failures = verdicts.filter((verdict) => verdict.status === 'fail');
    if (failures.length > 0) return failures;
    const doubts = verdicts.filter((verdict) => verdict.status === 'unknown');
    return doubts.length > 0 ? doubts : verdicts;
  },
});
