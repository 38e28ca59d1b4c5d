// Compliant: an IAM Access Analyzer for external access is active in every region.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { bool, isUnknown, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';

/** " in 111122223333/us-east-1": where a live status or resource is, for its messages. */
function whereOf(resource: Resource): string {
  const place = [resource.account, resource.region].filter((part) => part !== undefined && part !== '').join('/');
  return place === '' ? '' : ` in ${place}`;
}

export default defineCheck({
  id: 'accessanalyzer-enabled',
  title: 'IAM Access Analyzer is enabled',
  service: 'accessanalyzer',
  resourceTypes: ['Demarc::AccessAnalyzer::RegionStatus', 'AWS::AccessAnalyzer::Analyzer'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'Resource policies on buckets, keys, roles, queues and more can share them with other accounts or the public. Access Analyzer keeps looking for such sharing in its region and reports it, so access the customer never meant to give is noticed.',
  remediation: {
    console: 'IAM console > Access analyzer > Create analyzer (type: account or organization), in every region in use.',
    cloudformation: 'AWS::AccessAnalyzer::Analyzer with Type: ACCOUNT (or ORGANIZATION), deployed in every region (StackSets).',
    terraform: 'aws_accessanalyzer_analyzer { analyzer_name = "...", type = "ACCOUNT" } in every region.',
  },
  evaluate(resource) {
    const where = whereOf(resource);
    if (resource.type === 'AWS::AccessAnalyzer::Analyzer') {
      const type = str(resource.properties['Type']);
      if (isUnknown(type)) return unknown(type, 'Type');
      if (type !== 'ACCOUNT' && type !== 'ORGANIZATION') return notApplicable(`the analyzer of type ${String(type)} looks for unused access, not for external access`);
      if (resource.origin.kind !== 'aws') return pass(`the template creates an ${type.toLowerCase()} analyzer for external access`, 'Type');
      // A live analyzer also has a state: only an active one is looking.
      const name = resource.name ?? resource.id;
      const state = str(resource.properties['Status']);
      if (isUnknown(state)) return unknown(state, 'Status');
      if (state === undefined || state === 'ACTIVE') return pass(`the ${type.toLowerCase()} analyzer ${name} looks for external access${where}`, 'Type');
      if (state === 'CREATING') return notApplicable(`the ${type.toLowerCase()} analyzer ${name}${where} is still being created`);
      return fail(`the ${type.toLowerCase()} analyzer ${name}${where} is ${state}, so it does not look for external access`, 'Status');
    }
    const enabled = bool(resource.properties['Enabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'Enabled');
    if (enabled === undefined) return unknown('whether an analyzer is active was not collected', 'Enabled');
    return enabled ? pass(`an access analyzer is active${where}`) : fail(`no access analyzer is active${where}`, 'Enabled');
  },
});
