import { describe, expect, it } from 'vitest';
import { getFramework } from '../../src/model/frameworks/index.js';
import { frameworkTags, relatedRequirements, securityControlId } from '../../src/report/framework-tags.js';
import { renderSarif } from '../../src/report/sarif.js';
import { scanExample } from './support.js';

describe('framework ids on findings', () => {
  it('tags a check with every framework item it evidences, the FedRAMP baselines left to nist-800-53-r5', () => {
    const tags = frameworkTags('iam-root-mfa-enabled');
    expect(tags).toContain('cis-aws-v5/1.4');
    const nist = getFramework('nist-800-53-r5')?.items.filter((item) => item.checks.includes('iam-root-mfa-enabled')).map((item) => `nist-800-53-r5/${item.id}`) ?? [];
    expect(nist.length).toBeGreaterThan(0);
    for (const tag of nist) expect(tags).toContain(tag);
    expect(tags.some((tag) => tag.startsWith('fedramp-'))).toBe(false);
  });

  it('writes related requirements as Security Hub does, and the declared Security Hub control', () => {
    expect(relatedRequirements('iam-root-mfa-enabled')).toContain('CIS AWS Foundations Benchmark v5.0.0/1.4');
    expect(relatedRequirements('s3-bucket-versioning').length).toBeLessThanOrEqual(32);
    expect(securityControlId('s3-bucket-versioning')).toBe('S3.14');
    expect(securityControlId('accessanalyzer-enabled')).toBeUndefined();
  });

  it('puts the tags on SARIF rules and results', async () => {
    const log = JSON.parse(renderSarif(await scanExample()));
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((entry: { id: string }) => entry.id === 'vpc-security-group-ssh-open');
    for (const tag of frameworkTags('vpc-security-group-ssh-open')) expect(rule.properties.tags).toContain(tag);
    const result = run.results.find((entry: { ruleId: string }) => entry.ruleId === 'vpc-security-group-ssh-open');
    expect(result.properties.tags).toEqual(frameworkTags('vpc-security-group-ssh-open'));
    expect(result.properties.tags.length).toBeGreaterThan(0);
  });
});
