import { allChecks } from '../checks/index.js';
import type { Remediation } from '../checks/types.js';
import type { Finding, ScanResult } from '../engine/result.js';
import { getControl, getDuty } from '../model/catalogue.js';
import type { LayerId, Severity } from '../model/vocabulary.js';

/** What a format needs to describe a check: from the catalogue, or from the findings when the check is unknown here. */
export interface CheckInfo {
  id: string;
  title: string;
  severity: Severity;
  layer: LayerId;
  control: string;
  duty: string;
  rationale: string;
  remediation?: Remediation;
  /** False when the check is not in this version's catalogue (a result saved by another version). */
  known: boolean;
}

const catalogue = new Map(allChecks.map((check) => [check.id, check]));

function fromFinding(finding: Finding): CheckInfo {
  const duty = getDuty(finding.duty);
  return {
    id: finding.checkId,
    title: finding.title,
    severity: finding.severity,
    layer: finding.layer,
    control: finding.control,
    duty: finding.duty,
    rationale: duty ? duty.statement : finding.title,
    known: false,
  };
}

/** The checks a result speaks of, in the order they ran, then any that only appear in findings. */
export function checksOf(result: ScanResult): CheckInfo[] {
  const ids = [...result.coverage.checks.map((entry) => entry.checkId), ...result.findings.map((finding) => finding.checkId)];
  const infos: CheckInfo[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = checkInfo(result, id);
    if (info) infos.push(info);
  }
  return infos;
}

export function checkInfo(result: ScanResult, id: string): CheckInfo | undefined {
  // The result describes its own checks; the catalogue serves results saved before it did.
  const check = result.checks.find((entry) => entry.id === id) ?? catalogue.get(id);
  if (check) {
    return {
      id: check.id,
      title: check.title,
      severity: check.severity,
      layer: check.layer,
      control: check.control,
      duty: check.duty,
      rationale: check.rationale,
      remediation: check.remediation,
      known: true,
    };
  }
  const finding = result.findings.find((entry) => entry.checkId === id);
  return finding ? fromFinding(finding) : undefined;
}

/** Remediation as plain lines: console steps, then the CloudFormation and Terraform settings. */
export function remediationLines(remediation: Remediation | undefined): string[] {
  if (!remediation) return [];
  return [
    `Console: ${remediation.console}`,
    `CloudFormation: ${remediation.cloudformation}`,
    `Terraform: ${remediation.terraform}`,
  ];
}

export function controlTitle(id: string): string {
  return getControl(id)?.title ?? id;
}
