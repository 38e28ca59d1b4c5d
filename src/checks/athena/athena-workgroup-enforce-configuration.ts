// Compliant: the workgroup's settings override client-side settings (EnforceWorkGroupConfiguration true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

const PATH = 'WorkGroupConfiguration.EnforceWorkGroupConfiguration';

export default defineCheck({
  id: 'athena-workgroup-enforce-configuration',
  title: 'Athena workgroup enforces its configuration over client-side settings',
  service: 'athena',
  resourceTypes: ['AWS::Athena::WorkGroup'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'Unless the workgroup overrides client-side settings (off by default), every query runs with the settings its client sends: the results location, their encryption and the expected bucket owner. The workgroup\'s result encryption and location are then only a fallback that any user can change per query. Enforcing them makes the workgroup the place where the customer decides how query results are kept.',
  remediation: {
    console: 'Athena console > Workgroups > the workgroup > Edit > Settings: select Override client-side settings.',
    cloudformation: 'AWS::Athena::WorkGroup.WorkGroupConfiguration.EnforceWorkGroupConfiguration: true',
    terraform: 'aws_athena_workgroup configuration { enforce_workgroup_configuration = true } (the provider\'s default once a configuration block is written)',
  },
  evaluate(workgroup) {
    const enforced = bool(at(workgroup.properties, 'WorkGroupConfiguration', 'EnforceWorkGroupConfiguration'));
    if (isUnknown(enforced)) return unknown(enforced, PATH);
    if (enforced === true) return pass('the workgroup\'s settings override client-side settings', PATH);
    if (enforced === undefined) return fail('client-side settings win: EnforceWorkGroupConfiguration is not set (Athena\'s default is false)', PATH);
    return fail('client-side settings win: EnforceWorkGroupConfiguration is false', PATH);
  },
});
