import type { CollectionGap, Inventory } from '../../resource.js';
import { typesToCollect } from '../../../checks/reads.js';
import { collectableTypes } from './collectors/index.js';
import { AwsCredentialsError, AwsNothingReadError, shortMessage } from './errors.js';
import { progressReporter } from './progress.js';
import { scanAws, type AwsScanOptions } from './scan.js';

/** The options `demarc scan --aws` takes. */
export interface AwsCliOptions {
  profile?: string;
  region?: string[];
  allRegions?: boolean;
  roleArn?: string[];
  orgRole?: string;
  /** The scan's deadline (`90s`, `10m`); default 30m. */
  timeout?: string;
  quiet?: boolean;
}

export interface AwsCliIo {
  stderr(text: string): void;
  stderrIsTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * One line for a collection gap: where, which service and operation (several operations share one IAM action, such
 * as `apigateway:GET`), the HTTP status, the resource when the gap is that narrow, and the reason in short:
 * `123456789012/us-east-1 s3 GetBucketPolicy (403) arn:aws:s3:::b: access denied (AccessDenied)`.
 */
export function gapLine(gap: CollectionGap): string {
  const scope = [gap.account, gap.region].filter(Boolean).join('/');
  const [prefix, action] = gap.call === undefined ? [undefined, undefined] : gap.call.split(':', 2);
  const service = prefix ?? gap.service;
  // Without the SDK's operation (a failure that was no API answer), the IAM action names the call, unless it is a verb.
  const operation = gap.operation ?? (action !== undefined && /^[A-Z][a-z]/.test(action) ? action : gap.call);
  const status = gap.httpStatus !== undefined ? ` (${gap.httpStatus})` : '';
  const head = [scope, service, operation === service ? undefined : operation].filter(Boolean).join(' ');
  const resource = gap.resourceId !== undefined ? ` ${gap.resourceId}` : '';
  return `${head}${status}${resource}: ${shortMessage(gap.reason, 240) || 'failed'}`;
}

/**
 * Collects what the given checks read from the live accounts, with progress on stderr, and a one-line coverage
 * summary. Throws `AwsCredentialsError` (one clear message) when no usable credentials were found, and
 * `AwsNothingReadError` when every call the collectors made was denied or failed (the CLI exits 2 for both).
 */
export async function collectForChecks(
  checks: ReadonlyArray<{ resourceTypes: readonly string[]; reads?: readonly string[] }>,
  options: AwsCliOptions,
  io: AwsCliIo,
  extra: Partial<AwsScanOptions> = {},
): Promise<Inventory> {
  if (options.allRegions && options.region && options.region.length > 0) throw new AwsCredentialsError('give either --region or --all-regions, not both');
  const collectable = collectableTypes();
  // The closure of what the checks judge and look up: selecting one check collects everything it needs.
  const resourceTypes = typesToCollect(checks).filter((type) => collectable.has(type));
  let stats = { calls: 0, retries: 0, failures: 0 };
  const progress = options.quiet ? undefined : progressReporter({ write: (text) => io.stderr(text), tty: io.stderrIsTty, stats: () => stats });
  const scanOptions: AwsScanOptions = {
    resourceTypes,
    env: io.env,
    onEvent: (event) => progress?.onEvent(event),
    ...extra,
  };
  if (options.profile !== undefined) scanOptions.profile = options.profile;
  if (options.region && options.region.length > 0) scanOptions.regions = options.region;
  if (options.allRegions) scanOptions.allRegions = true;
  if (options.roleArn && options.roleArn.length > 0) scanOptions.roleArns = options.roleArn;
  if (options.orgRole !== undefined) scanOptions.orgRole = options.orgRole;
  if (options.timeout !== undefined) scanOptions.timeout = options.timeout;
  const outcome = await scanAws({ ...scanOptions, onCall: extra.onCall });
  stats = outcome.stats;
  progress?.done();
  if (!options.quiet) {
    const gaps = outcome.inventory.gaps.filter((gap) => gap.resourceId === undefined);
    const narrow = outcome.inventory.gaps.filter((gap) => gap.resourceId !== undefined);
    io.stderr(
      `demarc: collected ${outcome.inventory.resources.length} resources from ${outcome.accounts.length} account(s); ${gaps.length} collection gap(s)${narrow.length > 0 ? `, ${narrow.length} resource detail(s) unread` : ''}\n`,
    );
    // Whole listings first: they hide more than one resource's detail does.
    const lines = [...new Set([...gaps, ...narrow].map(gapLine))];
    for (const line of lines.slice(0, 10)) io.stderr(`demarc: gap: ${line}\n`);
    if (lines.length > 10) io.stderr(`demarc: ... and ${lines.length - 10} more gaps (see the JSON output's coverage.gaps)\n`);
  }
  const nothingRead = outcome.accounts.length > 0 && outcome.inventory.gaps.length > 0 && outcome.accounts.every((account) => account.answered === 0);
  if (nothingRead) {
    const first = outcome.inventory.gaps[0];
    throw new AwsNothingReadError(
      `nothing could be read: every call the scan made was denied or failed (${outcome.inventory.gaps.length} gap(s)${first ? `, first: ${gapLine(first)}` : ''}), so no check can be judged. Run \`demarc policy\` for the read-only IAM policy the scan needs, attach it to the principal, and try again.`,
    );
  }
  return outcome.inventory;
}
