import { describe, expect, it } from 'vitest';
import { selectorMatches } from '../../src/config/apply.js';
import { hasExpired, isIsoDate } from '../../src/config/dates.js';
import { matchesCheckPattern, matchesGlob } from '../../src/glob.js';
import { closeIds } from '../../src/config/suggest.js';

describe('globs', () => {
  it('match whole strings only, with * across / and :', () => {
    expect(matchesGlob('logs-*', 'logs-prod')).toBe(true);
    expect(matchesGlob('logs-*', 'old-logs-prod')).toBe(false);
    expect(matchesGlob('arn:aws:s3:::*', 'arn:aws:s3:::a/b')).toBe(true);
    expect(matchesGlob('web?', 'web1')).toBe(true);
    expect(matchesGlob('web?', 'web12')).toBe(false);
    // Regular-expression characters are literal.
    expect(matchesGlob('a.b(c)+', 'a.b(c)+')).toBe(true);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
  });

  it('compare check ids exactly unless they hold a wildcard', () => {
    expect(matchesCheckPattern('s3-bucket', 's3-bucket-versioning')).toBe(false);
    expect(matchesCheckPattern('s3-*', 's3-bucket-versioning')).toBe(true);
    expect(matchesCheckPattern('*', 'anything')).toBe(true);
  });

  it('name resources by id, name or ARN, never by a part of one', () => {
    const resource = { id: 'WebBucket', name: 'web', arn: 'arn:aws:s3:::web' };
    const exact = (pattern: string) => selectorMatches({ kind: 'exact', pattern, key: 'k' }, resource);
    expect(['WebBucket', 'web', 'arn:aws:s3:::web'].map(exact)).toEqual([true, true, true]);
    expect(['Web', 'we', 'Bucket', 'arn:aws:s3:::', 'web*'].map(exact)).toEqual([false, false, false, false, false]);
    expect(selectorMatches({ kind: 'glob', pattern: 'web*', key: 'k' }, resource)).toBe(true);
    expect(selectorMatches({ kind: 'glob', pattern: 'eb*', key: 'k' }, resource)).toBe(false);
  });
});

describe('dates', () => {
  it('accept only real calendar days', () => {
    expect(['2027-06-30', '2028-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-13-01', '2027-6-30', '30/06/2027', '2027-06-30T00:00:00Z'].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it('expire after the last day, in UTC', () => {
    expect(hasExpired('2026-11-22', new Date('2026-11-22T23:59:59Z'))).toBe(false);
    expect(hasExpired('2026-11-22', new Date('2026-11-23T00:00:00Z'))).toBe(true);
    expect(hasExpired(undefined, new Date('2099-01-01'))).toBe(false);
  });
});

describe('suggestions', () => {
  it('offer close ids for typos', () => {
    expect(closeIds('incident-respons-plan', ['incident-response-plan', 'train-staff'])).toEqual(['incident-response-plan']);
    expect(closeIds('zzz', ['incident-response-plan', 'train-staff'])).toEqual([]);
  });
});
