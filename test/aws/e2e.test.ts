import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { loopback, type RecordedRequest, type Reply } from './support/loopback.js';
import { isolateAwsEnvironment } from './support/isolated-env.js';

const ACCOUNT = '123456789012';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

function stsReply(request: RecordedRequest): Reply | undefined {
  if (request.method !== 'POST' || !request.body.includes('Action=GetCallerIdentity')) return undefined;
  return {
    body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn>
    <UserId>AIDASAMPLEUSERID</UserId>
    <Account>${ACCOUNT}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`,
  };
}

const s3Error = (status: number, code: string, message: string): Reply => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`,
});

/** S3 REST-XML answers for two buckets: `logs-archive` fully configured, `scratch-data` with nothing set. */
function s3Reply(request: RecordedRequest): Reply {
  if (request.path === '/v20180820/configuration/publicAccessBlock') return s3Error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
  if (request.path === '/' && request.query.has('max-buckets')) {
    return {
      body: `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>owner-id</ID></Owner><Buckets>
<Bucket><Name>logs-archive</Name><CreationDate>2023-04-01T10:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>
<Bucket><Name>scratch-data</Name><CreationDate>2024-02-11T08:30:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>
</Buckets></ListAllMyBucketsResult>`,
    };
  }
  const bucket = request.path.replace(/^\/+|\/+$/g, '');
  const configured = bucket === 'logs-archive';
  if (request.query.has('encryption')) {
    return configured
      ? { body: `<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID></ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>` }
      : s3Error(404, 'ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found');
  }
  if (request.query.has('versioning')) return { body: configured ? `<VersioningConfiguration xmlns="${S3_NS}"><Status>Enabled</Status></VersioningConfiguration>` : `<VersioningConfiguration xmlns="${S3_NS}"/>` };
  if (request.query.has('publicAccessBlock')) {
    return configured
      ? { body: `<PublicAccessBlockConfiguration xmlns="${S3_NS}"><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>` }
      : s3Error(404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found');
  }
  if (request.query.has('logging')) return { body: `<BucketLoggingStatus xmlns="${S3_NS}"/>` };
  if (request.query.has('policy')) {
    // scratch-data's policy cannot be read: the scan must say unknown for it, never pass.
    return configured ? s3Error(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist') : s3Error(403, 'AccessDenied', 'Access Denied');
  }
  if (request.query.has('acl')) {
    const publicGrant = configured ? '' : `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>`;
    return {
      body: `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>owner-id</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner-id</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>${publicGrant}</AccessControlList></AccessControlPolicy>`,
    };
  }
  if (request.query.has('ownershipControls')) return { body: `<OwnershipControls xmlns="${S3_NS}"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>` };
  return s3Error(400, 'InvalidRequest', `unexpected request ${request.method} ${request.path}?${request.query.toString()}`);
}

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTty: false, stderrIsTty: false, columns: 100, env: process.env, cwd: process.cwd() };
}


describe('demarc scan --aws against a loopback endpoint (AWS_ENDPOINT_URL)', () => {
  isolateAwsEnvironment('AKIDEXAMPLELOOPBACK');

  it('reads STS and S3 wire responses into the inventory and reports unknown where a call was denied', async () => {
    const server = await loopback((request) => stsReply(request) ?? s3Reply(request));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    try {
      const cli = io();
      const code = await main(['node', 'demarc', 'scan', '--aws', '--region', 'us-east-1', '--check', 's3-bucket-versioning', '--format', 'json', '--fail-on', 'none'], cli);
      const stderr = cli.err.join('');
      expect(stderr).toContain(`scanning as arn:aws:iam::${ACCOUNT}:user/auditor (account ${ACCOUNT})`);
      expect(code).toBe(0);
      const result = JSON.parse(cli.out.join('')) as { findings: Array<{ checkId: string; status: string; resource: { name?: string } }>; coverage: { gaps: Array<{ call?: string; resourceId?: string }> } };
      const versioning = result.findings.filter((finding) => finding.checkId === 's3-bucket-versioning');
      expect(versioning.map((finding) => [finding.resource.name, finding.status]).sort()).toEqual([
        ['logs-archive', 'pass'],
        ['scratch-data', 'fail'],
      ]);
      expect(result.coverage.gaps).toContainEqual(expect.objectContaining({ call: 's3:GetBucketPolicy', resourceId: 'arn:aws:s3:::scratch-data' }));
      // Every request went to the loopback server, signed, never anywhere else.
      expect(server.requests.length).toBeGreaterThan(10);
      expect(server.requests.every((request) => String(request.headers['authorization'] ?? '').startsWith('AWS4-HMAC-SHA256'))).toBe(true);

      const failOnGaps = io();
      expect(await main(['node', 'demarc', 'scan', '--aws', '--quiet', '--region', 'us-east-1', '--check', 's3-bucket-versioning', '--format', 'json', '--fail-on', 'none', '--fail-on-gaps'], failOnGaps)).toBe(1);
      expect(failOnGaps.err.join('')).toBe('');
    } finally {
      await server.close();
    }
  });

  it('explains refused credentials in one line and exits 2', async () => {
    const server = await loopback(() => ({
      status: 403,
      body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>abc</RequestId></ErrorResponse>`,
    }));
    process.env['AWS_ENDPOINT_URL'] = server.url;
    // A real profile with keys, so that the call reaches the server and the server refuses the token.
    const folder = await mkdtemp(join(tmpdir(), 'demarc-profile-'));
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(folder, 'credentials');
    await writeFile(process.env['AWS_SHARED_CREDENTIALS_FILE'], '[audit]\naws_access_key_id = AKIDEXAMPLEAUDIT\naws_secret_access_key = audit-secret-not-real\n');
    try {
      const cli = io();
      const code = await main(['node', 'demarc', 'scan', '--aws', '--profile', 'audit', '--region', 'us-east-1', '--check', 's3-bucket-versioning'], cli);
      expect(code).toBe(2);
      const stderr = cli.err.join('');
      expect(stderr).toContain('no usable AWS credentials from profile "audit": they have expired: The security token included in the request is expired.');
      expect(stderr).toContain('aws sso login --profile audit');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(server.requests.length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
