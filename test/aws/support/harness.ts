import { mockClient } from 'aws-sdk-client-mock';
import { afterEach } from 'vitest';
import { allCollectors } from '../../../src/inventory/sources/aws/collectors/index.js';
import pLimit from 'p-limit';
import type { Collector } from '../../../src/inventory/sources/aws/collector.js';
import { actionMatchesCommand, isReadOnlyAction, isReadOnlyCommand } from '../../../src/inventory/sources/aws/policy.js';
import { AccountSession, RegionGate } from '../../../src/inventory/sources/aws/session.js';

export const ACCOUNT = '111122223333';

export const fakeCredentials = async (): Promise<{ accessKeyId: string; secretAccessKey: string }> => ({ accessKeyId: 'AKIDTESTHARNESS', secretAccessKey: 'harness-secret' });

/** An SDK-shaped service error, as the SDK's deserializers produce them. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status, attempts: 1 } });
}

/** Runs one collector in one region against whatever the SDK mocks answer; checks each call against its declaration. */
export async function runCollector(collector: Collector, options: { region?: string; wanted?: readonly string[]; gate?: RegionGate } = {}) {
  const calls: Array<{ action: string; command: string }> = [];
  const session = new AccountSession({
    account: ACCOUNT,
    partition: 'aws',
    credentials: fakeCredentials,
    settings: { maxAttempts: 1, retryMode: 'standard', callTimeoutMs: 5_000, requestTimeoutMs: 5_000 },
    callLimit: pLimit(8),
    stats: { calls: 0, retries: 0, failures: 0 },
    wanted: new Set(options.wanted ?? collector.resourceTypes),
    env: {},
    onCall: (action, command) => calls.push({ action, command }),
  });
  await collector.collect(session.context(collector, options.region ?? 'us-east-1', options.gate ?? new RegionGate()));
  const violations = calls.flatMap(({ action, command }) => {
    const problems: string[] = [];
    if (!collector.calls.includes(action)) problems.push(`${action} is not declared by the ${collector.service} collector`);
    if (!actionMatchesCommand(action, command)) problems.push(`${command} is sent as ${action}`);
    if (!isReadOnlyAction(action) || !isReadOnlyCommand(command)) problems.push(`${command} (${action}) is not read-only`);
    return problems;
  });
  session.destroy();
  return { resources: session.resources, gaps: session.gaps, calls, violations, byType: (type: string) => session.resources.filter((resource) => resource.type === type) };
}

/** A `mock(Client)` for one test file: every stub it makes is restored after each test. */
export function useClientMocks() {
  const stubs: Array<{ restore(): void }> = [];
  afterEach(() => {
    for (const stub of stubs.splice(0)) stub.restore();
  });
  function mock<T extends Parameters<typeof mockClient>[0]>(client: T) {
    const stub = mockClient(client);
    stubs.push(stub);
    return stub;
  }
  return mock;
}

/** The registered collector of a service, as the scan would pick it. */
export function collectorFor(service: string): Collector {
  const found = allCollectors.find((collector) => collector.service === service);
  if (!found) throw new Error(`no collector for ${service}`);
  return found;
}
