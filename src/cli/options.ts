import { InvalidArgumentError } from 'commander';
import { isSeverity, SEVERITIES, type Severity } from '../model/vocabulary.js';

/** Commander option parser that collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseSeverityThreshold(value: string): Severity | 'none' {
  if (value === 'none' || isSeverity(value)) return value;
  throw new InvalidArgumentError(`expected one of ${SEVERITIES.join(', ')} or none`);
}

export function oneOf(allowed: readonly string[]): (value: string) => string {
  return (value) => {
    if (allowed.includes(value)) return value;
    throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
  };
}
