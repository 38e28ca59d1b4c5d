import { controls, duties, getControl, getService, getServiceModel, layerOwnership, layers, ownerOf, serviceModels, services } from './catalogue.js';
import type { Framework } from './types.js';
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

export interface Explanation {
  kind: 'layer' | 'service-model' | 'service' | 'control' | 'duty' | 'check';
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
  return undefined;
}
