import { controls, duties, getControl, getService, getServiceModel, layerOwnership, layers, ownerOf, serviceModels, services } from './catalogue.js';
import { seedArticles } from './duties.js';
import type { Duty, Framework } from './types.js';
import { variantDetails } from './variant-cells.js';
import { isCustomerSideLayer, type LayerId, type Owner } from './vocabulary.js';

/** The few facts about a check that an explanation needs (the model does not depend on the checks). */
export interface CheckSummary {
  id: string;
  title: string;
  service: string;
  layer: LayerId;
  control: string;
  duty: string;
  severity: string;
  rationale: string;
  remediation: { console: string; cloudformation: string; terraform: string };
}

export type ExplanationKind = 'layer' | 'service-model' | 'service' | 'control' | 'duty' | 'check' | 'framework' | 'framework-item';

export interface Explanation {
  kind: ExplanationKind;
  id: string;
  title: string;
  owner?: Owner | 'depends on the service';
  description: string;
  providerPart?: string;
  customerPart?: string;
  details: Record<string, string | string[]>;
  relatedChecks: string[];
  relatedDuties: string[];
  frameworkItems: string[];
}

const checksWhere = (checks: readonly CheckSummary[], test: (check: CheckSummary) => boolean): string[] =>
  checks.filter(test).map((check) => check.id);

function frameworkItemsFor(frameworks: readonly Framework[], test: (item: Framework['items'][number]) => boolean): string[] {
  return frameworks.flatMap((framework) => framework.items.filter(test).map((item) => `${framework.id}:${item.id}`));
}

/** Explains any id of the model or the catalogue; undefined when nothing has that id. */
export function explain(id: string, checks: readonly CheckSummary[], frameworks: readonly Framework[] = []): Explanation | undefined {
  const layer = layers.find((entry) => entry.id === id);
  if (layer) {
    const owners = new Set(services.map((service) => layerOwnership(service).find((entry) => entry.layer === layer.id)?.owner));
    return {
      kind: 'layer', id, title: layer.title, description: layer.description,
      owner: owners.size === 1 ? [...owners][0] : 'depends on the service',
      details: { 'owner by service model': serviceModels.map((model) => `${model.id}: ${isCustomerSideLayer(layer.id) ? model.owners[layer.id] : 'provider'}`) },
      relatedChecks: checksWhere(checks, (check) => check.layer === layer.id),
      relatedDuties: duties.filter((duty) => duty.layers.includes(layer.id)).map((duty) => duty.id),
      frameworkItems: [],
    };
  }
  const model = serviceModels.find((entry) => entry.id === id);
  if (model) {
    return {
      kind: 'service-model', id, title: model.title, description: model.description,
      details: { examples: model.examples, owners: Object.entries(model.owners).map(([key, owner]) => `${key}: ${owner}`), services: services.filter((service) => service.model === model.id).map((service) => service.id) },
      relatedChecks: [], relatedDuties: [], frameworkItems: [],
    };
  }
  const service = services.find((entry) => entry.id === id);
  if (service) {
    return {
      kind: 'service', id, title: service.name, description: service.description,
      details: {
        model: `${service.model} (${getServiceModel(service.model)?.title ?? ''})`,
        layers: layerOwnership(service).map((entry) => `${entry.layer}: ${entry.owner}${entry.reason ? ` (${entry.reason}${entry.source ? ` Source: ${entry.source}` : ''})` : ''}`),
        'resource types': service.resourceTypes,
        ...variantDetails(service.id),
        ...(service.notes ? { notes: service.notes } : {}),
      },
      relatedChecks: checksWhere(checks, (check) => check.service === service.id),
      relatedDuties: duties.filter((duty) => duty.services.includes(service.id)).map((duty) => duty.id),
      frameworkItems: [],
    };
  }
  const control = controls.find((entry) => entry.id === id);
  if (control) {
    return {
      kind: 'control', id, title: control.title, description: `${control.type} control`,
      owner: control.type === 'inherited' ? 'provider' : control.type === 'shared' ? 'shared' : 'customer',
      providerPart: control.providerPart, customerPart: control.customerPart,
      details: { type: control.type, layers: control.layers, 'NIST SP 800-53 families': control.nistFamilies },
      relatedChecks: checksWhere(checks, (check) => check.control === control.id),
      relatedDuties: duties.filter((duty) => duty.control === control.id).map((duty) => duty.id),
      frameworkItems: [],
    };
  }
  const duty = duties.find((entry) => entry.id === id);
  if (duty) {
    const dutyControl = getControl(duty.control);
    return {
      kind: 'duty', id, title: duty.statement, description: duty.statement, owner: duty.owner,
      providerPart: dutyControl?.providerPart, customerPart: dutyControl?.customerPart,
      details: {
        control: duty.control, layers: duty.layers, services: duty.services.length > 0 ? duty.services : ['every service'],
        origin: originText(duty.origin, duty.seeds ?? []),
        evidence: duty.needsAttestation ? 'an attestation (no configuration can show it)' : 'automated checks',
      },
      relatedChecks: checksWhere(checks, (check) => check.duty === duty.id),
      relatedDuties: [],
      frameworkItems: frameworkItemsFor(frameworks, (item) => item.duties.includes(duty.id)),
    };
  }
  const check = checks.find((entry) => entry.id === id);
  if (check) {
    const checkControl = getControl(check.control);
    const checkService = getService(check.service);
    return {
      kind: 'check', id, title: check.title, description: check.rationale, owner: checkService ? ownerOf(checkService, check.layer) : 'customer',
      providerPart: checkControl?.providerPart, customerPart: checkControl?.customerPart,
      details: {
        service: check.service, layer: check.layer, control: check.control, duty: check.duty, severity: check.severity,
        'fix (console)': check.remediation.console, 'fix (CloudFormation)': check.remediation.cloudformation, 'fix (Terraform)': check.remediation.terraform,
      },
      relatedChecks: [], relatedDuties: [check.duty],
      frameworkItems: frameworkItemsFor(frameworks, (item) => item.checks.includes(check.id)),
    };
  }
  const framework = frameworks.find((entry) => entry.id === id);
  if (framework) {
    return {
      kind: 'framework', id, title: framework.title, description: framework.description,
      details: { version: framework.version, items: framework.items.length.toString() },
      relatedChecks: [...new Set(framework.items.flatMap((item) => item.checks))],
      relatedDuties: [...new Set(framework.items.flatMap((item) => item.duties))],
      frameworkItems: [],
    };
  }
  const separator = id.indexOf(':');
  const itemFramework = separator > 0 ? frameworks.find((entry) => entry.id === id.slice(0, separator)) : undefined;
  const item = itemFramework?.items.find((entry) => entry.id === id.slice(separator + 1));
  if (itemFramework && item) {
    return {
      kind: 'framework-item', id, title: item.title, description: `${itemFramework.title}: ${item.title}`,
      ...(item.owner ? { owner: item.owner } : {}),
      details: {
        framework: itemFramework.id,
        ...(item.section ? { section: item.section } : {}),
        evidence: item.automated ? 'automated checks' : 'an attestation of its duties',
      },
      relatedChecks: item.checks, relatedDuties: item.duties, frameworkItems: [],
    };
  }
  return undefined;
}

const ORIGIN_TEXT: Record<Duty['origin'], string> = {
  summary: "a row of the model's summary table",
  'customer-example': "one of the model's examples of the customer's duties",
  'provider-example': "one of the model's examples of AWS's duties",
  model: "the model's layers and controls",
};

function originText(origin: Duty['origin'], seeds: readonly string[]): string {
  const titles = seeds.map((seed) => seedArticles.find((article) => article.id === seed)?.title ?? seed);
  return titles.length > 0 ? `${ORIGIN_TEXT[origin]} (${titles.join('; ')})` : ORIGIN_TEXT[origin];
}

/** Every id `explain` answers to, kind by kind: framework items as `<framework>:<item>`. */
export function explainableIds(checks: readonly CheckSummary[], frameworks: readonly Framework[] = []): Array<{ id: string; kind: ExplanationKind }> {
  return [
    ...layers.map((entry) => ({ id: entry.id, kind: 'layer' as const })),
    ...serviceModels.map((entry) => ({ id: entry.id, kind: 'service-model' as const })),
    ...services.map((entry) => ({ id: entry.id, kind: 'service' as const })),
    ...controls.map((entry) => ({ id: entry.id, kind: 'control' as const })),
    ...duties.map((entry) => ({ id: entry.id, kind: 'duty' as const })),
    ...checks.map((entry) => ({ id: entry.id, kind: 'check' as const })),
    ...frameworks.map((entry) => ({ id: entry.id, kind: 'framework' as const })),
    ...frameworks.flatMap((entry) => entry.items.map((item) => ({ id: `${entry.id}:${item.id}`, kind: 'framework-item' as const }))),
  ];
}

/** Edit distance between two ids (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The ids closest to a mistyped one: within a few edits, or containing it; nearest first, at most `limit`. */
export function suggestIds(id: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = id.toLowerCase();
  const allowed = Math.max(2, Math.floor(wanted.length / 4));
  return candidates
    .map((candidate) => ({ candidate, score: candidate.includes(wanted) && wanted.length >= 3 ? 0.5 : distance(wanted, candidate.toLowerCase()) }))
    .filter((entry) => entry.score <= allowed)
    .sort((left, right) => left.score - right.score || left.candidate.localeCompare(right.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
