// Compliant: the database survives the loss of an Availability Zone (MultiAZ on an instance; two or more instances in an Aurora cluster).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import { auroraClusterOf, isAuroraCluster } from '../lib/rds.js';

export default defineCheck({
  id: 'rds-multi-az',
  title: 'RDS database is deployed across Availability Zones',
  service: 'rds',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS keeps each Availability Zone available, but a single-AZ database goes down with its zone. A standby in another zone (Multi-AZ) or an Aurora replica in another zone is the customer\'s design choice for surviving that failure.',
  remediation: {
    console: 'RDS console > Databases > instance > Modify > Availability & durability > Create a standby instance; for Aurora, add a reader in another Availability Zone.',
    cloudformation: 'AWS::RDS::DBInstance.MultiAZ: true; for Aurora, a second AWS::RDS::DBInstance with the same DBClusterIdentifier',
    terraform: 'aws_db_instance { multi_az = true }; for Aurora, aws_rds_cluster_instance count >= 2',
  },
  evaluate(database, context) {
    if (database.type === 'AWS::RDS::DBInstance') {
      if (auroraClusterOf(database, context.inventory).member) {
        return notApplicable('an Aurora instance is made highly available by the other instances of its cluster');
      }
      const multiAz = bool(at(database.properties, 'MultiAZ'));
      if (isUnknown(multiAz)) return unknown(multiAz, 'MultiAZ');
      if (multiAz === true) return pass('the instance has a standby in another Availability Zone', 'MultiAZ');
      return fail(multiAz === false ? 'MultiAZ is false' : 'MultiAZ is not set, and instances are single-AZ by default', 'MultiAZ');
    }
    const aurora = isAuroraCluster(database);
    if (isUnknown(aurora)) return unknown(aurora, 'Engine');
    // A Multi-AZ DB cluster of RDS for MySQL or PostgreSQL always has two readable standbys in other zones.
    if (!aurora) return pass('a Multi-AZ DB cluster runs instances in three Availability Zones', 'DBClusterInstanceClass');
    if (str(at(database.properties, 'EngineMode')) === 'serverless') {
      return notApplicable('Aurora Serverless v1 runs no instances of its own; its capacity is moved between zones by AWS');
    }
    const members = context.inventory.referrers(database, 'AWS::RDS::DBInstance', 'DBClusterIdentifier');
    if (members.length === 0) return unknown('no instance of the cluster is in the scanned input');
    if (members.length >= 2) return pass(`the cluster has ${members.length} instances, so a reader can take over in another zone`);
    return fail('the cluster has a single instance: a zone failure stops it until a new instance is created');
  },
});
