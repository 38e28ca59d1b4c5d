import type { MappingTable, TypeMapping } from './dsl.js';
import { analyticsBuildMappings } from './analytics-build.js';
import { computeMappings } from './compute.js';
import { dynamodbMappings } from './dynamodb.js';
import { ec2Mappings } from './ec2.js';
import { edgeExtraMappings } from './edge-extra.js';
import { iamMappings } from './iam.js';
import { identityEdgeMappings } from './identity-edge.js';
import { lambdaMappings } from './lambda.js';
import { messagingMappings } from './messaging.js';
import { networkMappings } from './network.js';
import { rdsMappings } from './rds.js';
import { s3Mappings } from './s3.js';
import { securityMappings } from './security.js';
import { streamsDatabasesMappings } from './streams-databases.js';

/** Every Terraform AWS provider type demarc maps, to the CloudFormation shape of its type. */
export const terraformMappings: MappingTable = {
  ...s3Mappings,
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
  ...analyticsBuildMappings,
  ...streamsDatabasesMappings,
  ...edgeExtraMappings,
};

export function mappingFor(type: string): TypeMapping | undefined {
  return Object.prototype.hasOwnProperty.call(terraformMappings, type) ? terraformMappings[type] : undefined;
}
