import { ORIGINATION_TITLES } from '../model/frameworks/nist-ownership.js';
import { isNistControlItem } from '../model/frameworks/rows.js';
import type { Framework } from '../model/types.js';
import { pad, painter, wrap, type TextStyle } from './terminal-style.js';

export function renderFrameworkList(frameworks: readonly Framework[], style: TextStyle): string {
  const paint = painter(style);
  const lines = [paint('bold', `${pad('ID', 14)} ${pad('VERSION', 8)} ${pad('ITEMS', 6)} ${pad('WITH CHECKS', 12)} TITLE`)];
  for (const framework of frameworks) {
    const withChecks = framework.items.filter((item) => item.checks.length > 0).length;
    lines.push(`${pad(framework.id, 14)} ${pad(framework.version, 8)} ${pad(String(framework.items.length), 6)} ${pad(String(withChecks), 12)} ${framework.title}`);
  }
  lines.push('', paint('dim', 'Run `demarc frameworks <id>` for the items, or `demarc scan ... --framework <id>` for their status.'), '');
  return lines.join('\n');
}

export function renderFramework(framework: Framework, style: TextStyle): string {
  const paint = painter(style);
  const lines = [paint('bold', `${framework.title} ${framework.version} (${framework.id})`), wrap(framework.description, style.width, 0), ''];
  for (const item of framework.items) {
    const kind = item.automated ? 'automated' : 'manual';
    const level = item.level ? ` L${item.level}` : '';
    lines.push(`${paint('bold', pad(item.id, 7))} ${item.title} ${paint('dim', `(${kind}${level}${item.owner ? `, ${item.owner}` : ''})`)}`);
    if (isNistControlItem(item)) {
      lines.push(`        origination: ${ORIGINATION_TITLES[item.origination]} (can be inherited: ${item.inheritance})`);
      lines.push(`        AWS: ${wrap(item.providerPart, style.width, 13)}`);
      lines.push(`        customer: ${wrap(item.customerPart, style.width, 18)}`);
      lines.push(paint('dim', `        why: ${wrap(item.reason, style.width, 13)}`));
    }
    if (item.checks.length > 0) lines.push(`        checks: ${wrap(item.checks.join(', '), style.width, 16)}`);
    if (item.duties.length > 0) lines.push(paint('dim', `        duties: ${wrap(item.duties.join(', '), style.width, 16)}`));
  }
  lines.push('');
  return lines.join('\n');
}
