// Compliant: GuardDuty is enabled in every region (a template's detector has Enable: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** " in 111122223333/us-east-1": where a live status or resource is, for its messages. */
function whereOf(resource: Resource): string {
  const place = [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/');
  return place === '' ? '' : ` in ${place}`;
}

export default defineCheck({
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled',
  service: 'guardduty',
  resourceTypes: ['Demarc::GuardDuty::RegionStatus', 'AWS::GuardDuty::Detector'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'high',
  rationale:
    'GuardDuty reads CloudTrail, VPC flow and DNS activity to spot stolen credentials in use, crypto-mining, calls from known-bad addresses and instances talking to command servers. AWS runs the detection; only the customer can switch it on, region by region, and act on what it finds.',
  remediation: {
    console: 'GuardDuty console > Get started > Enable GuardDuty, in every region (or from the delegated administrator account for the whole organisation).',
    cloudformation: 'AWS::GuardDuty::Detector.Enable: true, deployed to every region with StackSets.',
    terraform: 'aws_guardduty_detector { enable = true } in every region.',
  },
  evaluate(resource) {
    const property = resource.type === 'AWS::GuardDuty::Detector' ? 'Enable' : 'Enabled';
    const enabled = bool(resource.properties[property]);
    if (isUnknown(enabled)) return unknown(enabled, property);
    if (enabled === undefined) return unknown('whether GuardDuty is on is not stated', property);
    const where = whereOf(resource);
    if (resource.type === 'AWS::GuardDuty::Detector') {
      if (resource.origin.kind === 'aws') return enabled ? pass(`the detector ${resource.name ?? resource.id}${where} is enabled`, property) : fail(`the detector ${resource.name ?? resource.id}${where} is suspended`, property);
      return enabled ? pass('the detector is enabled', property) : fail('the detector is created but disabled', property);
    }
    return enabled ? pass(`GuardDuty is enabled${where}`, property) : fail(`GuardDuty is not enabled${where}`, property);
  },
});
