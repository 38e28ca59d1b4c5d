import type { Framework } from '../types.js';
import { rows as cisRows } from './generated/cis-aws-v1.4.js';
import { rows as pciRows } from './generated/pci-dss-3.2.1.js';
import type { RequirementItem, RequirementRow } from './rows.js';

// Standards whose requirement ids the Security Hub guide relates its controls to. Only the requirements some control
// relates to are here: an item's checks are those equivalent to its Security Hub controls, its duties theirs.

function requirementItems(rows: readonly RequirementRow[]): RequirementItem[] {
  return rows.map(([id, title, section, securityHub, checks, duties]) => ({
    id,
    title,
    section,
    automated: checks.length > 0,
    checks: [...checks],
    duties: [...duties],
    owner: 'customer',
    securityHub: [...securityHub],
  }));
}

export const pciDss321: Framework = {
  id: 'pci-dss-3.2.1',
  title: 'PCI DSS',
  version: '3.2.1',
  description: 'The PCI DSS v3.2.1 requirements AWS relates Security Hub controls to, with the demarc checks equivalent to those controls. Most of the standard (policies, people, card data handling) is not configuration and is not listed.',
  items: requirementItems(pciRows),
};

export const cisAwsV14: Framework = {
  id: 'cis-aws-v1.4',
  title: 'CIS Amazon Web Services Foundations Benchmark',
  version: '1.4.0',
  description: 'The CIS AWS Foundations Benchmark v1.4.0 recommendations AWS relates Security Hub controls to, with the demarc checks equivalent to those controls. cis-aws-v5 is the current benchmark, mapped by hand in full.',
  items: requirementItems(cisRows),
};
