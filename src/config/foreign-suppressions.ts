/**
 * Rules of other tools that test the same thing as a demarc check, so that the suppressions templates already carry
 * for them (cdk-nag and cfn_nag `Metadata.*.rules_to_suppress`, Checkov `#checkov:skip=` comments) also suppress
 * demarc's finding. Only rules whose public description says plainly that they test what the demarc check tests;
 * a rule missing here is ignored (its suppression says nothing about demarc's checks).
 * `test/config/inline.test.ts` keeps every demarc id here a real check.
 */
import type { InlineSuppressionKind } from '../inventory/resource.js';

export type ForeignTool = Extract<InlineSuppressionKind, 'cdk-nag' | 'cfn_nag' | 'checkov'>;

export const FOREIGN_EQUIVALENTS: Readonly<Record<ForeignTool, Readonly<Record<string, readonly string[]>>>> = {
  // cdk-nag, AwsSolutions pack (RULES.md of cdk-nag).
  'cdk-nag': {
    'AwsSolutions-S1': ['s3-bucket-access-logging'], // server access logs disabled
    'AwsSolutions-S10': ['s3-bucket-ssl-requests-only'], // requests without SSL allowed
    'AwsSolutions-SNS2': ['sns-topic-encryption'], // no server-side encryption
    'AwsSolutions-SQS2': ['sqs-queue-encryption'], // no server-side encryption
    'AwsSolutions-KMS5': ['kms-key-rotation'], // key rotation off
    'AwsSolutions-RDS2': ['rds-storage-encrypted'], // storage encryption off
    'AwsSolutions-RDS10': ['rds-deletion-protection'], // deletion protection off
    'AwsSolutions-VPC7': ['vpc-flow-logs-enabled'], // no flow log
    'AwsSolutions-CFR3': ['cloudfront-access-logging'], // access logging off
    'AwsSolutions-ELB2': ['elb-access-logging'], // access logs off
    'AwsSolutions-EC26': ['ebs-volume-encrypted'], // EBS volume encryption off
    'AwsSolutions-DDB3': ['dynamodb-table-point-in-time-recovery'], // point-in-time recovery off
    'AwsSolutions-SMG4': ['secretsmanager-secret-rotation'], // no automatic rotation
    'AwsSolutions-EFS1': ['efs-file-system-encryption'], // not encrypted at rest
    'AwsSolutions-APIG1': ['apigateway-stage-access-logging'], // stage access logging off
  },
  // cfn_nag rule ids (`cfn_nag_rules` lists them).
  cfn_nag: {
    W35: ['s3-bucket-access-logging'], // S3 Bucket should have access logging configured
    W47: ['sns-topic-encryption'], // SNS Topic should specify KmsMasterKeyId property
    W48: ['sqs-queue-encryption'], // SQS Queue should specify KmsMasterKeyId property
    F19: ['kms-key-rotation'], // EnableKeyRotation should not be false or absent on KMS::Key resource
  },
  // Checkov ids (its policy index).
  checkov: {
    CKV_AWS_18: ['s3-bucket-access-logging'], // S3 bucket access logging
    CKV_AWS_19: ['s3-bucket-default-encryption'], // S3 data encrypted at rest
    CKV_AWS_145: ['s3-bucket-default-encryption', 's3-bucket-kms-encryption'], // S3 encrypted with KMS by default
    CKV_AWS_21: ['s3-bucket-versioning'], // S3 versioning
    CKV_AWS_20: ['s3-bucket-acl-not-public'], // S3 ACL allows public READ
    CKV_AWS_57: ['s3-bucket-acl-not-public'], // S3 ACL allows public WRITE
    CKV_AWS_24: ['vpc-security-group-ssh-open'], // ingress from 0.0.0.0/0 to port 22
    CKV_AWS_25: ['vpc-security-group-rdp-open'], // ingress from 0.0.0.0/0 to port 3389
    CKV_AWS_7: ['kms-key-rotation'], // KMS key rotation
    CKV_AWS_16: ['rds-storage-encrypted'], // RDS encrypted at rest
    CKV_AWS_17: ['rds-instance-not-public'], // RDS not publicly accessible
    CKV_AWS_26: ['sns-topic-encryption'], // SNS topic encrypted
    CKV_AWS_27: ['sqs-queue-encryption'], // SQS queue encrypted
    CKV_AWS_28: ['dynamodb-table-point-in-time-recovery'], // DynamoDB point-in-time recovery
    CKV_AWS_79: ['ec2-imdsv2-required'], // instance metadata service v1 disabled
    CKV_AWS_3: ['ebs-volume-encrypted'], // EBS volume encrypted
    CKV_AWS_36: ['cloudtrail-log-file-validation'], // CloudTrail log file validation
    CKV_AWS_67: ['cloudtrail-multi-region'], // CloudTrail in all regions
    CKV_AWS_91: ['elb-access-logging'], // ELBv2 access logging
    CKV_AWS_92: ['elb-access-logging'], // classic ELB access logging
    CKV_AWS_86: ['cloudfront-access-logging'], // CloudFront access logging
    CKV_AWS_42: ['efs-file-system-encryption'], // EFS encrypted
    CKV_AWS_51: ['ecr-repository-tag-immutability'], // ECR tags immutable
    CKV_AWS_39: ['eks-endpoint-not-public'], // EKS public endpoint disabled
    CKV_AWS_37: ['eks-control-plane-logging'], // EKS control plane logging
  },
};

/** The demarc checks a rule of another tool stands for; empty when demarc has no equivalent. */
export function demarcEquivalents(tool: ForeignTool, rule: string): readonly string[] {
  const table = FOREIGN_EQUIVALENTS[tool];
  return Object.hasOwn(table, rule) ? (table[rule] ?? []) : [];
}
