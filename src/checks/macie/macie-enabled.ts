// Compliant: Amazon Macie is enabled in every region (a template's Macie session is not paused).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** " in 111122223333/us-east-1": where a live status or resource is, for its messages. */
function whereOf(resource: Resource): string {
  const place = [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/');
  return place === '' ? '' : ` in ${place}`;
}

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
    const where = whereOf(resource);
    if (resource.type === 'AWS::Macie::Session') {
      const status = str(resource.properties['Status']);
      if (isUnknown(status)) return unknown(status, 'Status');
      const live = resource.origin.kind === 'aws';
      // Status defaults to ENABLED.
      if (status === undefined || status === 'ENABLED') return pass(live ? `Macie is enabled${where}` : 'the template enables Macie', 'Status');
      return fail(live ? `the Macie session${where} is ${status}` : `the template creates a Macie session with status ${status}`, 'Status');
    }
    const enabled = bool(resource.properties['Enabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'Enabled');
    if (enabled === undefined) return unknown('whether Macie is on was not collected', 'Enabled');
    if (enabled) return pass(`Macie is enabled${where}`);
    const session = str(at(resource.properties['Detail'], 'Status'));
    return fail(typeof session === 'string' ? `Macie is ${session.toLowerCase()}${where}, not enabled` : `Macie is not enabled${where}`, 'Enabled');
  },
});
