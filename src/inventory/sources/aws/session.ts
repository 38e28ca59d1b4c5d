import { setMaxListeners } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { LimitFunction } from 'p-limit';
import type { CollectionGap, Resource } from '../../resource.js';
import { Unknown } from '../../values.js';
import { ABSENT, type Absent, type Collector, type CollectorContext, type NewResource } from './collector.js';
import { AwsCallError, CollectionLimitError, httpStatusOf, operationName } from './errors.js';
import { Pacer } from './pacer.js';
import { asSdkError, SILENT_LOGGER, type ClientConstructor, type ClientSettings, type CredentialsProvider, type OutputOf, type SdkClient, type SdkCommand } from './sdk.js';

export interface CallStats {
  /** API requests sent, retries included. */
  calls: number;
  retries: number;
  failures: number;
}

export interface CallSettings {
  maxAttempts: number;
  /** The SDK retry mode (each SDK send is one attempt: demarc retries and paces itself, see `call`). */
  retryMode: 'standard' | 'adaptive';
  /** Wall-clock budget for one call, retries included. */
  callTimeoutMs: number;
  /** Budget for one HTTP attempt. */
  requestTimeoutMs: number;
  /** Pages one listing may take before it stops with a gap (default `DEFAULT_MAX_PAGES`). */
  maxPages?: number;
  /** The largest answer read, in bytes (default `DEFAULT_MAX_RESPONSE_BYTES`): a larger one is aborted and becomes a gap. */
  maxResponseBytes?: number;
}

export const DEFAULT_CALL_SETTINGS: CallSettings = { maxAttempts: 10, retryMode: 'standard', callTimeoutMs: 120_000, requestTimeoutMs: 30_000 };
/** A service that keeps handing out new continuation tokens would otherwise be paged for ever (92k requests in 120 s). */
export const DEFAULT_MAX_PAGES = 10_000;
/** 500 MB answers took 7 GB of memory once parsed; no listing page of a read-only API comes near 64 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A point in time after which no call is made: the calls not yet made become gaps with `reason`. */
export interface Deadline {
  /** Epoch milliseconds. */
  at: number;
  reason: string;
}

export interface SessionOptions {
  account: string;
  partition: string;
  credentials: CredentialsProvider;
  settings: CallSettings;
  /** Bounds the requests in flight (shared across accounts). */
  callLimit: LimitFunction;
  stats: CallStats;
  wanted: ReadonlySet<string>;
  env: Readonly<Record<string, string | undefined>>;
  /** Told about every call, for progress displays and tests (which check each command against its action). */
  onCall?: (action: string, command: string) => void;
  /** The scan's deadline and the account's share of it: calls after the earliest one become gaps. */
  deadlines?: readonly Deadline[];
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * The SDK's Node.js HTTP handler, with a cap on the answer's size: an answer whose Content-Length is over the cap is
 * aborted before its body is read, and one whose body grows past the cap (no or a false Content-Length) is aborted
 * as soon as it does. Either way the call fails with a `CollectionLimitError` (a gap), and at most the cap is held.
 */
export class CappedHttpHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly maxBytes: number,
  ) {
    super(options);
  }

  override async handle(...args: Parameters<NodeHttpHandler['handle']>): ReturnType<NodeHttpHandler['handle']> {
    const result = await super.handle(...args);
    const { response } = result;
    const body = response.body as Readable | undefined;
    const tooLarge = (size: string): CollectionLimitError => new CollectionLimitError('ResponseTooLarge', `the answer was ${size}, more than the ${megabytes(this.maxBytes)} demarc reads; it was not read`);
    const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    const declared = header === undefined ? Number.NaN : Number(header);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      body?.destroy();
      throw tooLarge(megabytes(declared));
    }
    if (body && typeof body.pipe === 'function') {
      let seen = 0;
      const maxBytes = this.maxBytes;
      const capped = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          seen += chunk.length;
          if (seen > maxBytes) {
            // Stops the download: the socket is closed, not drained.
            body.destroy();
            done(tooLarge(`over ${megabytes(maxBytes)}`));
            return;
          }
          done(null, chunk);
        },
      });
      body.on('error', (error: Error) => capped.destroy(error));
      response.body = body.pipe(capped);
    }
    return result;
  }
}

/**
 * Every page of a listing, the one place that pages: stops with a `CollectionLimitError` (an `AwsCallError`, hence a
 * gap) when the service repeats a continuation token or the listing passes `maxPages` pages. The pages read before
 * stay read.
 */
export async function* paginate<P>(
  fetch: (token: string | undefined) => Promise<P>,
  next: (page: P) => string | undefined,
  action: string,
  maxPages = DEFAULT_MAX_PAGES,
  /** The SDK operation, for the gap: read when a limit stops the listing. */
  operationOf: () => string | undefined = () => undefined,
): AsyncGenerator<P> {
  let token: string | undefined;
  const seen = new Set<string>();
  for (let count = 1; ; count += 1) {
    const page = await fetch(token);
    yield page;
    token = next(page);
    if (token === undefined || token === '') return;
    if (seen.has(token)) {
      throw new AwsCallError(action, new CollectionLimitError('RepeatedToken', `the service repeated a continuation token; the listing stopped after ${count} pages`), operationOf());
    }
    if (count >= maxPages) throw new AwsCallError(action, new CollectionLimitError('PageLimit', `listing stopped after ${count} pages`), operationOf());
    seen.add(token);
  }
}

/** What one collector run (one collector in one region) added: for per-task progress lines. */
export interface TaskTally {
  resources: number;
  gaps: number;
}

/** The gap a failed call leaves: the IAM action, and the SDK operation and HTTP status where the error carries them. */
export function gapOf(base: Omit<CollectionGap, 'reason'>, error: unknown): CollectionGap {
  const reason = error instanceof AwsCallError ? error.message : error instanceof Error ? error.message : String(error);
  const gap: CollectionGap = { ...base, reason };
  if (error instanceof AwsCallError) {
    if (error.operation !== undefined) gap.operation = error.operation;
    if (error.httpStatus !== undefined) gap.httpStatus = error.httpStatus;
  } else {
    const status = httpStatusOf(error);
    if (status !== undefined) gap.httpStatus = status;
  }
  return gap;
}

/** True when an endpoint override (`AWS_ENDPOINT_URL`, or the service's own `AWS_ENDPOINT_URL_<SERVICE>`) applies to the service. */
function endpointOverridden(env: Readonly<Record<string, string | undefined>>, serviceEnvSuffix: string): boolean {
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true') return false;
  return Boolean(env['AWS_ENDPOINT_URL']) || Boolean(env[`AWS_ENDPOINT_URL_${serviceEnvSuffix}`]);
}

/** Everything one account's collection shares: credentials, clients (one per service and region), counters. */
export class AccountSession {
  private readonly clients = new Map<string, SdkClient>();
  private readonly pacers = new Map<string, Pacer>();
  private readonly pacerOf = new WeakMap<SdkClient, Pacer>();
  readonly resources: Resource[] = [];
  readonly gaps: CollectionGap[] = [];
  /** Calls made by collectors that were answered: zero after a scan means nothing at all could be read. */
  answered = 0;
  /** Aborts at the earliest deadline: requests waiting for their pacer then leave at once. */
  private readonly deadlineSignal: AbortSignal | undefined;

  constructor(readonly options: SessionOptions) {
    const earliest = this.earliestDeadline();
    this.deadlineSignal = earliest === undefined ? undefined : AbortSignal.timeout(Math.max(1, earliest.at - Date.now()));
    // Every request waiting for its pacer listens to this one signal (and stops listening once it leaves): dozens at
    // once are expected, not a leak, so Node's warning past ten listeners would only alarm the user.
    if (this.deadlineSignal) setMaxListeners(0, this.deadlineSignal);
  }

  private earliestDeadline(): Deadline | undefined {
    let earliest: Deadline | undefined;
    for (const deadline of this.options.deadlines ?? []) if (earliest === undefined || deadline.at < earliest.at) earliest = deadline;
    return earliest;
  }

  /** The deadline that has passed, if one has. */
  private deadlinePassed(): Deadline | undefined {
    const earliest = this.earliestDeadline();
    return earliest !== undefined && Date.now() >= earliest.at ? earliest : undefined;
  }

  client<C extends SdkClient>(constructor: ClientConstructor<C>, region: string): C {
    const key = `${constructor.name}:${region}`;
    const cached = this.clients.get(key);
    if (cached instanceof constructor) return cached;
    const overridden = this.options.env['AWS_ENDPOINT_URL'] !== undefined || Object.keys(this.options.env).some((name) => name.startsWith('AWS_ENDPOINT_URL_'));
    const settings: ClientSettings = {
      region,
      credentials: this.options.credentials,
      // Retries happen in `call`, paced per service and region (see there); the SDK sends each attempt once.
      retryMode: this.options.settings.retryMode,
      maxAttempts: 1,
      requestHandler: new CappedHttpHandler(
        { requestTimeout: this.options.settings.requestTimeoutMs, connectionTimeout: Math.min(10_000, this.options.settings.requestTimeoutMs), logger: SILENT_LOGGER },
        this.options.settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      ),
      // The SDK's own log lines would land on stderr in the middle of the progress display; failures reach the report as gaps.
      logger: SILENT_LOGGER,
    };
    if (constructor.name === 'S3Client') {
      settings.followRegionRedirects = true;
      if (overridden) settings.forcePathStyle = true;
    }
    if (constructor.name === 'S3ControlClient' && endpointOverridden(this.options.env, 'S3_CONTROL')) {
      settings.disableHostPrefix = true;
      // S3 Control's endpoint rules put `{AccountId}.` in front of any endpoint, a custom one included
      // (`123456789012.127.0.0.1`), whatever disableHostPrefix says. The SDK documents a custom endpointProvider as the
      // way to override such built-in transformations: the endpoint is used exactly as given.
      settings.endpointProvider = (params) => {
        if (params.Endpoint === undefined) throw new Error('S3 Control: no endpoint URL is configured although AWS_ENDPOINT_URL is set');
        return { url: new URL(params.Endpoint) };
      };
    }
    if (constructor.name === 'TimestreamWriteClient' && endpointOverridden(this.options.env, 'TIMESTREAM_WRITE')) {
      // Endpoint discovery would ask the overriding endpoint for the account's cell and then leave for the real AWS
      // host it names; the SDK skips discovery only for an endpoint given to the client itself.
      settings.endpoint = this.options.env['AWS_ENDPOINT_URL_TIMESTREAM_WRITE'] ?? this.options.env['AWS_ENDPOINT_URL'];
    }
    const client = new constructor(settings);
    this.clients.set(key, client);
    // S3 and S3 Control share limits per bucket, not per API: one pacer per service and region is enough for all.
    const pacerKey = `${constructor.name}:${region}`;
    const pacer = this.pacers.get(pacerKey) ?? new Pacer();
    this.pacers.set(pacerKey, pacer);
    this.pacerOf.set(client, pacer);
    return client;
  }

  /**
   * Sends one command. Throttling and transient failures are retried here, not inside the SDK: a request waiting out
   * its backoff must not hold one of the in-flight slots, or a few throttled calls stall the whole scan. Each retry
   * first waits for the pacer of its service and region, which has slowed down after the throttle.
   */
  async call<C extends SdkCommand<unknown>>(client: SdkClient, action: string, command: C): Promise<OutputOf<C>> {
    const { stats, settings } = this.options;
    this.options.onCall?.(action, command.constructor.name);
    const operation = operationName(command.constructor.name);
    const pacer = this.pacerOf.get(client);
    const pastDeadline = (): AwsCallError | undefined => {
      const passed = this.deadlinePassed();
      return passed ? new AwsCallError(action, new CollectionLimitError('Deadline', passed.reason), operation) : undefined;
    };
    // The scan's deadline cuts a call short as the call's own budget does: a request in flight is aborted then.
    const deadline = Math.min(Date.now() + settings.callTimeoutMs, this.earliestDeadline()?.at ?? Number.POSITIVE_INFINITY);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const late = pastDeadline();
        if (late) throw late;
        // Wait for the pacer before taking an in-flight slot: a slowed-down region must not hold slots others could use.
        await pacer?.acquire(this.deadlineSignal);
        const output = await this.options.callLimit(async () => {
          // The slot may come after the deadline: a call not yet made is not made.
          const stillLate = pastDeadline();
          if (stillLate) throw stillLate;
          const remaining = deadline - Date.now();
          stats.calls += 1;
          return client.send(command, { abortSignal: AbortSignal.timeout(Math.max(1, Math.min(remaining, settings.requestTimeoutMs))) });
        });
        pacer?.succeeded();
        // The SDK's send resolves to the command's own output type; `SdkClient` only erases it.
        return output as OutputOf<C>;
      } catch (error) {
        if (error instanceof AwsCallError && error.limit === 'Deadline') throw error;
        const late = pastDeadline();
        if (late) {
          stats.failures += 1;
          throw late;
        }
        const failure = new AwsCallError(action, error, operation);
        if (failure.kind === 'throttled') pacer?.throttled();
        const transient = failure.kind === 'throttled' || failure.kind === 'timeout' || (failure.kind === 'error' && (asSdkError(error).$metadata?.httpStatusCode ?? 0) >= 500);
        const backoff = Math.min(5_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        if (!transient || attempt >= settings.maxAttempts || Date.now() + backoff >= deadline) {
          stats.failures += 1;
          throw failure;
        }
        stats.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  /** `tally` counts what this collector run adds (the session's own lists are shared by collectors running at once). */
  context(collector: Collector, region: string, regionGate: RegionGate, tally: TaskTally = { resources: 0, gaps: 0 }): CollectorContext {
    // The context's methods are plain functions handed to collectors; they close over the session.
    const session: AccountSession = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const { account, partition } = this.options;
    const regionOf = (resource: NewResource): string | undefined => (resource.region === null ? undefined : (resource.region ?? (collector.global ? undefined : region)));
    const context: CollectorContext = {
      account,
      partition,
      region,
      wants: (type) => this.options.wanted.has(type),
      client: (constructor, clientRegion) => session.client(constructor, clientRegion ?? region),
      call: async (client, action, command) => {
        const blocked = regionGate.blocked(region, collector.global);
        if (blocked) throw blocked;
        try {
          const output = await session.call(client, action, command);
          session.answered += 1;
          return output;
        } catch (error) {
          if (error instanceof AwsCallError && error.kind === 'region' && !collector.global) regionGate.block(region, error);
          throw error;
        }
      },
      pages(client, action, command, next) {
        let operation: string | undefined;
        const fetch = (token: string | undefined) => {
          const built = command(token);
          operation = operationName(built.constructor.name);
          return context.call(client, action, built);
        };
        return paginate(fetch, next, action, session.options.settings.maxPages ?? DEFAULT_MAX_PAGES, () => operation);
      },
      async detail(client, action, command, resourceId, absentCodes = []) {
        try {
          return await context.call(client, action, command);
        } catch (error) {
          if (!(error instanceof AwsCallError)) throw error;
          if (error.is(...absentCodes)) return ABSENT satisfies Absent;
          context.gap([], error, action, resourceId);
          return new Unknown(`${action}: ${error.message}`);
        }
      },
      async each(items, work) {
        await Promise.all(items.map((item) => work(item)));
      },
      emit(resource) {
        const entry: Resource = { id: resource.id, scope: `aws://${account}`, type: resource.type, properties: resource.properties, origin: { kind: 'aws' }, account };
        if (resource.name !== undefined) entry.name = resource.name;
        if (resource.arn !== undefined) entry.arn = resource.arn;
        const resourceRegion = regionOf(resource);
        if (resourceRegion !== undefined) entry.region = resourceRegion;
        if (resource.managedBy) entry.managedBy = resource.managedBy;
        session.resources.push(entry);
        tally.resources += 1;
      },
      gap(resourceTypes, error, call, resourceId) {
        const gap = gapOf({ resourceTypes: [...resourceTypes], account, service: collector.service, call }, error);
        if (!collector.global) gap.region = region;
        if (resourceId !== undefined) gap.resourceId = resourceId;
        session.gaps.push(gap);
        tally.gaps += 1;
      },
      arn: (service, resource, arnRegion) => `arn:${partition}:${service}:${arnRegion === null ? '' : (arnRegion ?? region)}:${account}:${resource}`,
    };
    return context;
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

/** Remembers regions found disabled, so that the remaining collectors there stop at once with the same reason. */
export class RegionGate {
  private readonly disabled = new Map<string, AwsCallError>();
  block(region: string, error: AwsCallError): void {
    if (!this.disabled.has(region)) this.disabled.set(region, error);
  }
  blocked(region: string, global: boolean): AwsCallError | undefined {
    return global ? undefined : this.disabled.get(region);
  }
}
