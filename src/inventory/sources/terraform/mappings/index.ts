import type { MappingTable, TypeMapping } from './dsl.js';
import { analyticsBuildMappings } from './analytics-build.js';
import { computeMappings } from './compute.js';
import { computeNetworkControlsMappings } from './compute-network-controls.js';
import { dnsMailArchiveMappings } from './dns-mail-archive.js';
import { dynamodbMappings } from './dynamodb.js';
import { ec2Mappings } from './ec2.js';
import { edgeExtraMappings } from './edge-extra.js';
import { firewallVpnMappings } from './firewall-vpn.js';
import { graphqlSharingArtifactsMappings } from './graphql-sharing-artifacts.js';
import { iamMappings } from './iam.js';
import { identityDirectoryAmplifyMappings } from './identity-directory-amplify.js';
import { identityEdgeMappings } from './identity-edge.js';
import { lambdaMappings } from './lambda.js';
import { memorydbKeyspacesTimestreamMappings } from './memorydb-keyspaces-timestream.js';
import { messagingMappings } from './messaging.js';
import { networkMappings } from './network.js';
import { rdsMappings } from './rds.js';
import { rdsEventsSnapshotsMappings } from './rds-events-snapshots.js';
import { s3Mappings } from './s3.js';
import { s3NotificationMappings } from './s3-notifications.js';
import { securityMappings } from './security.js';
import { stacksMappings } from './stacks.js';
import { streamsDatabasesMappings } from './streams-databases.js';
import { workspacesFsxImagebuilderMappings } from './workspaces-fsx-imagebuilder.js';

/** Every Terraform AWS provider type demarc maps, to the CloudFormation shape of its type. */
export const terraformMappings: MappingTable = {
  ...s3Mappings,
  ...s3NotificationMappings,
  ...iamMappings,
  ...ec2Mappings,
  ...rdsMappings,
  ...dynamodbMappings,
  ...lambdaMappings,
  ...securityMappings,
  ...computeMappings,
  ...networkMappings,
  ...messagingMappings,
  ...identityEdgeMappings,
  ...identityDirectoryAmplifyMappings,
  ...analyticsBuildMappings,
  ...streamsDatabasesMappings,
  ...edgeExtraMappings,
  ...dnsMailArchiveMappings,
  ...firewallVpnMappings,
  ...graphqlSharingArtifactsMappings,
  ...stacksMappings,
  ...workspacesFsxImagebuilderMappings,
  ...memorydbKeyspacesTimestreamMappings,
  ...computeNetworkControlsMappings,
  ...rdsEventsSnapshotsMappings,
};

export function mappingFor(type: string): TypeMapping | undefined {
  return Object.prototype.hasOwnProperty.call(terraformMappings, type) ? terraformMappings[type] : undefined;
}
