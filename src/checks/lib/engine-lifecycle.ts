/**
 * Support lifecycles of managed database engines and Kubernetes versions, and the small amount of engine knowledge
 * (families, major versions, Aurora membership) the RDS checks share. Dates are the end of the provider's standard
 * support for a major version, as AWS publishes them; after that date AWS stops shipping fixes unless the customer
 * pays for extended support, and later upgrades the database by force.
 */

export type EngineFamily =
  | 'postgres'
  | 'aurora-postgresql'
  | 'mysql'
  | 'aurora-mysql'
  | 'mariadb'
  | 'oracle'
  | 'sqlserver'
  | 'db2'
  | 'other';

/** The engine family of an RDS `Engine` value (`aurora` is Aurora MySQL version 1). */
export function engineFamily(engine: string): EngineFamily {
  const name = engine.toLowerCase();
  if (name === 'postgres') return 'postgres';
  if (name === 'aurora-postgresql') return 'aurora-postgresql';
  if (name === 'mysql') return 'mysql';
  if (name === 'aurora' || name === 'aurora-mysql') return 'aurora-mysql';
  if (name === 'mariadb') return 'mariadb';
  if (name.startsWith('oracle') || name.startsWith('custom-oracle')) return 'oracle';
  if (name.startsWith('sqlserver') || name.startsWith('custom-sqlserver')) return 'sqlserver';
  if (name.startsWith('db2')) return 'db2';
  return 'other';
}

export const isAuroraFamily = (family: EngineFamily): boolean => family === 'aurora-postgresql' || family === 'aurora-mysql';

/**
 * The major version as AWS names it in its support calendars: `14` for PostgreSQL 14.7, `8.0` for MySQL 8.0.35,
 * `10.6` for MariaDB, `2` and `3` for Aurora MySQL (`5.7.mysql_aurora.2.11.2`, `8.0.mysql_aurora.3.05.2`).
 */
export function majorVersion(family: EngineFamily, version: string): string | undefined {
  const parts = version.trim().split('.');
  const [first, second] = parts;
  if (first === undefined || first === '') return undefined;
  switch (family) {
    case 'postgres':
    case 'aurora-postgresql':
      // Before PostgreSQL 10 the major version had two parts (9.6).
      return Number(first) < 10 && second !== undefined ? `${first}.${second}` : first;
    case 'mysql':
    case 'mariadb':
      return second === undefined ? undefined : `${first}.${second}`;
    case 'aurora-mysql': {
      const aurora = /mysql_aurora\.(\d+)\./.exec(version);
      if (aurora?.[1]) return aurora[1];
      // Older Aurora versions were named after the MySQL release they were compatible with.
      if (version.startsWith('5.6')) return '1';
      if (version.startsWith('5.7')) return '2';
      if (version.startsWith('8.0')) return '3';
      return undefined;
    }
    default:
      return undefined;
  }
}

interface LifecycleEntry {
  major: string;
  /** ISO date: the last day of standard support. */
  endOfStandardSupport: string;
}

/** End of standard support per major version, from the RDS and Aurora release calendars. */
const DATABASE_LIFECYCLES: Partial<Record<EngineFamily, readonly LifecycleEntry[]>> = {
  postgres: [
    { major: '9.6', endOfStandardSupport: '2022-04-26' },
    { major: '10', endOfStandardSupport: '2023-04-17' },
    { major: '11', endOfStandardSupport: '2024-02-29' },
    { major: '12', endOfStandardSupport: '2025-02-28' },
    { major: '13', endOfStandardSupport: '2026-02-28' },
    { major: '14', endOfStandardSupport: '2027-02-28' },
    { major: '15', endOfStandardSupport: '2028-02-29' },
    { major: '16', endOfStandardSupport: '2029-02-28' },
    { major: '17', endOfStandardSupport: '2030-02-28' },
  ],
  'aurora-postgresql': [
    { major: '9.6', endOfStandardSupport: '2022-01-31' },
    { major: '10', endOfStandardSupport: '2023-01-31' },
    { major: '11', endOfStandardSupport: '2024-02-29' },
    { major: '12', endOfStandardSupport: '2025-02-28' },
    { major: '13', endOfStandardSupport: '2026-02-28' },
    { major: '14', endOfStandardSupport: '2027-02-28' },
    { major: '15', endOfStandardSupport: '2028-02-29' },
    { major: '16', endOfStandardSupport: '2029-02-28' },
  ],
  mysql: [
    { major: '5.6', endOfStandardSupport: '2022-03-01' },
    { major: '5.7', endOfStandardSupport: '2024-02-29' },
    { major: '8.0', endOfStandardSupport: '2026-07-31' },
    { major: '8.4', endOfStandardSupport: '2029-07-31' },
  ],
  'aurora-mysql': [
    { major: '1', endOfStandardSupport: '2023-02-28' },
    { major: '2', endOfStandardSupport: '2024-10-31' },
    { major: '3', endOfStandardSupport: '2028-04-30' },
  ],
  mariadb: [
    { major: '10.2', endOfStandardSupport: '2022-10-15' },
    { major: '10.3', endOfStandardSupport: '2023-10-23' },
    { major: '10.4', endOfStandardSupport: '2024-06-18' },
  ],
};

/** End of standard support of Kubernetes minor versions on Amazon EKS. */
const KUBERNETES_LIFECYCLE: readonly LifecycleEntry[] = [
  { major: '1.23', endOfStandardSupport: '2023-10-11' },
  { major: '1.24', endOfStandardSupport: '2024-01-31' },
  { major: '1.25', endOfStandardSupport: '2024-05-01' },
  { major: '1.26', endOfStandardSupport: '2024-06-11' },
  { major: '1.27', endOfStandardSupport: '2024-07-24' },
  { major: '1.28', endOfStandardSupport: '2024-11-26' },
  { major: '1.29', endOfStandardSupport: '2025-03-23' },
  { major: '1.30', endOfStandardSupport: '2025-07-23' },
  { major: '1.31', endOfStandardSupport: '2025-11-26' },
  { major: '1.32', endOfStandardSupport: '2026-03-23' },
  { major: '1.33', endOfStandardSupport: '2026-07-29' },
  { major: '1.34', endOfStandardSupport: '2026-12-02' },
  { major: '1.35', endOfStandardSupport: '2027-03-27' },
];

export type LifecycleVerdict =
  | { kind: 'supported'; endOfStandardSupport: string }
  | { kind: 'ended'; endOfStandardSupport?: string }
  | { kind: 'no-data' };

/** Compares dotted versions numerically (`9.6` < `10`, `1.9` < `1.23`). */
function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function verdictFrom(entries: readonly LifecycleEntry[], major: string, now: Date): LifecycleVerdict {
  const entry = entries.find((candidate) => candidate.major === major);
  if (entry) {
    // Support runs through the whole last day.
    const ended = now.getTime() >= Date.parse(`${entry.endOfStandardSupport}T00:00:00Z`) + 24 * 3600 * 1000;
    return ended ? { kind: 'ended', endOfStandardSupport: entry.endOfStandardSupport } : { kind: 'supported', endOfStandardSupport: entry.endOfStandardSupport };
  }
  const oldest = entries[0];
  // A version older than every listed one left support before the table starts.
  if (oldest && !Number.isNaN(Number(major.split('.')[0])) && compareVersions(major, oldest.major) < 0) return { kind: 'ended' };
  return { kind: 'no-data' };
}

export function databaseLifecycle(family: EngineFamily, major: string, now: Date): LifecycleVerdict {
  const entries = DATABASE_LIFECYCLES[family];
  return entries ? verdictFrom(entries, major, now) : { kind: 'no-data' };
}

/** `1.29` from `1.29` or `1.29.3`. */
export function kubernetesMinor(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version.trim());
  return match ? `${match[1]}.${match[2]}` : undefined;
}

export function kubernetesLifecycle(minor: string, now: Date): LifecycleVerdict {
  return verdictFrom(KUBERNETES_LIFECYCLE, minor, now);
}
