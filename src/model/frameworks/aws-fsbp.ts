import type { Framework } from '../types.js';
import { rows } from './generated/aws-fsbp.js';
import type { SecurityHubItem } from './rows.js';

// AWS Foundational Security Best Practices: every Security Hub control of the guide, with its severity and the checks
// src/checks/equivalents.ts declares equivalent (`match` says whether one is exact, or only partial). A control no
// check matches yet stays automated in Security Hub, so demarc reports it as not assessed with the duties to attest.

const prefix = (id: string): string => id.split('.')[0] ?? id;

export const awsFsbp: Framework = {
  id: 'aws-fsbp',
  title: 'AWS Foundational Security Best Practices',
  version: '1.0.0',
  description: 'Every AWS Security Hub control (as of the March 2023 guide) with its severity, and the demarc checks that judge the same thing, exactly or in part. Controls without an equivalent check point at the duties to attest; see `demarc frameworks aws-fsbp --format json` for how each control is matched.',
  items: rows.map(([id, severity, title, match, checks, duties]): SecurityHubItem => ({
    id,
    title,
    section: prefix(id),
    automated: true,
    checks: [...checks],
    duties: [...duties],
    owner: 'customer',
    severity,
    match,
  })),
};
