// Compliant: AWS Config is recording all supported resource types in every region (and a template's recorder records all supported types).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, record, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** " in 111122223333/us-east-1": where a live status or resource is, for its messages. */
function whereOf(resource: Resource): string {
  const place = [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/');
  return place === '' ? '' : ` in ${place}`;
}

export default defineCheck({
  id: 'config-recording-all-regions',
  title: 'AWS Config records all resource types in every region',
  service: 'config',
  resourceTypes: ['Demarc::Config::RegionStatus', 'AWS::Config::ConfigurationRecorder'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'AWS Config keeps the history of every resource\'s configuration: what a security group allowed last Tuesday, when a bucket became public. Without it, changes between scans leave no trace, in any region an attacker chooses.',
  remediation: {
    console: 'AWS Config console > Settings > Edit: Recording strategy "All resource types with customizable overrides", recorder on; repeat in every region (or use a conformance pack / StackSets).',
    cloudformation: 'AWS::Config::ConfigurationRecorder.RecordingGroup.AllSupported: true (with an AWS::Config::DeliveryChannel), deployed to every region with StackSets.',
    terraform: 'aws_config_configuration_recorder { recording_group { all_supported = true } } and aws_config_configuration_recorder_status { is_enabled = true } in every region.',
  },
  evaluate(resource) {
    if (resource.type === 'AWS::Config::ConfigurationRecorder') {
      // Terraform's recorder records only once a recorder status resource starts it; templates start it themselves.
      const recording = bool(resource.properties['Recording']);
      if (isUnknown(recording)) return unknown(recording, 'Recording');
      if (recording === false) return fail('the recorder is not started, so it records nothing (no recorder status turns it on)', 'Recording');
      const group = record(resource.properties['RecordingGroup']);
      if (isUnknown(group)) return unknown(group, 'RecordingGroup');
      // Without a recording group, AWS Config records every supported resource type.
      if (group === undefined) return pass('the recorder records all supported resource types (no recording group narrows it)');
      const all = bool(group['AllSupported']);
      if (isUnknown(all)) return unknown(all, 'RecordingGroup.AllSupported');
      if (all) return pass('the recorder records all supported resource types', 'RecordingGroup.AllSupported');
      const strategy = str(at(group, 'RecordingStrategy', 'UseOnly'));
      if (isUnknown(strategy)) return unknown(strategy, 'RecordingGroup.RecordingStrategy.UseOnly');
      if (strategy === 'ALL_SUPPORTED_RESOURCE_TYPES') return pass('the recorder records all supported resource types', 'RecordingGroup.RecordingStrategy.UseOnly');
      if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') return fail('the recorder leaves some resource types unrecorded', 'RecordingGroup.RecordingStrategy.UseOnly');
      return fail('the recorder records only selected resource types', 'RecordingGroup');
    }
    const where = whereOf(resource);
    const fields = ['RecorderExists', 'Recording', 'AllSupported'] as const;
    const values: Partial<Record<(typeof fields)[number], boolean>> = {};
    for (const field of fields) {
      const value = bool(resource.properties[field]);
      if (isUnknown(value)) return unknown(value, field);
      if (value === false && field === 'RecorderExists') return fail(`AWS Config has no configuration recorder${where}`, field);
      if (value === undefined) return unknown(`${field} was not collected${where}`, field);
      values[field] = value;
    }
    if (!values.Recording) return fail(`the configuration recorder${where} is stopped`, 'Recording');
    if (!values.AllSupported) return fail(`the configuration recorder${where} records only selected resource types`, 'AllSupported');
    return pass(`AWS Config records all supported resource types${where}`);
  },
});
