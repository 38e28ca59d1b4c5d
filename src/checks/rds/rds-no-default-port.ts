// Compliant: the database listens on a port other than its engine's default (Port set, and not 3306, 5432, 1521, 1433 or 50000 for its engine).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, num } from '../../inventory/readers.js';
import { engineFamily, type EngineFamily } from '../lib/engine-lifecycle.js';
import { engineOf, isAuroraMemberInstance } from '../lib/rds.js';

// From the RDS API reference (CreateDBInstance / CreateDBCluster, Port): the port each engine listens on by default.
const DEFAULT_PORTS: Partial<Record<EngineFamily, number>> = {
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  postgres: 5432,
  'aurora-postgresql': 5432,
  oracle: 1521,
  sqlserver: 1433,
  db2: 50000,
};

export default defineCheck({
  id: 'rds-no-default-port',
  title: 'RDS database does not listen on its engine\'s default port',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'network-config',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'low',
  rationale:
    'Scanners looking for databases try the well-known ports first (3306 for MySQL, MariaDB and Aurora MySQL, 5432 for PostgreSQL, 1521 for Oracle, 1433 for SQL Server, 50000 for Db2). A different port does not replace security groups, but it keeps the database out of the cheapest sweeps and makes a connection attempt to it stand out. A database that names no port gets its engine\'s default. An Aurora instance listens on its cluster\'s port, so the cluster is judged.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Connectivity > Additional configuration > Database port.',
    cloudformation: 'AWS::RDS::DBInstance.Port / AWS::RDS::DBCluster.Port: a port other than the engine\'s default',
    terraform: 'aws_db_instance / aws_rds_cluster { port = <a port other than the engine\'s default> }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) return notApplicable('an Aurora instance listens on its cluster\'s port');
    const engine = engineOf(database);
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the database names no engine (one restored from a snapshot takes the snapshot\'s), so its default port is not known', 'Engine');
    const standard = DEFAULT_PORTS[engineFamily(engine)];
    if (standard === undefined) return unknown(`no default port is known for engine ${engine}`, 'Engine');
    const port = num(at(database.properties, 'Port'));
    if (isUnknown(port)) return unknown(port, 'Port');
    if (port === undefined) return fail(`Port is not set, so the database listens on ${standard}, the default of ${engine}`, 'Port');
    if (port === standard) return fail(`the database listens on ${port}, the default port of ${engine}`, 'Port');
    return pass(`the database listens on ${port}, not on ${standard}, the default of ${engine}`, 'Port');
  },
});
