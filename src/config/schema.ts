// The JSON Schema of demarc.config.yaml. Descriptions double as the messages for alternatives (anyOf), so keep
// them short and written for the person editing the file.

const date = { type: 'string', format: 'date', description: 'a date written YYYY-MM-DD' } as const;

const tagMap = {
  type: 'object',
  description: 'a map of tag keys to tag values, e.g. {env: sandbox}',
  minProperties: 1,
  additionalProperties: { type: 'string', description: 'a tag value (quote numbers and booleans)' },
} as const;

const reason = { type: 'string', minLength: 10, description: 'why, in at least 10 characters' } as const;

const idList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

const selection = {
  type: 'object',
  additionalProperties: false,
  properties: { enable: idList, disable: idList },
} as const;

const resourceEntry = {
  description: 'a resource id, ARN or name, or {glob: PATTERN}',
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      additionalProperties: false,
      required: ['glob'],
      properties: { glob: { type: 'string', minLength: 1 } },
    },
  ],
} as const;

const suppression = {
  type: 'object',
  additionalProperties: false,
  required: ['check', 'reason'],
  properties: {
    check: { type: 'string', minLength: 1, description: 'a check id or a glob over check ids' },
    resources: { type: 'array', minItems: 1, items: resourceEntry },
    tags: tagMap,
    reason,
    expires: date,
  },
} as const;

const attestation = {
  type: 'object',
  additionalProperties: false,
  required: ['duty', 'by', 'date', 'evidence', 'expires'],
  properties: {
    duty: { type: 'string', minLength: 1 },
    by: { type: 'string', minLength: 1 },
    date,
    evidence: { type: 'string', minLength: 1, description: 'a URL or a file path' },
    expires: date,
  },
} as const;

const severityOverride = {
  type: 'object',
  additionalProperties: false,
  required: ['check', 'severity', 'reason'],
  properties: {
    check: { type: 'string', minLength: 1 },
    severity: { enum: ['critical', 'high', 'medium', 'low', 'info'] },
    reason,
  },
} as const;

const scope = {
  type: 'object',
  additionalProperties: false,
  properties: {
    regions: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$', description: 'a region such as eu-west-1' } },
    accounts: { type: 'array', items: { type: 'string', pattern: '^[0-9]{12}$', description: 'a 12-digit account id in quotes' } },
    tags: { type: 'object', additionalProperties: false, properties: { include: tagMap, exclude: tagMap } },
  },
} as const;

export const configSchema = {
  $id: 'https://demarc.dev/schema/demarc-config.schema.json',
  title: 'demarc.config.yaml',
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'the version of this file format: 1' },
    suppressions: { type: 'array', items: suppression },
    attestations: { type: 'array', items: attestation },
    checks: selection,
    services: selection,
    frameworks: selection,
    severity: { type: 'array', items: severityOverride },
    scope,
  },
} as const;

/** The configuration as the schema guarantees it, before demarc resolves it into a DemarcConfig. */
export interface RawConfig {
  version?: 1;
  suppressions?: Array<{ check: string; resources?: Array<string | { glob: string }>; tags?: Record<string, string>; reason: string; expires?: string }>;
  attestations?: Array<{ duty: string; by: string; date: string; evidence: string; expires: string }>;
  checks?: { enable?: string[]; disable?: string[] };
  services?: { enable?: string[]; disable?: string[] };
  frameworks?: { enable?: string[]; disable?: string[] };
  severity?: Array<{ check: string; severity: 'critical' | 'high' | 'medium' | 'low' | 'info'; reason: string }>;
  scope?: { regions?: string[]; accounts?: string[]; tags?: { include?: Record<string, string>; exclude?: Record<string, string> } };
}
