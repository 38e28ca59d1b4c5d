import { describe, expect, it } from 'vitest';
import { controls, duties, getControl, layerOwnership, serviceModels, services } from '../../src/model/catalogue.js';
import { serviceMatrix } from '../../src/model/service-matrix.js';
import { CONTROL_TYPES, LAYER_IDS, OWNERS, PROVIDER_LAYER_IDS } from '../../src/model/vocabulary.js';

describe('the responsibility model', () => {
  it('gives every service model an owner for every customer-side layer, as in the design table', () => {
    expect(serviceModels.map((model) => model.id)).toEqual(['infrastructure', 'container', 'abstracted', 'serverless']);
    const owner = (model: string, layer: string) => serviceModels.find((entry) => entry.id === model)?.owners[layer as 'guest-os'];
    expect(owner('infrastructure', 'guest-os')).toBe('customer');
    expect(owner('container', 'guest-os')).toBe('provider');
    expect(owner('container', 'platform')).toBe('shared');
    expect(owner('abstracted', 'application')).toBe('none');
    expect(owner('serverless', 'platform')).toBe('shared');
    expect(owner('infrastructure', 'traffic-protection')).toBe('customer');
    expect(owner('abstracted', 'encryption-at-rest')).toBe('shared');
  });

  it('has at least 40 services, including every service the model\'s public description names', () => {
    expect(services.length).toBeGreaterThanOrEqual(40);
    const ids = services.map((service) => service.id);
    for (const named of ['ec2', 'ebs', 'vpc', 's3', 'glacier', 'dynamodb', 'rds', 'redshift', 'emr', 'workspaces', 'lambda', 'iam', 'cloudtrail', 'kms', 'sqs', 'ses', 'elasticbeanstalk']) {
      expect(ids, named).toContain(named);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('places each resource type in exactly one service, and explains every override in one line', () => {
    const types = services.flatMap((service) => service.resourceTypes);
    expect(new Set(types).size).toBe(types.length);
    for (const service of services) {
      for (const override of service.overrides) {
        expect(override.reason.length, `${service.id} ${override.layer}`).toBeGreaterThan(15);
        expect(override.reason).not.toContain('\n');
      }
    }
  });

  it('keeps the four bottom layers with the provider for every service', () => {
    for (const service of services) {
      const owners = layerOwnership(service);
      expect(owners.map((entry) => entry.layer)).toEqual([...LAYER_IDS]);
      for (const layer of PROVIDER_LAYER_IDS) expect(owners.find((entry) => entry.layer === layer)?.owner).toBe('provider');
      for (const entry of owners) expect(OWNERS).toContain(entry.owner);
    }
  });

  it('has the controls of the model, each with both parts, layers and NIST families', () => {
    const byType = (type: string) => controls.filter((control) => control.type === type).map((control) => control.id);
    expect(byType('inherited')).toEqual(['physical-environmental']);
    expect(byType('shared')).toEqual(expect.arrayContaining(['patch-management', 'configuration-management', 'awareness-training']));
    expect(byType('customer-specific')).toContain('zone-security');
    for (const id of ['access-management', 'data-encryption', 'network-security', 'audit-monitoring', 'incident-response', 'business-continuity', 'asset-classification', 'data-loss-prevention']) {
      expect(getControl(id), id).toBeDefined();
    }
    for (const control of controls) {
      expect(CONTROL_TYPES).toContain(control.type);
      expect(control.providerPart.length).toBeGreaterThan(10);
      expect(control.customerPart.length).toBeGreaterThan(10);
      expect(control.nistFamilies.length).toBeGreaterThan(0);
    }
  });

  it('has the thirteen rows of the summary table with their owners', () => {
    const summary = duties.filter((duty) => duty.origin === 'summary');
    expect(summary).toHaveLength(13);
    expect(summary.filter((duty) => duty.owner === 'customer')).toHaveLength(5);
    expect(summary.filter((duty) => duty.owner === 'shared').map((duty) => duty.id)).toEqual(['compliant-use', 'ensure-network-security']);
    expect(summary.filter((duty) => duty.owner === 'provider')).toHaveLength(6);
    for (const duty of duties) expect(getControl(duty.control), `${duty.id} -> ${duty.control}`).toBeDefined();
  });

  it('prints the model for chosen services as data with the design\'s ids', () => {
    const matrix = serviceMatrix(['ec2', 'rds', 's3', 'lambda']);
    expect(matrix.services.map((service) => [service.id, service.model])).toEqual([
      ['ec2', 'infrastructure'], ['rds', 'container'], ['s3', 'abstracted'], ['lambda', 'serverless'],
    ]);
    const ec2GuestOs = matrix.services[0]?.layers.find((layer) => layer.layer === 'guest-os');
    expect(ec2GuestOs?.owner).toBe('customer');
    expect(ec2GuestOs?.duties.map((duty) => duty.id)).toContain('patch-ec2-guest-os');
    expect(matrix.services[1]?.layers.find((layer) => layer.layer === 'guest-os')?.duties.map((duty) => duty.id)).toContain('patch-rds-os');
    expect(() => serviceMatrix(['nope'])).toThrow(/unknown service nope/);
  });
});
