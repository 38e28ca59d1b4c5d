import type { CollectionGap, Inventory, Resource, SourceProblem, SourceSummary } from '../../resource.js';
import type { FileSource, LoadedFile } from '../file-source.js';
import { isConfigFile, isVariablesFile, readConfiguration } from './config.js';
import { convertResources } from './convert.js';
import { describeJsonError } from './json-error.js';
import { describeFailure } from './limits.js';
import type { TerraformResource } from './model.js';
import { readPlanDocument } from './plan.js';
import { readStateDocument } from './state.js';

const PLAN_MARKERS = /"(format_version|terraform_version|planned_values|resource_changes)"\s*:/;
const STATE_MARKERS = /"version"\s*:\s*4\b[\s\S]*"(terraform_version|lineage|serial)"\s*:|"(terraform_version|lineage|serial)"\s*:[\s\S]*"version"\s*:\s*4\b/;

type JsonFileResult = { items: TerraformResource[]; problems: SourceProblem[]; kind: SourceSummary['kind'] };

function readJsonFile(file: LoadedFile): JsonFileResult {
  let document: unknown;
  try {
    document = JSON.parse(file.text);
  } catch {
    // The engine's message quotes the text around the error, which can be a secret of the plan: only the position
    // (line and column, found by reading the text again) and what was expected there are reported.
    const { line, message } = describeJsonError(file.text);
    return { items: [], problems: [{ file: file.path, ...(line === undefined ? {} : { line }), message, fatal: true }], kind: 'terraform-plan' };
  }
  // Plans run to hundreds of megabytes and nothing reads the text again: released here, so that the text, the parsed
  // document and the resources made from it are not all in memory at once.
  file.text = '';
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { items: [], problems: [{ file: file.path, message: 'not a Terraform plan or state: the document is not an object', fatal: true }], kind: 'terraform-plan' };
  }
  const record: Record<string, unknown> = {};
  Object.assign(record, document);
  if ('format_version' in record) return readPlanDocument(file.path, record);
  if ('version' in record && ('resources' in record || 'lineage' in record || 'terraform_version' in record)) return readStateDocument(file.path, record);
  return { items: [], problems: [{ file: file.path, message: 'not a Terraform plan (no format_version) or state (no version)', fatal: true }], kind: 'terraform-plan' };
}

/** One plan or state file, read on its own: whatever goes wrong in it is a problem of that file only. */
function readJsonFileAlone(file: LoadedFile): JsonFileResult {
  const stateLike = /"lineage"\s*:/.test(file.text.slice(0, 4096));
  try {
    return readJsonFile(file);
  } catch (error) {
    const kind: SourceSummary['kind'] = stateLike ? 'terraform-state' : 'terraform-plan';
    return { items: [], problems: [{ file: file.path, message: `the file could not be read: ${describeFailure(error)}`, fatal: true }], kind };
  }
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
    const gaps: CollectionGap[] = [];
    const kinds = new Map<string, SourceSummary['kind']>();
    const config: LoadedFile[] = [];
    for (const file of files) {
      const lower = file.path.toLowerCase();
      if (isConfigFile(lower) || isVariablesFile(lower)) {
        config.push(file);
        continue;
      }
      const result = readJsonFileAlone(file);
      // Loops, not push(...list): a spread passes every item as an argument, and 150,000 of them overflow the stack.
      for (const item of result.items) items.push(item);
      for (const problem of result.problems) problems.push(problem);
      kinds.set(file.path, result.kind);
    }
    if (config.length > 0) {
      const result = await readConfiguration(config);
      for (const item of result.items) items.push(item);
      for (const problem of result.problems) problems.push(problem);
      for (const gap of result.gaps) gaps.push(gap);
      for (const file of config) if (isConfigFile(file.path.toLowerCase())) kinds.set(file.path, 'terraform-config');
    }
    const conversion = convertResources(items);
    for (const problem of conversion.problems) problems.push(problem);
    const counts = countByFile(conversion.resources);
    const fatalFiles = new Set(problems.filter((problem) => problem.fatal).map((problem) => problem.file));
    const sources: SourceSummary[] = [];
    for (const [file, kind] of kinds) if (!fatalFiles.has(file)) sources.push({ file, kind, resources: counts.get(file) ?? 0 });
    const inventory: Inventory = { resources: conversion.resources, gaps, problems, sources };
    return inventory;
  },
};
