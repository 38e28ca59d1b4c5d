/**
 * The small part of the AWS SDK for JavaScript v3 that the collectors rely on, typed structurally so that this
 * module imports no SDK package at run time (a type only): clients are loaded lazily, per service, by the collectors that need them.
 */

import type { NodeHttpHandler } from '@smithy/node-http-handler';

/** An SDK v3 command; the output type is read from its middleware handler, as the SDK itself does. */
export interface SdkCommand<Output> {
  readonly input: object;
  resolveMiddleware(stack: never, configuration: never, options: never): (args: never) => Promise<{ output: Output }>;
}

export type OutputOf<C> = C extends SdkCommand<infer Output> ? Output : never;

export interface SendOptions {
  abortSignal?: AbortSignal;
}

/** An SDK v3 client: `send` is a method so that every generated client (with its overloads) fits. */
export interface SdkClient {
  send(command: SdkCommand<unknown>, options?: SendOptions): Promise<unknown>;
  destroy(): void;
}

export type CredentialsProvider = () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;

/** The SDK's logger interface (`@smithy/types` Logger), structurally. */
export interface SdkLogger {
  trace?(...content: unknown[]): void;
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

const discard = (): void => undefined;
/** A logger that drops everything: the SDK must never write to stderr on its own (failures reach the report as gaps). */
export const SILENT_LOGGER: SdkLogger = Object.freeze({ trace: discard, debug: discard, info: discard, warn: discard, error: discard });

/** The configuration demarc gives every client it creates. */
export interface ClientSettings {
  region: string;
  credentials: CredentialsProvider;
  retryMode: 'adaptive' | 'standard';
  maxAttempts: number;
  /** The handler's options, or a handler (`CappedHttpHandler`: the SDK's Node.js handler with a cap on the answer's size). */
  requestHandler: { requestTimeout: number; connectionTimeout: number; logger?: SdkLogger } | NodeHttpHandler;
  logger?: SdkLogger;
  /** S3 Control only, with an endpoint override: resolves every request to the configured endpoint as given. */
  endpointProvider?: (params: { Endpoint?: string }) => { url: URL };
  /** S3 only: path-style addressing when an endpoint override is in use (`AWS_ENDPOINT_URL`). */
  forcePathStyle?: boolean;
  followRegionRedirects?: boolean;
  /** S3 Control only: no `{AccountId}.` host prefix when an endpoint override is in use. */
  disableHostPrefix?: boolean;
  /** Timestream Write only, with an endpoint override: the endpoint as configured, which turns endpoint discovery off. */
  endpoint?: string;
}

export type ClientConstructor<C extends SdkClient> = new (settings: ClientSettings) => C;

/** SDK errors carry their code as `name` and HTTP metadata; this is what we read from them. */
export interface SdkErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number; totalRetryDelay?: number };
  $retryable?: unknown;
}

export function asSdkError(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : { message: String(error) };
}
