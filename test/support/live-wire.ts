/**
 * Names an AWS request `service:Action` the way the emulator's calls.jsonl and faults.txt do (see
 * ../shared/tools/aws-emulator/proxy.py), so that `replies` in a live fixture and denial patterns mean the same
 * call as the emulator's log.
 */

export interface WireRequest {
  method: string;
  /** The request target: path and query, as sent. */
  target: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

// The S3 subresources the emulator names, in the order it looks for them.
const S3_SUBRESOURCES = ['policy', 'acl', 'encryption', 'versioning', 'publicAccessBlock', 'logging', 'ownershipControls', 'location', 'tagging'];

// Ids in REST paths (hex ids, URL-encoded ARNs, EMR cluster ids, 10-character API ids) become `{id}`.
const REST_ID = /\/[0-9a-f-]{16,}|\/arn%3A[^/]+|\/j-[A-Z0-9]+|\/[a-z0-9]{10}(?=\/|$)/g;

function header(request: WireRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

export function callOf(request: WireRequest): { service: string; action: string } {
  const scope = /Credential=[^/]+\/[^/]+\/([^/]+)\/([^/]+)\//.exec(header(request, 'authorization'));
  const service = scope?.[2] ?? '?';
  const target = header(request, 'x-amz-target');
  if (target !== '') return { service, action: target.split('.').at(-1) ?? '' };
  if (request.body !== '' && header(request, 'content-type').startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(request.body).get('Action');
    if (action) return { service, action };
  }
  const queryAt = request.target.indexOf('?');
  const path = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : request.target.slice(queryAt + 1));
  const action = query.get('Action');
  if (action !== null) return { service, action };
  if (service === 's3') {
    if (path === '' || path === '/') return { service, action: `${request.method} ListBuckets` };
    return { service, action: `${request.method} bucket?${S3_SUBRESOURCES.find((name) => query.has(name)) ?? ''}` };
  }
  return { service, action: `${request.method} ${path.replace(REST_ID, '/{id}')}` };
}

/** Python's fnmatch over a whole `service:Action`: `*`, `?`, `[set]`, `[!set]`; case-sensitive, as on Linux. */
export function globMatches(pattern: string, text: string): boolean {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      // As in fnmatch, a `]` right after `[` or `[!` belongs to the set.
      let from = index + 1;
      if (pattern[from] === '!') from += 1;
      if (pattern[from] === ']') from += 1;
      const close = pattern.indexOf(']', from);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let set = pattern.slice(index + 1, close);
      const negated = set.startsWith('!');
      if (negated) set = set.slice(1);
      source += `[${negated ? '^' : ''}${set.replace(/[\\\]^]/g, (special) => `\\${special}`)}]`;
      index = close;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, (special) => `\\${special}`);
  }
  return new RegExp(`^${source}$`, 's').test(text);
}

/** A pattern that matches exactly this call, for calls whose names hold glob characters (`GET bucket?policy`). */
export function exactPattern(call: string): string {
  return call.replace(/[*?[]/g, (char) => `[${char}]`);
}
