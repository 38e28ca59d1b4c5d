// Compliant: the domain has at least three data nodes spread over Availability Zones (InstanceCount >= 3, ZoneAwarenessEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, num } from '../../inventory/readers.js';

const MINIMUM_NODES = 3;

export default defineCheck({
  id: 'opensearch-domain-data-node-fault-tolerance',
  title: 'OpenSearch domain has at least three data nodes across Availability Zones',
  service: 'opensearch',
  resourceTypes: ['AWS::OpenSearchService::Domain'],
  layer: 'customer-data',
  control: 'business-continuity',
  duty: 'back-up-data',
  severity: 'medium',
  rationale:
    'AWS replaces failed nodes, but how many data nodes a domain has and whether they span zones is the customer\'s choice. With fewer than three data nodes or all of them in one zone, a node or zone failure leaves shards without a replica and the domain red.',
  remediation: {
    console: 'OpenSearch console > domain > Edit cluster configuration > Data nodes: Multi-AZ deployment (2 or 3 AZ) and 3 or more nodes.',
    cloudformation: 'AWS::OpenSearchService::Domain.ClusterConfig: { InstanceCount: 3, ZoneAwarenessEnabled: true }',
    terraform: 'aws_opensearch_domain { cluster_config { instance_count = 3, zone_awareness_enabled = true } }',
  },
  evaluate(domain) {
    const count = num(at(domain.properties, 'ClusterConfig', 'InstanceCount'));
    if (isUnknown(count)) return unknown(count, 'ClusterConfig.InstanceCount');
    const zones = bool(at(domain.properties, 'ClusterConfig', 'ZoneAwarenessEnabled'));
    if (isUnknown(zones)) return unknown(zones, 'ClusterConfig.ZoneAwarenessEnabled');
    // AWS's defaults: one data node, zone awareness off.
    const nodes = count ?? 1;
    if (nodes < MINIMUM_NODES) return fail(`the domain has ${nodes} data node(s), fewer than ${MINIMUM_NODES}`, 'ClusterConfig.InstanceCount');
    if (zones !== true) return fail('zone awareness is off: all data nodes may sit in one Availability Zone', 'ClusterConfig.ZoneAwarenessEnabled');
    return pass(`the domain has ${nodes} data nodes across Availability Zones`, 'ClusterConfig');
  },
});
