// Compliant: Amazon Macie is enabled in every region (a template's Macie session is not paused).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'macie-enabled',
  title: 'Amazon Macie is enabled',
  service: 'macie',
  resourceTypes: ['Demarc::Macie::RegionStatus', 'AWS::Macie::Session'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'low',
  rationale:
    'Data that nobody knows is sensitive cannot be protected. Macie finds personal data, credentials and financial records in S3 buckets and reports buckets that are public or shared, so the customer can classify and guard that data.',
  remediation: {
    console: 'Macie console > Get started > Enable Macie, in every region that holds S3 data; then turn on automated sensitive data discovery.',
    cloudformation: 'AWS::Macie::Session with Status: ENABLED, deployed to every region with StackSets.',
    terraform: 'aws_macie2_account { status = "ENABLED" } in every region.',
  },
  evaluate(resource) {
    if (resource.type === 'AWS::Macie::Session') {
      const status = str(resource.properties['Status']);
      if (isUnknown(status)) return unknown(status, 'Status');
      // Status defaults to ENABLED.
      if (status === undefined || status === 'ENABLED') return pass('the template enables Macie', 'Status');
      return fail(`the template creates a Macie session with status ${status}`, 'Status');
    }
    const enabled = bool(resource.properties['Enabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'Enabled');
    if (enabled === undefined) return unknown('whether Macie is on was not collected', 'Enabled');
    const where = resource.region ? ` in ${resource.region}` : '';
    return enabled ? pass(`Macie is enabled${where}`) : fail(`Macie is not enabled${where}`, 'Enabled');
  },
});
