// Compliant: a DMS endpoint to a database engine encrypts its connections (SslMode require, verify-ca or verify-full; the default is none).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

const ENCRYPTED = new Set(['require', 'verify-ca', 'verify-full']);
// Engines that connect over a database protocol, where SslMode decides whether TLS is used.
const DATABASE_ENGINES = new Set(['mysql', 'mariadb', 'aurora', 'aurora-postgresql', 'aurora-serverless', 'postgres', 'oracle', 'sqlserver', 'sybase', 'db2', 'db2-zos', 'mongodb', 'docdb', 'redshift', 'redshift-serverless', 'babelfish', 'azuredb', 'azure-sql-managed-instance']);
// Engines reached through an AWS API or a broker, configured by settings of their own; SslMode does not apply.
const OTHER_ENGINES = new Set(['s3', 'dynamodb', 'kinesis', 'kafka', 'opensearch', 'elasticsearch', 'neptune', 'timestream', 'dms-transfer']);

export default defineCheck({
  id: 'dms-endpoint-ssl',
  title: 'DMS database endpoint uses SSL',
  service: 'dms',
  resourceTypes: ['AWS::DMS::Endpoint'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'A DMS endpoint with SslMode none (the default) carries the whole contents of a database, and its login, between the replication instance and the database in clear text. require encrypts the connection; verify-ca and verify-full also check the server\'s certificate. AWS supports TLS on these connections, turning it on is the customer\'s. Endpoints to S3, DynamoDB, Kinesis, Kafka, OpenSearch and Neptune are configured by settings of their own and are not judged here.',
  remediation: {
    console: 'DMS console > Endpoints > the endpoint > Modify > Secure Socket Layer (SSL) mode: require or verify-full (with a CA certificate).',
    cloudformation: 'AWS::DMS::Endpoint.SslMode: require, verify-ca or verify-full (CertificateArn for the verify modes)',
    terraform: 'aws_dms_endpoint.ssl_mode = "require" (or "verify-ca" / "verify-full" with certificate_arn)',
  },
  evaluate(endpoint) {
    const engine = str(endpoint.properties['EngineName']);
    if (isUnknown(engine)) return unknown(engine, 'EngineName');
    const name = engine?.toLowerCase();
    if (name !== undefined && OTHER_ENGINES.has(name)) return notApplicable(`a ${engine} endpoint is not reached over a database protocol; SslMode does not apply`);
    if (name === undefined || !DATABASE_ENGINES.has(name)) return unknown(`engine ${engine ?? '(not set)'} is not one this check knows`, 'EngineName');
    const mode = str(endpoint.properties['SslMode']);
    if (isUnknown(mode)) return unknown(mode, 'SslMode');
    if (mode !== undefined && ENCRYPTED.has(mode.toLowerCase())) return pass(`the ${engine} endpoint connects with SslMode ${mode}`, 'SslMode');
    if (mode === undefined || mode.toLowerCase() === 'none') return fail(`the ${engine} endpoint connects without SSL${mode === undefined ? ' (SslMode is not set; the default is none)' : ''}`, 'SslMode');
    return unknown(`SslMode ${mode} is not a mode DMS documents (none, require, verify-ca, verify-full)`, 'SslMode');
  },
});
