// Compliant: the EMR cluster uses a security configuration that turns on at-rest encryption (EnableAtRestEncryption true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { emrEncryptionConfiguration } from '../lib/emr.js';

export default defineCheck({
  id: 'emr-encryption-at-rest',
  title: 'EMR cluster encrypts data at rest',
  service: 'emr',
  resourceTypes: ['AWS::EMR::Cluster'],
  reads: ['AWS::EMR::SecurityConfiguration'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'EMR encrypts EMRFS data in S3 and the local disks of cluster nodes only when the cluster runs with a security configuration that asks for it. Writing that configuration and choosing its keys is the customer\'s side of data protection.',
  remediation: {
    console: 'EMR console > Security configurations > Create > Encryption: enable at-rest encryption for S3 and local disks; launch the cluster with that configuration.',
    cloudformation: 'AWS::EMR::SecurityConfiguration.SecurityConfiguration.EncryptionConfiguration.EnableAtRestEncryption: true, named by AWS::EMR::Cluster.SecurityConfiguration',
    terraform: 'aws_emr_security_configuration { configuration = jsonencode({ EncryptionConfiguration = { EnableAtRestEncryption = true, ... } }) }',
  },
  evaluate(cluster, context) {
    const found = emrEncryptionConfiguration(cluster, context.inventory);
    if (isUnknown(found)) return unknown(found, 'SecurityConfiguration');
    if (found === undefined) return fail('the cluster names no security configuration, so its data at rest is not encrypted by EMR');
    const enabled = bool(at(found.encryption, 'EnableAtRestEncryption'));
    if (isUnknown(enabled)) return unknown(enabled, 'SecurityConfiguration');
    return enabled === true
      ? pass(`the security configuration ${found.configuration.id} enables at-rest encryption`, 'SecurityConfiguration')
      : fail(`the security configuration ${found.configuration.id} does not enable at-rest encryption`, 'SecurityConfiguration');
  },
});
