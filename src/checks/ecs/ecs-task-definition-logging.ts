// Compliant: every container of the task definition has a LogConfiguration with a log driver.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { evaluateContainers } from '../lib/ecs.js';

export default defineCheck({
  id: 'ecs-task-definition-logging',
  title: 'ECS containers send their logs to a log driver',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'A container without a log configuration keeps its output only on the host that ran it (on Fargate, nowhere the customer can read), so when the task stops the record of what it did is gone. Naming a log driver (awslogs, awsfirelens, splunk ...) in each container definition is the customer\'s part of logging.',
  remediation: {
    console: 'ECS console > Task definitions > new revision > each container > Logging: turn on log collection (Amazon CloudWatch or another destination).',
    cloudformation: 'AWS::ECS::TaskDefinition.ContainerDefinitions[].LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: ..., awslogs-region: ..., awslogs-stream-prefix: ...}}',
    terraform: 'aws_ecs_task_definition container_definitions: "logConfiguration": {"logDriver": "awslogs", "options": {...}}',
  },
  evaluate(task) {
    return evaluateContainers(task, ({ container, index, label }) => {
      const path = `ContainerDefinitions.${index}.LogConfiguration`;
      const configuration = at(container, 'LogConfiguration');
      if (isUnknown(configuration)) return unknown(configuration, path);
      if (configuration === undefined || configuration === null) return fail(`container ${label} has no log configuration: its output is not collected`, path);
      const driver = str(at(configuration, 'LogDriver'));
      if (isUnknown(driver)) return unknown(driver, `${path}.LogDriver`);
      if (driver === undefined || driver === '') return fail(`container ${label} has a log configuration without a log driver`, `${path}.LogDriver`);
      return pass(`container ${label} logs through the ${driver} driver`, `${path}.LogDriver`);
    });
  },
});
