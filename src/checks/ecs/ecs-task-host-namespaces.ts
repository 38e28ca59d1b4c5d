// Compliant: the task does not share the host's network, process or IPC namespace (NetworkMode, PidMode and IpcMode are not "host").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import type { Unknown } from '../../inventory/values.js';

const NAMESPACE_PROPERTIES = [
  { property: 'NetworkMode', what: 'network stack' },
  { property: 'PidMode', what: 'process namespace' },
  { property: 'IpcMode', what: 'IPC namespace' },
] as const;

export default defineCheck({
  id: 'ecs-task-host-namespaces',
  title: 'ECS task does not share the host\'s namespaces',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'medium',
  rationale:
    'With host networking a container binds the instance\'s interfaces directly and bypasses task-level security groups; with the host PID or IPC namespace it can see and signal every process on the instance. Isolation between tasks and the host is set by the customer\'s task definitions.',
  remediation: {
    console: 'ECS console > Task definitions > new revision > Network mode: awsvpc (or bridge); leave PID and IPC mode unset or "task".',
    cloudformation: 'AWS::ECS::TaskDefinition.NetworkMode: awsvpc; PidMode / IpcMode: task (or absent)',
    terraform: 'aws_ecs_task_definition { network_mode = "awsvpc", pid_mode = "task", ipc_mode = "task" }',
  },
  evaluate(task) {
    const shared: string[] = [];
    let firstPath: string | undefined;
    let unread: { mode: Unknown; property: string } | undefined;
    for (const { property, what } of NAMESPACE_PROPERTIES) {
      const mode = str(at(task.properties, property));
      if (isUnknown(mode)) {
        unread ??= { mode, property };
      } else if (mode === 'host') {
        shared.push(`the host's ${what} (${property}: host)`);
        firstPath ??= property;
      }
    }
    // A namespace known to be shared fails whatever the others are; an unread one is never taken as the default.
    if (shared.length > 0) return fail(`the task shares ${shared.join(' and ')}`, firstPath);
    if (unread) return unknown(unread.mode, unread.property);
    return pass('the task keeps its own network, process and IPC namespaces');
  },
});
