// Compliant: the workgroup encrypts query results: an EncryptionOption in its result configuration, or managed query results.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

const CONFIGURATION = 'WorkGroupConfiguration';
const OPTION = `${CONFIGURATION}.ResultConfiguration.EncryptionConfiguration.EncryptionOption`;
const MANAGED = `${CONFIGURATION}.ManagedQueryResultsConfiguration.Enabled`;
const OPTIONS = ['SSE_S3', 'SSE_KMS', 'CSE_KMS'];

export default defineCheck({
  id: 'athena-workgroup-results-encrypted',
  title: 'Athena workgroup encrypts query results',
  service: 'athena',
  resourceTypes: ['AWS::Athena::WorkGroup'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'Query results are copies of the data queried, written to S3 for every query. A workgroup without a result encryption option leaves their protection to whatever the results bucket does by default and to each client; setting SSE_S3, SSE_KMS or CSE_KMS (or using Athena managed query results, which are always encrypted) makes the workgroup encrypt them. Whether clients may override it is judged by athena-workgroup-enforce-configuration.',
  remediation: {
    console: 'Athena console > Workgroups > the workgroup > Edit > Query result configuration: Encrypt query results, with SSE_KMS and a customer managed key where the data calls for it.',
    cloudformation: 'AWS::Athena::WorkGroup.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption: SSE_KMS (with KmsKey)',
    terraform: 'aws_athena_workgroup configuration { result_configuration { encryption_configuration { encryption_option = "SSE_KMS", kms_key_arn = ... } } }',
  },
  evaluate(workgroup) {
    const managed = bool(at(workgroup.properties, 'WorkGroupConfiguration', 'ManagedQueryResultsConfiguration', 'Enabled'));
    if (managed === true) return pass('query results are kept by Athena managed query results, which are always encrypted', MANAGED);
    const option = str(at(workgroup.properties, 'WorkGroupConfiguration', 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption'));
    if (isUnknown(option)) return unknown(option, OPTION);
    if (option === undefined) return isUnknown(managed) ? unknown(managed, MANAGED) : fail('the workgroup sets no encryption for query results', OPTION);
    if (!OPTIONS.includes(option)) return unknown(`EncryptionOption "${option}" is not one AWS accepts (${OPTIONS.join(', ')})`, OPTION);
    return pass(`query results are encrypted with ${option}`, OPTION);
  },
});
