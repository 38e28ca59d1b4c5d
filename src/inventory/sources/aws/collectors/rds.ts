import type { DBCluster, DBInstance, Parameter } from '@aws-sdk/client-rds';
import { Unknown, type PropRecord } from '../../../values.js';
import { ABSENT, defineCollector, listing, type Absent } from '../collector.js';
import { fromDetail, props, tagsList } from '../props.js';

const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';
const SNAPSHOT = 'Demarc::RDS::Snapshot';
const DOCDB_INSTANCE = 'AWS::DocDB::DBInstance';
const DOCDB_CLUSTER = 'AWS::DocDB::DBCluster';
const NEPTUNE_INSTANCE = 'AWS::Neptune::DBInstance';
const NEPTUNE_CLUSTER = 'AWS::Neptune::DBCluster';
const PARAMETER_GROUP = 'AWS::RDS::DBParameterGroup';
const CLUSTER_PARAMETER_GROUP = 'AWS::RDS::DBClusterParameterGroup';
const DOCDB_CLUSTER_PARAMETER_GROUP = 'AWS::DocDB::DBClusterParameterGroup';
const NEPTUNE_CLUSTER_PARAMETER_GROUP = 'AWS::Neptune::DBClusterParameterGroup';
const EVENT_SUBSCRIPTIONS = 'Demarc::RDS::EventSubscriptions';

/** DocumentDB and Neptune parameter groups are listed by the RDS API too; they are not RDS parameter groups. */
const isRdsFamily = (family: string | undefined): boolean => !/^(docdb|neptune)/.test(family ?? '');

/**
 * The parameters a group sets (CloudFormation's `Parameters` map), read page by page with Source=user: what the
 * customer changed, as a template states it. Any page that fails makes the whole map unknown, never a shorter one;
 * `ABSENT` when the group was deleted in the meantime.
 */
async function modifiedParameters(fetch: (marker: string | undefined) => Promise<{ Parameters?: Parameter[]; Marker?: string } | Absent | Unknown>): Promise<PropRecord | Unknown | Absent> {
  const parameters: PropRecord = {};
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    if (page instanceof Unknown || page === ABSENT) return page;
    for (const parameter of page?.Parameters ?? []) if (parameter.ParameterName && parameter.ParameterValue !== undefined) parameters[parameter.ParameterName] = parameter.ParameterValue;
    marker = page?.Marker;
    if (marker !== undefined && seen.has(marker)) break;
    if (marker !== undefined) seen.add(marker);
  } while (marker !== undefined && marker !== '');
  return parameters;
}

/** The type of a cluster parameter group: DocumentDB and Neptune groups are listed by the RDS API too. */
function clusterGroupType(family: string | undefined): string {
  if (family?.startsWith('docdb')) return DOCDB_CLUSTER_PARAMETER_GROUP;
  if (family?.startsWith('neptune')) return NEPTUNE_CLUSTER_PARAMETER_GROUP;
  return CLUSTER_PARAMETER_GROUP;
}

/** DocumentDB and Neptune share the RDS API; their engine says which they are. */
function typeFor(engine: string | undefined, kind: 'instance' | 'cluster'): string {
  if (engine === 'docdb') return kind === 'instance' ? DOCDB_INSTANCE : DOCDB_CLUSTER;
  if (engine === 'neptune') return kind === 'instance' ? NEPTUNE_INSTANCE : NEPTUNE_CLUSTER;
  return kind === 'instance' ? INSTANCE : CLUSTER;
}

function instanceProperties(db: DBInstance): Record<string, unknown> {
  return {
    DBInstanceIdentifier: db.DBInstanceIdentifier,
    DBInstanceClass: db.DBInstanceClass,
    MasterUsername: db.MasterUsername,
    Engine: db.Engine,
    EngineVersion: db.EngineVersion,
    DBClusterIdentifier: db.DBClusterIdentifier,
    StorageEncrypted: db.StorageEncrypted === true,
    KmsKeyId: db.KmsKeyId,
    PubliclyAccessible: db.PubliclyAccessible === true,
    MultiAZ: db.MultiAZ === true,
    BackupRetentionPeriod: db.BackupRetentionPeriod,
    AutoMinorVersionUpgrade: db.AutoMinorVersionUpgrade,
    DeletionProtection: db.DeletionProtection === true,
    EnableIAMDatabaseAuthentication: db.IAMDatabaseAuthenticationEnabled === true,
    EnableCloudwatchLogsExports: db.EnabledCloudwatchLogsExports ?? [],
    EnablePerformanceInsights: db.PerformanceInsightsEnabled,
    CopyTagsToSnapshot: db.CopyTagsToSnapshot,
    MonitoringInterval: db.MonitoringInterval,
    CACertificateIdentifier: db.CACertificateIdentifier,
    DBSubnetGroupName: db.DBSubnetGroup?.DBSubnetGroupName,
    VPCSecurityGroups: (db.VpcSecurityGroups ?? []).map((group) => group.VpcSecurityGroupId),
    DBParameterGroupName: db.DBParameterGroups?.[0]?.DBParameterGroupName,
    // The endpoint is not there while the instance is being created; DbInstancePort is 0 outside Aurora.
    Port: db.Endpoint?.Port ?? (db.DbInstancePort ? db.DbInstancePort : undefined),
    Tags: tagsList(db.TagList),
  };
}

function clusterProperties(cluster: DBCluster): Record<string, unknown> {
  return {
    DBClusterIdentifier: cluster.DBClusterIdentifier,
    Engine: cluster.Engine,
    EngineVersion: cluster.EngineVersion,
    MasterUsername: cluster.MasterUsername,
    StorageEncrypted: cluster.StorageEncrypted === true,
    KmsKeyId: cluster.KmsKeyId,
    PubliclyAccessible: cluster.PubliclyAccessible,
    BackupRetentionPeriod: cluster.BackupRetentionPeriod,
    DeletionProtection: cluster.DeletionProtection === true,
    EnableIAMDatabaseAuthentication: cluster.IAMDatabaseAuthenticationEnabled === true,
    // CloudFormation names Neptune's switch differently.
    ...(cluster.Engine === 'neptune' ? { IamAuthEnabled: cluster.IAMDatabaseAuthenticationEnabled === true } : {}),
    EnableCloudwatchLogsExports: cluster.EnabledCloudwatchLogsExports ?? [],
    CopyTagsToSnapshot: cluster.CopyTagsToSnapshot,
    AutoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade,
    MultiAZ: cluster.MultiAZ,
    DBClusterParameterGroupName: cluster.DBClusterParameterGroup,
    Port: cluster.Port,
    // The API reports no window, or 0, when backtracking is off: CloudFormation's BacktrackWindow 0.
    BacktrackWindow: cluster.BacktrackWindow ?? 0,
    VpcSecurityGroupIds: (cluster.VpcSecurityGroups ?? []).map((group) => group.VpcSecurityGroupId),
    Tags: tagsList(cluster.TagList),
  };
}

export default defineCollector({
  service: 'rds',
  global: false,
  resourceTypes: [INSTANCE, CLUSTER, SNAPSHOT, DOCDB_INSTANCE, DOCDB_CLUSTER, NEPTUNE_INSTANCE, NEPTUNE_CLUSTER, PARAMETER_GROUP, CLUSTER_PARAMETER_GROUP, DOCDB_CLUSTER_PARAMETER_GROUP, NEPTUNE_CLUSTER_PARAMETER_GROUP, EVENT_SUBSCRIPTIONS],
  calls: [
    'rds:DescribeDBInstances',
    'rds:DescribeDBClusters',
    'rds:DescribeDBSnapshots',
    'rds:DescribeDBSnapshotAttributes',
    'rds:DescribeDBClusterSnapshots',
    'rds:DescribeDBClusterSnapshotAttributes',
    'rds:DescribeDBParameterGroups',
    'rds:DescribeDBParameters',
    'rds:DescribeDBClusterParameterGroups',
    'rds:DescribeDBClusterParameters',
    'rds:DescribeEventSubscriptions',
  ],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-rds');
    const rds = ctx.client(sdk.RDSClient);
    await listing(ctx, [INSTANCE, DOCDB_INSTANCE, NEPTUNE_INSTANCE], async () => {
      for await (const page of ctx.pages(rds, 'rds:DescribeDBInstances', (Marker) => new sdk.DescribeDBInstancesCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const db of page.DBInstances ?? []) {
          const type = typeFor(db.Engine, 'instance');
          if (!ctx.wants(type) || !db.DBInstanceArn) continue;
          ctx.emit({ type, id: db.DBInstanceArn, arn: db.DBInstanceArn, name: db.DBInstanceIdentifier, properties: props(instanceProperties(db)) });
        }
      }
    });
    await listing(ctx, [CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER], async () => {
      for await (const page of ctx.pages(rds, 'rds:DescribeDBClusters', (Marker) => new sdk.DescribeDBClustersCommand({ Marker, MaxRecords: 100 }), (page) => page.Marker)) {
        for (const cluster of page.DBClusters ?? []) {
          const type = typeFor(cluster.Engine, 'cluster');
          if (!ctx.wants(type) || !cluster.DBClusterArn) continue;
          ctx.emit({ type, id: cluster.DBClusterArn, arn: cluster.DBClusterArn, name: cluster.DBClusterIdentifier, properties: props(clusterProperties(cluster)) });
        }
      }
    });
    await listing(ctx, [SNAPSHOT], async () => {
      const snapshots: Array<{ arn: string; id: string; encrypted: boolean; cluster: boolean }> = [];
      for await (const page of ctx.pages(rds, 'rds:DescribeDBSnapshots', (Marker) => new sdk.DescribeDBSnapshotsCommand({ Marker, MaxRecords: 100, SnapshotType: 'manual' }), (page) => page.Marker)) {
        for (const snapshot of page.DBSnapshots ?? []) if (snapshot.DBSnapshotArn) snapshots.push({ arn: snapshot.DBSnapshotArn, id: snapshot.DBSnapshotIdentifier ?? '', encrypted: snapshot.Encrypted === true, cluster: false });
      }
      for await (const page of ctx.pages(rds, 'rds:DescribeDBClusterSnapshots', (Marker) => new sdk.DescribeDBClusterSnapshotsCommand({ Marker, MaxRecords: 100, SnapshotType: 'manual' }), (page) => page.Marker)) {
        for (const snapshot of page.DBClusterSnapshots ?? []) if (snapshot.DBClusterSnapshotArn) snapshots.push({ arn: snapshot.DBClusterSnapshotArn, id: snapshot.DBClusterSnapshotIdentifier ?? '', encrypted: snapshot.StorageEncrypted === true, cluster: true });
      }
      await ctx.each(snapshots, async (snapshot) => {
        const attributes = snapshot.cluster
          ? await ctx.detail(rds, 'rds:DescribeDBClusterSnapshotAttributes', new sdk.DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.id }), snapshot.arn)
          : await ctx.detail(rds, 'rds:DescribeDBSnapshotAttributes', new sdk.DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshot.id }), snapshot.arn);
        const isPublic = fromDetail(attributes, (output) => {
          const result = 'DBClusterSnapshotAttributesResult' in output ? output.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes : 'DBSnapshotAttributesResult' in output ? output.DBSnapshotAttributesResult?.DBSnapshotAttributes : undefined;
          return (result ?? []).some((attribute) => attribute.AttributeName === 'restore' && (attribute.AttributeValues ?? []).includes('all'));
        });
        ctx.emit({ type: SNAPSHOT, id: snapshot.arn, arn: snapshot.arn, name: snapshot.id, properties: props({ SnapshotId: snapshot.id, Encrypted: snapshot.encrypted, Public: isPublic, Cluster: snapshot.cluster }) });
      });
    });
    // One resource per region holding every subscription: a region without one is a finding, not silence.
    await listing(ctx, [EVENT_SUBSCRIPTIONS], async () => {
      const subscriptions: Array<Record<string, unknown>> = [];
      for await (const page of ctx.pages(rds, 'rds:DescribeEventSubscriptions', (Marker) => new sdk.DescribeEventSubscriptionsCommand({ Marker, MaxRecords: 100 }), (page) => page?.Marker)) {
        for (const subscription of page?.EventSubscriptionsList ?? []) {
          subscriptions.push({
            SubscriptionName: subscription.CustSubscriptionId,
            SnsTopicArn: subscription.SnsTopicArn,
            SourceType: subscription.SourceType,
            EventCategories: subscription.EventCategoriesList ?? [],
            SourceIds: subscription.SourceIdsList ?? [],
            Enabled: subscription.Enabled === true,
            Status: subscription.Status,
          });
        }
      }
      ctx.emit({ type: EVENT_SUBSCRIPTIONS, id: `arn:${ctx.partition}:rds:${ctx.region}:${ctx.account}:event-subscriptions`, name: `rds-event-subscriptions/${ctx.region}`, properties: props({ Subscriptions: subscriptions }) });
    });
    // Instances and clusters name their group (DBParameterGroupName, DBClusterParameterGroupName): each group's
    // resource name is its group name, which is how such a name resolves in a template too.
    await listing(ctx, [PARAMETER_GROUP], async () => {
      const groups = [];
      for await (const page of ctx.pages(rds, 'rds:DescribeDBParameterGroups', (Marker) => new sdk.DescribeDBParameterGroupsCommand({ Marker, MaxRecords: 100 }), (page) => page?.Marker)) groups.push(...(page?.DBParameterGroups ?? []));
      await ctx.each(groups, async (group) => {
        const name = group.DBParameterGroupName;
        if (!name || !isRdsFamily(group.DBParameterGroupFamily)) return;
        const arn = group.DBParameterGroupArn ?? ctx.arn('rds', `pg:${name}`);
        // A default group cannot be modified, so nothing in it has Source=user: no call needed to know that.
        const parameters = name.startsWith('default.')
          ? {}
          : await modifiedParameters((Marker) => ctx.detail(rds, 'rds:DescribeDBParameters', new sdk.DescribeDBParametersCommand({ DBParameterGroupName: name, Source: 'user', Marker, MaxRecords: 100 }), arn, ['DBParameterGroupNotFound', 'DBParameterGroupNotFoundFault']));
        if (parameters === ABSENT) return;
        ctx.emit({ type: PARAMETER_GROUP, id: arn, arn, name, properties: props({ DBParameterGroupName: name, Family: group.DBParameterGroupFamily, Description: group.Description, Parameters: parameters }) });
      });
    });
    await listing(ctx, [CLUSTER_PARAMETER_GROUP, DOCDB_CLUSTER_PARAMETER_GROUP, NEPTUNE_CLUSTER_PARAMETER_GROUP], async () => {
      const groups = [];
      for await (const page of ctx.pages(rds, 'rds:DescribeDBClusterParameterGroups', (Marker) => new sdk.DescribeDBClusterParameterGroupsCommand({ Marker, MaxRecords: 100 }), (page) => page?.Marker)) groups.push(...(page?.DBClusterParameterGroups ?? []));
      await ctx.each(groups, async (group) => {
        const name = group.DBClusterParameterGroupName;
        const type = clusterGroupType(group.DBParameterGroupFamily);
        if (!name || !ctx.wants(type)) return;
        const arn = group.DBClusterParameterGroupArn ?? ctx.arn('rds', `cluster-pg:${name}`);
        const parameters = name.startsWith('default.')
          ? {}
          : await modifiedParameters((Marker) => ctx.detail(rds, 'rds:DescribeDBClusterParameters', new sdk.DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: name, Source: 'user', Marker, MaxRecords: 100 }), arn, ['DBParameterGroupNotFound', 'DBParameterGroupNotFoundFault']));
        if (parameters === ABSENT) return;
        // CloudFormation names a DocumentDB or Neptune group's name Name, an RDS group's DBClusterParameterGroupName.
        const nameProperty = type === CLUSTER_PARAMETER_GROUP ? 'DBClusterParameterGroupName' : 'Name';
        ctx.emit({ type, id: arn, arn, name, properties: props({ [nameProperty]: name, Family: group.DBParameterGroupFamily, Description: group.Description, Parameters: parameters }) });
      });
    });
  },
});
