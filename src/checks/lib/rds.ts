import { at, isUnknown, str, type Maybe } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import type { InventoryView } from '../../inventory/view.js';
import { Unknown } from '../../inventory/values.js';
import { engineFamily, isAuroraFamily, majorVersion } from './engine-lifecycle.js';

/** The engine of an RDS instance or cluster, or why it cannot be read. */
export function engineOf(resource: Resource): Maybe<string> {
  return str(at(resource.properties, 'Engine'));
}

/**
 * The Aurora cluster an instance belongs to. Aurora keeps storage, backups, encryption and the engine version on the
 * cluster, so instance-level checks of those settings do not apply to its members.
 */
/** What `auroraClusterOf` and `isAuroraMemberInstance` look up. */
export const AURORA_CLUSTER_READS = ['AWS::RDS::DBCluster'] as const;

export function auroraClusterOf(instance: Resource, inventory: InventoryView): { member: boolean; cluster?: Resource } {
  const clusterId = instance.properties['DBClusterIdentifier'];
  const engine = engineOf(instance);
  const aurora = typeof engine === 'string' && isAuroraFamily(engineFamily(engine));
  if (clusterId === undefined || clusterId === null) return { member: aurora };
  const cluster = inventory.resolve(clusterId);
  return cluster?.type === 'AWS::RDS::DBCluster' ? { member: true, cluster } : { member: true };
}

/**
 * True for a DB instance that belongs to an Aurora cluster: its cluster's settings decide for it, so a check of a
 * cluster-level setting is not applicable to the instance.
 */
export const isAuroraMemberInstance = (database: Resource, inventory: InventoryView): boolean =>
  database.type === 'AWS::RDS::DBInstance' && auroraClusterOf(database, inventory).member;

/** True for an Aurora DB cluster, false for a Multi-AZ DB cluster of RDS for MySQL or PostgreSQL. */
export function isAuroraCluster(cluster: Resource): Maybe<boolean> {
  const engine = engineOf(cluster);
  if (engine === undefined) return new Unknown('the cluster names no engine');
  if (isUnknown(engine)) return engine;
  return isAuroraFamily(engineFamily(engine));
}

// From AWS's "Supported Regions and DB engines for IAM database authentication": RDS for MariaDB supports it from
// 10.11 on (10.4, 10.5 and 10.6 never did); RDS for Db2, Oracle and SQL Server not at all.
const IAM_AUTH_ENGINES_WITHOUT = new Set(['oracle', 'sqlserver', 'db2']);
const MARIADB_FIRST_IAM_AUTH_MAJOR = [10, 11] as const;

/**
 * Why an engine (and engine version) cannot use IAM database authentication, or undefined when it can. An absent
 * version is the engine's default, a current one; an unreadable version of an engine where it matters is unknown.
 */
export function iamAuthenticationUnsupported(engine: string, version: Maybe<string>): string | Unknown | undefined {
  const family = engineFamily(engine);
  if (IAM_AUTH_ENGINES_WITHOUT.has(family)) return `${engine} does not support IAM database authentication`;
  if (family !== 'mariadb' || version === undefined) return undefined;
  if (isUnknown(version)) return version;
  const major = majorVersion(family, version);
  const parts = major?.split('.').map(Number);
  if (parts === undefined || parts.some((part) => !Number.isInteger(part))) return new Unknown(`MariaDB version "${version}" cannot be read`);
  const [first = 0, second = 0] = parts;
  const [minFirst, minSecond] = MARIADB_FIRST_IAM_AUTH_MAJOR;
  const older = first < minFirst || (first === minFirst && second < minSecond);
  return older ? `MariaDB ${major} does not support IAM database authentication (RDS for MariaDB supports it from ${minFirst}.${minSecond})` : undefined;
}
