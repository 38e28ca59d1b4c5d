import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../src/checks/index.js';
import { typesReadBy } from '../../src/checks/reads.js';
import { EBS_DEFAULT_READS, LAUNCH_TEMPLATE_READS } from '../../src/checks/lib/compute.js';
import { KMS_KEY_READS } from '../../src/checks/lib/data-stores.js';
import { EMR_SECURITY_CONFIGURATION_READS } from '../../src/checks/lib/emr.js';
import { METRIC_FILTER_READS } from '../../src/checks/lib/metric-filters.js';
import { INGRESS_READS, SECURITY_GROUP_READS } from '../../src/checks/lib/network.js';
import { AURORA_CLUSTER_READS } from '../../src/checks/lib/rds.js';
import { TRAIL_BUCKET_READS } from '../../src/checks/lib/s3.js';
import { collectableTypes } from '../../src/inventory/sources/aws/collectors/index.js';
import { CHECKS_DIR } from '../support/fixtures.js';

/** The shared helpers that look types up, and what each looks up: a check that imports one declares those types. */
const HELPER_READS: Readonly<Record<string, readonly string[]>> = {
  launchTemplateOf: LAUNCH_TEMPLATE_READS,
  instanceSetting: LAUNCH_TEMPLATE_READS,
  encryptionByDefault: EBS_DEFAULT_READS,
  kmsKeyChoice: KMS_KEY_READS,
  resolveKey: KMS_KEY_READS,
  awsManagedKeyName: KMS_KEY_READS,
  emrEncryptionConfiguration: EMR_SECURITY_CONFIGURATION_READS,
  evaluateMetricFilterCheck: METRIC_FILTER_READS,
  securityGroupInboundRules: INGRESS_READS,
  groupOfIngress: SECURITY_GROUP_READS,
  securityGroupExposure: SECURITY_GROUP_READS,
  auroraClusterOf: AURORA_CLUSTER_READS,
  isAuroraMemberInstance: AURORA_CLUSTER_READS,
  trailBucket: TRAIL_BUCKET_READS,
  // Resolves only within the types its caller declares.
  pointsAt: [],
};

const TYPE_LITERAL = /'((?:AWS|Demarc)::[A-Za-z0-9]+::[A-Za-z0-9]+)'/g;
// Type names that appear in check files without naming inventory resources.
const NOT_INVENTORY_TYPES = new Set([
  'AWS::S3::Object', // a CloudTrail data-event resource type inside event selectors
]);

function importedHelpers(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\.\/lib\/[^']+'/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.replace(/\btype\b/, '').split(/\s+as\s+/)[0]?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

// A check sees only what it declares, and a live scan collects only what checks declare: an undeclared read would be
// judged on nothing. The fixtures run with DEMARC_STRICT_READS (vitest.config.ts); this catches the paths they miss.
describe.each(allChecks.map((check) => [check.id, check] as const))('%s declares what it reads', (_id, check) => {
  const source = readFileSync(join(CHECKS_DIR, check.service, `${check.id}.ts`), 'utf8');
  const declared = typesReadBy(check);

  it('declares every type its file names', () => {
    const named = [...new Set([...source.matchAll(TYPE_LITERAL)].map((match) => match[1] ?? ''))].filter((type) => !NOT_INVENTORY_TYPES.has(type));
    expect(named.filter((type) => !declared.has(type))).toEqual([]);
  });

  it('declares what the helpers it uses look up', () => {
    const missing = importedHelpers(source).flatMap((helper) => (HELPER_READS[helper] ?? []).filter((type) => !declared.has(type)).map((type) => `${type} (${helper})`));
    expect(missing).toEqual([]);
  });

  it('reads nothing twice and nothing it judges', () => {
    const reads = check.reads ?? [];
    expect(reads.filter((type, index) => reads.indexOf(type) !== index || check.resourceTypes.includes(type))).toEqual([]);
  });
});

it('every helper that looks types up is listed here', () => {
  const lib = join(CHECKS_DIR, 'lib');
  const exported = ['compute', 'data-stores', 'emr', 'metric-filters', 'network', 'rds', 's3'].flatMap((file) =>
    [...readFileSync(join(lib, `${file}.ts`), 'utf8').matchAll(/export (?:function|const) (\w+)[^\n]*inventory: InventoryView/g)].map((match) => match[1] ?? ''),
  );
  expect(exported.filter((name) => !(name in HELPER_READS))).toEqual([]);
});

/**
 * Types that only templates hold: read from an account, their state arrives folded into another resource, which the
 * collectors produce. Exact: a type that becomes collectable comes off the list.
 */
const TEMPLATE_ONLY: Readonly<Record<string, string>> = {
  'AWS::EC2::SecurityGroupIngress': 'live security groups carry their rules (IpPermissions) inline',
  'AWS::EC2::SecurityGroupEgress': 'live security groups carry their egress rules (IpPermissionsEgress) inline',
  'AWS::Events::EventBusPolicy': 'live event buses carry their whole policy (ListEventBuses Policy), read as AWS::Events::EventBus',
  'AWS::WAFRegional::WebACLAssociation': 'WAF Classic reached its end of support on 30 September 2025; live web ACL associations are read through WAFv2',
  'Demarc::IAM::PolicyAttachment': 'a Terraform attachment to principals outside the scan; live principals carry their attached policies inline',
  'AWS::EC2::VPCGatewayAttachment': 'live subnets and instances carry their own reachability (PubliclyAccessible, route tables)',
  'AWS::DynamoDB::GlobalTable': 'a live global table is a table with replicas',
  'AWS::Elasticsearch::Domain': 'live Elasticsearch domains are read through the OpenSearch API as OpenSearch domains',
  'AWS::IAM::AccessKey': 'live access keys come from the credential report on each user',
  'AWS::IAM::ServerCertificate': 'live listeners name their certificate by ARN, whose service (acm or iam) tells who issued it',
  'AWS::ElasticBeanstalk::ConfigurationTemplate': 'a live environment\'s effective option settings already hold those of its saved configuration',
  'AWS::IAM::Policy': 'live inline policies are read onto their user, group or role (Policies)',
  'AWS::KMS::ReplicaKey': 'a live replica key is listed as a key of its region',
  'AWS::SES::ReceiptRule': 'receipt rules exist only in the SES v1 API (DescribeReceiptRuleSet), whose SDK client demarc does not depend on; SES v2 has no receipt rules',
  'AWS::RDS::DBSubnetGroup': 'live DB instances carry their subnet group inline',
  'AWS::EC2::EIPAssociation': 'a live Elastic IP address carries its association inline (DescribeAddresses AssociationId)',
  'AWS::EC2::NatGateway': 'read only to see which template addresses a NAT gateway uses; a live Elastic IP address carries its association inline',
  'AWS::RDS::EventSubscription': 'live subscriptions are read together, per region, as Demarc::RDS::EventSubscriptions, so that a region without one is judged too',
  'AWS::WAFv2::LoggingConfiguration': 'live web ACLs carry their logging configuration inline (GetLoggingConfiguration)',
  'AWS::Amplify::App': 'its checks judge where tokens and passwords are written, which only a template or configuration shows; Amplify never returns the tokens',
  'AWS::Amplify::Branch': 'its check judges where the basic-auth password is written, which only a template or configuration shows',
};

it('live collection can produce every type a check reads, or the type is template-only (listed)', () => {
  const collectable = collectableTypes();
  const read = new Set(allChecks.flatMap((check) => [...typesReadBy(check)]));
  expect([...read].filter((type) => !collectable.has(type) && !(type in TEMPLATE_ONLY)).sort()).toEqual([]);
  expect(Object.keys(TEMPLATE_ONLY).filter((type) => collectable.has(type) || !read.has(type))).toEqual([]);
});
