// Compliant: every container of the task definition mounts its root file system read-only (ReadonlyRootFilesystem true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { evaluateContainers } from '../lib/ecs.js';

export default defineCheck({
  id: 'ecs-readonly-root-filesystem',
  title: 'ECS containers have a read-only root file system',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'low',
  rationale:
    'A writable root file system lets an attacker who gets into a container drop tools or change its binaries. A read-only root, with volumes only where the application writes, is a setting of the customer\'s task definitions.',
  remediation: {
    console: 'ECS console > Task definitions > new revision > container > Storage > Read only root file system; mount volumes for the paths the application writes.',
    cloudformation: 'AWS::ECS::TaskDefinition.ContainerDefinitions[].ReadonlyRootFilesystem: true',
    terraform: 'aws_ecs_task_definition container_definitions: "readonlyRootFilesystem": true',
  },
  evaluate(task) {
    return evaluateContainers(task, ({ container, index, label }) => {
      const path = `ContainerDefinitions.${index}.ReadonlyRootFilesystem`;
      const readOnly = bool(at(container, 'ReadonlyRootFilesystem'));
      if (isUnknown(readOnly)) return unknown(readOnly, path);
      if (readOnly === true) return pass(`container ${label} has a read-only root file system`, path);
      return fail(
        readOnly === false ? `container ${label} has a writable root file system` : `container ${label} does not set ReadonlyRootFilesystem, so its root file system is writable`,
        readOnly === false ? path : `ContainerDefinitions.${index}`,
      );
    });
  },
});
