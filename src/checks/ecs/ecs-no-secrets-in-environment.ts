// Compliant: no container passes a secret-looking value as a plain environment variable (secrets come through Secrets from Secrets Manager or Parameter Store).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { evaluateContainers } from '../lib/ecs.js';
import { isRedacted } from '../../inventory/values.js';

export default defineCheck({
  id: 'ecs-no-secrets-in-environment',
  title: 'ECS containers take secrets from a secret store, not plain environment variables',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'high',
  rationale:
    'Plain environment values are stored in the task definition, shown in the console and returned by DescribeTaskDefinition to anyone with read access. ECS can inject secrets from Secrets Manager or Parameter Store instead; choosing that is the customer\'s.',
  remediation: {
    console: 'Store the value in Secrets Manager or SSM Parameter Store (SecureString); in a new task definition revision, move it from Environment variables to ValueFrom.',
    cloudformation: 'AWS::ECS::TaskDefinition.ContainerDefinitions[].Secrets: [{Name, ValueFrom: <secret or parameter ARN>}] instead of Environment',
    terraform: 'aws_ecs_task_definition container_definitions: "secrets": [{ "name": ..., "valueFrom": ... }]',
  },
  evaluate(task) {
    return evaluateContainers(task, ({ container, index, label }) => {
      const path = `ContainerDefinitions.${index}.Environment`;
      const environment = list(at(container, 'Environment'));
      if (isUnknown(environment)) return unknown(environment, path);
      const secretNames = (environment ?? []).flatMap((entry) => {
        const value = at(entry, 'Value');
        const variable = str(at(entry, 'Name'));
        return isRedacted(value) && value.secretLike ? [typeof variable === 'string' ? variable : '(unnamed)'] : [];
      });
      return secretNames.length > 0
        ? fail(`container ${label} passes ${secretNames.join(', ')} as plain environment variables that look like secrets`, path)
        : pass(`container ${label} has no secret-looking environment variables`, path);
    });
  },
});
