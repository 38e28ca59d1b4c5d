// Compliant: GuardDuty is enabled in every region (a template's detector has Enable: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled',
  service: 'guardduty',
  resourceTypes: ['Demarc::GuardDuty::RegionStatus', 'AWS::GuardDuty::Detector'],
  layer: 'logging-monitoring',
  control: 'logging-monitoring',
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
    const where = resource.region ? ` in ${resource.region}` : '';
    if (resource.type === 'AWS::GuardDuty::Detector') {
      return enabled ? pass('the detector is enabled', property) : fail('the detector is created but disabled', property);
    }
    return enabled ? pass(`GuardDuty is enabled${where}`, property) : fail(`GuardDuty is not enabled${where}`, property);
  },
});
