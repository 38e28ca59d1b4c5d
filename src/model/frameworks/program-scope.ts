// Which AWS services AWS lists in scope of a compliance programme: a customer inherits AWS's part of a control only
// for services in scope. Dated data with its source. AWS's page (SERVICES_IN_SCOPE_URL) is rendered by script and
// could not be read whole on the date below, so each list holds only the services an AWS-authored copy confirmed; a
// service absent from a partial list is "not confirmed", and demarc then claims no inheritance for it either.

export const SERVICES_IN_SCOPE_URL = 'https://aws.amazon.com/compliance/services-in-scope/';

export type ComplianceProgram = 'fedramp-moderate' | 'fedramp-high' | 'soc-2' | 'pci-dss' | 'hipaa' | 'iso-27001';

export interface ProgramScope {
  program: ComplianceProgram;
  title: string;
  /** The page that lists the services. */
  source: string;
  /** Where the list below was read, when not from `source` itself. */
  readFrom?: string;
  /** The day the list was read. */
  read: string;
  /** False when the list holds only part of AWS's: services not in it are unconfirmed, not out of scope. */
  complete: boolean;
  /** demarc service ids AWS lists in scope. */
  services: readonly string[];
}

// AWS's Landing Zone Accelerator marks these "Authorized" for FedRAMP Moderate (East/West) and High (GovCloud).
const LZA_FEDRAMP = ['organizations', 'codebuild', 'cloudformation', 'config', 'cloudtrail', 'securityhub', 'guardduty', 'vpc', 'cloudwatch', 'kms', 's3', 'glacier', 'secretsmanager', 'sns', 'stepfunctions', 'ssm', 'iam', 'lambda'];
const LZA_SOURCE = 'github.com/awslabs/landing-zone-accelerator-on-aws, reference/sample-configurations/aws-best-practices-govcloud-us/govcloud-us-config/services.md (commit 0b4a5b192ac2f2810a104ea40cb90180bba2c342)';

// AWS's HIPAA Eligible Services Reference as of 17 June 2025, mapped to demarc's service ids (IAM, Access Analyzer and
// STS are listed there as tools that do not handle PHI, so they are not here).
const HIPAA_ELIGIBLE = [
  'apigateway', 'athena', 'rds', 'backup', 'acm', 'cloudformation', 'cloudfront', 'cloudtrail', 'cloudwatch', 'codebuild',
  'cognito', 'config', 'dms', 'documentdb', 'dynamodb', 'autoscaling', 'elasticache', 'elasticbeanstalk', 'ebs', 'ec2', 'ecr',
  'ecs', 'efs', 'eks', 'elb', 'emr', 'eventbridge', 'fargate', 'fsx', 'glue', 'guardduty', 'sso', 'kms', 'kinesis', 'lambda',
  'macie', 'msk', 'mq', 'neptune', 'networkfirewall', 'opensearch', 'organizations', 'redshift', 'route53', 'glacier',
  'sagemaker', 'secretsmanager', 'securityhub', 'ses', 'sns', 'sqs', 's3', 'stepfunctions', 'ssm', 'vpc', 'wafv2', 'workspaces',
];

export const programScopes: readonly ProgramScope[] = [
  { program: 'fedramp-moderate', title: 'FedRAMP Moderate (US East/West)', source: `${SERVICES_IN_SCOPE_URL}FedRAMP/`, readFrom: LZA_SOURCE, read: '2026-11-29', complete: false, services: LZA_FEDRAMP },
  { program: 'fedramp-high', title: 'FedRAMP High (AWS GovCloud (US))', source: `${SERVICES_IN_SCOPE_URL}FedRAMP/`, readFrom: LZA_SOURCE, read: '2026-11-29', complete: false, services: LZA_FEDRAMP },
  { program: 'hipaa', title: 'HIPAA eligible services', source: 'https://aws.amazon.com/compliance/hipaa-eligible-services-reference/', readFrom: 'a copy of the reference dated 17 June 2025 in an AWS HIPAA service control policy sample', read: '2026-11-29', complete: false, services: HIPAA_ELIGIBLE },
  { program: 'soc-2', title: 'SOC 2', source: SERVICES_IN_SCOPE_URL, read: '2026-11-29', complete: false, services: [] },
  { program: 'pci-dss', title: 'PCI DSS', source: SERVICES_IN_SCOPE_URL, read: '2026-11-29', complete: false, services: [] },
  { program: 'iso-27001', title: 'ISO/IEC 27001', source: SERVICES_IN_SCOPE_URL, read: '2026-11-29', complete: false, services: [] },
];

/** The programme whose scope decides inheritance for a framework, if any. */
export function programOf(frameworkId: string): ComplianceProgram | undefined {
  if (frameworkId === 'fedramp-low' || frameworkId === 'fedramp-moderate') return 'fedramp-moderate';
  if (frameworkId === 'fedramp-high') return 'fedramp-high';
  if (frameworkId.startsWith('pci-dss')) return 'pci-dss';
  return undefined;
}

export function programScope(program: ComplianceProgram): ProgramScope {
  const scope = programScopes.find((entry) => entry.program === program);
  if (!scope) throw new Error(`no scope recorded for ${program}`);
  return scope;
}

/** A service outside what the recorded list confirms: out of scope, or (for a partial list) not confirmed. */
export interface ServiceOutOfScope {
  service: string;
  /** `out-of-scope` when the list is complete, else `unconfirmed`. */
  reason: 'out-of-scope' | 'unconfirmed';
}

export function servicesOutsideScope(program: ComplianceProgram, services: Iterable<string>): ServiceOutOfScope[] {
  const scope = programScope(program);
  const inScope = new Set(scope.services);
  return [...new Set(services)].filter((service) => !inScope.has(service)).sort()
    .map((service) => ({ service, reason: scope.complete ? 'out-of-scope' : 'unconfirmed' }));
}
