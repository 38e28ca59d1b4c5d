import { allChecks } from '../checks/index.js';
import type { Check } from '../checks/types.js';
import type { ActiveAttestation } from '../engine/matrix.js';
import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import { tagsOf } from '../inventory/readers.js';
import type { Inventory, Resource } from '../inventory/resource.js';
import { isUnknown } from '../inventory/values.js';
import { getDuty } from '../model/catalogue.js';
import type { Framework } from '../model/types.js';
import { hasExpired } from './dates.js';
import { resolveInlineSuppressions } from './inline.js';
import { matchesCheckPattern, matchesGlob } from '../glob.js';
import type { ConfigIssue, DemarcConfig, ResourceSelector, ScopeSettings, SuppressionRule } from './types.js';

/** Findings a suppression can apply to: the ones that would otherwise ask for action. */
const SUPPRESSIBLE = new Set<Finding['status']>(['fail', 'unknown', 'error']);

/** The checks the configuration enables (union of its enable lists; all when none) minus those it disables. */
export function selectConfiguredChecks(checks: readonly Check[], config: DemarcConfig, frameworks: readonly Framework[]): Check[] {
  const frameworkChecks = (ids: readonly string[]): Set<string> =>
    new Set(frameworks.filter((framework) => ids.includes(framework.id)).flatMap((framework) => framework.items.flatMap((item) => item.checks)));
  const enabledByFramework = frameworkChecks(config.frameworks.enable);
  const disabledByFramework = frameworkChecks(config.frameworks.disable);
  const anyEnable = config.checks.enable.length + config.services.enable.length + config.frameworks.enable.length > 0;
  return checks.filter((check) => {
    const enabled =
      !anyEnable ||
      config.checks.enable.some((pattern) => matchesCheckPattern(pattern, check.id)) ||
      config.services.enable.includes(check.service) ||
      enabledByFramework.has(check.id);
    const disabled =
      config.checks.disable.some((pattern) => matchesCheckPattern(pattern, check.id)) ||
      config.services.disable.includes(check.service) ||
      disabledByFramework.has(check.id);
    return enabled && !disabled;
  });
}

/** The resource's tags, or undefined when they cannot be known (an unresolved template value). */
function knownTags(resource: Resource): Record<string, string> | undefined {
  const tags = tagsOf(resource.properties);
  return isUnknown(tags) ? undefined : tags;
}

function carriesAll(tags: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  return tags !== undefined && Object.entries(wanted).every(([key, value]) => tags[key] === value);
}

function carriesAny(tags: Record<string, string> | undefined, pairs: Record<string, string>): boolean {
  return tags !== undefined && Object.entries(pairs).some(([key, value]) => tags[key] === value);
}

function inScope(resource: Resource, scope: ScopeSettings): boolean {
  if (resource.region !== undefined && scope.regions.length > 0 && !scope.regions.includes(resource.region)) return false;
  if (resource.account !== undefined && scope.accounts.length > 0 && !scope.accounts.includes(resource.account)) return false;
  // Account-level settings carry no tags: a tag filter is about workloads, never about them.
  if (resource.type.startsWith('Demarc::')) return true;
  const tags = knownTags(resource);
  if (Object.keys(scope.tags.exclude).length > 0 && carriesAny(tags, scope.tags.exclude)) return false;
  // Tags that cannot be read keep the resource in: leaving it out would hide it without evidence.
  if (Object.keys(scope.tags.include).length > 0 && tags !== undefined && !carriesAll(tags, scope.tags.include)) return false;
  return true;
}

/** The inventory narrowed to the configured regions, accounts and tags. */
export function scopeInventory(inventory: Inventory, scope: ScopeSettings): Inventory {
  const unscoped =
    scope.regions.length === 0 && scope.accounts.length === 0 && Object.keys(scope.tags.include).length === 0 && Object.keys(scope.tags.exclude).length === 0;
  if (unscoped) return inventory;
  return {
    ...inventory,
    resources: inventory.resources.filter((resource) => inScope(resource, scope)),
    gaps: inventory.gaps.filter(
      (gap) =>
        (gap.region === undefined || scope.regions.length === 0 || scope.regions.includes(gap.region)) &&
        (gap.account === undefined || scope.accounts.length === 0 || scope.accounts.includes(gap.account)),
    ),
  };
}

interface NamedResource {
  id: string;
  name?: string;
  arn?: string;
}

/** Exact: equal to the id, the ARN or the name. Glob: the whole of one of them matches. Never a substring. */
export function selectorMatches(selector: ResourceSelector, resource: NamedResource): boolean {
  const names = [resource.id, resource.arn, resource.name].filter((name): name is string => name !== undefined);
  return selector.kind === 'exact' ? names.includes(selector.pattern) : names.some((name) => matchesGlob(selector.pattern, name));
}

function where(config: DemarcConfig, line: number | undefined): string {
  return `${config.file}${line !== undefined ? `:${line}` : ''}`;
}

export interface ConfigApplication {
  /** Severity overrides, then suppressions (an expired one leaves a note in the message instead). */
  adjustFinding(finding: Finding): Finding;
  attestations: ActiveAttestation[];
  /**
   * The inventory to evaluate: the one given, with a warning (file and line) for each inline suppression that does
   * not apply (no reason, an unknown check, a bad date, expired).
   */
  inventory: Inventory;
  /** Warnings about entries that applied to nothing in this scan (a typo, or something fixed long ago). */
  unusedWarnings(result: ScanResult): ConfigIssue[];
}

/** A suppression from the configuration file or from the code beside a resource, as both are matched and applied. */
interface SuppressionCandidate {
  /** A check id, or a glob over check ids. */
  check: string;
  /** The resource side: selectors and tags (configuration), or the resource the code is on (inline). */
  covers(finding: Finding): boolean;
  reason: string;
  expires?: string;
  /** Where it was written, for suppressions in the code (the configuration's are the configuration file's). */
  source?: NonNullable<NonNullable<Finding['suppressed']>['source']>;
  /** `file:line`, for the note an expired one leaves. */
  where: string;
}

function candidateMatches(candidate: SuppressionCandidate, finding: Finding): boolean {
  return matchesCheckPattern(candidate.check, finding.checkId) && candidate.covers(finding);
}

/** The first active candidate that matches suppresses; else an expired one that matches leaves a note. */
function applySuppressions(finding: Finding, candidates: readonly SuppressionCandidate[], now: Date): Finding {
  const matching = candidates.filter((candidate) => candidateMatches(candidate, finding));
  const active = matching.find((candidate) => !hasExpired(candidate.expires, now));
  if (active) {
    const suppressed: NonNullable<Finding['suppressed']> = { reason: active.reason };
    if (active.source) suppressed.source = { ...active.source };
    if (active.expires !== undefined) suppressed.expires = active.expires;
    return { ...finding, suppressed };
  }
  const lapsed = matching.find((candidate) => hasExpired(candidate.expires, now));
  if (lapsed) {
    return { ...finding, message: `${finding.message} (the suppression at ${lapsed.where} expired on ${lapsed.expires ?? ''}: ${lapsed.reason})` };
  }
  return finding;
}

/**
 * Binds a configuration to one scan's inventory (tags and inline suppressions live there, not in findings) and clock.
 * `checkIds` is the catalogue inline suppressions are checked against (default: every check demarc has).
 */
export function applyConfig(config: DemarcConfig, inventory: Inventory, now: Date, checkIds: readonly string[] = allChecks.map((check) => check.id)): ConfigApplication {
  // Indexed only once a rule selects by tags (large scans have hundreds of thousands of resources).
  let tagsIndex: Map<string, Record<string, string> | undefined> | undefined;
  const tagsById = (): Map<string, Record<string, string> | undefined> =>
    (tagsIndex ??= new Map(inventory.resources.map((resource) => [resourceKey(resource), knownTags(resource)])));

  const ruleMatches = (rule: SuppressionRule, finding: Finding): boolean =>
    matchesCheckPattern(rule.check, finding.checkId) &&
    (rule.resources.length === 0 || rule.resources.some((selector) => selectorMatches(selector, finding.resource))) &&
    (rule.tags === undefined || carriesAll(tagsById().get(resourceKey(finding.resource)), rule.tags));

  const active = config.suppressions.filter((rule) => !hasExpired(rule.expires, now));

  const configCandidates: SuppressionCandidate[] = config.suppressions.map((rule) => {
    const candidate: SuppressionCandidate = { check: rule.check, covers: (finding) => ruleMatches(rule, finding), reason: rule.reason, where: where(config, rule.line) };
    if (rule.expires !== undefined) candidate.expires = rule.expires;
    return candidate;
  });

  const inline = resolveInlineSuppressions(inventory, checkIds, now, resourceKey);
  const inlineCandidates = new Map<string, SuppressionCandidate[]>();
  for (const [key, rules] of inline.rulesByResource) {
    inlineCandidates.set(
      key,
      rules.map((rule) => ({ ...rule, covers: (finding: Finding) => resourceKey(finding.resource) === key })),
    );
  }

  const adjustFinding = (original: Finding): Finding => {
    let finding = original;
    const actionable = SUPPRESSIBLE.has(finding.status);
    const override = config.severity.length > 0 ? config.severity.find((entry) => matchesCheckPattern(entry.check, finding.checkId)) : undefined;
    if (override && override.severity !== finding.severity) {
      const note = actionable ? ` [severity ${override.severity} instead of ${finding.severity} (${where(config, override.line)}): ${override.reason}]` : '';
      finding = { ...finding, severity: override.severity, message: `${finding.message}${note}` };
    }
    if (!actionable) return finding;
    // The configuration first, then what is written beside the resource.
    const inlineHere = inlineCandidates.size > 0 ? inlineCandidates.get(resourceKey(finding.resource)) : undefined;
    if (configCandidates.length === 0 && !inlineHere) return finding;
    return applySuppressions(finding, inlineHere ? [...configCandidates, ...inlineHere] : configCandidates, now);
  };

  const attestations: ActiveAttestation[] = [];
  for (const entry of config.attestations) {
    const duty = getDuty(entry.duty);
    if (!duty) continue;
    const attestation: ActiveAttestation = { duty: duty.id, layers: duty.layers, services: duty.services, by: entry.by, expires: entry.expires };
    if (hasExpired(entry.expires, now)) attestation.expired = true;
    attestations.push(attestation);
  }

  const unusedWarnings = (result: ScanResult): ConfigIssue[] => {
    const warnings: ConfigIssue[] = [];
    const warn = (line: number | undefined, key: string, message: string): void => {
      const issue: ConfigIssue = { file: config.file, key, message };
      if (line !== undefined) issue.line = line;
      warnings.push(issue);
    };
    const checkIdsRun = new Set(result.coverage.checks.map((entry) => entry.checkId));
    for (const rule of active) {
      let allMatched = true;
      if (![...checkIdsRun].some((id) => matchesCheckPattern(rule.check, id))) {
        allMatched = false;
        warn(rule.checkPlace.line, rule.checkPlace.key, `"${rule.check}" matches no check that ran in this scan`);
      }
      for (const selector of rule.resources) {
        if (!inventory.resources.some((resource) => selectorMatches(selector, resource))) {
          allMatched = false;
          warn(selector.line, selector.key, `${selector.kind === 'glob' ? 'the glob ' : ''}"${selector.pattern}" matches no resource in this scan`);
        }
      }
      if (rule.tags !== undefined) {
        const tags = rule.tags;
        if (!inventory.resources.some((resource) => carriesAll(knownTags(resource), tags))) {
          allMatched = false;
          warn(rule.tagsPlace?.line, rule.tagsPlace?.key ?? rule.key, 'no resource in this scan carries these tags');
        }
      }
      if (allMatched && !result.findings.some((finding) => finding.suppressed && SUPPRESSIBLE.has(finding.status) && ruleMatches(rule, finding))) {
        warn(rule.line, rule.key, 'suppresses nothing in this scan: no failing, unknown or erroring finding matches it');
      }
    }
    return warnings;
  };

  const evaluated: Inventory = inline.problems.length === 0 ? inventory : { ...inventory, problems: [...inventory.problems, ...inline.problems] };
  return { adjustFinding, attestations, inventory: evaluated, unusedWarnings };
}
