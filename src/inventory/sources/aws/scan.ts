import pLimit from 'p-limit';
import { redactInventory } from '../../redact.js';
import type { CollectionGap, Inventory, Resource, SourceSummary } from '../../resource.js';
import type { Collector } from './collector.js';
import { allCollectors, collectorsFor } from './collectors/index.js';
import { AwsCallError, AwsCredentialsError, credentialsAdvice } from './errors.js';
import { AccountSession, DEFAULT_CALL_SETTINGS, DEFAULT_MAX_PAGES, gapOf, paginate, RegionGate, type CallSettings, type CallStats, type Deadline, type TaskTally } from './session.js';
import type { CredentialsProvider } from './sdk.js';

export interface AwsScanOptions {
  /** The resource types the selected checks read; only the collectors producing them run. */
  resourceTypes: readonly string[];
  profile?: string;
  regions?: readonly string[];
  allRegions?: boolean;
  roleArns?: readonly string[];
  orgRole?: string;
  /** Requests in flight at once, across accounts, regions and services. */
  concurrency?: number;
  /** Collectors running at once (each one's calls also share the request budget). */
  collectorConcurrency?: number;
  settings?: Partial<CallSettings>;
  env?: Readonly<Record<string, string | undefined>>;
  /** Replaces the standard credential chain (tests). */
  credentials?: CredentialsProvider;
  collectors?: readonly Collector[];
  /** Replaces STS AssumeRole credentials for `roleArns` (tests). */
  assumeRole?: (roleArn: string, base: CredentialsProvider) => CredentialsProvider;
  onEvent?: (event: ScanEvent) => void;
  onCall?: (action: string, command: string) => void;
  /**
   * The scan's deadline: a duration (`90s`, `10m`, `1h`) or milliseconds; default 30 minutes. Calls not made by then
   * become gaps and the scan ends with what it read. Each account gets a share of what is left when it starts.
   */
  timeout?: string | number | undefined;
}

export const DEFAULT_TIMEOUT = '30m';
/** Accounts scanned at once. */
const ACCOUNTS_AT_ONCE = 4;

/** `90s`, `10m`, `1h30m`, `500ms` → milliseconds; a bare number is seconds. Throws `AwsCredentialsError` (exit 2) otherwise. */
export function durationMs(text: string | number): number {
  if (typeof text === 'number') {
    if (Number.isFinite(text) && text > 0) return text;
    throw new AwsCredentialsError(`invalid timeout ${text}: give a positive duration`);
  }
  const trimmed = text.trim();
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  if (/^\d+(\.\d+)?$/.test(trimmed)) total = Number(trimmed) * 1000;
  else if (/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed)) {
    for (const [, amount, , unit] of trimmed.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * (units[unit ?? 's'] ?? 1000);
  } else total = Number.NaN;
  if (!Number.isFinite(total) || total <= 0) throw new AwsCredentialsError(`invalid --timeout "${text}": give a duration such as 90s, 10m or 1h`);
  return Math.round(total);
}

/** Milliseconds as people write them: `90s`, `10m`, `1h30m`, `2m30s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  let seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (hours === 0 && minutes === 0) return `${seconds}s`;
  if (hours === 0 && minutes === 1 && seconds > 0) return `${60 + seconds}s`;
  return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds ? `${seconds}s` : ''].join('');
}

export type ScanEvent =
  | { kind: 'identity'; account: string; principal: string }
  | { kind: 'account'; account: string; principal?: string; regions: readonly string[]; collectors: number }
  | { kind: 'collected'; account: string; region: string; service: string; resources: number; gaps: number }
  | { kind: 'account-failed'; account: string; reason: string };

export interface AccountReport {
  account: string;
  principal?: string;
  regions: string[];
  resources: number;
  gaps: number;
  /** Calls of the collectors that were answered: zero means nothing at all could be read in the account. */
  answered: number;
  /** Set when the account could not be scanned at all (the role could not be assumed ...). */
  error?: string;
}

export interface AwsScanOutcome {
  inventory: Inventory;
  accounts: AccountReport[];
  stats: CallStats;
}

interface Target {
  account: string;
  principal?: string;
  credentials: CredentialsProvider;
  error?: string;
}

const DEFAULT_REGION = 'us-east-1';

/** Reads live AWS accounts into one inventory: every account and region, every collector the checks need. */
export async function scanAws(options: AwsScanOptions): Promise<AwsScanOutcome> {
  const env = options.env ?? process.env;
  const settings: CallSettings = { ...DEFAULT_CALL_SETTINGS, ...options.settings };
  const timeoutMs = durationMs(options.timeout ?? DEFAULT_TIMEOUT);
  const scanDeadline: Deadline = { at: Date.now() + timeoutMs, reason: `the scan's deadline of ${formatDuration(timeoutMs)} was reached` };
  const stats: CallStats = { calls: 0, retries: 0, failures: 0 };
  const callLimit = pLimit(options.concurrency ?? 32);
  const wanted = new Set(options.resourceTypes);
  const collectors = collectorsFor(wanted, options.collectors ?? allCollectors);
  const credentials = options.credentials ?? (await standardCredentials(options.profile));
  const home = options.regions?.[0] ?? (await defaultRegion(options.profile, env));

  const sessionFor = (account: string, partition: string, accountCredentials: CredentialsProvider, deadlines: readonly Deadline[] = [scanDeadline]): AccountSession =>
    new AccountSession({ account, partition, credentials: accountCredentials, settings, callLimit, stats, wanted, env, onCall: options.onCall, deadlines });

  const base = await identify(sessionFor('unknown', 'aws', credentials), home, options.profile, true);
  options.onEvent?.({ kind: 'identity', account: base.account, principal: base.principal });
  const partition = base.partition;
  const targetGaps: CollectionGap[] = [];
  const targets = await targetsOf(options, { account: base.account, principal: base.principal, credentials }, (account, creds) => sessionFor(account, partition, creds), home, partition, targetGaps);

  const accountLimit = pLimit(ACCOUNTS_AT_ONCE);
  let accountsStarted = 0;
  /**
   * Each account gets an equal share of the time left when it starts, counting the accounts still to come in waves of
   * `ACCOUNTS_AT_ONCE`: one slow account cannot take the time of those after it. Time an account leaves unused goes
   * to the later ones.
   */
  const accountDeadlines = (): Deadline[] => {
    const waves = Math.ceil((targets.length - accountsStarted) / ACCOUNTS_AT_ONCE);
    accountsStarted += 1;
    if (waves <= 1) return [scanDeadline];
    const share = Math.max(0, Math.floor((scanDeadline.at - Date.now()) / waves));
    return [scanDeadline, { at: Date.now() + share, reason: `the account's share (${formatDuration(share)}) of the scan's deadline of ${formatDuration(timeoutMs)} was reached` }];
  };
  const taskLimit = pLimit(options.collectorConcurrency ?? 16);
  const parts = await Promise.all(
    targets.map((target) =>
      accountLimit(async () => {
        if (target.error !== undefined) {
          options.onEvent?.({ kind: 'account-failed', account: target.account, reason: target.error });
          const gap: CollectionGap = { resourceTypes: [...wanted], reason: target.error, account: target.account };
          return { resources: [] as Resource[], gaps: [gap], report: { account: target.account, regions: [], resources: 0, gaps: 1, answered: 0, error: target.error } };
        }
        const session = sessionFor(target.account, partition, target.credentials, accountDeadlines());
        try {
          const regions = await regionsOf(session, options, home);
          options.onEvent?.({ kind: 'account', account: target.account, principal: target.principal, regions, collectors: collectors.length });
          const gate = new RegionGate();
          const tasks = collectors.flatMap((collector) => (collector.global ? [{ collector, region: home }] : regions.map((region) => ({ collector, region }))));
          await Promise.all(
            tasks.map(({ collector, region }) =>
              taskLimit(async () => {
                // Counted per task: collectors run at once, so differences of the session's totals mix their work.
                const tally: TaskTally = { resources: 0, gaps: 0 };
                const context = session.context(collector, region, gate, tally);
                try {
                  await collector.collect(context);
                } catch (error) {
                  // A collector bug or an unexpected answer must not end the scan: it becomes a gap like any other.
                  const reason = error instanceof Error ? `the ${collector.service} collector failed: ${error.message}` : String(error);
                  context.gap(collector.resourceTypes.filter((type) => wanted.has(type)), error instanceof AwsCallError ? error : new Error(reason), error instanceof AwsCallError ? error.action : `${collector.service}:*`);
                }
                options.onEvent?.({
                  kind: 'collected',
                  account: target.account,
                  region: collector.global ? 'global' : region,
                  service: collector.service,
                  resources: tally.resources,
                  gaps: tally.gaps,
                });
              }),
            ),
          );
          const report: AccountReport = { account: target.account, regions, resources: session.resources.length, gaps: session.gaps.length, answered: session.answered };
          if (target.principal !== undefined) report.principal = target.principal;
          return { resources: session.resources, gaps: session.gaps, report };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          options.onEvent?.({ kind: 'account-failed', account: target.account, reason });
          // A failed call (ec2:DescribeRegions ...) keeps its action, operation and status in the gap.
          const gap = gapOf(error instanceof AwsCallError ? { resourceTypes: [...wanted], account: target.account, call: error.action } : { resourceTypes: [...wanted], account: target.account }, error);
          return { resources: [] as Resource[], gaps: [gap], report: { account: target.account, regions: [], resources: 0, gaps: 1, answered: 0, error: reason } };
        } finally {
          session.destroy();
        }
      }),
    ),
  );

  const sources: SourceSummary[] = parts.map((part) => ({ file: `aws://${part.report.account}`, kind: 'aws', resources: part.resources.length }));
  const inventory: Inventory = redactInventory({ resources: parts.flatMap((part) => part.resources), gaps: [...targetGaps, ...parts.flatMap((part) => part.gaps)], problems: [], sources });
  return { inventory, accounts: parts.map((part) => part.report), stats };
}

async function standardCredentials(profile: string | undefined): Promise<CredentialsProvider> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain(profile === undefined ? {} : { profile });
}

/** The region the user's configuration names (AWS_REGION, the profile's region), else us-east-1. */
async function defaultRegion(profile: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const fromEnv = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  if (fromEnv) return fromEnv;
  try {
    const { STSClient } = await import('@aws-sdk/client-sts');
    const client = new STSClient(profile === undefined ? {} : { profile });
    const region = await client.config.region();
    client.destroy();
    return region || DEFAULT_REGION;
  } catch {
    return DEFAULT_REGION;
  }
}

interface Identity {
  account: string;
  principal: string;
  partition: string;
}

async function identify(session: AccountSession, region: string, profile: string | undefined, fatal: true): Promise<Identity>;
async function identify(session: AccountSession, region: string, profile: string | undefined, fatal: false): Promise<Identity | AwsCallError>;
async function identify(session: AccountSession, region: string, profile: string | undefined, fatal: boolean): Promise<Identity | AwsCallError> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  try {
    const output = await session.call(session.client(STSClient, region), 'sts:GetCallerIdentity', new GetCallerIdentityCommand({}));
    const principal = output.Arn ?? 'unknown';
    return { account: output.Account ?? 'unknown', principal, partition: principal.split(':')[1] ?? 'aws' };
  } catch (error) {
    if (!fatal && error instanceof AwsCallError) return error;
    // A server error says nothing about the credentials: STS could not answer (503 Service Unavailable ...).
    if (error instanceof AwsCallError && error.httpStatus !== undefined && error.httpStatus >= 500) {
      const what = error.httpStatus === 503 ? 'service unavailable' : 'a server error';
      const code = ['Unknown', 'UnknownError', 'Error'].includes(error.code) ? '' : `, ${error.code}`;
      throw new AwsCredentialsError(
        `AWS STS in ${region} answered HTTP ${error.httpStatus} (${what}${code}), so the credentials could not be confirmed; this is not a credentials problem. Try again later, or check AWS_ENDPOINT_URL and --region.`,
      );
    }
    if (error instanceof AwsCallError && (error.kind === 'timeout' || error.kind === 'unavailable' || error.kind === 'throttled')) {
      throw new AwsCredentialsError(`cannot reach AWS STS in ${region} to confirm the credentials: ${error.message}. Check the network, AWS_ENDPOINT_URL and --region.`);
    }
    throw new AwsCredentialsError(credentialsAdvice(profile, error));
  } finally {
    session.destroy();
  }
}

async function targetsOf(
  options: AwsScanOptions,
  base: Target,
  sessionFor: (account: string, credentials: CredentialsProvider) => AccountSession,
  home: string,
  partition: string,
  gaps: CollectionGap[],
): Promise<Target[]> {
  const roleArns = [...(options.roleArns ?? [])];
  if (options.orgRole !== undefined) {
    const { OrganizationsClient, ListAccountsCommand } = await import('@aws-sdk/client-organizations');
    const session = sessionFor(base.account, base.credentials);
    const organizations = session.client(OrganizationsClient, partition === 'aws' ? 'us-east-1' : home);
    const accounts: string[] = [];
    const action = 'organizations:ListAccounts';
    try {
      const listing = paginate(
        (token) => session.call(organizations, action, new ListAccountsCommand({ NextToken: token })),
        (page) => page.NextToken,
        action,
        options.settings?.maxPages ?? DEFAULT_MAX_PAGES,
        () => 'ListAccounts',
      );
      for await (const page of listing) {
        for (const account of page.Accounts ?? []) {
          const active = (account.State ?? account.Status) === 'ACTIVE';
          if (account.Id && active) accounts.push(account.Id);
        }
      }
    } catch (error) {
      if (error instanceof AwsCallError && error.limit !== undefined) {
        // A listing stopped by a limit (a repeated token, the page cap, the deadline): the accounts read so far are
        // scanned, and the rest of the organization is a gap.
        const gap = gapOf({ resourceTypes: [...options.resourceTypes], account: base.account, service: 'organizations', call: action }, error);
        gap.reason = `${gap.reason}; accounts listed after that were not scanned`;
        gaps.push(gap);
      } else {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AwsCredentialsError(`--org-role needs organizations:ListAccounts from the management or a delegated administrator account: ${reason}`);
      }
    } finally {
      session.destroy();
    }
    for (const account of accounts) if (account !== base.account) roleArns.push(`arn:${partition}:iam::${account}:role/${options.orgRole}`);
    if (!accounts.includes(base.account)) return await assumeAll(roleArns, base, sessionFor, home, options);
    return [base, ...(await assumeAll(roleArns, base, sessionFor, home, options))];
  }
  if (roleArns.length === 0) return [base];
  return assumeAll(roleArns, base, sessionFor, home, options);
}

async function assumeAll(
  roleArns: readonly string[],
  base: Target,
  sessionFor: (account: string, credentials: CredentialsProvider) => AccountSession,
  home: string,
  options: AwsScanOptions,
): Promise<Target[]> {
  const { fromTemporaryCredentials } = await import('@aws-sdk/credential-providers');
  const limit = pLimit(4);
  return Promise.all(
    [...new Set(roleArns)].map((roleArn) =>
      limit(async () => {
        const account = roleArn.split(':')[4] ?? roleArn;
        const credentials: CredentialsProvider = options.assumeRole?.(roleArn, base.credentials) ?? fromTemporaryCredentials({
          masterCredentials: base.credentials,
          params: { RoleArn: roleArn, RoleSessionName: 'demarc-scan', DurationSeconds: 3600 },
          clientConfig: { region: home },
        });
        const identity = await identify(sessionFor(account, credentials), home, options.profile, false);
        if (identity instanceof AwsCallError) return { account, credentials, error: `cannot assume ${roleArn}: ${identity.message}` };
        return { account: identity.account, principal: identity.principal, credentials };
      }),
    ),
  );
}

async function regionsOf(session: AccountSession, options: AwsScanOptions, home: string): Promise<string[]> {
  if (options.regions && options.regions.length > 0) return [...new Set(options.regions)];
  if (!options.allRegions) return [home];
  const { EC2Client, DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
  const output = await session.call(session.client(EC2Client, home), 'ec2:DescribeRegions', new DescribeRegionsCommand({ AllRegions: false }));
  const regions = (output.Regions ?? [])
    .filter((region) => region.OptInStatus === undefined || region.OptInStatus === 'opt-in-not-required' || region.OptInStatus === 'opted-in')
    .flatMap((region) => (region.RegionName ? [region.RegionName] : []))
    .sort();
  return regions.length > 0 ? regions : [home];
}
