// Compliant: object-level S3 data events, both reads and writes, are recorded by the trail (or by another trail of the inventory).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str, strings } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { Unknown } from '../../inventory/values.js';

type Access = 'read' | 'write';

interface Coverage {
  read: boolean;
  write: boolean;
  doubt?: Unknown;
}

const S3_OBJECT = 'AWS::S3::Object';

/** Which S3 object accesses a trail's event selectors (basic or advanced) record. */
function coverageOf(trail: Resource): Coverage {
  const coverage: Coverage = { read: false, write: false };
  const basic = list(trail.properties['EventSelectors']);
  if (isUnknown(basic)) coverage.doubt = basic;
  for (const selector of Array.isArray(basic) ? basic : []) {
    const resources = list(at(selector, 'DataResources'));
    if (isUnknown(resources)) {
      coverage.doubt = resources;
      continue;
    }
    const typeValues = (resources ?? []).map((entry) => str(at(entry, 'Type')));
    const doubtful = typeValues.find(isUnknown);
    if (doubtful) coverage.doubt = doubtful;
    if (!typeValues.includes(S3_OBJECT)) continue;
    const mode = str(at(selector, 'ReadWriteType'));
    if (isUnknown(mode)) {
      coverage.doubt = mode;
      continue;
    }
    if (mode === undefined || mode === 'All' || mode === 'ReadOnly') coverage.read = true;
    if (mode === undefined || mode === 'All' || mode === 'WriteOnly') coverage.write = true;
  }
  const advanced = list(trail.properties['AdvancedEventSelectors']);
  if (isUnknown(advanced)) coverage.doubt = advanced;
  for (const selector of Array.isArray(advanced) ? advanced : []) {
    const fields = list(at(selector, 'FieldSelectors'));
    if (isUnknown(fields)) {
      coverage.doubt = fields;
      continue;
    }
    const equalsOf = (field: string): Array<string | Unknown> | undefined => {
      const entry = (fields ?? []).find((candidate) => str(at(candidate, 'Field')) === field);
      return entry === undefined ? undefined : (strings(at(entry, 'Equals')) ?? []);
    };
    const types = equalsOf('resources.type');
    if (types === undefined) continue;
    const doubtful = types.find(isUnknown);
    if (doubtful) coverage.doubt = doubtful;
    if (!types.includes(S3_OBJECT)) continue;
    const readOnly = equalsOf('readOnly');
    if (readOnly === undefined || readOnly.length === 0 || readOnly.includes('true')) coverage.read = true;
    if (readOnly === undefined || readOnly.length === 0 || readOnly.includes('false')) coverage.write = true;
  }
  return coverage;
}

const EVENTS: Record<Access, string> = { read: 'reads (GetObject ...)', write: 'writes (PutObject, DeleteObject ...)' };

export default defineCheck({
  id: 'cloudtrail-s3-object-data-events',
  title: 'CloudTrail records S3 object-level reads and writes',
  service: 'cloudtrail',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Management events show who changed a bucket, not who read or wrote its objects. Without data events there is no record of which data was taken or altered, which is the first question after a breach.',
  remediation: {
    console: 'CloudTrail console > Trails > the trail > Data events > Edit > Add data event type S3, all current and future buckets, read and write.',
    cloudformation: 'AWS::CloudTrail::Trail.EventSelectors: [{ReadWriteType: All, DataResources: [{Type: AWS::S3::Object, Values: [arn:aws:s3]}]}] (or AdvancedEventSelectors with resources.type = AWS::S3::Object)',
    terraform: 'aws_cloudtrail { event_selector { read_write_type = "All" data_resource { type = "AWS::S3::Object" values = ["arn:aws:s3"] } } }',
  },
  evaluate(trail, context) {
    const own = coverageOf(trail);
    const others = context.inventory.ofType('AWS::CloudTrail::Trail').filter((other) => other !== trail);
    const results: Evaluation[] = [];
    for (const access of ['read', 'write'] as const) {
      if (own[access]) {
        results.push(pass(`the trail records S3 object ${EVENTS[access]}`));
        continue;
      }
      const elsewhere = others.find((other) => coverageOf(other)[access]);
      if (elsewhere) results.push(notApplicable(`trail ${elsewhere.name ?? elsewhere.id} records S3 object ${access}s`));
      else if (own.doubt) results.push(unknown(own.doubt));
      else results.push(fail(`no trail records S3 object ${EVENTS[access]}`, trail.properties['AdvancedEventSelectors'] !== undefined ? 'AdvancedEventSelectors' : 'EventSelectors'));
    }
    return results;
  },
});
