import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { evaluateInventory } from '../../src/engine/scan.js';
import { loadPaths } from '../../src/inventory/load-paths.js';
import { cisAwsV5 } from '../../src/model/frameworks/cis-aws-v5.js';

/** CIS 5.3 and 5.4 of a template with one security group allowing SSH from `cidrProperty: cidr`. */
async function adminPortItems(cidrProperty: string, cidr: string): Promise<Record<string, string | undefined>> {
  const folder = mkdtempSync(join(tmpdir(), 'demarc-facets-'));
  const template = join(folder, 'group.yaml');
  writeFileSync(template, [
    'Resources:',
    '  Admin:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupDescription: admin',
    '      SecurityGroupIngress:',
    `        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, ${cidrProperty}: '${cidr}' }`,
  ].join('\n'));
  const result = evaluateInventory(await loadPaths([template]), { checks: allChecks, frameworks: [cisAwsV5], now: new Date('2026-11-01T00:00:00Z') });
  const items = result.frameworks?.[0]?.items ?? [];
  return Object.fromEntries(['5.3', '5.4'].map((id) => [id, items.find((item) => item.id === id)?.status]));
}

describe('framework items that test one facet of a check (CIS 5.3 IPv4, 5.4 IPv6)', () => {
  it('fails only the item of the address family that is open', async () => {
    expect(await adminPortItems('CidrIp', '0.0.0.0/0')).toEqual({ '5.3': 'fail', '5.4': 'pass' });
    expect(await adminPortItems('CidrIpv6', '::/0')).toEqual({ '5.3': 'pass', '5.4': 'fail' });
  });

  it('passes both when the rule is narrow', async () => {
    expect(await adminPortItems('CidrIp', '10.0.0.0/8')).toEqual({ '5.3': 'pass', '5.4': 'pass' });
  });
});
