import { describe, expect, it } from 'vitest';
import { Reference, Unknown, type PropRecord, type PropValue } from '../../inventory/values.js';
import { analyzeResourcePolicy, deployTimeShape } from './resource-policy.js';

/**
 * Each row is a resource policy and what AWS documents it to be. The sources, by the short names used below:
 * - S3-PUBLIC: Amazon S3 User Guide, "Blocking public access to your Amazon S3 storage", section "The meaning of
 *   'public'": a policy is public unless it grants access only to fixed values (no wildcard, no policy variable) of a
 *   principal or of aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount, aws:userid
 *   (outside "AROLEID:*"), or to a set of CIDRs with aws:SourceIp; a CIDR wider than /8 (IPv4) or /32 (IPv6) is public.
 * - ACCESS-ANALYZER: IAM User Guide, IAM Access Analyzer, "How IAM Access Analyzer findings work" and its list of
 *   condition keys that narrow access (aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount,
 *   aws:PrincipalArn, aws:SourceOrgID, aws:SourceOrgPaths, aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths,
 *   kms:CallerAccount ...).
 * - IAM-PRINCIPAL: IAM User Guide, "AWS JSON policy elements: Principal" (`"*"` and `{"AWS": "*"}` are anonymous
 *   access) and "NotPrincipal" (with Allow, everyone but the listed principals).
 * - IAM-NOTACTION: IAM User Guide, "AWS JSON policy elements: NotAction" (with Allow, every action but the listed).
 * - IAM-OPERATORS: IAM User Guide, "IAM JSON policy elements: Condition operators": negated operators match every
 *   value but the listed; "...IfExists" is true when the key is absent.
 * - IAM-SETS: IAM User Guide, "Set operators for multivalued context keys": ForAllValues is true when the key is
 *   absent or empty; ForAnyValue needs one match.
 * - IAM-EVALUATION: IAM User Guide, "Policy evaluation logic": a Deny statement never grants access.
 * - IAM-CONDITION-ALL: IAM User Guide, "Condition element": all condition operators of a statement must match, and
 *   the values of one key are alternatives (any one matching is enough).
 * - IAM-VARIABLES: IAM User Guide, "IAM policy elements: Variables and tags" (a `${...}` variable is not a fixed value).
 * - GLOBAL-KEYS: IAM User Guide, "AWS global condition context keys" (aws:ResourceOrgID describes the resource,
 *   sts:ExternalId and aws:SecureTransport describe the request, not who the caller is).
 * - KMS-KEYS: AWS KMS Developer Guide, "kms:CallerAccount" and "kms:ViaService" (ViaService limits the path of the
 *   call, not the caller's account).
 * - LAMBDA-URL: Lambda Developer Guide, "Control access to function URLs": lambda:FunctionUrlAuthType states the
 *   auth type of the URL, not who calls.
 */

type Expected = 'public' | 'not-public' | 'unknown';

interface Row {
  name: string;
  source: string;
  policy: PropValue;
  expected: Expected;
  /** How many statements are public, where it is not one. */
  grants?: number;
}

const statement = (fields: PropRecord): PropRecord => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', ...fields });
const policy = (...statements: PropRecord[]): PropRecord => ({ Version: '2012-10-17', Statement: statements });
const everyone = (condition?: PropRecord): PropRecord => policy(statement(condition ? { Principal: '*', Condition: condition } : { Principal: '*' }));

const ROWS: Row[] = [
  // ---- Principals ----
  { name: 'Principal "*" with no condition', source: 'S3-PUBLIC', policy: everyone(), expected: 'public' },
  { name: 'Principal {"AWS": "*"}', source: 'IAM-PRINCIPAL', policy: policy(statement({ Principal: { AWS: '*' } })), expected: 'public' },
  { name: 'a "*" among named principals', source: 'IAM-PRINCIPAL', policy: policy(statement({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } })), expected: 'public' },
  { name: 'a named account', source: 'S3-PUBLIC (a fixed AWS principal)', policy: policy(statement({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })), expected: 'not-public' },
  { name: 'a service principal', source: 'S3-PUBLIC (a fixed service principal)', policy: policy(statement({ Principal: { Service: 'cloudtrail.amazonaws.com' } })), expected: 'not-public' },
  { name: 'NotPrincipal with Allow', source: 'IAM-PRINCIPAL (NotPrincipal)', policy: policy(statement({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })), expected: 'public' },
  { name: 'NotAction with Allow and Principal "*"', source: 'IAM-NOTACTION', policy: policy({ Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', Resource: '*' }), expected: 'public' },
  { name: 'Deny for Principal "*"', source: 'IAM-EVALUATION', policy: policy(statement({ Effect: 'Deny', Principal: '*' })), expected: 'not-public' },
  {
    name: 'each statement judged: one named, two open',
    source: 'S3-PUBLIC (the policy is judged statement by statement)',
    policy: policy(statement({ Principal: { AWS: '111122223333' } }), statement({ Principal: '*' }), statement({ Principal: { AWS: '*' }, Action: 's3:PutObject' })),
    expected: 'public',
    grants: 2,
  },

  // ---- Keys that fix the caller ----
  { name: 'StringEquals aws:SourceAccount', source: 'S3-PUBLIC', policy: everyone({ StringEquals: { 'aws:SourceAccount': '111122223333' } }), expected: 'not-public' },
  { name: 'an account id written as a number', source: 'S3-PUBLIC', policy: everyone({ StringEquals: { 'aws:SourceAccount': 111122223333 } }), expected: 'not-public' },
  { name: 'StringEquals aws:SourceOwner (SNS)', source: 'S3-PUBLIC', policy: everyone({ StringEquals: { 'AWS:SourceOwner': '111122223333' } }), expected: 'not-public' },
  { name: 'ArnEquals aws:SourceArn with a full ARN', source: 'S3-PUBLIC', policy: everyone({ ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:uploads' } }), expected: 'not-public' },
  { name: 'StringEquals aws:SourceVpce', source: 'S3-PUBLIC', policy: everyone({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), expected: 'not-public' },
  { name: 'StringEquals aws:SourceVpc', source: 'S3-PUBLIC', policy: everyone({ StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } }), expected: 'not-public' },
  { name: 'StringEquals aws:PrincipalOrgID', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }), expected: 'not-public' },
  { name: 'StringEquals aws:PrincipalAccount', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:PrincipalAccount': '111122223333' } }), expected: 'not-public' },
  { name: 'StringEquals aws:SourceOrgID', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } }), expected: 'not-public' },
  { name: 'StringEquals aws:VpceAccount', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:VpceAccount': '111122223333' } }), expected: 'not-public' },
  { name: 'StringEquals aws:VpceOrgID', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:VpceOrgID': 'o-a1b2c3d4e5' } }), expected: 'not-public' },
  { name: 'StringEquals kms:CallerAccount', source: 'ACCESS-ANALYZER, KMS-KEYS', policy: everyone({ StringEquals: { 'kms:CallerAccount': '111122223333' } }), expected: 'not-public' },
  { name: 'StringEquals s3:DataAccessPointAccount', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 's3:DataAccessPointAccount': '111122223333' } }), expected: 'not-public' },
  { name: 'StringEquals aws:username', source: 'ACCESS-ANALYZER', policy: everyone({ StringEquals: { 'aws:username': 'alice' } }), expected: 'not-public' },
  { name: 'ForAnyValue:StringEquals aws:SourceVpce', source: 'IAM-SETS (ForAnyValue needs a match)', policy: everyone({ 'ForAnyValue:StringEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), expected: 'not-public' },
  {
    name: 'one narrowing condition among others',
    source: 'IAM-CONDITION-ALL',
    policy: everyone({ Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:SourceAccount': '111122223333' } }),
    expected: 'not-public',
  },

  // ---- Keys that do not fix the caller ----
  { name: 'aws:SecureTransport alone', source: 'GLOBAL-KEYS', policy: everyone({ Bool: { 'aws:SecureTransport': 'true' } }), expected: 'public' },
  { name: 'sts:ExternalId alone', source: 'GLOBAL-KEYS', policy: everyone({ StringEquals: { 'sts:ExternalId': 'partner-secret' } }), expected: 'public' },
  { name: 'aws:ResourceOrgID describes the resource', source: 'GLOBAL-KEYS', policy: everyone({ StringEquals: { 'aws:ResourceOrgID': 'o-a1b2c3d4e5' } }), expected: 'public' },
  { name: 'kms:ViaService alone', source: 'KMS-KEYS', policy: everyone({ StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }), expected: 'public' },
  { name: 'lambda:FunctionUrlAuthType', source: 'LAMBDA-URL', policy: everyone({ StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } }), expected: 'public' },

  // ---- Operators ----
  { name: 'StringNotEquals aws:SourceAccount', source: 'IAM-OPERATORS (negated)', policy: everyone({ StringNotEquals: { 'aws:SourceAccount': '111122223333' } }), expected: 'public' },
  { name: 'ArnNotEquals aws:PrincipalArn', source: 'IAM-OPERATORS (negated)', policy: everyone({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin' } }), expected: 'public' },
  { name: 'NotIpAddress aws:SourceIp', source: 'IAM-OPERATORS (negated)', policy: everyone({ NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), expected: 'public' },
  { name: 'StringEqualsIfExists aws:SourceAccount', source: 'IAM-OPERATORS (IfExists is true when absent)', policy: everyone({ StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }), expected: 'public' },
  {
    name: 'ForAllValues:StringEquals on aws:PrincipalOrgPaths',
    source: 'IAM-SETS (ForAllValues is true when the key is absent)',
    policy: everyone({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/' } }),
    expected: 'public',
  },
  { name: 'Null aws:SourceArn false only says the key is there', source: 'IAM-OPERATORS (Null)', policy: everyone({ Null: { 'aws:SourceArn': 'false' } }), expected: 'public' },
  { name: 'StringEquals on aws:SourceIp (an IP key needs IpAddress)', source: 'IAM-OPERATORS (IpAddress for IP keys)', policy: everyone({ StringEquals: { 'aws:SourceIp': '203.0.113.10' } }), expected: 'public' },

  // ---- Values: wildcards, bounded wildcards, variables ----
  { name: 'StringEquals aws:SourceAccount "*"', source: 'S3-PUBLIC (a wildcard is not a fixed value)', policy: everyone({ StringEquals: { 'aws:SourceAccount': '*' } }), expected: 'public' },
  { name: 'StringLike aws:SourceVpc vpc-*', source: 'S3-PUBLIC (its own example of a public policy)', policy: everyone({ StringLike: { 'aws:SourceVpc': 'vpc-*' } }), expected: 'public' },
  { name: 'StringLike aws:PrincipalOrgID o-*', source: 'S3-PUBLIC (a wildcard is not a fixed value)', policy: everyone({ StringLike: { 'aws:PrincipalOrgID': 'o-*' } }), expected: 'public' },
  { name: 'ArnLike aws:SourceArn arn:aws:s3:::*', source: 'S3-PUBLIC (no fixed account in the ARN)', policy: everyone({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }), expected: 'public' },
  { name: 'ArnLike aws:PrincipalArn arn:aws:iam::*', source: 'S3-PUBLIC (the account is a wildcard)', policy: everyone({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } }), expected: 'public' },
  { name: 'ArnLike aws:PrincipalArn with the account wildcarded', source: 'S3-PUBLIC', policy: everyone({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/deployer' } }), expected: 'public' },
  { name: 'ArnLike aws:PrincipalArn, roles of one account', source: 'ACCESS-ANALYZER (a fixed account)', policy: everyone({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }), expected: 'not-public' },
  { name: 'ArnLike aws:SourceArn, topics of one account', source: 'ACCESS-ANALYZER (a fixed account)', policy: everyone({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } }), expected: 'not-public' },
  {
    name: 'ForAnyValue:StringLike aws:PrincipalOrgPaths below one organization',
    source: 'ACCESS-ANALYZER (a path of a fixed organization)',
    policy: everyone({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } }),
    expected: 'not-public',
  },
  { name: 'aws:PrincipalOrgPaths with the organization wildcarded', source: 'S3-PUBLIC', policy: everyone({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*/*' } }), expected: 'public' },
  { name: 'aws:userid AROLEID:*', source: 'S3-PUBLIC ("outside the pattern AROLEID:*")', policy: everyone({ StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } }), expected: 'not-public' },
  { name: 'aws:userid *:alice', source: 'S3-PUBLIC', policy: everyone({ StringLike: { 'aws:userid': '*:alice' } }), expected: 'public' },
  { name: 'a policy variable as the value', source: 'S3-PUBLIC, IAM-VARIABLES', policy: everyone({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } }), expected: 'public' },
  {
    name: 'one open value among fixed ones',
    source: 'IAM-CONDITION-ALL (values are alternatives)',
    policy: everyone({ StringEquals: { 'aws:SourceAccount': ['111122223333', '*'] } }),
    expected: 'public',
  },

  // ---- aws:SourceIp ----
  { name: 'aws:SourceIp 0.0.0.0/0', source: 'S3-PUBLIC', policy: everyone({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }), expected: 'public' },
  { name: 'aws:SourceIp 203.0.113.0/24', source: 'S3-PUBLIC', policy: everyone({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }), expected: 'not-public' },
  { name: 'aws:SourceIp one address', source: 'S3-PUBLIC', policy: everyone({ IpAddress: { 'aws:SourceIp': '203.0.113.10' } }), expected: 'not-public' },
  { name: 'aws:SourceIp 10.0.0.0/8', source: 'S3-PUBLIC (/8 is the widest non-public IPv4 range)', policy: everyone({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), expected: 'not-public' },
  { name: 'aws:SourceIp 10.0.0.0/7', source: 'S3-PUBLIC (wider than /8)', policy: everyone({ IpAddress: { 'aws:SourceIp': '10.0.0.0/7' } }), expected: 'public' },
  { name: 'aws:SourceIp ::/0', source: 'S3-PUBLIC', policy: everyone({ IpAddress: { 'aws:SourceIp': '::/0' } }), expected: 'public' },
  { name: 'aws:SourceIp 2001:db8::/32', source: 'S3-PUBLIC (/32 is the widest non-public IPv6 range)', policy: everyone({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }), expected: 'not-public' },
  { name: 'aws:SourceIp 2001:db8::/31', source: 'S3-PUBLIC (wider than /32)', policy: everyone({ IpAddress: { 'aws:SourceIp': '2001:db8::/31' } }), expected: 'public' },
  {
    name: 'aws:SourceIp with one open range in the list',
    source: 'S3-PUBLIC, IAM-CONDITION-ALL',
    policy: everyone({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '0.0.0.0/0'] } }),
    expected: 'public',
  },

  // ---- Values known only at deploy time ----
  { name: 'a principal from a parameter without a default', source: 'never a pass without evidence', policy: policy(statement({ Principal: { AWS: new Unknown('parameter Reader has no default value') } })), expected: 'unknown' },
  {
    name: 'a principal ARN built around unresolved parts',
    source: 'IAM-PRINCIPAL (a principal ARN has no wildcard)',
    policy: policy(statement({ Principal: { AWS: new Unknown('Fn::Sub uses AWS::AccountId is known only at deploy time', 'arn:aws:iam::${?}:root') } })),
    expected: 'not-public',
  },
  { name: 'a principal that is another resource', source: 'IAM-PRINCIPAL', policy: policy(statement({ Principal: { AWS: new Reference('ReaderRole', 'Arn') } })), expected: 'not-public' },
  {
    name: 'a condition value from a parameter without a default',
    source: 'never a pass without evidence',
    policy: everyone({ StringEquals: { 'aws:PrincipalOrgID': new Unknown('parameter OrgId has no default value') } }),
    expected: 'unknown',
  },
  {
    name: 'aws:SourceAccount from AWS::AccountId',
    source: 'S3-PUBLIC (the deploying account is one fixed value)',
    policy: everyone({ StringEquals: { 'aws:SourceAccount': new Unknown('AWS::AccountId is known only at deploy time') } }),
    expected: 'not-public',
  },
  {
    name: 'aws:SourceArn from another resource',
    source: 'S3-PUBLIC (a resource ARN is a fixed value)',
    policy: everyone({ ArnLike: { 'aws:SourceArn': new Reference('UploadsBucket', 'Arn') } }),
    expected: 'not-public',
  },
  {
    name: 'aws:SourceArn built with Fn::Sub from pseudo parameters',
    source: 'S3-PUBLIC',
    policy: everyone({
      ArnLike: {
        'aws:SourceArn': new Unknown(
          'Fn::Sub uses AWS::Partition is known only at deploy time, AWS::Region is known only at deploy time, AWS::AccountId is known only at deploy time',
          'arn:${?}:sns:${?}:${?}:uploads',
        ),
      },
    }),
    expected: 'not-public',
  },
  {
    name: 'aws:SourceArn from a Terraform variable',
    source: 'never a pass without evidence',
    policy: everyone({ ArnLike: { 'aws:SourceArn': new Unknown('var.topic_arn has no value', '${var.topic_arn}') } }),
    expected: 'unknown',
  },
  {
    name: 'aws:SourceAccount from the Terraform caller identity',
    source: 'S3-PUBLIC (the applying account is one fixed value)',
    policy: everyone({ StringEquals: { 'aws:SourceAccount': new Unknown('data.aws_caller_identity.current.account_id is read from the provider when Terraform runs') } }),
    expected: 'not-public',
  },
  {
    name: 'an unknown value beside a fixed condition',
    source: 'IAM-CONDITION-ALL (one fixing condition is enough)',
    policy: everyone({ StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:PrincipalOrgID': new Unknown('parameter OrgId has no default value') } }),
    expected: 'not-public',
  },
  {
    name: 'an unknown value under a negated operator',
    source: 'IAM-OPERATORS (a negated operator never fixes the caller)',
    policy: everyone({ StringNotEquals: { 'aws:SourceAccount': new Unknown('parameter Account has no default value') } }),
    expected: 'public',
  },
  { name: 'a condition block known only at deploy time', source: 'never a pass without evidence', policy: everyone({ StringEquals: new Unknown('depends on condition IsProd') }), expected: 'unknown' },
  { name: 'an effect known only at deploy time', source: 'never a pass without evidence', policy: policy(statement({ Effect: new Unknown('parameter Effect has no default value'), Principal: '*' })), expected: 'unknown' },

  // ---- Documents ----
  {
    name: 'a document given as JSON text (Terraform, the APIs)',
    source: 'S3-PUBLIC',
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }] }),
    expected: 'public',
  },
  { name: 'a statement known only at deploy time', source: 'never a pass without evidence', policy: { Version: '2012-10-17', Statement: [new Unknown('depends on condition IsProd')] }, expected: 'unknown' },
  { name: 'a document that is not JSON', source: 'never a pass without evidence', policy: '{"Statement": [', expected: 'unknown' },
  { name: 'a document from a parameter', source: 'never a pass without evidence', policy: new Unknown('parameter PolicyJson has no default value'), expected: 'unknown' },
];

function verdictOf(document: PropValue): { verdict: Expected; grants: number } {
  const analysis = analyzeResourcePolicy(document);
  if (analysis.public.length > 0) return { verdict: 'public', grants: analysis.public.length };
  return { verdict: analysis.unknown.length > 0 ? 'unknown' : 'not-public', grants: 0 };
}

describe('analyzeResourcePolicy', () => {
  it('has a row for each documented rule', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(ROWS.length);
  });

  it.each(ROWS.map((row) => [`${row.name} (${row.source})`, row] as const))('%s', (_name, row) => {
    const { verdict, grants } = verdictOf(row.policy);
    expect(verdict).toBe(row.expected);
    if (row.expected === 'public') expect(grants).toBe(row.grants ?? 1);
  });

  it('names the statement, the principal and the actions of a public grant', () => {
    const analysis = analyzeResourcePolicy(policy({ Sid: 'Open', Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, NotAction: ['s3:DeleteObject'], Resource: '*' }));
    expect(analysis.public).toHaveLength(1);
    expect(analysis.public[0]).toMatchObject({ path: 'Statement.0', principal: expect.stringContaining('NotPrincipal'), actions: 'every action except s3:DeleteObject' });
  });
});

describe('deployTimeShape', () => {
  it.each([
    ['a pseudo parameter', new Unknown('AWS::AccountId is known only at deploy time'), true],
    ['a CloudFormation reference inside Fn::Sub', new Unknown('Fn::Sub uses the value of Topic', 'arn:aws:sns:us-east-1:111122223333:${Topic.TopicName}'), true],
    ['a parameter inside Fn::Sub', new Unknown('Fn::Sub uses parameter Account has no default value', 'arn:aws:iam::${?}:root'), false],
    ['a Terraform resource attribute', new Unknown('the value comes from aws_sns_topic.alerts.arn, known only after apply', '${aws_sns_topic.alerts.arn}'), true],
    ['a Terraform variable', new Unknown('var.account has no value', 'arn:aws:iam::${var.account}:root'), false],
    ['a Terraform data source other than the caller identity', new Unknown('x', '${data.aws_vpc.main.id}'), false],
  ] as const)('%s', (_name, value, fixed) => {
    expect(deployTimeShape(value) !== undefined).toBe(fixed);
  });
});
