// Compliant: no container of the task definition runs privileged (Privileged absent or false).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { evaluateContainers } from '../lib/ecs.js';

export default defineCheck({
  id: 'ecs-no-privileged-containers',
  title: 'ECS containers do not run privileged',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'high',
  rationale:
    'A privileged container gets root access to the host\'s devices and kernel features, so a compromise of the container becomes a compromise of the container instance and every task on it. What the containers may do is set by the customer\'s task definitions.',
  remediation: {
    console: 'ECS console > Task definitions > new revision > container > Privileged: off; grant only the Linux capabilities the container needs.',
    cloudformation: 'AWS::ECS::TaskDefinition.ContainerDefinitions[].Privileged: false (or absent)',
    terraform: 'aws_ecs_task_definition container_definitions: "privileged": false',
  },
  evaluate(task) {
    return evaluateContainers(task, ({ container, index, label }) => {
      const path = `ContainerDefinitions.${index}.Privileged`;
      const privileged = bool(at(container, 'Privileged'));
      if (isUnknown(privileged)) return unknown(privileged, path);
      return privileged === true ? fail(`container ${label} runs privileged`, path) : pass(`container ${label} is not privileged`, path);
    });
  },
});
