import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAttestationToText, attestationProblems, type NewAttestation } from '../../src/config/attest.js';
import { NOW } from './support.js';

const entry: NewAttestation = { duty: 'test-recovery', by: 'Ops: on-call', date: '2026-11-20', evidence: 'evidence/restore-test.pdf', expires: '2027-05-20' };
const ITEM = '  - duty: test-recovery\n    by: "Ops: on-call"\n    date: 2026-11-20\n    evidence: evidence/restore-test.pdf\n    expires: 2027-05-20\n';

describe('adding an attestation to a file', () => {
  it('writes a new file', () => {
    expect(addAttestationToText(undefined, entry)).toBe(`attestations:\n${ITEM}`);
  });

  it('appends an attestations list below the other settings, leaving them untouched', () => {
    const original = 'suppressions:   # accepted risks\n  - check: s3-bucket-versioning\n    resources: [Logs]\n    reason: logs never change at all';
    expect(addAttestationToText(original, entry)).toBe(`${original}\nattestations:\n${ITEM}`);
  });

  it('adds to the end of an existing list, before what follows it', () => {
    const original = 'attestations:\n    - duty: train-staff   # yearly\n      by: HR\n      date: 2026-01-01\n      evidence: https://x.example/t\n      expires: 2027-01-01\n\n# scope comes last\nscope:\n  regions: [eu-west-1]\n';
    const written = addAttestationToText(original, entry);
    expect(written).toBe(original.replace('\n\n# scope', `\n${ITEM.replace(/^ {2}/gm, '    ')}\n# scope`));
    expect(parse(written).attestations).toHaveLength(2);
  });

  it('falls back to the document model for a flow list, keeping comments', () => {
    const written = addAttestationToText('# top comment\nattestations: []\n', entry);
    expect(written).toContain('# top comment');
    expect(parse(written).attestations).toEqual([entry]);
  });

  it('refuses a file whose attestations are not a list, or whose top level is not a map', () => {
    expect(() => addAttestationToText('attestations: yes\n', entry)).toThrow(/not a list/);
    expect(() => addAttestationToText('- a\n- b\n', entry)).toThrow(/map of settings/);
  });
});

describe('checking a new attestation', () => {
  it('accepts a customer duty with good dates', () => {
    expect(attestationProblems(entry, NOW)).toEqual([]);
  });

  it('lists every problem', () => {
    expect(attestationProblems({ duty: 'nope', by: ' ', date: '2026-13-01', evidence: 'mailto://x', expires: '2026-02-30' }, NOW)).toEqual([
      '"nope" is not a duty; `demarc explain <id>` describes one',
      '--by must name who attests',
      '--evidence "mailto://x" is not an http(s) URL',
      '--date "2026-13-01" is not a valid date: write YYYY-MM-DD',
      '--expires "2026-02-30" is not a valid date: write YYYY-MM-DD',
    ]);
  });
});
