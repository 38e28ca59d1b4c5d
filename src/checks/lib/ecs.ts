import { unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { PropValue } from '../../inventory/values.js';

/** Helpers for checks on ECS task definitions (not a check: not indexed). */

/** One container definition of a task definition, as a per-container check sees it. */
export interface ContainerDefinition {
  container: PropValue;
  index: number;
  /** The container's Name, or `#<index>` where it has none that can be read: for messages. */
  label: string;
}

/**
 * Runs `perContainer` over each of a task definition's ContainerDefinitions, one evaluation a container.
 * Unknown when the list cannot be read or is empty: a task with no containers proves nothing.
 */
export function evaluateContainers(task: Resource, perContainer: (definition: ContainerDefinition) => Evaluation): Evaluation | Evaluation[] {
  const containers = list(at(task.properties, 'ContainerDefinitions'));
  if (isUnknown(containers)) return unknown(containers, 'ContainerDefinitions');
  if (containers === undefined || containers.length === 0) return unknown('the task definition has no container definitions');
  return containers.map((container, index): Evaluation => {
    const name = str(at(container, 'Name'));
    const label = typeof name === 'string' ? name : `#${index}`;
    return perContainer({ container, index, label });
  });
}
