import { describe, expect, it } from 'vitest';
import { createResultValidator } from '../../src/report/result-schema.js';
import { renderJson } from '../../src/report/json.js';
import { CELL_STATUSES, CHECK_STATUSES, LAYER_IDS, OWNERS, SERVICE_MODEL_IDS, SEVERITIES } from '../../src/model/vocabulary.js';
import { RESULT_SCHEMA_VERSION } from '../../src/engine/result.js';
import { SCHEMA_PATH, loadJson, loadLiveResult, scanExample, scanHostile } from './support.js';

const schema = loadJson(SCHEMA_PATH);
const validate = createResultValidator(schema);

function definition(name: string): unknown {
  const definitions: unknown = Reflect.get(schema, 'definitions');
  return typeof definitions === 'object' && definitions !== null ? Reflect.get(definitions, name) : undefined;
}

describe('schema/scan-result.schema.json', () => {
  it('accepts a real scan of the bundled example, as written by the json format', async () => {
    const result = await scanExample();
    const checked = validate(JSON.parse(renderJson(result)));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });

  it('accepts a scan with suppressed, unknown and erroring findings and uncovered resources', async () => {
    const checked = validate(JSON.parse(renderJson(await scanHostile())));
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });

  it('accepts the live-scan fixture the other format tests use', () => {
    const checked = validate(loadLiveResult());
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });

  it('uses the vocabulary ids verbatim', () => {
    expect(definition('owner')).toEqual({ enum: [...OWNERS] });
    expect(definition('layer')).toEqual({ enum: [...LAYER_IDS] });
    expect(definition('serviceModel')).toEqual({ enum: [...SERVICE_MODEL_IDS] });
    expect(definition('severity')).toEqual({ enum: [...SEVERITIES] });
    expect(definition('checkStatus')).toEqual({ enum: [...CHECK_STATUSES] });
    expect(definition('cellStatus')).toEqual({ enum: [...CELL_STATUSES] });
    expect(Reflect.get(Reflect.get(Reflect.get(schema, 'properties'), 'schemaVersion'), 'const')).toBe(RESULT_SCHEMA_VERSION);
  });

  it('rejects documents that are not demarc results, saying where', async () => {
    const result = JSON.parse(renderJson(await scanHostile()));
    const wrongStatus = structuredClone(result);
    wrongStatus.findings[0].status = 'maybe';
    const checked = validate(wrongStatus);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.join('\n')).toContain('/findings/0/status');
    expect(validate({ runs: [] }).ok).toBe(false);
    const extra = structuredClone(result);
    extra.findings[0].surprise = true;
    const extraChecked = validate(extra);
    expect(extraChecked.ok ? [] : extraChecked.errors.join('\n')).toContain('surprise');
    expect(validate({ ...result, schemaVersion: '2.0' }).ok).toBe(false);
  });
});
