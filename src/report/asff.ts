import { resourceKey, type Finding, type ScanResult } from '../engine/result.js';
import type { CheckStatus, Severity } from '../model/vocabulary.js';
import { checkInfo, remediationLines } from './check-info.js';
import { awsDocUrl } from './links.js';
import { locationText, resourceLabel } from './findings.js';
import { relatedRequirements, securityControlId } from './framework-tags.js';
import { joinChunks, jsonChunks, LazyJsonArray } from './json-stream.js';

/** Used when the scan could not know the region (templates) and none was given: Security Hub needs one on import. */
export const PLACEHOLDER_REGION = 'us-east-1';

/** An AWS region name: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-northwest-1`, `us-isob-east-1`. */
export function isAwsRegion(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)?-[a-z]+-\d{1,2}$/.test(value);
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' };

const COMPLIANCE: Record<CheckStatus, string> = {
  pass: 'PASSED',
  fail: 'FAILED',
  unknown: 'WARNING',
  'not-applicable': 'NOT_AVAILABLE',
  error: 'NOT_AVAILABLE',
};

// ASFF resource type names for the CloudFormation types demarc knows; anything else is `Other`.
const ASFF_TYPES: Record<string, string> = {
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::EC2::Instance': 'AwsEc2Instance',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::Volume': 'AwsEc2Volume',
  'AWS::EC2::VPC': 'AwsEc2Vpc',
  'AWS::EC2::Subnet': 'AwsEc2Subnet',
  'AWS::EC2::NetworkAcl': 'AwsEc2NetworkAcl',
  'AWS::EC2::LaunchTemplate': 'AwsEc2LaunchTemplate',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::IAM::Group': 'AwsIamGroup',
  'AWS::IAM::ManagedPolicy': 'AwsIamPolicy',
  'AWS::IAM::AccessKey': 'AwsIamAccessKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::SQS::Queue': 'AwsSqsQueue',
  'AWS::SNS::Topic': 'AwsSnsTopic',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::CloudFront::Distribution': 'AwsCloudFrontDistribution',
  'AWS::SecretsManager::Secret': 'AwsSecretsManagerSecret',
  'AWS::ECR::Repository': 'AwsEcrRepository',
  'AWS::EKS::Cluster': 'AwsEksCluster',
  'AWS::ECS::Cluster': 'AwsEcsCluster',
  'AWS::ECS::TaskDefinition': 'AwsEcsTaskDefinition',
  'AWS::ECS::Service': 'AwsEcsService',
  'AWS::OpenSearchService::Domain': 'AwsOpenSearchServiceDomain',
  'AWS::Elasticsearch::Domain': 'AwsElasticsearchDomain',
  'AWS::EFS::AccessPoint': 'AwsEfsAccessPoint',
  'AWS::Redshift::Cluster': 'AwsRedshiftCluster',
  'AWS::AutoScaling::AutoScalingGroup': 'AwsAutoScalingAutoScalingGroup',
  'AWS::ApiGateway::RestApi': 'AwsApiGatewayRestApi',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
  'AWS::CertificateManager::Certificate': 'AwsCertificateManagerCertificate',
  'AWS::Backup::BackupVault': 'AwsBackupBackupVault',
  'AWS::Backup::BackupPlan': 'AwsBackupBackupPlan',
  'AWS::Kinesis::Stream': 'AwsKinesisStream',
  'AWS::ElastiCache::CacheCluster': 'AwsElastiCacheCacheCluster',
  'AWS::GuardDuty::Detector': 'AwsGuardDutyDetector',
  'AWS::StepFunctions::StateMachine': 'AwsStepFunctionStateMachine',
  'AWS::CodeBuild::Project': 'AwsCodeBuildProject',
};

function asffType(type: string): string {
  if (type.startsWith('Demarc::')) return 'AwsAccount';
  return ASFF_TYPES[type] ?? 'Other';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Where template findings are imported: Security Hub needs an account and region that templates do not name. */
export interface AsffTarget {
  account?: string;
  region?: string;
}

// Security Hub rejects the all-zero account on import: it is never written.
const isAccountId = (value: string | undefined): value is string => value !== undefined && /^\d{12}$/.test(value) && value !== '000000000000';

/** True when some finding names no account (a template scan) and the target gives none: ASFF cannot be written. */
export function asffMissingAccount(scan: ScanResult, target: AsffTarget): boolean {
  if (isAccountId(target.account)) return false;
  return scan.findings.some((finding) => !isAccountId(finding.resource.account));
}

export class AsffTargetError extends Error {}

function asffFinding(scan: ScanResult, finding: Finding, occurrence: number, target: AsffTarget): Record<string, unknown> {
  const account = [finding.resource.account, target.account].find(isAccountId);
  if (account === undefined) {
    throw new AsffTargetError(`ASFF needs an AWS account for ${finding.resource.id}: give the account to import template findings into (--asff-account)`);
  }
  const region = finding.resource.region ?? target.region ?? PLACEHOLDER_REGION;
  const where = locationText(finding);
  const info = checkInfo(scan, finding.checkId);
  const docs = awsDocUrl(finding.checkId, info?.remediation);
  const recommendation = clip(remediationLines(info?.remediation).join(' ') || `See \`demarc explain ${finding.checkId}\`.`, 512);
  const description = [
    `${resourceLabel(finding)} (${finding.resource.type}): ${finding.message}`,
    where ? `Location: ${where}.` : '',
    `Layer ${finding.layer}, owner ${finding.owner}.`,
    finding.attribution ? `Attributed to AWS: ${finding.attribution}` : '',
    finding.suppressed ? `Suppressed: ${finding.suppressed.reason}` : '',
  ].filter(Boolean).join(' ');
  const productFields: Record<string, string> = {
    'demarc/CheckId': finding.checkId,
    'demarc/Status': finding.status,
    'demarc/Owner': finding.owner,
    'demarc/Layer': finding.layer,
    'demarc/Control': finding.control,
    'demarc/Duty': finding.duty,
  };
  if (where) productFields['demarc/Location'] = where;
  const actionable = finding.status === 'fail' || finding.status === 'unknown' || finding.status === 'error';
  return {
    SchemaVersion: '2018-10-08',
    Id: clip(`demarc/${finding.checkId}/${finding.resource.arn ?? finding.resource.id}${occurrence > 0 ? `/${occurrence + 1}` : ''}`, 512),
    ProductArn: `arn:aws:securityhub:${region}:${account}:product/${account}/default`,
    GeneratorId: `demarc/${finding.checkId}`,
    AwsAccountId: account,
    Types: ['Software and Configuration Checks/AWS Security Best Practices'],
    CreatedAt: scan.generatedAt,
    UpdatedAt: scan.generatedAt,
    Severity: { Label: actionable ? SEVERITY_LABEL[finding.severity] : 'INFORMATIONAL' },
    Title: clip(finding.title, 256),
    Description: clip(description, 1024),
    Remediation: { Recommendation: docs ? { Text: recommendation, Url: docs } : { Text: recommendation } },
    ProductFields: productFields,
    Resources: [
      {
        Type: asffType(finding.resource.type),
        Id: finding.resource.arn ?? finding.resource.id,
        Partition: 'aws',
        Region: region,
      },
    ],
    Compliance: compliance(finding),
    Workflow: { Status: finding.suppressed ? 'SUPPRESSED' : actionable ? 'NEW' : 'RESOLVED' },
    RecordState: 'ACTIVE',
  };
}

/** The finding's status, the requirements its check evidences, and the Security Hub control it matches. */
function compliance(finding: Finding): Record<string, unknown> {
  const entry: Record<string, unknown> = { Status: COMPLIANCE[finding.status] };
  const related = relatedRequirements(finding.checkId);
  if (related.length > 0) entry['RelatedRequirements'] = related;
  const control = securityControlId(finding.checkId);
  if (control) entry['SecurityControlId'] = control;
  return entry;
}

function* asffFindings(scan: ScanResult, target: AsffTarget): Generator<Record<string, unknown>> {
  const occurrences = new Map<string, number>();
  for (const finding of scan.findings) {
    const key = `${finding.checkId}\u0000${resourceKey(finding.resource)}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    yield asffFinding(scan, finding, occurrence, target);
  }
}

/** The ASFF array in pieces, a finding at a time, for scans of any size. */
export function* asffChunks(scan: ScanResult, target: AsffTarget = {}): Generator<string> {
  yield* jsonChunks(new LazyJsonArray(() => asffFindings(scan, target)), 1);
  yield '\n';
}

/** AWS Security Finding Format: a JSON array for Security Hub's BatchImportFindings (100 per call). */
export function renderAsff(scan: ScanResult, target: AsffTarget = {}): string {
  return joinChunks(asffChunks(scan, target));
}
