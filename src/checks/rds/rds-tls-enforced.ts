// Compliant: the database rejects unencrypted connections (rds.force_ssl=1 or require_secure_transport=ON in its parameter group, or an engine default that enforces TLS).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';
import { engineFamily, majorVersion, type EngineFamily } from '../lib/engine-lifecycle.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

/** The parameter that makes each engine refuse plain-text connections. */
function tlsParameter(family: EngineFamily): string | undefined {
  switch (family) {
    case 'postgres':
    case 'aurora-postgresql':
    case 'sqlserver':
      return 'rds.force_ssl';
    case 'mysql':
    case 'aurora-mysql':
    case 'mariadb':
      return 'require_secure_transport';
    default:
      return undefined;
  }
}

const ENFORCING_VALUES = new Set(['1', 'on', 'true']);

/**
 * Whether the engine's default parameter group enforces TLS. RDS for PostgreSQL sets rds.force_ssl to 1 by default
 * from major version 15; every other engine's default leaves plain-text connections allowed.
 */
function defaultEnforces(family: EngineFamily, major: string | undefined): boolean | undefined {
  if (family !== 'postgres') return false;
  if (major === undefined) return undefined;
  return Number(major) >= 15;
}

/** The major version from a parameter group family such as `postgres16` or `default.postgres14`. */
function majorFromGroupFamily(groupFamily: string | undefined): string | undefined {
  const match = groupFamily === undefined ? null : /postgres(?:ql)?(\d+(?:\.\d+)?)$/.exec(groupFamily);
  return match?.[1];
}

export default defineCheck({
  id: 'rds-tls-enforced',
  title: 'RDS database requires TLS for client connections',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  reads: ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'high',
  rationale:
    'RDS offers TLS on every endpoint, but most engines still accept plain-text connections unless a parameter tells them to refuse them, and clients fall back to plain text silently. Requiring TLS on the server side is the customer\'s part of protecting data in transit.',
  remediation: {
    console: 'RDS console > Parameter groups > create a custom group for the engine > set rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB) > attach it to the database.',
    cloudformation: 'AWS::RDS::DBParameterGroup (or DBClusterParameterGroup for Aurora) Parameters: { rds.force_ssl: 1 } or { require_secure_transport: ON }, referenced by DBParameterGroupName / DBClusterParameterGroupName',
    terraform: 'aws_db_parameter_group / aws_rds_cluster_parameter_group { parameter { name = "rds.force_ssl" value = "1" } }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('an Aurora instance takes its TLS setting from the cluster parameter group');
    }
    const isInstance = database.type === 'AWS::RDS::DBInstance';
    const engine = str(at(database.properties, 'Engine'));
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the database names no engine');
    const family = engineFamily(engine);
    const parameter = tlsParameter(family);
    if (parameter === undefined) {
      return unknown(`${engine} enforces TLS through option groups or server settings that this check does not read`, 'Engine');
    }
    const version = str(at(database.properties, 'EngineVersion'));
    const versionMajor = typeof version === 'string' ? majorVersion(family, version) : undefined;

    const groupProperty = isInstance ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
    const groupValue = database.properties[groupProperty];
    const judgeDefault = (major: string | undefined, where: string) => {
      const enforced = defaultEnforces(family, major);
      if (enforced === undefined) {
        return unknown(`${where}, and the default of ${parameter} depends on the PostgreSQL major version, which the template does not pin`, 'EngineVersion');
      }
      return enforced
        ? pass(`${where}; RDS for PostgreSQL ${major ?? ''} defaults ${parameter} to 1, so TLS is required`, groupProperty)
        : fail(`${where}; the ${engine} default leaves ${parameter} off, so plain-text connections are accepted`, groupProperty);
    };

    const groupName = str(groupValue);
    if (isUnknown(groupName) && groupValue !== undefined && context.inventory.resolve(groupValue) === undefined) return unknown(groupName, groupProperty);
    if (groupValue === undefined || (typeof groupName === 'string' && groupName.startsWith('default.'))) {
      const major = versionMajor ?? majorFromGroupFamily(typeof groupName === 'string' ? groupName : undefined);
      return judgeDefault(major, 'the database uses the engine\'s default parameter group');
    }
    const expectedType = isInstance ? 'AWS::RDS::DBParameterGroup' : 'AWS::RDS::DBClusterParameterGroup';
    const group = context.inventory.resolve(groupValue, [expectedType]);
    if (group?.type !== expectedType) return unknown(`the parameter group ${typeof groupName === 'string' ? groupName : 'it references'} is not in the scanned input`, groupProperty);

    const parameters = record(at(group.properties, 'Parameters'));
    if (isUnknown(parameters)) return unknown(parameters, groupProperty);
    const value = parameters === undefined ? undefined : str(parameters[parameter]);
    if (isUnknown(value)) return unknown(value, groupProperty);
    if (value === undefined) {
      const groupFamily = str(at(group.properties, 'Family'));
      const major = versionMajor ?? majorFromGroupFamily(typeof groupFamily === 'string' ? groupFamily : undefined);
      return judgeDefault(major, `the parameter group ${group.id} does not set ${parameter}`);
    }
    return ENFORCING_VALUES.has(value.toLowerCase())
      ? pass(`the parameter group ${group.id} sets ${parameter} to ${value}`, groupProperty)
      : fail(`the parameter group ${group.id} sets ${parameter} to ${value}, so plain-text connections are accepted`, groupProperty);
  },
});
