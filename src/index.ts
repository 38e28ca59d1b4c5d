// demarc as a library: the scan API, the model and the types. The CLI is a thin shell over these.
export {
  scan,
  scanPaths,
  selectScanChecks,
  ScanInputError,
  type ScanOptions,
  type ScanOutcome,
  type ScanPathsOptions,
  type ScanProgress,
  type AwsTarget,
  type CheckSelectionOptions,
  type ExitHints,
  type Problem,
  type ProblemKind,
  type BaselineReport,
} from './scan.js';
export { evaluateInventory, type EvaluateOptions } from './engine/scan.js';
export { loadPaths, type LoadOptions } from './inventory/load-paths.js';
export { failsAt, isCustomerFailure } from './engine/summary.js';
export type * from './engine/result.js';
export type { ActiveAttestation } from './engine/matrix.js';
export type { Inventory, Resource, CollectionGap, SourceProblem } from './inventory/resource.js';
export { Unknown, Reference, Redacted, type PropValue, type PropRecord } from './inventory/values.js';
export { allChecks } from './checks/index.js';
export { selectChecks } from './checks/select.js';
export { defineCheck, pass, fail, unknown, notApplicable } from './checks/define-check.js';
export type { Check, CheckDefinition, CheckContext, Evaluation } from './checks/types.js';
export * from './model/catalogue.js';
export * from './model/vocabulary.js';
export type * from './model/types.js';
export { serviceMatrix } from './model/service-matrix.js';
export { explain } from './model/explain.js';
export { renderText } from './report/text.js';
export { renderJson } from './report/json.js';
export { outputFormats, getOutputFormat } from './report/formats.js';
export { parseConfig, readConfigFile, findConfigFile } from './config/load.js';
export { applyConfig, scopeInventory, selectConfiguredChecks } from './config/apply.js';
export type { DemarcConfig, ConfigIssue } from './config/types.js';
export { evaluateFramework } from './engine/framework-status.js';
export { frameworks, getFramework } from './model/frameworks/index.js';
export { diffResults, type ResultDiff } from './baseline/diff.js';
export { applyBaseline } from './baseline/baseline.js';
