import type { CollectionGap, Resource } from '../../resource.js';
import type { PropRecord } from '../../values.js';
import type { Unknown } from '../../values.js';
import { AwsCallError } from './errors.js';
import type { ClientConstructor, OutputOf, SdkClient, SdkCommand } from './sdk.js';

/** A detail call whose answer means "not configured" (NoSuchBucketPolicy ...), as opposed to a failure. */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

export interface NewResource {
  type: string;
  /** The ARN, or a stable made-up one for account-level settings. */
  id: string;
  name?: string;
  arn?: string;
  /** Defaults to the collector's region; `null` for global resources. */
  region?: string | null;
  properties: PropRecord;
  managedBy?: Resource['managedBy'];
}

/** What a collector gets: one account, one region (the home region for global services). */
export interface CollectorContext {
  readonly account: string;
  readonly partition: string;
  readonly region: string;
  /** True when one of the selected checks reads this resource type. */
  wants(type: string): boolean;
  /** A client of the given SDK class for this account, in `region` (default: the context's). Shared and cached. */
  client<C extends SdkClient>(constructor: ClientConstructor<C>, region?: string): C;
  /** Sends one command, declared by the IAM action it needs. Throws an `AwsCallError` on failure. */
  call<C extends SdkCommand<unknown>>(client: SdkClient, action: string, command: C): Promise<OutputOf<C>>;
  /** Every page of a paginated call; `next` reads the continuation token from a page. */
  pages<C extends SdkCommand<unknown>>(
    client: SdkClient,
    action: string,
    command: (token: string | undefined) => C,
    next: (page: OutputOf<C>) => string | undefined,
  ): AsyncGenerator<OutputOf<C>>;
  /**
   * A per-resource detail call: its output, `ABSENT` when the error code says "not configured", or an `Unknown`
   * with the reason when the call failed (recorded as a narrow gap for that resource).
   */
  detail<C extends SdkCommand<unknown>>(
    client: SdkClient,
    action: string,
    command: C,
    resourceId: string,
    absentCodes?: readonly string[],
  ): Promise<OutputOf<C> | Absent | Unknown>;
  /** Runs `work` on every item, each as soon as the call budget allows. */
  each<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void>;
  emit(resource: NewResource): void;
  /**
   * Records that some resource types could not be collected here; with `resourceId`, a narrow gap: only that
   * resource's detail is missing (its property should then carry an `Unknown`), not the whole listing.
   */
  gap(resourceTypes: readonly string[], error: unknown, call: string, resourceId?: string): void;
  arn(service: string, resource: string, region?: string | null): string;
}

export interface Collector {
  /** The service id (from `src/model/services.ts` where one exists). */
  service: string;
  /** Every resource type this collector can produce. */
  resourceTypes: readonly string[];
  /** Every IAM action the collector may need: the `demarc policy` output is built from these. */
  calls: readonly string[];
  /** Global services are collected once per account, in the home region. */
  global: boolean;
  collect(context: CollectorContext): Promise<void>;
}

export function defineCollector(collector: Collector): Collector {
  return Object.freeze(collector);
}

export type { CollectionGap };

/**
 * Runs a listing; when a call in it fails, records a gap for `resourceTypes` (those the checks want) and goes on.
 * Errors that are not API failures (bugs) still throw.
 */
export async function listing(context: CollectorContext, resourceTypes: readonly string[], work: () => Promise<void>): Promise<void> {
  const wanted = resourceTypes.filter((type) => context.wants(type));
  if (wanted.length === 0) return;
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    context.gap(wanted, error, error.action);
  }
}
