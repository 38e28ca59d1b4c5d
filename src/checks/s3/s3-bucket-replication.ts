// Compliant: the bucket replicates its objects: it has at least one replication rule, and every rule's Status is Enabled.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 's3-bucket-replication',
  title: 'S3 bucket replicates its objects to another bucket',
  service: 's3',
  resourceTypes: ['AWS::S3::Bucket'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'low',
  rationale:
    'S3 keeps every object in one Region; a copy in another bucket (in another Region or account) survives a regional outage, a deleted bucket or a compromised account only when replication rules copy it there. A bucket replicates nothing by default, and a rule whose Status is Disabled copies nothing. Setting up replication, with its IAM role and versioning on both sides, is the customer\'s side of business continuity for its data. Like the AWS Config rule s3-bucket-replication-enabled without its ReplicationType parameter (Security Hub S3.7), demarc wants at least one rule and every rule enabled; it does not tell same-Region from cross-Region destinations. Buckets whose data need no second copy (logs, caches, build artefacts) can suppress the finding.',
  remediation: {
    console: 'S3 console > bucket > Management > Replication rules > Create replication rule: choose the destination bucket (in another Region) and an IAM role; turn on versioning on both buckets.',
    cloudformation: 'AWS::S3::Bucket.ReplicationConfiguration: { Role: !GetAtt ReplicationRole.Arn, Rules: [{ Status: Enabled, Destination: { Bucket: arn:aws:s3:::replica-bucket } }] }',
    terraform: 'aws_s3_bucket_replication_configuration { role = aws_iam_role.replication.arn, rule { status = "Enabled", destination { bucket = aws_s3_bucket.replica.arn } } }',
  },
  evaluate(bucket) {
    const configuration = bucket.properties['ReplicationConfiguration'];
    if (isUnknown(configuration)) return unknown(configuration, 'ReplicationConfiguration');
    const rules = list(at(configuration, 'Rules'));
    if (isUnknown(rules)) return unknown(rules, 'ReplicationConfiguration.Rules');
    if (rules === undefined || rules.length === 0) return fail('the bucket has no replication rule: its objects are kept in one bucket only', 'ReplicationConfiguration');
    let enabled = 0;
    for (const [index, rule] of rules.entries()) {
      const status = str(at(rule, 'Status'));
      if (isUnknown(status)) return unknown(status, `ReplicationConfiguration.Rules.${index}.Status`);
      if (status !== 'Enabled') return fail(`replication rule ${index + 1} ${status === undefined ? 'has no Status' : `is ${status}`}: it copies nothing`, `ReplicationConfiguration.Rules.${index}.Status`);
      enabled += 1;
    }
    return pass(`${enabled === 1 ? 'the replication rule is' : `all ${enabled} replication rules are`} enabled`, 'ReplicationConfiguration');
  },
});
