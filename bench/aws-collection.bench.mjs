// Live-collection benchmark: a loopback server answers like AWS (EC2 query/XML, DynamoDB JSON, STS) for one account of
// 20,000 resources over 4 regions, with a fixed delay per call and a per-region request-rate limit that throttles the
// way AWS does (RequestLimitExceeded 503 for EC2, ThrottlingException 400 for DynamoDB). Figures are ratios against
// what the same run could ideally do: calls against the minimum the checks need, wall time against the ideal for the
// call count, delay and rate limit.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval, setTimeout } from 'node:timers';
import { URLSearchParams } from 'node:url';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];
const PER_REGION = { securityGroups: 2000, volumes: 2000, tables: 1000 };
const DELAY_MS = 25;
// Well under what one Node process can send (about 130 req/s per region here), so the ratio measures pacing, not CPU.
// Requests per second per region (burst of one second): well under what one Node process sends here (about 130 per
// region), so that the wall-time ratio measures the pacing, not the CPU.
const RATE_PER_REGION = Number(process.env.BENCH_RATE ?? 60);
const ACCOUNT = '123456789012';

const buckets = new Map(REGIONS.map((region) => [region, { tokens: RATE_PER_REGION, at: Date.now() }]));
let requests = 0;
let throttled = 0;
const perRegion = new Map();

function take(region) {
  const bucket = buckets.get(region);
  if (!bucket) return true;
  const now = Date.now();
  bucket.tokens = Math.min(RATE_PER_REGION, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_REGION);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

const page = (total, token, size) => {
  const start = token ? Number(token) : 0;
  const end = Math.min(total, start + size);
  return { start, end, next: end < total ? String(end) : undefined };
};

function ec2(action, params) {
  const xmlns = 'http://ec2.amazonaws.com/doc/2016-11-15/';
  if (action === 'DescribeSecurityGroups') {
    const { start, end, next } = page(PER_REGION.securityGroups, params.get('NextToken'), Number(params.get('MaxResults') ?? 1000));
    let items = '';
    for (let i = start; i < end; i += 1) items += `<item><groupId>sg-${i.toString(16).padStart(8, '0')}</groupId><groupName>group-${i}</groupName><groupDescription>bench</groupDescription><vpcId>vpc-1</vpcId><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges></item></ipPermissions><ipPermissionsEgress/></item>`;
    return `<DescribeSecurityGroupsResponse xmlns="${xmlns}"><requestId>r</requestId><securityGroupInfo>${items}</securityGroupInfo>${next ? `<nextToken>${next}</nextToken>` : ''}</DescribeSecurityGroupsResponse>`;
  }
  if (action === 'DescribeVolumes') {
    const { start, end, next } = page(PER_REGION.volumes, params.get('NextToken'), Number(params.get('MaxResults') ?? 500));
    let items = '';
    for (let i = start; i < end; i += 1) items += `<item><volumeId>vol-${i.toString(16).padStart(8, '0')}</volumeId><size>8</size><availabilityZone>a</availabilityZone><status>in-use</status><volumeType>gp3</volumeType><encrypted>${i % 2 === 0}</encrypted></item>`;
    return `<DescribeVolumesResponse xmlns="${xmlns}"><requestId>r</requestId><volumeSet>${items}</volumeSet>${next ? `<nextToken>${next}</nextToken>` : ''}</DescribeVolumesResponse>`;
  }
  if (action === 'GetEbsEncryptionByDefault') return `<GetEbsEncryptionByDefaultResponse xmlns="${xmlns}"><requestId>r</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault></GetEbsEncryptionByDefaultResponse>`;
  if (action === 'GetEbsDefaultKmsKeyId') return `<GetEbsDefaultKmsKeyIdResponse xmlns="${xmlns}"><requestId>r</requestId><kmsKeyId>alias/aws/ebs</kmsKeyId></GetEbsDefaultKmsKeyIdResponse>`;
  return undefined;
}

function dynamodb(target, body, region) {
  const input = JSON.parse(body || '{}');
  if (target.endsWith('.ListTables')) {
    const start = input.ExclusiveStartTableName ? Number(input.ExclusiveStartTableName.split('-')[1]) + 1 : 0;
    const end = Math.min(PER_REGION.tables, start + (input.Limit ?? 100));
    const names = [];
    for (let i = start; i < end; i += 1) names.push(`table-${String(i).padStart(5, '0')}`);
    return { TableNames: names, ...(end < PER_REGION.tables ? { LastEvaluatedTableName: names.at(-1) } : {}) };
  }
  if (target.endsWith('.DescribeTable')) return { Table: { TableName: input.TableName, TableArn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${input.TableName}`, TableStatus: 'ACTIVE', ItemCount: 0 } };
  if (target.endsWith('.DescribeContinuousBackups')) return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } } };
  if (target.endsWith('.GetResourcePolicy')) return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'dynamodb:GetItem', Resource: '*' }] }), RevisionId: '1' };
  return undefined;
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    requests += 1;
    const body = Buffer.concat(chunks).toString('utf8');
    const scope = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
    const region = scope?.[1] ?? 'us-east-1';
    const service = scope?.[2] ?? 'unknown';
    perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    setTimeout(() => {
      if (service !== 'sts' && !take(region)) {
        throttled += 1;
        if (service === 'dynamodb') {
          response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
          response.end(JSON.stringify({ __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' }));
        } else {
          response.writeHead(503, { 'content-type': 'text/xml' });
          response.end('<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r</RequestID></Response>');
        }
        return;
      }
      if (service === 'sts') {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/bench</Arn><UserId>AIDA</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
        return;
      }
      if (service === 'dynamodb') {
        const answer = dynamodb(String(request.headers['x-amz-target'] ?? ''), body, region);
        response.writeHead(answer ? 200 : 400, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify(answer ?? { __type: 'UnknownOperationException' }));
        return;
      }
      const params = new URLSearchParams(body);
      const xml = ec2(params.get('Action'), params);
      response.writeHead(xml ? 200 : 400, { 'content-type': 'text/xml' });
      response.end(xml ?? '<Response><Errors><Error><Code>InvalidAction</Code><Message>unknown</Message></Error></Errors></Response>');
    }, DELAY_MS);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${server.address().port}`;

const { scanAws } = await import('../dist/inventory/sources/aws/index.js');
const { selectChecks } = await import('../dist/checks/select.js');
const { typesToCollect } = await import('../dist/checks/reads.js');
// What users select, not a list of types: the scan collects the closure of what these checks judge and look up.
const CHECKS = ['vpc-security-group-ssh-open', 'vpc-security-group-rdp-open', 'ebs-volume-encrypted', 'dynamodb-table-point-in-time-recovery', 'dynamodb-table-policy-not-public'];
const resourceTypes = typesToCollect(selectChecks({ ids: CHECKS }));

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const started = performance.now();
const outcome = await scanAws({
  resourceTypes,
  regions: REGIONS,
  credentials: async () => ({ accessKeyId: 'AKIDBENCHMARK', secretAccessKey: 'bench-secret' }),
  env: process.env,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
server.close();

const listPages = Math.ceil(PER_REGION.securityGroups / 1000) + Math.ceil(PER_REGION.volumes / 500) + Math.ceil(PER_REGION.tables / 100);
// Each table: DescribeTable, DescribeContinuousBackups, GetResourcePolicy; each region: the EBS encryption default and
// its key (ebs-volume-encrypted reads Demarc::EC2::EbsEncryptionDefault).
const perRegionMinimum = listPages + PER_REGION.tables * 3 + 2;
const minimum = 1 + perRegionMinimum * REGIONS.length;
const idealSeconds = Math.max(perRegionMinimum / RATE_PER_REGION, (DELAY_MS / 1000) * 2) + DELAY_MS / 1000;
const resources = outcome.inventory.resources.filter((resource) => !resource.type.startsWith('Demarc::')).length;
const throttledGaps = outcome.inventory.gaps.filter((gap) => /throttl/i.test(gap.reason)).length;
const unknownThrottled = outcome.inventory.resources.filter((resource) => JSON.stringify(resource.properties).includes('throttled')).length;

const rows = [
  ['resources collected', resources, '20000'],
  ['API calls made / minimum needed', (requests / minimum).toFixed(3), '<= 1.1'],
  ['wall time / ideal (delay, rate limit)', (seconds / idealSeconds).toFixed(3), '<= 1.3'],
  ['throttling errors reaching a check', throttledGaps + unknownThrottled, '0'],
  ['peak memory (MB)', (peak / 1024 / 1024).toFixed(0), '<= 500'],
];
console.log(`aws collection: ${REGIONS.length} regions, ${DELAY_MS} ms per call, ${RATE_PER_REGION} req/s per region; ${requests} requests (${throttled} throttled, minimum ${minimum}); ${seconds.toFixed(1)} s (ideal ${idealSeconds.toFixed(1)} s); SDK retries ${outcome.stats.retries}`);
for (const [name, value, target] of rows) console.log(`  ${name.padEnd(40)} ${String(value).padStart(8)}   target ${target}`);
const ok = resources === 20000 && requests / minimum <= 1.1 && seconds / idealSeconds <= 1.3 && throttledGaps + unknownThrottled === 0 && peak <= 500 * 1024 * 1024;
if (!ok) process.exitCode = 1;
