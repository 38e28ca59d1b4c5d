import type { Inventory, Resource, SourceProblem, SourceSummary } from '../../resource.js';
import type { FileSource, LoadedFile } from '../file-source.js';
import { isConfigFile, isVariablesFile, readConfiguration } from './config.js';
import { convertResources } from './convert.js';
import type { TerraformResource } from './model.js';
import { readPlanDocument } from './plan.js';
import { readStateDocument } from './state.js';

const PLAN_MARKERS = /"(format_version|terraform_version|planned_values|resource_changes)"\s*:/;
const STATE_MARKERS = /"version"\s*:\s*4\b[\s\S]*"(terraform_version|lineage|serial)"\s*:|"(terraform_version|lineage|serial)"\s*:[\s\S]*"version"\s*:\s*4\b/;

/** Where a JSON parse failed, as a line, from V8's "at position N" message. */
function lineOfPosition(text: string, message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  if (!match) return undefined;
  const position = Math.min(Number(match[1]), text.length);
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

function readJsonFile(file: LoadedFile): { items: TerraformResource[]; problems: SourceProblem[]; kind: SourceSummary['kind'] } {
  let document: unknown;
  try {
    document = JSON.parse(file.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /Unexpected end of JSON input|Unterminated/.test(message);
    return {
      items: [],
      problems: [{ file: file.path, line: lineOfPosition(file.text, message) ?? (truncated ? file.text.split('\n').length : undefined), message: `${truncated ? 'the JSON is truncated' : 'the JSON is not valid'}: ${message}`, fatal: true }],
      kind: 'terraform-plan',
    };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { items: [], problems: [{ file: file.path, message: 'not a Terraform plan or state: the document is not an object', fatal: true }], kind: 'terraform-plan' };
  }
  const record: Record<string, unknown> = {};
  Object.assign(record, document);
  if ('format_version' in record) return readPlanDocument(file.path, record);
  if ('version' in record && ('resources' in record || 'lineage' in record || 'terraform_version' in record)) return readStateDocument(file.path, record);
  return { items: [], problems: [{ file: file.path, message: 'not a Terraform plan (no format_version) or state (no version)', fatal: true }], kind: 'terraform-plan' };
}

function countByFile(resources: readonly Resource[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const resource of resources) {
    const file = resource.origin.file;
    if (file !== undefined) counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}

/**
 * Terraform plans (`terraform show -json`), state files (version 4) and configuration folders (.tf, .tfvars and their
 * JSON forms .tf.json, .tfvars.json), read
 * into resources in the CloudFormation shape of their types.
 */
export const terraformSource: FileSource = {
  id: 'terraform',
  // Plans of large estates run to hundreds of megabytes. The file is read into one string, and V8 caps strings at
  // 2^29 - 24 characters (about 512 MB), so that is the practical ceiling; .tf files are capped lower in config.ts.
  maxBytes: 512 * 1024 * 1024 - 64,
  claims(path, head) {
    const lower = path.toLowerCase();
    if (isConfigFile(lower) || isVariablesFile(lower) || lower.endsWith('.tfstate')) return true;
    if (!lower.endsWith('.json')) return false;
    return PLAN_MARKERS.test(head) || STATE_MARKERS.test(head);
  },
  async read(files) {
    const items: TerraformResource[] = [];
    const problems: SourceProblem[] = [];
    const kinds = new Map<string, SourceSummary['kind']>();
    const config: LoadedFile[] = [];
    for (const file of files) {
      const lower = file.path.toLowerCase();
      if (isConfigFile(lower) || isVariablesFile(lower)) {
        config.push(file);
        continue;
      }
      const result = readJsonFile(file);
      items.push(...result.items);
      problems.push(...result.problems);
      kinds.set(file.path, result.kind);
    }
    if (config.length > 0) {
      const result = await readConfiguration(config);
      items.push(...result.items);
      problems.push(...result.problems);
      for (const file of config) if (isConfigFile(file.path.toLowerCase())) kinds.set(file.path, 'terraform-config');
    }
    const conversion = convertResources(items);
    problems.push(...conversion.problems);
    const counts = countByFile(conversion.resources);
    const fatalFiles = new Set(problems.filter((problem) => problem.fatal).map((problem) => problem.file));
    const sources: SourceSummary[] = [];
    for (const [file, kind] of kinds) if (!fatalFiles.has(file)) sources.push({ file, kind, resources: counts.get(file) ?? 0 });
    const inventory: Inventory = { resources: conversion.resources, gaps: [], problems, sources };
    return inventory;
  },
};
