// Compliant: the EMR cluster uses a security configuration that turns on in-transit encryption (EnableInTransitEncryption true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { emrEncryptionConfiguration } from '../lib/emr.js';

export default defineCheck({
  id: 'emr-encryption-in-transit',
  title: 'EMR cluster encrypts data in transit',
  service: 'emr',
  resourceTypes: ['AWS::EMR::Cluster'],
  reads: ['AWS::EMR::SecurityConfiguration'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'high',
  rationale:
    'Traffic between EMR nodes (shuffle, HDFS, Spark and Tez) is plain text unless the cluster\'s security configuration enables in-transit encryption with the customer\'s certificates. Protecting that traffic is the customer\'s part of encryption in transit.',
  remediation: {
    console: 'EMR console > Security configurations > Create > Encryption: enable in-transit encryption with a TLS certificate provider; launch the cluster with that configuration.',
    cloudformation: 'AWS::EMR::SecurityConfiguration.SecurityConfiguration.EncryptionConfiguration.EnableInTransitEncryption: true, named by AWS::EMR::Cluster.SecurityConfiguration',
    terraform: 'aws_emr_security_configuration { configuration = jsonencode({ EncryptionConfiguration = { EnableInTransitEncryption = true, ... } }) }',
  },
  evaluate(cluster, context) {
    const found = emrEncryptionConfiguration(cluster, context.inventory);
    if (isUnknown(found)) return unknown(found, 'SecurityConfiguration');
    if (found === undefined) return fail('the cluster names no security configuration, so traffic between its nodes is not encrypted');
    const enabled = bool(at(found.encryption, 'EnableInTransitEncryption'));
    if (isUnknown(enabled)) return unknown(enabled, 'SecurityConfiguration');
    return enabled === true
      ? pass(`the security configuration ${found.configuration.id} enables in-transit encryption`, 'SecurityConfiguration')
      : fail(`the security configuration ${found.configuration.id} does not enable in-transit encryption`, 'SecurityConfiguration');
  },
});
