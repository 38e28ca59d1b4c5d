import type { Check } from '../checks/types.js';
import type { Explanation } from '../model/explain.js';
import type { ServiceMatrixEntry } from '../model/service-matrix.js';
import type { Owner } from '../model/vocabulary.js';
import { pad, painter, wrap, type Paint, type TextStyle } from './terminal-style.js';

const OWNER_PAINT: Record<Owner, Paint> = { provider: 'gray', customer: 'yellow', shared: 'cyan', none: 'dim' };

export function renderServiceMatrix(entries: readonly ServiceMatrixEntry[], style: TextStyle): string {
  const paint = painter(style);
  const lines: string[] = [];
  for (const service of entries) {
    lines.push(paint('bold', `${service.name} (${service.id}) · ${service.model} service`));
    for (const layer of service.layers) {
      const duties = layer.duties.map((duty) => duty.id).join(', ');
      lines.push(`  ${pad(layer.layer, 24)} ${paint(OWNER_PAINT[layer.owner], layer.owner)}`);
      if (layer.reason) lines.push(paint('dim', `  ${' '.repeat(24)} ${wrap(`why: ${layer.reason}`, style.width, 27)}`));
      if (duties) lines.push(paint('dim', `  ${' '.repeat(24)} ${wrap(`duties: ${duties}`, style.width, 27)}`));
    }
    lines.push(...renderVariants(service, style));
    lines.push('');
  }
  return lines.join('\n');
}

/** A service's variants: each with the cells it changes, marked where the owner differs from the service's. */
function renderVariants(service: ServiceMatrixEntry, style: TextStyle): string[] {
  if (!service.variants || service.variants.length === 0) return [];
  const paint = painter(style);
  const lines = ['', paint('bold', `  Variants (the owner follows the resource's configuration)`)];
  for (const variant of service.variants) {
    lines.push(`  ${variant.name} ${paint('dim', `(${variant.id})`)}`);
    lines.push(paint('dim', `    ${wrap(variant.description, style.width, 4)}`));
    if (variant.cells.length === 0) lines.push(paint('dim', "    cells: the service's own"));
    for (const cell of variant.cells) {
      const mark = cell.differs ? ' (differs)' : '';
      lines.push(`    ${pad(cell.layer, 22)} ${paint(OWNER_PAINT[cell.owner], cell.owner)}${mark}`);
      lines.push(paint('dim', `    ${' '.repeat(22)} ${wrap(`why: ${cell.reason} Source: ${cell.source}`, style.width, 27)}`));
    }
    if (variant.cells.length === 0) lines.push(paint('dim', `    source: ${variant.source}`));
  }
  return lines;
}

export function renderServiceList(entries: readonly ServiceMatrixEntry[], style: TextStyle): string {
  const paint = painter(style);
  const customerLayers = (entry: ServiceMatrixEntry): string =>
    entry.layers.filter((layer) => layer.owner === 'customer').length.toString();
  const lines = [paint('bold', `${pad('SERVICE', 18)} ${pad('MODEL', 15)} ${pad('CUSTOMER LAYERS', 16)} NAME`)];
  for (const entry of entries) lines.push(`${pad(entry.id, 18)} ${pad(entry.model, 15)} ${pad(customerLayers(entry), 16)} ${entry.name}`);
  lines.push('', paint('dim', 'Run `demarc matrix --service <id>` for the layers, owners and duties of a service.'), '');
  return lines.join('\n');
}

export function renderExplanation(explanation: Explanation, style: TextStyle): string {
  const paint = painter(style);
  const lines = [paint('bold', `${explanation.title}`), paint('dim', `${explanation.kind} ${explanation.id}`), ''];
  if (explanation.description !== explanation.title) lines.push(wrap(explanation.description, style.width, 0), '');
  if (explanation.owner) lines.push(`${pad('Owner', 22)} ${explanation.owner}`);
  if (explanation.providerPart) lines.push(`${pad("AWS's part", 22)} ${wrap(explanation.providerPart, style.width, 23)}`);
  if (explanation.customerPart) lines.push(`${pad("Customer's part", 22)} ${wrap(explanation.customerPart, style.width, 23)}`);
  for (const [key, value] of Object.entries(explanation.details)) {
    const text = Array.isArray(value) ? value.join(', ') : value;
    lines.push(`${pad(key.charAt(0).toUpperCase() + key.slice(1), 22)} ${wrap(text || '-', style.width, 23)}`);
  }
  if (explanation.relatedDuties.length > 0) lines.push(`${pad('Duties', 22)} ${wrap(explanation.relatedDuties.join(', '), style.width, 23)}`);
  if (explanation.relatedChecks.length > 0) lines.push(`${pad('Checks', 22)} ${wrap(explanation.relatedChecks.join(', '), style.width, 23)}`);
  if (explanation.frameworkItems.length > 0) lines.push(`${pad('Framework items', 22)} ${wrap(explanation.frameworkItems.join(', '), style.width, 23)}`);
  lines.push('');
  return lines.join('\n');
}

export function renderCheckList(checks: readonly Check[], style: TextStyle): string {
  const paint = painter(style);
  const idWidth = Math.max(10, ...checks.map((check) => check.id.length));
  const lines = [paint('bold', `${pad('ID', idWidth)}  ${pad('SERVICE', 14)} ${pad('LAYER', 22)} ${pad('SEVERITY', 9)} TITLE`)];
  for (const check of checks) {
    lines.push(`${pad(check.id, idWidth)}  ${pad(check.service, 14)} ${pad(check.layer, 22)} ${pad(check.severity, 9)} ${check.title}`);
  }
  lines.push('', paint('dim', `${checks.length} checks. \`demarc explain <id>\` tells what a check looks for and how to fix it.`), '');
  return lines.join('\n');
}
