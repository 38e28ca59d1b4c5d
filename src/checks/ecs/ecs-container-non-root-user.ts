// Compliant: every Linux container of the task definition pins a non-root User.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { evaluateContainers } from '../lib/ecs.js';

/** `root`, `0`, `root:group` and `0:0` all run as the root user. */
const isRootUser = (user: string): boolean => ['root', '0'].includes(user.split(':')[0] ?? '');

export default defineCheck({
  id: 'ecs-container-non-root-user',
  title: 'ECS containers run as a non-root user',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'low',
  rationale:
    'Without a User, a container runs as whatever user its image declares, which is root for most images. Running as root widens what an attacker who breaks into the application can do inside the container and against the host. The customer sets the user in its task definitions.',
  remediation: {
    console: 'ECS console > Task definitions > new revision > container > Docker configuration > User: a non-root user or UID.',
    cloudformation: 'AWS::ECS::TaskDefinition.ContainerDefinitions[].User: a non-root user, e.g. "1000:1000"',
    terraform: 'aws_ecs_task_definition container_definitions: "user": "1000:1000"',
  },
  evaluate(task) {
    const family = str(at(task.properties, 'RuntimePlatform', 'OperatingSystemFamily'));
    if (typeof family === 'string' && family.startsWith('WINDOWS')) {
      return notApplicable('Windows containers do not take the User parameter');
    }
    return evaluateContainers(task, ({ container, index, label }) => {
      const path = `ContainerDefinitions.${index}.User`;
      const user = str(at(container, 'User'));
      if (isUnknown(user)) return unknown(user, path);
      if (user === undefined || user === '') return fail(`container ${label} sets no User, so it runs as the image's default user (root unless the image says otherwise)`, `ContainerDefinitions.${index}`);
      return isRootUser(user) ? fail(`container ${label} runs as root`, path) : pass(`container ${label} runs as ${user}`, path);
    });
  },
});
