import type { Inventory } from '../../resource.js';
import { typesToCollect } from '../../../checks/reads.js';
import { collectableTypes } from './collectors/index.js';
import { AwsCredentialsError } from './errors.js';
import { progressReporter } from './progress.js';
import { scanAws, type AwsScanOptions } from './scan.js';

/** The options `demarc scan --aws` takes. */
export interface AwsCliOptions {
  profile?: string;
  region?: string[];
  allRegions?: boolean;
  roleArn?: string[];
  orgRole?: string;
  quiet?: boolean;
}

export interface AwsCliIo {
  stderr(text: string): void;
  stderrIsTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Collects what the given checks read from the live accounts, with progress on stderr, and a one-line coverage
 * summary. Throws `AwsCredentialsError` (one clear message) when no usable credentials were found.
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
  const outcome = await scanAws({ ...scanOptions, onCall: extra.onCall });
  stats = outcome.stats;
  progress?.done();
  if (!options.quiet) {
    const gaps = outcome.inventory.gaps.filter((gap) => gap.resourceId === undefined);
    const narrow = outcome.inventory.gaps.length - gaps.length;
    io.stderr(
      `demarc: collected ${outcome.inventory.resources.length} resources from ${outcome.accounts.length} account(s); ${gaps.length} collection gap(s)${narrow > 0 ? `, ${narrow} resource detail(s) unread` : ''}\n`,
    );
    for (const gap of gaps.slice(0, 10)) {
      io.stderr(`demarc: gap: ${[gap.account, gap.region].filter(Boolean).join('/')} ${gap.call ?? gap.service ?? ''}: ${gap.reason}\n`);
    }
    if (gaps.length > 10) io.stderr(`demarc: ... and ${gaps.length - 10} more gaps (see the JSON output's coverage.gaps)\n`);
  }
  return outcome.inventory;
}
