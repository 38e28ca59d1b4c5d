/**
 * Seeds a live fixture's account: each `service.Operation` call is sent with the AWS SDK v3 client of that service,
 * straight to the emulator, in order.
 */

import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface SeedStep {
  /** `service.Operation`, e.g. `s3.CreateBucket`. */
  call: string;
  input: unknown;
  /** Saves the output under this name for `{{name.path}}` in later steps. */
  as?: string;
}

/** The one table from a seed's service name to its SDK v3 package and client class. */
const CLIENTS: Readonly<Record<string, { module: string; client: string }>> = {
  acm: { module: '@aws-sdk/client-acm', client: 'ACMClient' },
  accessanalyzer: { module: '@aws-sdk/client-accessanalyzer', client: 'AccessAnalyzerClient' },
  apigateway: { module: '@aws-sdk/client-api-gateway', client: 'APIGatewayClient' },
  apigatewayv2: { module: '@aws-sdk/client-apigatewayv2', client: 'ApiGatewayV2Client' },
  appsync: { module: '@aws-sdk/client-appsync', client: 'AppSyncClient' },
  athena: { module: '@aws-sdk/client-athena', client: 'AthenaClient' },
  autoscaling: { module: '@aws-sdk/client-auto-scaling', client: 'AutoScalingClient' },
  backup: { module: '@aws-sdk/client-backup', client: 'BackupClient' },
  cloudformation: { module: '@aws-sdk/client-cloudformation', client: 'CloudFormationClient' },
  cloudfront: { module: '@aws-sdk/client-cloudfront', client: 'CloudFrontClient' },
  cloudtrail: { module: '@aws-sdk/client-cloudtrail', client: 'CloudTrailClient' },
  cloudwatch: { module: '@aws-sdk/client-cloudwatch', client: 'CloudWatchClient' },
  codebuild: { module: '@aws-sdk/client-codebuild', client: 'CodeBuildClient' },
  cognitoidentity: { module: '@aws-sdk/client-cognito-identity', client: 'CognitoIdentityClient' },
  cognitoidp: { module: '@aws-sdk/client-cognito-identity-provider', client: 'CognitoIdentityProviderClient' },
  config: { module: '@aws-sdk/client-config-service', client: 'ConfigServiceClient' },
  dax: { module: '@aws-sdk/client-dax', client: 'DAXClient' },
  dms: { module: '@aws-sdk/client-database-migration-service', client: 'DatabaseMigrationServiceClient' },
  dynamodb: { module: '@aws-sdk/client-dynamodb', client: 'DynamoDBClient' },
  ec2: { module: '@aws-sdk/client-ec2', client: 'EC2Client' },
  ecr: { module: '@aws-sdk/client-ecr', client: 'ECRClient' },
  ecs: { module: '@aws-sdk/client-ecs', client: 'ECSClient' },
  efs: { module: '@aws-sdk/client-efs', client: 'EFSClient' },
  eks: { module: '@aws-sdk/client-eks', client: 'EKSClient' },
  elasticache: { module: '@aws-sdk/client-elasticache', client: 'ElastiCacheClient' },
  elasticbeanstalk: { module: '@aws-sdk/client-elastic-beanstalk', client: 'ElasticBeanstalkClient' },
  elb: { module: '@aws-sdk/client-elastic-load-balancing', client: 'ElasticLoadBalancingClient' },
  elbv2: { module: '@aws-sdk/client-elastic-load-balancing-v2', client: 'ElasticLoadBalancingV2Client' },
  emr: { module: '@aws-sdk/client-emr', client: 'EMRClient' },
  events: { module: '@aws-sdk/client-eventbridge', client: 'EventBridgeClient' },
  firehose: { module: '@aws-sdk/client-firehose', client: 'FirehoseClient' },
  guardduty: { module: '@aws-sdk/client-guardduty', client: 'GuardDutyClient' },
  iam: { module: '@aws-sdk/client-iam', client: 'IAMClient' },
  kinesis: { module: '@aws-sdk/client-kinesis', client: 'KinesisClient' },
  kms: { module: '@aws-sdk/client-kms', client: 'KMSClient' },
  lambda: { module: '@aws-sdk/client-lambda', client: 'LambdaClient' },
  logs: { module: '@aws-sdk/client-cloudwatch-logs', client: 'CloudWatchLogsClient' },
  macie2: { module: '@aws-sdk/client-macie2', client: 'Macie2Client' },
  mq: { module: '@aws-sdk/client-mq', client: 'MqClient' },
  opensearch: { module: '@aws-sdk/client-opensearch', client: 'OpenSearchClient' },
  organizations: { module: '@aws-sdk/client-organizations', client: 'OrganizationsClient' },
  ram: { module: '@aws-sdk/client-ram', client: 'RAMClient' },
  rds: { module: '@aws-sdk/client-rds', client: 'RDSClient' },
  redshift: { module: '@aws-sdk/client-redshift', client: 'RedshiftClient' },
  route53: { module: '@aws-sdk/client-route-53', client: 'Route53Client' },
  s3: { module: '@aws-sdk/client-s3', client: 'S3Client' },
  s3control: { module: '@aws-sdk/client-s3-control', client: 'S3ControlClient' },
  sagemaker: { module: '@aws-sdk/client-sagemaker', client: 'SageMakerClient' },
  secretsmanager: { module: '@aws-sdk/client-secrets-manager', client: 'SecretsManagerClient' },
  securityhub: { module: '@aws-sdk/client-securityhub', client: 'SecurityHubClient' },
  sfn: { module: '@aws-sdk/client-sfn', client: 'SFNClient' },
  sns: { module: '@aws-sdk/client-sns', client: 'SNSClient' },
  sqs: { module: '@aws-sdk/client-sqs', client: 'SQSClient' },
  ssm: { module: '@aws-sdk/client-ssm', client: 'SSMClient' },
  ssoadmin: { module: '@aws-sdk/client-sso-admin', client: 'SSOAdminClient' },
  sts: { module: '@aws-sdk/client-sts', client: 'STSClient' },
  timestreamwrite: { module: '@aws-sdk/client-timestream-write', client: 'TimestreamWriteClient' },
  transfer: { module: '@aws-sdk/client-transfer', client: 'TransferClient' },
  wafv2: { module: '@aws-sdk/client-wafv2', client: 'WAFV2Client' },
};

export const SEED_SERVICES: readonly string[] = Object.keys(CLIENTS);

interface SeedClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isSeedClient = (value: unknown): value is SeedClient => isRecord(value) && typeof value['send'] === 'function' && typeof value['destroy'] === 'function';

function exported(module: unknown, name: string, from: string): new (argument: object) => unknown {
  const value = isRecord(module) ? module[name] : undefined;
  if (typeof value !== 'function') throw new Error(`${from} exports no ${name}`);
  return value as new (argument: object) => unknown;
}

async function clientFor(service: string, endpoint: string, region: string): Promise<{ client: SeedClient; module: unknown; from: string }> {
  const entry = CLIENTS[service];
  if (entry === undefined) throw new Error(`no SDK client for seed service "${service}"; known: ${SEED_SERVICES.join(', ')}`);
  const module: unknown = await import(entry.module);
  const Client = exported(module, entry.client, entry.module);
  const client = new Client({
    region,
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
    // Addressing an endpoint on loopback: buckets in the path, no account id in the S3 Control host name.
    ...(service === 's3' ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' } : {}),
    ...(service === 's3control' ? { disableHostPrefix: true } : {}),
    // The Kinesis client speaks HTTP/2 by default; the emulator answers HTTP/1.1 only.
    ...(service === 'kinesis' ? { requestHandler: new NodeHttpHandler() } : {}),
  });
  if (!isSeedClient(client)) throw new Error(`${entry.client} is not an SDK client`);
  return { client, module, from: entry.module };
}

function lookup(saved: ReadonlyMap<string, unknown>, path: string): unknown {
  const [name = '', ...keys] = path.split('.');
  if (!saved.has(name)) throw new Error(`{{${path}}}: no earlier step saved "${name}"`);
  let value = saved.get(name);
  for (const key of keys) {
    value = Array.isArray(value) ? value[Number(key)] : isRecord(value) ? value[key] : undefined;
    if (value === undefined) throw new Error(`{{${path}}}: "${key}" is missing from the saved output`);
  }
  return value;
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** `{{name.path}}` from saved outputs, `{ $json: X }` as JSON text, `{ $base64: '...' }` as bytes (zip files). */
export function resolveInput(value: unknown, saved: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(value);
    // A lone placeholder keeps the saved value's type, so that lists and numbers can be passed on.
    if (whole?.[1] !== undefined) return lookup(saved, whole[1]);
    return value.replace(PLACEHOLDER, (_text, path: string) => {
      const found = lookup(saved, path);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveInput(item, saved));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$json') return JSON.stringify(resolveInput(value['$json'], saved));
  if (keys.length === 1 && keys[0] === '$base64') {
    const text = value['$base64'];
    if (typeof text !== 'string') throw new Error('$base64 needs a string');
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
  return Object.fromEntries(keys.map((key) => [key, resolveInput(value[key], saved)]));
}

export async function seed(steps: readonly SeedStep[], endpoint: string, region: string): Promise<void> {
  const clients = new Map<string, Awaited<ReturnType<typeof clientFor>>>();
  const saved = new Map<string, unknown>();
  try {
    for (const [index, step] of steps.entries()) {
      const [service = '', operation = ''] = step.call.split('.');
      try {
        let entry = clients.get(service);
        if (entry === undefined) {
          entry = await clientFor(service, endpoint, region);
          clients.set(service, entry);
        }
        const Command = exported(entry.module, `${operation}Command`, entry.from);
        const input = resolveInput(step.input ?? {}, saved);
        const output = await entry.client.send(new Command(isRecord(input) ? input : {}));
        if (step.as !== undefined) saved.set(step.as, output);
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new Error(`seed step ${index + 1} (${step.call}): ${reason}`, { cause: error });
      }
    }
  } finally {
    for (const { client } of clients.values()) client.destroy();
  }
}
