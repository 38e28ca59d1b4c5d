import type { TemplateValue } from '../parse-yaml.js';
import type { SamOutput } from './output.js';
import { isPlainRecord, own, type TemplateRecord } from './template-values.js';

/** A value as written and the line of its key. */
export interface Written {
  value: TemplateValue;
  line?: number;
}

/**
 * The properties of one SAM resource with its `Globals` section merged in, as SAM merges them: the resource's own
 * value wins over a global one; two mappings merge key by key, the resource's keys winning; two lists are joined,
 * the global items first. An intrinsic function is a value, never merged.
 */
export class SamProperties {
  constructor(
    private readonly output: SamOutput,
    private readonly own: TemplateRecord,
    private readonly globals: TemplateRecord | undefined,
  ) {}

  get(name: string): Written | undefined {
    const local = own(this.own, name);
    const global = own(this.globals, name);
    if (local === undefined && global === undefined) return undefined;
    if (local === undefined) return { value: global ?? null, line: this.output.keyLine(this.globals, name) };
    const line = this.output.keyLine(this.own, name);
    return { value: global === undefined ? local : this.merge(global, local), line };
  }

  value(name: string): TemplateValue | undefined {
    return this.get(name)?.value;
  }

  line(name: string): number | undefined {
    return this.get(name)?.line;
  }

  private merge(global: TemplateValue, local: TemplateValue): TemplateValue {
    if (Array.isArray(global) && Array.isArray(local)) {
      const items = [...global, ...local].map((item, index): [TemplateValue, number | undefined] => [
        item,
        index < global.length ? this.output.keyLine(global, index) : this.output.keyLine(local, index - global.length),
      ]);
      return this.output.list(items, this.output.lineOf(local));
    }
    if (!isPlainRecord(global) || !isPlainRecord(local)) return local;
    const keys = new Set([...Object.keys(global), ...Object.keys(local)]);
    const entries = [...keys].map((key): [string, TemplateValue | undefined, number | undefined] => {
      const mine = own(local, key);
      const theirs = own(global, key);
      if (mine === undefined) return [key, theirs, this.output.keyLine(global, key)];
      return [key, theirs === undefined ? mine : this.merge(theirs, mine), this.output.keyLine(local, key)];
    });
    return this.output.record(entries, this.output.lineOf(local));
  }
}
