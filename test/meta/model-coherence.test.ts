import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { controls, duties, dutiesFor, getControl, getDuty, getService, layerOwnership, ownerOf, services } from '../../src/model/catalogue.js';
import { seedArticles } from '../../src/model/duties.js';
import { explain, explainableIds, suggestIds } from '../../src/model/explain.js';
import { allFrameworks } from '../../src/model/frameworks/index.js';
import { serviceMatrix } from '../../src/model/service-matrix.js';
import { LAYER_IDS, type LayerId, type Owner } from '../../src/model/vocabulary.js';
import { runCli } from '../support/cli.js';

const cells = services.flatMap((service) => layerOwnership(service).map(({ layer, owner }) => ({ service, layer, owner })));
const where = (service: string, layer: string) => `${service}/${layer}`;

describe('checks sit where the model puts their duty', () => {
  it.each(allChecks.map((check) => [check.id, check] as const))('%s', (_id, check) => {
    const service = getService(check.service);
    const duty = getDuty(check.duty);
    expect(service, check.service).toBeDefined();
    expect(duty, check.duty).toBeDefined();
    if (!service || !duty) return;
    expect(['customer', 'shared'], `${where(service.id, check.layer)} is ${ownerOf(service, check.layer)}`).toContain(ownerOf(service, check.layer));
    expect(duty.owner, `duty ${duty.id}`).not.toBe('provider');
    expect(dutiesFor(service, check.layer).map((entry) => entry.id), `duty ${duty.id} is not on ${where(service.id, check.layer)}`).toContain(duty.id);
    expect(check.control, `duty ${duty.id} belongs to ${duty.control}`).toBe(duty.control);
  });
});

describe('cells and duties agree', () => {
  it('every shared cell names both the provider\'s part and the customer\'s part', () => {
    const lacking = cells
      .filter((cell) => cell.owner === 'shared')
      .filter((cell) => {
        const onCell = dutiesFor(cell.service, cell.layer);
        return !onCell.some((duty) => duty.owner !== 'customer') || !onCell.some((duty) => duty.owner !== 'provider');
      })
      .map((cell) => where(cell.service.id, cell.layer));
    expect(lacking).toEqual([]);
  });

  it('no duty written for named services sits on a cell its owner has no part in', () => {
    const misplaced: string[] = [];
    for (const duty of duties.filter((entry) => entry.services.length > 0)) {
      for (const serviceId of duty.services) {
        const service = getService(serviceId);
        if (!service) {
          misplaced.push(`${duty.id}: unknown service ${serviceId}`);
          continue;
        }
        for (const layer of duty.layers) {
          const owner = ownerOf(service, layer);
          const clash = owner === 'none' || (duty.owner === 'customer' && owner === 'provider') || (duty.owner === 'provider' && owner === 'customer');
          if (clash) misplaced.push(`${duty.id} (${duty.owner}) on ${where(serviceId, layer)} (${owner})`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('the printed matrix puts no customer duty on a provider-owned or absent cell', () => {
    const misplaced = serviceMatrix([]).services.flatMap((service) =>
      service.layers
        .filter((layer) => layer.owner === 'provider' || layer.owner === 'none')
        .flatMap((layer) => layer.duties.filter((duty) => duty.owner === 'customer').map((duty) => `${duty.id} on ${where(service.id, layer.layer)}`)),
    );
    expect(misplaced).toEqual([]);
  });

  it('every customer-owned cell names a customer duty, and every duty lands on some cell', () => {
    const bare = cells
      .filter((cell) => cell.owner === 'customer' && !dutiesFor(cell.service, cell.layer).some((duty) => duty.owner !== 'provider'))
      .map((cell) => where(cell.service.id, cell.layer));
    expect(bare).toEqual([]);
    const placed = new Set(cells.flatMap((cell) => dutiesFor(cell.service, cell.layer).map((duty) => duty.id)));
    expect(duties.map((duty) => duty.id).filter((id) => !placed.has(id))).toEqual([]);
  });

  it('a duty\'s layers are among its control\'s layers, and every control appears on some cell', () => {
    for (const duty of duties) {
      const control = getControl(duty.control);
      expect(control, `${duty.id} -> ${duty.control}`).toBeDefined();
      for (const layer of duty.layers) expect(control?.layers, `${duty.id} on ${layer} (control ${duty.control})`).toContain(layer);
    }
    const onCells = new Set(cells.flatMap((cell) => dutiesFor(cell.service, cell.layer).map((duty) => duty.control)));
    expect(controls.map((control) => control.id).filter((id) => !onCells.has(id))).toEqual([]);
    expect(getControl('awareness-training')?.layers.length).toBeGreaterThan(0);
  });
});

describe('ids', () => {
  const entries = explainableIds(allChecks, allFrameworks);

  it('are unique across layers, service models, services, controls, duties, checks, frameworks and framework items', () => {
    const kindsById = new Map<string, string[]>();
    for (const entry of entries) kindsById.set(entry.id, [...(kindsById.get(entry.id) ?? []), entry.kind]);
    const collisions = [...kindsById].filter(([, kinds]) => kinds.length > 1).map(([id, kinds]) => `${id}: ${kinds.join(', ')}`);
    expect(collisions).toEqual([]);
    for (const kind of ['layer', 'service-model', 'service', 'control', 'duty', 'check', 'framework', 'framework-item']) {
      expect(entries.some((entry) => entry.kind === kind), kind).toBe(true);
    }
  });

  it('each explains as the object of its own kind', () => {
    const wrong = entries.filter((entry) => explain(entry.id, allChecks, allFrameworks)?.kind !== entry.kind).map((entry) => entry.id);
    expect(wrong).toEqual([]);
    expect(explain('access-management', allChecks)?.kind).toBe('control');
    expect(explain('identity-access', allChecks)?.kind).toBe('layer');
    expect(explain('cis-aws-v5:1.4', allChecks, allFrameworks)?.title.length).toBeGreaterThan(5);
  });

  it('suggest the nearest ids for a typo, and nothing for nonsense', () => {
    const ids = entries.map((entry) => entry.id);
    expect(suggestIds('gest-os', ids)).toContain('guest-os');
    expect(suggestIds('patch-managment', ids)).toContain('patch-management');
    expect(suggestIds('lambda-runtime-suported', ids)[0]).toBe('lambda-runtime-supported');
    expect(suggestIds('zzzzqqqq', ids)).toEqual([]);
    expect(explain('gest-os', allChecks)).toBeUndefined();
  });

  it('`demarc explain` answers a framework item and offers the nearest ids on a typo', async () => {
    const item = await runCli(['explain', 'cis-aws-v5:1.4']);
    expect(item.code).toBe(0);
    expect(item.stdout).toMatch(/framework-item cis-aws-v5:1\.4/);
    const typo = await runCli(['explain', 'rotate-acces-keys']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean rotate-access-keys/);
  });
});

describe('the seeds stay exact', () => {
  const duty = (id: string) => {
    const found = getDuty(id);
    if (!found) throw new Error(`no duty ${id}`);
    return found;
  };

  it('row 3: the customer configures services except how AWS runs its managed services, which row 8 gives AWS', () => {
    expect(duty('configure-services-securely').statement).toMatch(/except the AWS managed services themselves/);
    expect(duty('configure-services-securely').statement).toMatch(/stay the customer's/);
    expect(duty('configure-managed-services').owner).toBe('provider');
  });

  it('the database-patching row names DocumentDB and Neptune, in its statement and its services', () => {
    const row = duty('patch-managed-databases');
    expect(row.statement).toMatch(/DocumentDB/);
    expect(row.statement).toMatch(/Neptune/);
    expect(row.services).toEqual(expect.arrayContaining(['rds', 'redshift', 'dynamodb', 'elasticache', 'documentdb', 'neptune']));
  });

  it('examples that hold for every service apply to every service', () => {
    for (const id of ['update-hypervisor', 'patch-host-os', 'maintain-ec2-hardware', 'secure-data-centres']) {
      expect(duty(id).services, id).toEqual([]);
      const layer: LayerId = duty(id).layers[0] ?? 'facilities';
      const missing = services.filter((service) => !dutiesFor(service, layer).some((entry) => entry.id === id)).map((service) => service.id);
      expect(missing, id).toEqual([]);
    }
  });

  it('every duty from the seeds names the seed articles it came from', () => {
    const known = new Set<string>(seedArticles.map((article) => article.id));
    for (const entry of duties) {
      if (entry.origin !== 'model') expect(entry.seeds?.length ?? 0, entry.id).toBeGreaterThan(0);
      for (const seed of entry.seeds ?? []) expect(known.has(seed), `${entry.id} names ${seed}`).toBe(true);
    }
    const summary = duties.filter((entry) => entry.origin === 'summary');
    expect(summary).toHaveLength(13);
  });

  it('has the duties the seeds and AWS\'s documentation add', () => {
    const expectations: Array<[string, Owner, LayerId, string]> = [
      ['remediate-compromised-credentials', 'customer', 'logging-monitoring', 'incident-response'],
      ['operate-key-infrastructure', 'provider', 'encryption-at-rest', 'data-encryption'],
      ['apply-required-service-updates', 'customer', 'platform', 'patch-management'],
    ];
    for (const [id, owner, layer, control] of expectations) {
      expect(duty(id).owner, id).toBe(owner);
      expect(duty(id).layers, id).toContain(layer);
      expect(duty(id).control, id).toBe(control);
    }
    const opensearch = getService('opensearch');
    expect(opensearch && dutiesFor(opensearch, 'platform').map((entry) => entry.id)).toContain('apply-required-service-updates');
    const kms = getService('kms');
    expect(kms && dutiesFor(kms, 'encryption-at-rest').map((entry) => entry.id)).toContain('operate-key-infrastructure');
  });
});

describe('cells decided against AWS\'s documentation', () => {
  const decided: Array<[string, LayerId, Owner]> = [
    ['lambda', 'platform', 'shared'],
    ['stepfunctions', 'platform', 'provider'],
    ['elasticache', 'platform', 'shared'],
    ['redshift', 'platform', 'shared'],
    ['opensearch', 'platform', 'shared'],
    ['elb', 'traffic-protection', 'shared'],
    ['cloudfront', 'traffic-protection', 'shared'],
    ['workspaces', 'platform', 'customer'],
    ['workspaces', 'guest-os', 'shared'],
    ['iam', 'network-config', 'none'],
    ['guardduty', 'network-config', 'none'],
    ['eks', 'guest-os', 'customer'],
    ['ecs', 'guest-os', 'customer'],
    ['emr', 'guest-os', 'customer'],
    ['ebs', 'guest-os', 'none'],
  ];

  it.each(decided)('%s %s is %s, with the AWS page that says so', (serviceId, layer, owner) => {
    const service = getService(serviceId);
    expect(service).toBeDefined();
    const override = service?.overrides.find((entry) => entry.layer === layer);
    expect(override?.owner).toBe(owner);
    expect(override?.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('a service without customer content has no customer-data or client-side encryption cell', () => {
    for (const id of ['iam', 'organizations', 'guardduty', 'securityhub', 'accessanalyzer', 'config', 'identitycenter']) {
      const service = getService(id);
      expect(service && ownerOf(service, 'customer-data'), id).toBe('none');
      expect(service && ownerOf(service, 'client-side-encryption'), id).toBe('none');
    }
  });

  it('every override names a layer of the vocabulary once, with a one-line reason', () => {
    for (const service of services) {
      const layers = service.overrides.map((entry) => entry.layer);
      expect(new Set(layers).size, service.id).toBe(layers.length);
      for (const layer of layers) expect(LAYER_IDS).toContain(layer);
    }
  });
});

describe('services', () => {
  it('cover at least 75 services, including the ones users hit most', () => {
    expect(services.length).toBeGreaterThanOrEqual(75);
    const ids = services.map((service) => service.id);
    for (const id of ['msk', 'mq', 'kinesis', 'glue', 'athena', 'sagemaker', 'fsx', 'identitycenter', 'networkfirewall', 'cognito', 'eventbridge', 'codebuild', 'dms', 'backup', 'stepfunctions', 'appsync', 'acm', 'ssm', 'cloudformation']) {
      expect(ids, id).toContain(id);
    }
  });

  it('name resource types in the CloudFormation form, each in one service', () => {
    const types = services.flatMap((service) => service.resourceTypes);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^(AWS|Demarc)::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
  });
});
