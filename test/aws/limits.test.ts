import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import * as stsSdk from '@aws-sdk/client-sts';
import * as gdSdk from '@aws-sdk/client-guardduty';
import * as orgSdk from '@aws-sdk/client-organizations';
import { defineCollector, listing, type Collector } from '../../src/inventory/sources/aws/collector.js';
import { AwsCallError } from '../../src/inventory/sources/aws/errors.js';
import { durationMs, formatDuration, scanAws } from '../../src/inventory/sources/aws/scan.js';
import { AccountSession, CappedHttpHandler, RegionGate, type CallSettings } from '../../src/inventory/sources/aws/session.js';
import { ACCOUNT, fakeCredentials, useClientMocks } from './support/harness.js';

const mock = useClientMocks();

const settings: CallSettings = { maxAttempts: 1, retryMode: 'standard', callTimeoutMs: 5_000, requestTimeoutMs: 5_000 };

function sessionWith(extra: Partial<CallSettings> = {}): AccountSession {
  return new AccountSession({
    account: ACCOUNT,
    partition: 'aws',
    credentials: fakeCredentials,
    settings: { ...settings, ...extra },
    callLimit: pLimit(8),
    stats: { calls: 0, retries: 0, failures: 0 },
    wanted: new Set(['Test::Thing']),
    env: {},
  });
}

/** An SDK-shaped command: only its constructor's name and input are read. */
class ListThingsCommand {
  constructor(readonly input: { NextToken?: string }) {}
  resolveMiddleware(): never {
    throw new Error('not sent through the SDK');
  }
}

const thingCollector = (collect: Collector['collect']): Collector =>
  defineCollector({ service: 'test', resourceTypes: ['Test::Thing'], calls: ['test:ListThings'], global: false, collect });

/** Pages a fake service whose `NextToken` comes from `tokenFor(page number)`; returns the gaps and the pages sent. */
async function pageThrough(tokenFor: (page: number) => string | undefined, extra: Partial<CallSettings> = {}) {
  const session = sessionWith(extra);
  let sent = 0;
  const client = {
    send: async () => {
      sent += 1;
      return { Things: [`thing-${sent}`], NextToken: tokenFor(sent) };
    },
    destroy: () => undefined,
  };
  const collector = thingCollector(async (context) => {
    await listing(context, ['Test::Thing'], async () => {
      const pages = context.pages(client, 'test:ListThings', (token) => new ListThingsCommand({ NextToken: token }), (page) => (page as { NextToken?: string }).NextToken);
      for await (const page of pages) {
        for (const id of (page as { Things: string[] }).Things) context.emit({ type: 'Test::Thing', id, properties: {} });
      }
    });
  });
  await collector.collect(session.context(collector, 'us-east-1', new RegionGate()));
  return { gaps: session.gaps, resources: session.resources, sent };
}

describe('limits of live collection', () => {
  it('stops a listing whose service keeps handing out new tokens at the page cap, with a gap', async () => {
    const started = Date.now();
    const { gaps, resources, sent } = await pageThrough((page) => `token-${page}`, { maxPages: 50 });
    expect(sent).toBe(50);
    expect(resources).toHaveLength(50);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ call: 'test:ListThings', operation: 'ListThings', resourceTypes: ['Test::Thing'], reason: 'listing stopped after 50 pages' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a listing when the service repeats a continuation token, with a gap', async () => {
    const tokens = ['a', 'b', 'a', 'c'];
    const { gaps, resources, sent } = await pageThrough((page) => tokens[page - 1]);
    expect(sent).toBe(3);
    expect(resources).toHaveLength(3);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.reason).toMatch(/^the service repeated a continuation token/);
  });

  it('reads a listing that ends', async () => {
    const { gaps, sent } = await pageThrough((page) => (page < 3 ? `t${page}` : undefined));
    expect(sent).toBe(3);
    expect(gaps).toEqual([]);
  });

  it('--org-role stops when ListAccounts repeats a token: the accounts read are scanned, the rest is a gap', async () => {
    mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/auditor' });
    const org = mock(orgSdk.OrganizationsClient);
    org.on(orgSdk.ListAccountsCommand, { NextToken: undefined }).resolves({ Accounts: [{ Id: '111111111111', Status: 'ACTIVE' }], NextToken: 'again' });
    org.on(orgSdk.ListAccountsCommand, { NextToken: 'again' }).resolves({ Accounts: [], NextToken: 'again' });
    mock(gdSdk.GuardDutyClient).on(gdSdk.ListDetectorsCommand).resolves({ DetectorIds: [] });
    const outcome = await scanAws({
      resourceTypes: ['Demarc::GuardDuty::RegionStatus'],
      credentials: fakeCredentials,
      env: {},
      regions: ['us-east-1'],
      orgRole: 'Audit',
      settings: { maxAttempts: 1, callTimeoutMs: 2_000, requestTimeoutMs: 2_000 },
      assumeRole: () => fakeCredentials,
    });
    expect(org.commandCalls(orgSdk.ListAccountsCommand)).toHaveLength(2);
    expect(outcome.accounts.map((account) => account.account)).toEqual(['111111111111']);
    const gap = outcome.inventory.gaps.find((entry) => entry.call === 'organizations:ListAccounts');
    expect(gap?.reason).toMatch(/^the service repeated a continuation token; the listing stopped after 2 pages; accounts listed after that were not scanned$/);
  });

  describe('answer size', () => {
    async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
      const server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
    }
    const identity = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/a</Arn><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>';
    const padding = `<!-- ${'x'.repeat(8192)} -->`;

    async function callThrough(url: string, maxBytes: number): Promise<unknown> {
      const session = sessionWith();
      const client = new stsSdk.STSClient({ region: 'us-east-1', endpoint: url, credentials: fakeCredentials, maxAttempts: 1, requestHandler: new CappedHttpHandler({ requestTimeout: 5_000 }, maxBytes) });
      try {
        return await session.call(client, 'sts:GetCallerIdentity', new stsSdk.GetCallerIdentityCommand({}));
      } catch (error) {
        return error;
      } finally {
        client.destroy();
      }
    }

    it('the clients the session creates cap the answer size', () => {
      const session = sessionWith();
      const client = session.client(stsSdk.STSClient, 'us-east-1');
      expect((client.config as { requestHandler: unknown }).requestHandler).toBeInstanceOf(CappedHttpHandler);
      session.destroy();
    });

    it('refuses an answer whose Content-Length is over the cap, before reading it', async () => {
      const { url, server } = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(500 * 1024 * 1024) });
        // Never sends the 500 MB: the client must give up on the header alone.
        response.write(identity);
      });
      try {
        const error = await callThrough(url, 4096);
        expect(error).toBeInstanceOf(AwsCallError);
        expect((error as AwsCallError).limit).toBe('ResponseTooLarge');
        expect((error as AwsCallError).message).toBe('the answer was 500 MB, more than the 0.0 MB demarc reads; it was not read');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it('aborts a streamed answer (no Content-Length) once it grows past the cap', async () => {
      let closed = false;
      const { url, server } = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.on('close', () => (closed = true));
        let sent = 0;
        const more = (): void => {
          if (response.destroyed || sent > 1000) return;
          sent += 1;
          response.write(padding, () => setTimeout(more, 1));
        };
        more();
      });
      try {
        const error = await callThrough(url, 64 * 1024);
        expect(error).toBeInstanceOf(AwsCallError);
        expect((error as AwsCallError).limit).toBe('ResponseTooLarge');
        expect((error as AwsCallError).message).toMatch(/^the answer was over 0\.1 MB, more than the 0\.1 MB demarc reads/);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(closed).toBe(true);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it('reads an answer under the cap', async () => {
      const { url, server } = await serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(identity);
      });
      try {
        expect(await callThrough(url, 64 * 1024)).toMatchObject({ Account: '111122223333' });
      } finally {
        server.close();
      }
    });
  });

  describe('deadline', () => {
    it('parses and prints durations', () => {
      expect(durationMs('90s')).toBe(90_000);
      expect(durationMs('10m')).toBe(600_000);
      expect(durationMs('1h30m')).toBe(5_400_000);
      expect(durationMs('45')).toBe(45_000);
      expect(() => durationMs('soon')).toThrow(/invalid --timeout "soon"/);
      expect(() => durationMs('0s')).toThrow(/invalid/);
      expect(formatDuration(600_000)).toBe('10m');
      expect(formatDuration(90_000)).toBe('90s');
      expect(formatDuration(800)).toBe('800ms');
    });

    it('turns calls not made by the deadline into gaps and finishes with what it read', async () => {
      mock(stsSdk.STSClient).on(stsSdk.GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor` });
      // A service that takes 30 s per answer (unless the request is aborted).
      const slow = {
        send: (_command: unknown, options?: { abortSignal?: AbortSignal }) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => resolve({}), 30_000);
            options?.abortSignal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
            });
          }),
        destroy: () => undefined,
      };
      const collector = thingCollector(async (context) => {
        context.emit({ type: 'Test::Thing', id: 'read-before', properties: {} });
        await context.each(['a', 'b', 'c'], async (id) => {
          await context.detail(slow, 'test:ListThings', new ListThingsCommand({}), id);
        });
        await listing(context, ['Test::Thing'], async () => {
          await context.call(slow, 'test:ListThings', new ListThingsCommand({}));
        });
      });
      const started = Date.now();
      const outcome = await scanAws({
        resourceTypes: ['Test::Thing'],
        credentials: fakeCredentials,
        env: {},
        regions: ['us-east-1'],
        collectors: [collector],
        settings: { maxAttempts: 5, callTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
        timeout: 800,
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(outcome.inventory.resources.map((resource) => resource.id)).toEqual(['read-before']);
      expect(outcome.inventory.gaps).toHaveLength(4);
      for (const gap of outcome.inventory.gaps) expect(gap.reason).toBe("the scan's deadline of 800ms was reached");
      expect(outcome.inventory.gaps.filter((gap) => gap.resourceId !== undefined).map((gap) => gap.resourceId).sort()).toEqual(['a', 'b', 'c']);
    });
  });
});
