import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { typesToCollect } from '../../src/checks/reads.js';
import { allCollectors, collectorsFor } from '../../src/inventory/sources/aws/collectors/index.js';
import { actionMatchesCommand, isReadOnlyAction, isReadOnlyCommand, requiredActions, scanPolicy } from '../../src/inventory/sources/aws/policy.js';
import { main } from '../../src/cli/main.js';

const folder = join(import.meta.dirname, '../../src/inventory/sources/aws/collectors');

describe('demarc policy', () => {
  it('declares every action each collector sends, each matching its command, none a write', () => {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
      const source = readFileSync(join(folder, file), 'utf8');
      const collector = allCollectors.find((candidate) => file === `${candidate.service}.ts`);
      expect(collector, file).toBeDefined();
      // ctx.call / ctx.detail / ctx.pages(client, 'service:Action', new XCommand(...)) — the only way collectors send.
      const sent = [...source.matchAll(/ctx\.(?:call|detail|pages)\(\s*\w+,\s*'([^']+)',\s*(?:\(\w*\)\s*=>\s*)?new (?:sdk\.|\w+\.)?(\w+Command)\(/g)];
      expect(sent.length, file).toBeGreaterThan(0);
      for (const [, action = '', command = ''] of sent) {
        expect(collector?.calls, `${file}: ${command}`).toContain(action);
        expect(actionMatchesCommand(action, command), `${file}: ${command} as ${action}`).toBe(true);
        expect(isReadOnlyCommand(command), command).toBe(true);
      }
      // Nothing reaches a client except through the wrapper.
      expect(source, file).not.toMatch(/\.send\(/);
      const commands = [...source.matchAll(/new (?:sdk\.|\w+\.)?(\w+Command)\(/g)].map((match) => match[1]);
      expect(commands.length, file).toBe(sent.length);
      for (const action of collector?.calls ?? []) expect(sent.some(([, used]) => used === action), `${file} declares ${action} but never sends it`).toBe(true);
    }
  });

  it('holds only read actions', () => {
    const actions = requiredActions();
    expect(actions).toContain('s3:GetBucketPolicy');
    expect(actions).toContain('iam:GenerateCredentialReport');
    for (const action of actions) expect(isReadOnlyAction(action), action).toBe(true);
    for (const write of ['s3:PutBucketPolicy', 'iam:CreateUser', 'ec2:ModifyInstanceAttribute', 'iam:AttachRolePolicy', 'kms:DeleteAlias', 'lambda:UpdateFunctionCode']) expect(isReadOnlyAction(write), write).toBe(false);
  });

  it('prints the policy as JSON', async () => {
    const out: string[] = [];
    const code = await main(['node', 'demarc', 'policy'], { stdout: (text) => out.push(text), stderr: () => undefined, stdoutIsTty: false, stderrIsTty: false, columns: 80, env: {}, cwd: '.' });
    expect(code).toBe(0);
    // Exactly the calls of the collectors producing what the checks judge and look up: no more, no less.
    const needed = collectorsFor(new Set(typesToCollect(allChecks)));
    expect(JSON.parse(out.join(''))).toEqual(scanPolicy(needed));
    expect(scanPolicy(needed).Statement[0]?.Action).toEqual(requiredActions(needed));
    expect(needed.map((collector) => collector.service)).toContain('s3');
  });
});
