export { scanAws, type AwsScanOptions, type AwsScanOutcome, type AccountReport, type ScanEvent } from './scan.js';
export { scanPolicy, requiredActions, isReadOnlyAction } from './policy.js';
export { allCollectors, collectorsFor, collectableTypes } from './collectors/index.js';
export { AwsCredentialsError } from './errors.js';
export { progressReporter } from './progress.js';
export type { Collector, CollectorContext } from './collector.js';
