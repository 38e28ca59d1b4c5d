// Compliant: the MSK cluster accepts only TLS from clients (ClientBroker TLS) and encrypts traffic between brokers (InCluster true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

const CLIENT_PATH = 'EncryptionInfo.EncryptionInTransit.ClientBroker';
const CLUSTER_PATH = 'EncryptionInfo.EncryptionInTransit.InCluster';

export default defineCheck({
  id: 'msk-cluster-tls-in-transit',
  title: 'MSK cluster encrypts all traffic in transit with TLS',
  service: 'msk',
  resourceTypes: ['AWS::MSK::Cluster'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'high',
  rationale:
    'MSK encrypts traffic with TLS by default, both from clients and between brokers, but the customer can allow plaintext clients (TLS_PLAINTEXT or PLAINTEXT) and turn off encryption between brokers, which can only be chosen at creation. Either lets records and credentials cross the network readable; demarc wants both TLS-only client traffic and in-cluster encryption.',
  remediation: {
    console: 'MSK console > cluster > Properties > Security settings > Edit: Encryption in transit between clients and brokers: TLS only. Encryption within the cluster is set at creation: create a new cluster with it on.',
    cloudformation: 'AWS::MSK::Cluster.EncryptionInfo.EncryptionInTransit: { ClientBroker: TLS, InCluster: true } (both are the defaults)',
    terraform: 'aws_msk_cluster { encryption_info { encryption_in_transit { client_broker = "TLS", in_cluster = true } } } (both are the defaults)',
  },
  evaluate(cluster) {
    const live = isLive(cluster);
    const evaluations: Evaluation[] = [];
    const clientBroker = str(at(cluster.properties, 'EncryptionInfo', 'EncryptionInTransit', 'ClientBroker'));
    if (isUnknown(clientBroker)) evaluations.push(unknown(clientBroker, CLIENT_PATH));
    else if (clientBroker === undefined && live) evaluations.push(unknown('the cluster did not report ClientBroker (kafka:ListClustersV2)', CLIENT_PATH));
    else if (clientBroker === undefined || clientBroker === 'TLS') evaluations.push(pass(clientBroker === undefined ? 'ClientBroker is not set, and clients must use TLS by default' : 'clients must connect with TLS', CLIENT_PATH));
    else if (clientBroker === 'TLS_PLAINTEXT' || clientBroker === 'PLAINTEXT') evaluations.push(fail(`ClientBroker is ${clientBroker}: clients may send records in plain text`, CLIENT_PATH));
    else evaluations.push(unknown(`ClientBroker ${clientBroker} is not one AWS accepts (TLS, TLS_PLAINTEXT, PLAINTEXT)`, CLIENT_PATH));

    const inCluster = bool(at(cluster.properties, 'EncryptionInfo', 'EncryptionInTransit', 'InCluster'));
    if (isUnknown(inCluster)) evaluations.push(unknown(inCluster, CLUSTER_PATH));
    else if (inCluster === undefined && live) evaluations.push(unknown('the cluster did not report InCluster (kafka:ListClustersV2)', CLUSTER_PATH));
    else if (inCluster === false) evaluations.push(fail('InCluster is false: brokers replicate records to each other in plain text', CLUSTER_PATH));
    else evaluations.push(pass(inCluster === undefined ? 'InCluster is not set, and traffic between brokers is encrypted by default' : 'traffic between brokers is encrypted', CLUSTER_PATH));
    return evaluations;
  },
});
