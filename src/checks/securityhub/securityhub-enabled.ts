// Compliant: Security Hub is enabled in every region (a template that declares a hub enables it).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** " in 111122223333/us-east-1": where a live status or resource is, for its messages. */
function whereOf(resource: Resource): string {
  const place = [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/');
  return place === '' ? '' : ` in ${place}`;
}

export default defineCheck({
  id: 'securityhub-enabled',
  title: 'Security Hub is enabled',
  service: 'securityhub',
  resourceTypes: ['Demarc::SecurityHub::RegionStatus', 'AWS::SecurityHub::Hub'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'detect-account-compromise',
  severity: 'medium',
  rationale:
    'Security Hub gathers findings from GuardDuty, Inspector, Macie, Access Analyzer and its own configuration checks in one place, so that someone actually sees them. It is off until the customer enables it in each region.',
  remediation: {
    console: 'Security Hub console > Go to Security Hub > Enable Security Hub, in every region (or through central configuration for the organisation).',
    cloudformation: 'AWS::SecurityHub::Hub, deployed to every region with StackSets.',
    terraform: 'aws_securityhub_account in every region.',
  },
  evaluate(resource) {
    const where = whereOf(resource);
    if (resource.type === 'AWS::SecurityHub::Hub') return pass(resource.origin.kind === 'aws' ? `Security Hub is enabled${where}` : 'the template enables Security Hub');
    const enabled = bool(resource.properties['Enabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'Enabled');
    if (enabled === undefined) return unknown('whether Security Hub is on was not collected', 'Enabled');
    return enabled ? pass(`Security Hub is enabled${where}`) : fail(`Security Hub is not enabled${where}`, 'Enabled');
  },
});
