// Compliant: no password of an Amazon MQ broker user is written in the template or configuration.
import { defineCheck, notApplicable, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list } from '../../inventory/readers.js';
import { writtenSecret } from '../lib/written-secret.js';

export default defineCheck({
  id: 'mq-broker-no-hardcoded-user-password',
  title: 'Amazon MQ broker user passwords are not hard-coded',
  service: 'mq',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A broker user\'s password lets its holder connect to the broker and, as the user\'s groups or RabbitMQ tags allow, read and publish messages or open the broker\'s web console. Written in a template or a Terraform file, it is read by everyone with access to the repository, its history and the CI logs, and CloudFormation shows the value of a parameter without NoEcho in the console and DescribeStacks, so such a parameter fails too; a {{resolve:ssm:...}} reference fails because a String parameter is stored unencrypted. Each user\'s Password should come from a {{resolve:secretsmanager:...}} / {{resolve:ssm-secure:...}} dynamic reference, a NoEcho parameter without a default, or a sensitive Terraform variable or data source. A broker with LDAP authentication and no users is not applicable. Amazon MQ never returns passwords, so a live scan is not applicable, and a Terraform plan or state hides them whether written or not (unknown).',
  remediation: {
    console: 'Amazon MQ console > the broker > Users: change each exposed password and keep the new one in Secrets Manager.',
    cloudformation: "AWS::AmazonMQ::Broker.Users[].Password: '{{resolve:secretsmanager:<secret>:SecretString:password}}' (or a NoEcho parameter without a default)",
    terraform: 'aws_mq_broker { user { password = a sensitive variable, or data.aws_secretsmanager_secret_version.<name>.secret_string } }',
  },
  evaluate(broker) {
    const users = list(at(broker.properties, 'Users'));
    if (isUnknown(users)) return unknown(users, 'Users');
    const verdicts: Evaluation[] = [];
    (users ?? []).forEach((user, index) => {
      const path = `Users[${index}].Password`;
      const name = at(user, 'Username');
      const verdict = writtenSecret(broker, at(user, 'Password'), path, `the password of user ${typeof name === 'string' ? name : index}`);
      if (verdict) verdicts.push(verdict);
    });
    if (verdicts.length === 0) return notApplicable('the source shows no user password: the broker has no users (LDAP authentication) or, live, Amazon MQ never returns them');
    const failures = verdicts.filter((verdict) => verdict.status === 'fail');
    if (failures.length > 0) return failures;
    const doubts = verdicts.filter((verdict) => verdict.status === 'unknown');
    return doubts.length > 0 ? doubts : verdicts;
  },
});
