// Compliant: the domain runs at least three dedicated master nodes (DedicatedMasterEnabled true, DedicatedMasterCount >= 3).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, num } from '../../inventory/readers.js';

const MINIMUM_MASTERS = 3;

export default defineCheck({
  id: 'opensearch-domain-dedicated-master-nodes',
  title: 'OpenSearch domain has at least three dedicated master nodes',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'Without dedicated master nodes, the data nodes also manage the cluster state, and a busy or failed data node can leave the domain without an elected master; with fewer than three masters, losing one leaves no quorum. Choosing the master nodes is the customer\'s part of keeping the domain available.',
  remediation: {
    console: 'OpenSearch console > domain > Edit cluster configuration > Dedicated master nodes: enable, 3 nodes.',
    cloudformation: 'AWS::OpenSearchService::Domain.ClusterConfig: { DedicatedMasterEnabled: true, DedicatedMasterCount: 3, DedicatedMasterType: <instance type> }',
    terraform: 'aws_opensearch_domain { cluster_config { dedicated_master_enabled = true, dedicated_master_count = 3, dedicated_master_type = <instance type> } }',
  },
  evaluate(domain) {
    const enabled = bool(at(domain.properties, 'ClusterConfig', 'DedicatedMasterEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'ClusterConfig.DedicatedMasterEnabled');
    if (enabled !== true) return fail(enabled === false ? 'dedicated master nodes are disabled' : 'dedicated master nodes are not enabled (off by default)', 'ClusterConfig.DedicatedMasterEnabled');
    const count = num(at(domain.properties, 'ClusterConfig', 'DedicatedMasterCount'));
    if (isUnknown(count)) return unknown(count, 'ClusterConfig.DedicatedMasterCount');
    if (count === undefined) return unknown('DedicatedMasterCount is not set, so the number of master nodes cannot be read', 'ClusterConfig.DedicatedMasterCount');
    if (count < MINIMUM_MASTERS) return fail(`the domain has ${count} dedicated master node(s), fewer than ${MINIMUM_MASTERS}`, 'ClusterConfig.DedicatedMasterCount');
    return pass(`the domain has ${count} dedicated master nodes`, 'ClusterConfig.DedicatedMasterCount');
  },
});
