import type { Severity } from '../model/vocabulary.js';
import type { IsoDate } from './dates.js';

/** Where an entry of the configuration file sits, so that messages can point at it. */
export interface ConfigPlace {
  /** Dotted path such as `suppressions[0].reason`. */
  key: string;
  line?: number;
}

/** One way of naming resources: an exact id, ARN or name; or a glob the user marked as one. */
export interface ResourceSelector extends ConfigPlace {
  kind: 'exact' | 'glob';
  pattern: string;
}

export interface SuppressionRule extends ConfigPlace {
  index: number;
  /** A check id, or a glob over check ids. */
  check: string;
  checkPlace: ConfigPlace;
  /** Empty: every resource (narrowed by `tags` when given). */
  resources: ResourceSelector[];
  /** Every pair must be on the resource. */
  tags?: Record<string, string>;
  tagsPlace?: ConfigPlace;
  reason: string;
  expires?: IsoDate;
}

export interface AttestationEntry extends ConfigPlace {
  index: number;
  duty: string;
  by: string;
  date: IsoDate;
  /** A URL, or a file path (relative to the configuration file). */
  evidence: string;
  expires: IsoDate;
}

export interface SeverityOverride extends ConfigPlace {
  /** A check id, or a glob over check ids. */
  check: string;
  severity: Severity;
  reason: string;
}

/** Ids (or globs, for checks) to enable or disable. Empty `enable`: everything not disabled. */
export interface Selection {
  enable: string[];
  disable: string[];
  place?: ConfigPlace;
}

export interface ScopeSettings {
  /** Empty: every region. Resources that name no region (templates) are always in scope. */
  regions: string[];
  /** Empty: every account. Resources that name no account are always in scope. */
  accounts: string[];
  /** A resource is in scope when it carries every `include` pair and none of the `exclude` pairs. */
  tags: { include: Record<string, string>; exclude: Record<string, string> };
}

export interface DemarcConfig {
  /** The file it was read from, as given (for messages). */
  file: string;
  suppressions: SuppressionRule[];
  attestations: AttestationEntry[];
  checks: Selection;
  services: Selection;
  frameworks: Selection;
  severity: SeverityOverride[];
  scope: ScopeSettings;
}

export interface ConfigIssue {
  file: string;
  line?: number;
  key?: string;
  message: string;
}

export function formatIssue(issue: ConfigIssue, level: 'error' | 'warning'): string {
  const where = `${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}`;
  return `${level}: ${where}: ${issue.key ? `${issue.key}: ` : ''}${issue.message}`;
}

export function emptyConfig(file: string): DemarcConfig {
  return {
    file,
    suppressions: [],
    attestations: [],
    checks: { enable: [], disable: [] },
    services: { enable: [], disable: [] },
    frameworks: { enable: [], disable: [] },
    severity: [],
    scope: { regions: [], accounts: [], tags: { include: {}, exclude: {} } },
  };
}
