import { asSdkError } from './sdk.js';

/** What kind of failure an API call met; each kind becomes a gap with a reason people can act on. */
export type FailureKind = 'denied' | 'region' | 'unavailable' | 'throttled' | 'timeout' | 'credentials' | 'not-found' | 'error';

const DENIED = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AuthorizationErrorException',
  'Forbidden', 'UnauthorizedException', 'AccessDeniedForDependencyException', 'InsufficientPrivilegesException',
]);
const REGION = new Set(['OptInRequired', 'UnrecognizedClientException', 'AuthFailure', 'InvalidClientTokenId']);
const UNAVAILABLE = new Set([
  'UnknownEndpoint', 'InvalidAction', 'UnsupportedOperation', 'UnsupportedOperationException', 'SubscriptionRequiredException',
  'ServiceUnavailable', 'ServiceUnavailableException', 'EndpointConnectionError', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED',
  'AWSOrganizationsNotInUseException',
]);
const THROTTLED = new Set([
  'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown',
  'RequestThrottled', 'RequestThrottledException', 'ProvisionedThroughputExceededException', 'LimitExceededException',
  'EC2ThrottledException', 'BandwidthLimitExceeded', 'PriorRequestNotComplete',
]);
const TIMEOUT = new Set(['AbortError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ECONNRESET']);
const CREDENTIALS = new Set([
  'ExpiredToken', 'ExpiredTokenException', 'CredentialsProviderError', 'InvalidAccessKeyId', 'SignatureDoesNotMatch',
  'TokenRefreshRequired', 'InvalidGrantException', 'UnauthorizedClientException', 'InvalidSignatureException',
]);

export function errorCode(error: unknown): string {
  const shape = asSdkError(error);
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? asSdkError(error.cause) : undefined;
  return (shape.name && shape.name !== 'Error' ? shape.name : undefined) ?? shape.Code ?? shape.code ?? cause?.code ?? cause?.name ?? 'Error';
}

export function classify(error: unknown): FailureKind {
  const code = errorCode(error);
  const wire = asSdkError(error).Code;
  if (wire !== undefined && wire !== code) {
    const byWire = classify({ name: wire });
    if (byWire !== 'error' && byWire !== 'not-found') return byWire;
  }
  if (CREDENTIALS.has(code)) return 'credentials';
  if (DENIED.has(code)) return 'denied';
  if (REGION.has(code)) return 'region';
  if (THROTTLED.has(code)) return 'throttled';
  if (TIMEOUT.has(code)) return 'timeout';
  if (UNAVAILABLE.has(code)) return 'unavailable';
  if (/NotFound|NoSuch/.test(code)) return 'not-found';
  const status = asSdkError(error).$metadata?.httpStatusCode;
  if (status === 403) return 'denied';
  if (status === 429) return 'throttled';
  return 'error';
}

const KIND_TEXT: Record<FailureKind, string> = {
  denied: 'access denied',
  region: 'the region is not enabled for this account',
  unavailable: 'the service is not available here',
  throttled: 'throttled by AWS beyond the retries',
  timeout: 'timed out',
  credentials: 'the credentials were refused or have expired',
  'not-found': 'not found',
  error: 'failed',
};

/** The HTTP status of a failed call's answer, when one came back. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = asSdkError(error).$metadata?.httpStatusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/**
 * One line of an error's message fit for a report: the SDK appends hints about its own internals to some messages
 * ("inspect the hidden field {error}.$response"), and services may answer with long or multi-line text.
 */
export function shortMessage(message: string, limit = 160): string {
  const line = (message.split('\n').find((part) => part.trim() !== '' && !/^\s*Deserialization error:/.test(part)) ?? '').trim();
  const cleaned = line.replace(/\s*Deserialization error: to see the raw response.*$/, '').trim();
  return cleaned.length > limit ? `${cleaned.slice(0, limit - 3)}...` : cleaned;
}

/** `GetRestApisCommand` → `GetRestApis`: the operation's name as the SDK and the API reference spell it. */
export function operationName(commandName: string | undefined): string | undefined {
  if (commandName === undefined || commandName === '' || commandName === 'Object') return undefined;
  return commandName.endsWith('Command') ? commandName.slice(0, -'Command'.length) : commandName;
}

/**
 * A limit of demarc's own stopped a call or a listing (a listing that never ended, an answer too large, the scan's
 * deadline): its message is the gap's reason as it stands, and it is never retried.
 */
export class CollectionLimitError extends Error {
  constructor(
    /** `PageLimit`, `RepeatedToken`, `ResponseTooLarge`, `Deadline`. */
    readonly limit: 'PageLimit' | 'RepeatedToken' | 'ResponseTooLarge' | 'Deadline',
    message: string,
  ) {
    super(message);
    this.name = limit;
  }
}

/** The limit error in an SDK failure: the SDK passes stream errors on, sometimes with a hint appended to the message. */
function limitOf(error: unknown): CollectionLimitError | undefined {
  if (error instanceof CollectionLimitError) return error;
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return cause instanceof CollectionLimitError ? cause : undefined;
}

/** An API call that failed, with the IAM action it needed and a reason fit for a report. */
export class AwsCallError extends Error {
  readonly kind: FailureKind;
  readonly code: string;
  /** The error's names: the SDK's exception name and the wire code, which may differ (`NoSuchEntityException`, `NoSuchEntity`). */
  readonly codes: readonly string[];
  /** The service's own message (never printed whole: it may be long). */
  readonly serviceMessage: string;
  /** The HTTP status of the answer, when there was one. */
  readonly httpStatus: number | undefined;
  constructor(
    readonly action: string,
    cause: unknown,
    /** The SDK operation (`GetRestApis`), when known: several operations may share one IAM action. */
    readonly operation?: string,
  ) {
    const limit = limitOf(cause);
    const kind = limit ? 'error' : classify(cause);
    const code = limit ? limit.limit : errorCode(cause);
    const said = shortMessage(asSdkError(cause).message ?? '');
    // An answer the SDK could not parse carries no service code: say so rather than echo the parser's complaint.
    const unreadable = /Deserialization error/.test(asSdkError(cause).message ?? '');
    const what = unreadable ? `the answer could not be read${said ? `: ${said}` : ''}` : said || 'no message';
    // `Error` names nothing: the SDK's generic name for a failure without a service code.
    const detail = kind === 'error' ? (code === 'Error' ? what : `${code}: ${what}`) : code;
    super(limit ? limit.message : `${KIND_TEXT[kind]} (${detail})`);
    this.name = 'AwsCallError';
    this.kind = kind;
    this.code = code;
    const wire = asSdkError(cause).Code;
    this.serviceMessage = asSdkError(cause).message ?? '';
    this.codes = wire !== undefined && wire !== code ? [code, wire] : [code];
    this.httpStatus = httpStatusOf(cause);
    this.limit = limit?.limit;
  }

  /** Set when one of demarc's own limits stopped the call (see `CollectionLimitError`). */
  readonly limit: CollectionLimitError['limit'] | undefined;

  is(...codes: readonly string[]): boolean {
    return this.codes.some((code) => codes.includes(code));
  }
}

/** The scan cannot start: no usable credentials. The CLI prints the message and exits 2. */
export class AwsCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsCredentialsError';
  }
}

/** The scan ran, but every call it made was denied or failed: nothing was read, so no check can be judged (exit 2). */
export class AwsNothingReadError extends AwsCredentialsError {
  constructor(message: string) {
    super(message);
    this.name = 'AwsNothingReadError';
  }
}

export function credentialsAdvice(profile: string | undefined, cause: unknown): string {
  const code = cause instanceof AwsCallError ? cause.code : errorCode(cause);
  // The SDK's own words say which provider failed and why; our wrapper's message would only repeat the code.
  const message = cause instanceof AwsCallError ? cause.serviceMessage : (asSdkError(cause).message ?? '');
  const who = profile ? `profile "${profile}"` : 'the default credential chain (environment, ~/.aws/config and credentials, SSO, instance or container role)';
  const sso = /sso|token/i.test(message) || code === 'TokenRefreshRequired' || code === 'InvalidGrantException';
  const fix = profile
    ? sso || code.startsWith('Expired')
      ? `run \`aws sso login --profile ${profile}\` (or refresh the profile's credentials) and try again`
      : `check the profile in ~/.aws/config and ~/.aws/credentials, or run \`aws sso login --profile ${profile}\``
    : 'set AWS_PROFILE or pass --profile NAME, or export credentials (run `aws configure` or `aws sso login`)';
  const reason =
    code === 'CredentialsProviderError' ? 'none were found' : code.startsWith('Expired') || /expired/i.test(message) ? 'they have expired' : `they were refused (${code})`;
  const said = message && !message.includes('\n') ? `: ${message.slice(0, 160)}` : '';
  return `no usable AWS credentials from ${who}: ${reason}${said}. To fix: ${fix}.`;
}
