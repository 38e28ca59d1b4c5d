import { isUnknown, type PropRecord, type PropValue } from '../../../values.js';
import { asList, tags, type MappingTable } from './dsl.js';

/** A snapshot whose shared_accounts lists "all" can be restored by any AWS account; unset, it is shared with none. */
function sharing(attributes: PropRecord): { Public: PropValue } {
  const accounts = attributes['shared_accounts'];
  if (accounts === undefined || accounts === null) return { Public: false };
  if (isUnknown(accounts)) return { Public: accounts };
  if (!Array.isArray(accounts)) return { Public: false };
  const unresolved = accounts.find((account) => typeof account !== 'string');
  if (accounts.includes('all')) return { Public: true };
  return { Public: unresolved ?? false };
}

/** RDS event subscriptions, and manual snapshots as the account-level snapshot type a live scan reads. */
export const rdsEventsSnapshotsMappings: MappingTable = {
  aws_db_event_subscription: {
    cfnType: 'AWS::RDS::EventSubscription',
    name: 'name',
    fields: {
      name: 'SubscriptionName',
      sns_topic: 'SnsTopicArn',
      source_type: 'SourceType',
      source_ids: ['SourceIds', asList],
      event_categories: ['EventCategories', asList],
      enabled: 'Enabled',
      tags: ['Tags', tags],
    },
    // The provider creates the subscription enabled unless told otherwise.
    defaults: { enabled: true },
  },
  aws_db_snapshot: {
    cfnType: 'Demarc::RDS::Snapshot',
    name: 'db_snapshot_identifier',
    fields: { db_snapshot_identifier: 'SnapshotId', encrypted: 'Encrypted', db_instance_identifier: 'SourceDatabase' },
    // Known only after apply: until then the snapshot's encryption is its database's.
    computed: ['encrypted'],
    build: (attributes) => ({ Cluster: false, ...sharing(attributes) }),
  },
  aws_db_cluster_snapshot: {
    cfnType: 'Demarc::RDS::Snapshot',
    name: 'db_cluster_snapshot_identifier',
    fields: { db_cluster_snapshot_identifier: 'SnapshotId', storage_encrypted: 'Encrypted', db_cluster_identifier: 'SourceDatabase' },
    computed: ['storage_encrypted'],
    build: (attributes) => ({ Cluster: true, ...sharing(attributes) }),
  },
};
