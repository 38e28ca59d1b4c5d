// Scans a generated folder of 2,000 CloudFormation templates (YAML with short-form tags) of 100 resources each in one
// run, and reports the wall time, its ratio to reading and parsing every file bare with the same YAML library, and
// the scan's peak memory. The scan must finish in one run; the figures are for comparison between runs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { cpuMs, mb, measureInChild, peakRss } from './measure.mjs';

const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 2_000);
const PER_TEMPLATE = 100;

/** One resource of a rotating set of types, some of them referring to the one before. */
function resourceYaml(template, index) {
  const id = `R${index}`;
  const previous = `R${index - 1}`;
  switch (index % 6) {
    case 0:
      return `  ${id}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub 'bucket-${template}-${index}-\${AWS::AccountId}'\n      VersioningConfiguration:\n        Status: ${index % 12 === 0 ? 'Enabled' : 'Suspended'}\n      Tags:\n        - Key: team\n          Value: core\n`;
    case 1:
      return `  ${id}:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref ${previous}\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource: !Sub '\${${previous}.Arn}/*'\n            Condition:\n              Bool:\n                aws:SecureTransport: 'false'\n`;
    case 2:
      return `  ${id}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: ${index % 4 === 2 ? 22 : 443}\n          ToPort: ${index % 4 === 2 ? 22 : 443}\n          CidrIp: 0.0.0.0/0\n`;
    case 3:
      return `  ${id}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n`;
    case 4:
      return `  ${id}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: index.handler\n      Role: !GetAtt ${previous}.Arn\n      MemorySize: 256\n      Code:\n        ZipFile: exports.handler = async () => 'ok';\n      Environment:\n        Variables:\n          STAGE: !If [IsProd, prod, dev]\n`;
    default:
      return `  ${id}:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - AttributeName: pk\n          AttributeType: S\n      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: ${index % 2 === 0}\n`;
  }
}

function templateYaml(template) {
  let text = `AWSTemplateFormatVersion: '2010-09-09'\nDescription: generated template ${template}\nParameters:\n  Stage:\n    Type: String\n    Default: prod\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n`;
  for (let index = 0; index < PER_TEMPLATE; index += 1) text += resourceYaml(template, index);
  return text;
}

/** Child: the bare baseline, reading and parsing every file (best of three). */
function measureParse(folder) {
  const files = readdirSync(folder).map((name) => join(folder, name));
  let ms = Infinity;
  let cpu = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    // Unknown tags (`!Ref`) are kept as plain strings: the bare parser reads them and says nothing.
    for (const file of files) parse(readFileSync(file, 'utf8'), { logLevel: 'silent' });
    ms = Math.min(ms, performance.now() - start);
    cpu = Math.min(cpu, cpuMs(cpuStart));
    globalThis.gc?.();
  }
  return { ms, cpu, peakRss: peakRss() };
}

/** Child: the scan of the folder, load and every check. */
async function measureScan(folder) {
  const { scan } = await import('../dist/scan.js');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const { result, problems } = await scan({ paths: [folder] });
  const ms = performance.now() - start;
  return { ms, cpu: cpuMs(cpuStart), peakRss: peakRss(), files: result.sources.length, resources: result.sources.reduce((sum, source) => sum + source.resources, 0), findings: result.findings.length, problems: problems.length };
}

const [mode, childFolder] = process.argv.slice(2);
if (mode === 'parse') console.log(JSON.stringify(measureParse(childFolder)));
else if (mode === 'scan') console.log(JSON.stringify(await measureScan(childFolder)));
else {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-'));
  const folder = join(dir, 'templates');
  mkdirSync(folder);
  try {
    let bytes = 0;
    for (let template = 0; template < TEMPLATES; template += 1) {
      const text = templateYaml(template);
      bytes += text.length;
      writeFileSync(join(folder, `stack-${String(template).padStart(4, '0')}.yaml`), text);
    }
    const self = fileURLToPath(import.meta.url);
    const parse = measureInChild(self, ['parse', folder]);
    const scan = measureInChild(self, ['scan', folder]);
    console.log(`folder: ${TEMPLATES} templates × ${PER_TEMPLATE} resources, ${mb(bytes)}; sources: ${scan.files}; scanned resources: ${scan.resources}; findings: ${scan.findings}; problems: ${scan.problems}`);
    console.log(`bare read + YAML parse of every file: ${parse.ms.toFixed(0)} ms wall, ${parse.cpu.toFixed(0)} ms CPU (peak RSS of a process that only parses: ${mb(parse.peakRss)})`);
    console.log(`scan (load + all checks): ${scan.ms.toFixed(0)} ms wall, ${scan.cpu.toFixed(0)} ms CPU`);
    console.log(`ratio scan/parse: ${(scan.ms / parse.ms).toFixed(2)} wall, ${(scan.cpu / parse.cpu).toFixed(2)} CPU (CPU time is the steadier figure on a busy machine)`);
    console.log(`peak memory of the scan (RSS): ${mb(scan.peakRss)}`);
    if (scan.resources !== TEMPLATES * PER_TEMPLATE) {
      console.log(`expected ${TEMPLATES * PER_TEMPLATE} resources`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
