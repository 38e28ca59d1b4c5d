// Compliant: the bucket carries a data classification tag with a value (data-classification, classification, confidentiality ...).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str, tagsOf } from '../../inventory/readers.js';

// Matches the last segment of a tag key (`acme:data-classification` counts), in the usual spellings.
const CLASSIFICATION_KEY = /^(data[-_ ]?)?(classification|confidentiality|sensitivity)([-_ ]?level)?$/i;

const lastSegment = (key: string): string => key.split(/[:/]/).pop() ?? key;

export default defineCheck({
  id: 's3-bucket-data-classification-tag',
  title: 'S3 bucket is tagged with a data classification',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'asset-classification',
  duty: 'classify-assets',
  severity: 'low',
  rationale:
    'AWS cannot know how sensitive the data in a bucket is; classifying assets is the customer\'s duty. A classification tag records that decision where policies, Macie jobs and reviews can use it, and the other protections of the bucket can be judged against it.',
  remediation: {
    console: 'S3 console > bucket > Properties > Tags > Edit > add a tag such as data-classification = internal | confidential | public.',
    cloudformation: 'AWS::S3::Bucket.Tags: [{ Key: data-classification, Value: confidential }]',
    terraform: 'aws_s3_bucket { tags = { "data-classification" = "confidential" } }',
  },
  evaluate(bucket) {
    const tags = tagsOf(bucket.properties);
    if (isUnknown(tags)) return unknown(tags, 'Tags');
    const key = Object.keys(tags).find((name) => CLASSIFICATION_KEY.test(lastSegment(name)));
    if (key === undefined) return fail('no data classification tag (for example data-classification) is set', 'Tags');
    const value = tags[key] ?? '';
    if (value.trim() === '') {
      // tagsOf turns an unresolved value into ''; look again so that a parameter is unknown, not empty.
      const raw = bucket.properties['Tags'];
      const entry = Array.isArray(raw) ? raw.find((item) => str(at(item, 'Key')) === key) : undefined;
      const rawValue = entry === undefined ? undefined : str(at(entry, 'Value'));
      if (isUnknown(rawValue)) return unknown(rawValue, 'Tags');
      return fail(`the tag ${key} has no value`, 'Tags');
    }
    return pass(`classified as "${value}" (tag ${key})`, 'Tags');
  },
});
