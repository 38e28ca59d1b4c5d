// Compliant: the database's engine major version is still in AWS standard support at the time of the scan.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { databaseLifecycle, engineFamily, majorVersion } from '../lib/engine-lifecycle.js';
import { isAuroraMemberInstance } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-engine-supported',
  title: 'RDS database runs an engine version in standard support',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'high',
  rationale:
    'AWS patches the engines it runs, but only for major versions in standard support; after that date a database gets fixes only through paid Extended Support and is eventually upgraded by force. Choosing and upgrading the major version is the customer\'s side of patch management.',
  remediation: {
    console: 'RDS console > Databases > database > Modify > Engine version: a supported major version (test the upgrade first, or use a blue/green deployment).',
    cloudformation: 'AWS::RDS::DBInstance.EngineVersion (AWS::RDS::DBCluster.EngineVersion for Aurora): a major version in standard support',
    terraform: 'aws_db_instance / aws_rds_cluster { engine_version = "..." }',
  },
  evaluate(database, context) {
    if (isAuroraMemberInstance(database, context.inventory)) {
      return notApplicable('an Aurora instance runs the engine version of its cluster');
    }
    const engine = str(at(database.properties, 'Engine'));
    if (isUnknown(engine)) return unknown(engine, 'Engine');
    if (engine === undefined) return unknown('the database names no engine');
    const version = str(at(database.properties, 'EngineVersion'));
    if (isUnknown(version)) return unknown(version, 'EngineVersion');
    if (version === undefined) {
      return unknown('EngineVersion is not set: the database runs whatever version was the default when it was created');
    }
    const family = engineFamily(engine);
    const major = majorVersion(family, version);
    if (major === undefined) return unknown(`cannot tell the major version of ${engine} ${version}`, 'EngineVersion');
    const verdict = databaseLifecycle(family, major, context.now);
    switch (verdict.kind) {
      case 'no-data':
        return unknown(`no support calendar is known for ${engine} ${major}`, 'EngineVersion');
      case 'ended':
        return fail(
          verdict.endOfStandardSupport
            ? `${engine} ${major} left standard support on ${verdict.endOfStandardSupport}`
            : `${engine} ${major} is older than every version still in standard support`,
          'EngineVersion',
        );
      case 'supported':
        return pass(`${engine} ${major} is in standard support until ${verdict.endOfStandardSupport}`, 'EngineVersion');
    }
  },
});
