// Compliant: the DAX cluster's endpoint accepts only TLS connections (ClusterEndpointEncryptionType TLS).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'dax-cluster-tls-endpoint',
  title: 'DAX cluster endpoint encrypts connections with TLS',
  service: 'dax',
  resourceTypes: ['AWS::DAX::Cluster'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'Applications send DynamoDB items and queries to the DAX endpoint; unless the cluster was created with TLS endpoint encryption (NONE is the default, and it cannot be changed later) that traffic crosses the VPC in plain text. Choosing TLS, and clients that use the daxs:// endpoint, is the customer\'s side of traffic protection.',
  remediation: {
    console: 'Endpoint encryption is set at creation: create a new DAX cluster with "Encryption in transit" (TLS) checked, move clients to its daxs:// endpoint, and delete the old one.',
    cloudformation: 'AWS::DAX::Cluster.ClusterEndpointEncryptionType: TLS',
    terraform: 'aws_dax_cluster { cluster_endpoint_encryption_type = "TLS" }',
  },
  evaluate(cluster) {
    const type = str(at(cluster.properties, 'ClusterEndpointEncryptionType'));
    if (isUnknown(type)) return unknown(type, 'ClusterEndpointEncryptionType');
    if (type === 'TLS') return pass('the endpoint accepts TLS connections only', 'ClusterEndpointEncryptionType');
    if (type === undefined) return fail('ClusterEndpointEncryptionType is not set, and the endpoint is unencrypted (NONE) by default', 'ClusterEndpointEncryptionType');
    if (type === 'NONE') return fail('ClusterEndpointEncryptionType is NONE: connections to the endpoint are not encrypted', 'ClusterEndpointEncryptionType');
    return unknown(`ClusterEndpointEncryptionType ${type} is not one AWS accepts (NONE, TLS)`, 'ClusterEndpointEncryptionType');
  },
});
