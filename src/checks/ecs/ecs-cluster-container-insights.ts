// Compliant: the cluster collects CloudWatch Container Insights (ClusterSettings containerInsights enabled or enhanced).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

const ON = new Set(['enabled', 'enhanced']);

export default defineCheck({
  id: 'ecs-cluster-container-insights',
  title: 'ECS cluster collects Container Insights',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::Cluster'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Container Insights collects the CPU, memory, network and storage metrics of the cluster\'s tasks and services, and the diagnostics of restarting containers: without them an unexpected workload (a crypto miner in a compromised container) or a failing service goes unseen. A cluster collects them only when its containerInsights setting is enabled or enhanced; without the setting it takes the account\'s containerInsights default at creation, which is off unless the account turned it on.',
  remediation: {
    console: 'ECS console > cluster > Update cluster > Monitoring: Container Insights (or Container Insights with enhanced observability).',
    cloudformation: 'AWS::ECS::Cluster.ClusterSettings: [{ Name: containerInsights, Value: enabled }] (or enhanced)',
    terraform: 'aws_ecs_cluster { setting { name = "containerInsights", value = "enabled" } }',
  },
  evaluate(cluster) {
    const settings = list(cluster.properties['ClusterSettings']);
    if (isUnknown(settings)) return unknown(settings, 'ClusterSettings');
    for (const [index, setting] of (settings ?? []).entries()) {
      const name = str(at(setting, 'Name'));
      if (isUnknown(name)) return unknown(name, `ClusterSettings.${index}.Name`);
      if (name !== 'containerInsights') continue;
      const value = str(at(setting, 'Value'));
      if (isUnknown(value)) return unknown(value, `ClusterSettings.${index}.Value`);
      if (value !== undefined && ON.has(value)) return pass(`Container Insights is ${value}`, `ClusterSettings.${index}.Value`);
      if (value === 'disabled') return fail('Container Insights is disabled', `ClusterSettings.${index}.Value`);
      return unknown(`containerInsights "${value ?? ''}" is none of enabled, enhanced or disabled`, `ClusterSettings.${index}.Value`);
    }
    return fail('the cluster sets no containerInsights setting, so it takes the account default, off unless the account turned it on', 'ClusterSettings');
  },
});
