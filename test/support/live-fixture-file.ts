import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RecordedReply } from './live-proxy.js';
import type { SeedStep } from './live-seed.js';

/** A live fixture (`<expected>[-name].live.yaml`): what to create in the account, and how the scan's calls are answered. */
export interface LiveFixtureSpec {
  seed: SeedStep[];
  replies: RecordedReply[];
  deny: string[];
  region: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fixtureError(path: string, message: string): Error {
  return new Error(`${path}: ${message}`);
}

function onlyKeys(path: string, where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw fixtureError(path, `${where} has unknown keys ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
}

function readSeedStep(path: string, value: unknown, index: number): SeedStep {
  const where = `seed[${index}]`;
  if (!isRecord(value)) throw fixtureError(path, `${where} is not a mapping`);
  onlyKeys(path, where, value, ['call', 'input', 'as']);
  const { call, input, as } = value;
  if (typeof call !== 'string' || !/^\w+\.\w+$/.test(call)) throw fixtureError(path, `${where}.call must be service.Operation`);
  if (input !== undefined && !isRecord(input)) throw fixtureError(path, `${where}.input must be a mapping`);
  if (as !== undefined && (typeof as !== 'string' || !/^\w+$/.test(as))) throw fixtureError(path, `${where}.as must be a name`);
  return { call, input: input ?? {}, ...(as === undefined ? {} : { as }) };
}

function readReply(path: string, value: unknown, index: number): RecordedReply {
  const where = `replies[${index}]`;
  if (!isRecord(value)) throw fixtureError(path, `${where} is not a mapping`);
  onlyKeys(path, where, value, ['call', 'status', 'body', 'contentType', 'match']);
  const { call, status, body, contentType, match } = value;
  if (typeof call !== 'string' || !call.includes(':')) throw fixtureError(path, `${where}.call must be service:Action`);
  if (typeof status !== 'number' || !Number.isInteger(status)) throw fixtureError(path, `${where}.status must be an HTTP status`);
  if (typeof body !== 'string') throw fixtureError(path, `${where}.body must be a string (the wire body)`);
  if (contentType !== undefined && typeof contentType !== 'string') throw fixtureError(path, `${where}.contentType must be a string`);
  if (match !== undefined && typeof match !== 'string') throw fixtureError(path, `${where}.match must be a string`);
  return { call, status, body, ...(contentType === undefined ? {} : { contentType }), ...(match === undefined ? {} : { match }) };
}

export function readLiveFixture(path: string): LiveFixtureSpec {
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  if (!isRecord(raw)) throw fixtureError(path, 'a live fixture is a mapping with seed, replies, deny, region');
  onlyKeys(path, 'the fixture', raw, ['seed', 'replies', 'deny', 'region']);
  const { seed: steps = [], replies = [], deny = [], region = 'us-east-1' } = raw;
  if (!Array.isArray(steps) || !Array.isArray(replies)) throw fixtureError(path, 'seed and replies must be lists');
  if (!Array.isArray(deny) || !deny.every((pattern) => typeof pattern === 'string')) throw fixtureError(path, 'deny must be a list of service:Action patterns');
  if (typeof region !== 'string') throw fixtureError(path, 'region must be a string');
  return {
    seed: steps.map((step, index) => readSeedStep(path, step, index)),
    replies: replies.map((reply, index) => readReply(path, reply, index)),
    deny: deny.filter((pattern): pattern is string => typeof pattern === 'string'),
    region,
  };
}

