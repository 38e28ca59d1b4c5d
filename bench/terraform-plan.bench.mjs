// Scans a synthetic Terraform plan of 200,000 resources (BENCH_PLAN_RESOURCES to change) across nested modules and
// reports the scan time as a ratio to a bare JSON.parse of the same file, and the peak memory of the process.
// Budgets: ratio ≤ 5 (the target is 2), peak ≤ 2 GB.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpuMs, mb, measureInChild, peakRss } from './measure.mjs';

const RESOURCES = Number(process.env.BENCH_PLAN_RESOURCES ?? 200_000);
const MAX_RATIO = 5;
const MAX_RSS = 2 * 1024 * 1024 * 1024;
const PER_MODULE = 50;

/** One resource of a rotating set of types, with the plan's `values`, `after_unknown` and `after_sensitive`. */
function resourceFor(index) {
  const kind = index % 8;
  const name = `r${index}`;
  switch (kind) {
    case 0:
      return { type: 'aws_s3_bucket', name, values: { bucket: `bucket-${index}`, force_destroy: false, tags: { team: 'core', index: String(index) } }, unknown: { arn: true, id: true, versioning: true, server_side_encryption_configuration: true, logging: true, tags_all: true } };
    case 1:
      return { type: 'aws_s3_bucket_versioning', name: `r${index - 1}`, values: { versioning_configuration: [{ status: index % 16 === 1 ? 'Enabled' : 'Suspended' }] }, unknown: { bucket: true, id: true }, references: { bucket: { references: [`aws_s3_bucket.r${index - 1}.id`, `aws_s3_bucket.r${index - 1}`] } } };
    case 2:
      return { type: 'aws_security_group', name, values: { name: `sg-${index}`, description: 'web', ingress: [{ cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '', from_port: index % 3 === 0 ? 22 : 443, to_port: index % 3 === 0 ? 22 : 443, protocol: 'tcp' }] }, unknown: { arn: true, id: true, egress: true, vpc_id: true, owner_id: true } };
    case 3:
      return { type: 'aws_iam_role', name, values: { name: `role-${index}`, path: '/', assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }] }), max_session_duration: 3600 }, unknown: { arn: true, id: true, unique_id: true, inline_policy: true, managed_policy_arns: true } };
    case 4:
      return { type: 'aws_lambda_function', name, values: { function_name: `fn-${index}`, runtime: 'nodejs20.x', handler: 'index.handler', memory_size: 256, timeout: 30, environment: [{ variables: { STAGE: 'prod', TOKEN: 'not-a-real-token-value' } }], reserved_concurrent_executions: -1 }, unknown: { arn: true, role: true, kms_key_arn: true, tracing_config: true }, sensitive: { environment: [{ variables: { TOKEN: true } }] } };
    case 5:
      return { type: 'aws_db_instance', name, values: { identifier: `db-${index}`, engine: 'postgres', instance_class: 'db.t3.micro', storage_encrypted: index % 2 === 0, publicly_accessible: false, username: 'app', password: 'x'.repeat(16), backup_retention_period: 7, deletion_protection: true }, unknown: { arn: true, id: true, kms_key_id: true, engine_version: true, endpoint: true }, sensitive: { password: true } };
    case 6:
      return { type: 'aws_kms_key', name, values: { description: `key ${index}`, enable_key_rotation: index % 2 === 0, deletion_window_in_days: 30, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT' }, unknown: { arn: true, id: true, key_id: true, policy: true } };
    default:
      return { type: 'aws_dynamodb_table', name, values: { name: `table-${index}`, billing_mode: 'PAY_PER_REQUEST', hash_key: 'pk', attribute: [{ name: 'pk', type: 'S' }], point_in_time_recovery: [{ enabled: index % 2 === 0 }], server_side_encryption: [], deletion_protection_enabled: false }, unknown: { arn: true, id: true, stream_arn: true } };
  }
}

function generatePlan() {
  const changes = [];
  let index = 0;
  const build = (address, depth) => {
    const module = { resources: [], child_modules: [] };
    if (address) module.address = address;
    const configuration = { resources: [], module_calls: {} };
    for (let count = 0; count < PER_MODULE && index < RESOURCES; count += 1, index += 1) {
      const resource = resourceFor(index);
      const local = `${resource.type}.${resource.name}`;
      const full = address ? `${address}.${local}` : local;
      module.resources.push({ address: full, mode: 'managed', type: resource.type, name: resource.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: resource.values, sensitive_values: resource.sensitive ?? {} });
      changes.push({ address: full, ...(address ? { module_address: address } : {}), mode: 'managed', type: resource.type, name: resource.name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: resource.values, after_unknown: resource.unknown, before_sensitive: false, after_sensitive: resource.sensitive ?? {} } });
      const expressions = {};
      for (const key of Object.keys(resource.values)) expressions[key] = { constant_value: resource.values[key] };
      Object.assign(expressions, resource.references ?? {});
      configuration.resources.push({ address: local, mode: 'managed', type: resource.type, name: resource.name, provider_config_key: 'aws', expressions, schema_version: 0 });
    }
    // Four child modules per module, three levels deep, then siblings at the root until every resource is placed.
    for (let child = 0; child < 4 && depth < 3 && index < RESOURCES; child += 1) {
      const name = `m${depth}_${child}`;
      const [childModule, childConfiguration] = build(`${address ? `${address}.` : ''}module.${name}`, depth + 1);
      module.child_modules.push(childModule);
      configuration.module_calls[name] = { source: `./modules/${name}`, module: childConfiguration };
    }
    return [module, configuration];
  };
  const root = { resources: [], child_modules: [] };
  const rootConfiguration = { resources: [], module_calls: {} };
  let sibling = 0;
  while (index < RESOURCES) {
    const name = `app${sibling++}`;
    const [module, configuration] = build(`module.${name}`, 0);
    root.child_modules.push(module);
    rootConfiguration.module_calls[name] = { source: `./apps/${name}`, module: configuration };
  }
  return { format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: root }, resource_changes: changes, configuration: { provider_config: { aws: { name: 'aws' } }, root_module: rootConfiguration } };
}

/** Child: the bare baseline, reading and parsing the file as any tool must (best of three). */
function measureParse(file) {
  let ms = Infinity;
  let cpu = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    JSON.parse(readFileSync(file, 'utf8'));
    ms = Math.min(ms, performance.now() - start);
    cpu = Math.min(cpu, cpuMs(cpuStart));
    globalThis.gc?.();
  }
  return { ms, cpu, peakRss: peakRss() };
}

/** Child: the scan (load and every check), its figures taken before the result is released. */
async function scanOnce(file) {
  const { scanPaths } = await import('../dist/scan.js');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await scanPaths([file]);
  const ms = performance.now() - start;
  const cpu = cpuMs(cpuStart);
  return { ms, cpu, peakRss: peakRss(), resources: result.sources.reduce((sum, source) => sum + source.resources, 0), findings: result.findings.length };
}

/** Child: the scan, then, its result released, the load alone for its share. */
async function measureScan(file) {
  const scanned = await scanOnce(file);
  globalThis.gc?.();
  const { loadPaths } = await import('../dist/inventory/load-paths.js');
  const loadStart = performance.now();
  await loadPaths([file]);
  return { ...scanned, loadMs: performance.now() - loadStart };
}

const [mode, childFile] = process.argv.slice(2);
if (mode === 'parse') console.log(JSON.stringify(measureParse(childFile)));
else if (mode === 'scan') console.log(JSON.stringify(await measureScan(childFile)));
else {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-'));
  const file = join(dir, 'plan.json');
  try {
    writeFileSync(file, JSON.stringify(generatePlan()));
    const self = fileURLToPath(import.meta.url);
    const parse = measureInChild(self, ['parse', file]);
    const scan = measureInChild(self, ['scan', file]);
    const ratio = scan.ms / parse.ms;
    console.log(`plan: ${RESOURCES} resources, ${mb(statSync(file).size)}; scanned resources: ${scan.resources}; findings: ${scan.findings}`);
    console.log(`bare JSON.parse: ${parse.ms.toFixed(0)} ms wall, ${parse.cpu.toFixed(0)} ms CPU (peak RSS of a process that only parses: ${mb(parse.peakRss)})`);
    console.log(`scan (load + all checks): ${scan.ms.toFixed(0)} ms wall, ${scan.cpu.toFixed(0)} ms CPU; reading the plan into the inventory alone ≈ ${scan.loadMs.toFixed(0)} ms (${(scan.loadMs / parse.ms).toFixed(2)}× parse)`);
    console.log(`ratio scan/parse: ${ratio.toFixed(2)} wall (budget ≤ ${MAX_RATIO}, target 2), ${(scan.cpu / parse.cpu).toFixed(2)} CPU`);
    console.log(`peak memory of the scan (RSS): ${mb(scan.peakRss)} (budget ≤ ${mb(MAX_RSS)})`);
    if (ratio > MAX_RATIO || scan.peakRss > MAX_RSS) process.exitCode = 1;
  } finally {
    if (process.env.KEEP_PLAN) console.log(file); else rmSync(dir, { recursive: true, force: true });
  }
}
