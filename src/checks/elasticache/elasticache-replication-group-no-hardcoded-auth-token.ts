// Compliant: the Redis AUTH token of an ElastiCache replication group is not written in the template or configuration.
import { defineCheck, notApplicable } from '../define-check.js';
import { writtenSecret } from '../lib/written-secret.js';

export default defineCheck({
  id: 'elasticache-replication-group-no-hardcoded-auth-token',
  title: 'ElastiCache replication group AUTH token is not hard-coded',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'The AUTH token of a Redis OSS or Valkey replication group is the one password every client presents: whoever holds it reads, changes and flushes every key. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. AuthToken should come from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source. A group without a token (no authentication, or RBAC user groups, judged by elasticache-replication-group-auth) is not applicable. ElastiCache only says whether a token is set, never its value, so a live scan is not applicable, and a Terraform plan or state hides it whether written or not (unknown).',
  remediation: {
    console: 'ElastiCache console > the cache > Modify > Access control: rotate the AUTH token (strategy ROTATE, then SET) to a new one kept in Secrets Manager, or move to RBAC user groups.',
    cloudformation: "AWS::ElastiCache::ReplicationGroup.AuthToken: '{{resolve:secretsmanager:<secret>:SecretString:token}}' (or a NoEcho parameter without a default)",
    terraform: 'aws_elasticache_replication_group.auth_token = a sensitive variable, or data.aws_secretsmanager_secret_version.<name>.secret_string',
  },
  evaluate(group) {
    const verdict = writtenSecret(group, group.properties['AuthToken'], 'AuthToken', 'the AUTH token');
    return verdict ?? notApplicable('the source shows no AUTH token: none is set or, live, ElastiCache never returns it');
  },
});
