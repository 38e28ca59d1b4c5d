import { describe, expect, it } from 'vitest';
import { buildMatrix } from '../../src/engine/matrix.js';
import type { MatrixRow } from '../../src/engine/result.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import type { Inventory, Resource } from '../../src/inventory/resource.js';
import { fromJson, type PropRecord } from '../../src/inventory/values.js';
import { getService, layerOwnership, serviceForResourceType } from '../../src/model/catalogue.js';
import { explain } from '../../src/model/explain.js';
import { variantsOf } from '../../src/model/variant-cells.js';
import { variants } from '../../src/model/variants.js';
import { isCustomerSideLayer, type LayerId } from '../../src/model/vocabulary.js';
import { runCli } from '../support/cli.js';

const DIR = 'test/model/variants';

async function rows(path: string): Promise<Map<string, MatrixRow>> {
  const { rows: built } = buildMatrix(await loadPaths([path]), []);
  return new Map(built.map((row) => [row.resource.id, row]));
}

function owner(row: MatrixRow | undefined, layer: LayerId): string | undefined {
  return row?.cells.find((cell) => cell.layer === layer)?.owner;
}

/** The variant id (or `unknown`) and the guest-os / platform owners of a row. */
function split(row: MatrixRow | undefined): string {
  return `${row?.variant ? (row.variant.id ?? 'unknown') : 'none'} guest-os=${owner(row, 'guest-os')} platform=${owner(row, 'platform')}`;
}

describe('a resource takes the variant its properties select', () => {
  it('ECS services and task definitions from a CloudFormation template', async () => {
    const matrix = await rows(`${DIR}/ecs.yaml`);
    expect(split(matrix.get('OnFargate'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('OnEc2'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    expect(split(matrix.get('OnAsgProvider'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    expect(split(matrix.get('OnManagedInstances'))).toBe('ecs-managed-instances guest-os=provider platform=provider');
    expect(split(matrix.get('OnClusterDefault'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(matrix.get('OnClusterDefault')?.variant?.because).toContain('default capacity provider strategy of cluster FargateCluster');
    expect(split(matrix.get('OnPlainCluster'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    expect(split(matrix.get('FargateTasks'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('Managed'))).toBe('ecs-managed-instances guest-os=provider platform=provider');
    // A cluster can run several launch types: it has no variant of its own.
    expect(matrix.get('Cluster')?.variant).toBeUndefined();
  });

  it('says "variant unknown" when the deciding property is unresolved, and never hands a layer to AWS then', async () => {
    const matrix = await rows(`${DIR}/ecs.yaml`);
    for (const id of ['OnUnresolvedLaunchType', 'OnForeignCluster', 'EitherTasks']) {
      const row = matrix.get(id);
      expect(row?.variant, id).toMatchObject({ name: 'variant unknown' });
      expect(row?.variant?.id, id).toBeUndefined();
      expect(split(row), id).toBe('unknown guest-os=customer platform=customer');
    }
    expect(matrix.get('OnUnresolvedLaunchType')?.variant?.because).toContain('LaunchType is not resolved');
    expect(matrix.get('OnForeignCluster')?.variant?.because).toContain('is not in the input');
  });

  it('ECS services from a Terraform folder give the same owners as the template', async () => {
    const matrix = await rows(`${DIR}/ecs-tf`);
    expect(split(matrix.get('aws_ecs_service.on_fargate'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('aws_ecs_service.on_ec2'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    expect(split(matrix.get('aws_ecs_service.on_spot'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('aws_ecs_service.on_cluster_default'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('aws_ecs_service.on_plain_cluster'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    expect(split(matrix.get('aws_ecs_service.on_unresolved_launch_type'))).toBe('unknown guest-os=customer platform=customer');
  });

  it('Lambda, RDS, EKS, Elastic Beanstalk and the serverless editions from a template', async () => {
    const matrix = await rows(`${DIR}/others.yaml`);
    expect(split(matrix.get('ZipFunction'))).toBe(`lambda-zip guest-os=provider platform=${owner(matrix.get('ZipFunction'), 'platform')}`);
    expect(owner(matrix.get('ZipFunction'), 'platform')).not.toBe('customer');
    expect(split(matrix.get('ImageFunction'))).toBe('lambda-image guest-os=provider platform=customer');
    expect(split(matrix.get('Custom'))).toBe('rds-custom guest-os=customer platform=customer');
    expect(split(matrix.get('Postgres'))).toBe(`rds-managed guest-os=provider platform=${owner(matrix.get('Postgres'), 'platform')}`);
    expect(split(matrix.get('AutoCluster'))).toMatch(/^eks-auto-mode guest-os=provider /);
    expect(split(matrix.get('NodeCluster'))).toMatch(/^eks-node-groups guest-os=customer /);
    expect(split(matrix.get('Nodes'))).toMatch(/^eks-node-groups guest-os=customer /);
    expect(split(matrix.get('LonelyCluster'))).toMatch(/^eks-fargate guest-os=provider /);
    expect(split(matrix.get('Pods'))).toMatch(/^eks-fargate guest-os=provider /);
    expect(split(matrix.get('ManualUpdates'))).toBe('elasticbeanstalk-manual-updates guest-os=customer platform=customer');
    expect(split(matrix.get('SilentUpdates'))).toBe('unknown guest-os=customer platform=customer');
    expect(split(matrix.get('Search'))).toMatch(/^opensearch-serverless guest-os=provider platform=provider$/);
    expect(split(matrix.get('Cache'))).toMatch(/^elasticache-serverless guest-os=provider platform=shared$/);
    expect(split(matrix.get('Spark'))).toMatch(/^emr-serverless guest-os=provider /);
  });

  it('reads live-shaped properties the same way', () => {
    const live = (id: string, type: string, properties: Record<string, unknown>): Resource => ({
      id: `arn:aws:ecs:eu-west-1:111122223333:service/main/${id}`, scope: 'aws://111122223333', type, name: id,
      properties: fromJson(properties) as PropRecord, origin: { kind: 'aws' },
    });
    const inventory: Inventory = {
      resources: [
        live('fargate', 'AWS::ECS::Service', { LaunchType: 'FARGATE', Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/main' }),
        live('spot', 'AWS::ECS::Service', { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }], Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/main' }),
        live('ec2', 'AWS::ECS::Service', { LaunchType: 'EC2', Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/main' }),
        live('silent', 'AWS::ECS::Service', { Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/main' }),
        live('image', 'AWS::Lambda::Function', { PackageType: 'Image' }),
      ],
      gaps: [], problems: [], sources: [],
    };
    const matrix = new Map(buildMatrix(inventory, []).rows.map((row) => [row.resource.name, row]));
    expect(split(matrix.get('fargate'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('spot'))).toBe('ecs-fargate guest-os=provider platform=provider');
    expect(split(matrix.get('ec2'))).toBe('ecs-ec2 guest-os=customer platform=customer');
    // An account always reports one or the other: neither is missing evidence, not the EC2 default.
    expect(split(matrix.get('silent'))).toBe('unknown guest-os=customer platform=customer');
    expect(split(matrix.get('image'))).toBe('lambda-image guest-os=provider platform=customer');
  });
});

describe('the variants keep to the model', () => {
  it('name an existing service, customer-side layers and an AWS source for every override', () => {
    const ids = new Set<string>();
    for (const variant of variants) {
      expect(getService(variant.service), variant.id).toBeDefined();
      expect(variant.id.startsWith(`${variant.service}-`), variant.id).toBe(true);
      expect(ids.has(variant.id), `duplicate ${variant.id}`).toBe(false);
      ids.add(variant.id);
      expect(variant.source, variant.id).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      for (const override of variant.overrides) {
        expect(isCustomerSideLayer(override.layer), `${variant.id} ${override.layer}`).toBe(true);
        expect(override.source, `${variant.id} ${override.layer}`).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
        expect(override.reason.length, `${variant.id} ${override.layer}`).toBeGreaterThan(20);
      }
      // A type that is a variant by itself belongs to that variant's service, wherever the catalogue lists it.
      for (const type of variant.resourceTypes ?? []) expect(serviceForResourceType(type)?.id ?? variant.service, `${variant.id} ${type}`).toBe(variant.service);
    }
  });

  it('differ from the service somewhere for every service that has variants', () => {
    for (const serviceId of new Set(variants.map((variant) => variant.service))) {
      const service = getService(serviceId);
      if (!service) continue;
      const own = layerOwnership(service);
      const differing = variantsOf(serviceId).flatMap((variant) => variant.overrides.filter((override) => own.find((cell) => cell.layer === override.layer)?.owner !== override.owner || own.find((cell) => cell.layer === override.layer)?.reason !== override.reason));
      expect(differing.length, serviceId).toBeGreaterThan(0);
    }
  });
});

describe('the variants are shown', () => {
  it('`demarc matrix --service ecs` lists the variants with the cells they change', async () => {
    const text = await runCli(['matrix', '--service', 'ecs']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Variants');
    for (const name of ['Fargate', 'ECS Managed Instances', 'ECS Anywhere (EXTERNAL)']) expect(text.stdout).toContain(name);
    expect(text.stdout).toMatch(/guest-os\s+provider \(differs\)/);
    const json = await runCli(['matrix', '--service', 'ecs', '--format', 'json']);
    const fargate = JSON.parse(json.stdout).services[0].variants.find((variant: { id: string }) => variant.id === 'ecs-fargate');
    expect(fargate.cells).toEqual(expect.arrayContaining([expect.objectContaining({ layer: 'guest-os', owner: 'provider', differs: true })]));
  });

  it('`explain ecs` names the variants', () => {
    const explanation = explain('ecs', []);
    expect(explanation?.details['variants']).toEqual(expect.arrayContaining([expect.stringContaining('ecs-fargate (Fargate): guest-os: provider, platform: provider')]));
  });
});

describe('findings take the owner of their cell for the resource variant', () => {
  it('gives an RDS Custom instance\'s platform finding to the customer, a managed instance\'s to the service cell', async () => {
    const { evaluateInventory } = await import('../../src/engine/scan.js');
    const { allChecks } = await import('../../src/checks/index.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'demarc-variant-owner-'));
    const template = join(folder, 'rds.yaml');
    const instance = (engine: string): string => `    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: ${engine}\n      EngineVersion: '19.0'\n      AutoMinorVersionUpgrade: false\n`;
    writeFileSync(template, `Resources:\n  Custom:\n${instance('custom-oracle-ee')}  Managed:\n${instance('oracle-ee')}`);
    const checks = allChecks.filter((check) => check.id === 'rds-auto-minor-version-upgrade');
    const result = evaluateInventory(await loadPaths([template]), { checks, now: new Date('2026-11-01T00:00:00Z') });
    const ownerOfFinding = (id: string): string | undefined => result.findings.find((finding) => finding.resource.id === id)?.owner;
    const rds = getService('rds');
    expect(rds).toBeDefined();
    const serviceCell = rds ? layerOwnership(rds).find((cell) => cell.layer === 'platform')?.owner : undefined;
    expect(ownerOfFinding('Custom')).toBe('customer');
    expect(ownerOfFinding('Managed')).toBe(serviceCell);
    expect(serviceCell).not.toBe('customer');
  });
});
