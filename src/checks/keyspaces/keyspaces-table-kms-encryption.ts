// Compliant: the Keyspaces table encrypts its data at rest under a customer managed KMS key.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { awsManagedKeyName, KMS_KEY_READS } from '../lib/data-stores.js';

const TYPE = 'EncryptionSpecification.EncryptionType';
const KEY = 'EncryptionSpecification.KmsKeyIdentifier';

export default defineCheck({
  id: 'keyspaces-table-kms-encryption',
  title: 'Keyspaces table is encrypted with a customer managed KMS key',
  service: 'keyspaces',
  resourceTypes: ['AWS::Cassandra::Table'],
  reads: KMS_KEY_READS,
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'low',
  rationale:
    'Amazon Keyspaces always encrypts tables at rest, by default (AWS_OWNED_KMS_KEY) with a key that Keyspaces owns and that never appears in the customer\'s account: no key policy limits its use and no CloudTrail record shows it. A customer managed key (CUSTOMER_MANAGED_KMS_KEY) lets the customer control, audit and revoke access to the table\'s data. The key can be changed on an existing table.',
  remediation: {
    console: 'Amazon Keyspaces console > Tables > table > Additional settings > Encryption at rest > Edit: choose a customer managed key.',
    cloudformation: 'AWS::Cassandra::Table.EncryptionSpecification: { EncryptionType: CUSTOMER_MANAGED_KMS_KEY, KmsKeyIdentifier: !GetAtt TableKey.Arn }',
    terraform: 'aws_keyspaces_table { encryption_specification { type = "CUSTOMER_MANAGED_KMS_KEY", kms_key_identifier = aws_kms_key.keyspaces.arn } }',
  },
  evaluate(table, context) {
    const type = str(at(table.properties, 'EncryptionSpecification', 'EncryptionType'));
    if (isUnknown(type)) return unknown(type, TYPE);
    if (type === undefined) return fail('EncryptionSpecification is not set: the table is encrypted with the AWS owned key of Amazon Keyspaces', 'EncryptionSpecification');
    if (type === 'AWS_OWNED_KMS_KEY') return fail('EncryptionType is AWS_OWNED_KMS_KEY: the key is owned by Amazon Keyspaces, not the customer', TYPE);
    if (type !== 'CUSTOMER_MANAGED_KMS_KEY') return unknown(`EncryptionType ${type} is not one AWS accepts (AWS_OWNED_KMS_KEY, CUSTOMER_MANAGED_KMS_KEY)`, TYPE);
    const key = at(table.properties, 'EncryptionSpecification', 'KmsKeyIdentifier');
    if (key === undefined || key === null || key === '') return unknown('EncryptionType is CUSTOMER_MANAGED_KMS_KEY but no KmsKeyIdentifier names the key, which AWS requires', KEY);
    // Keyspaces takes only customer managed keys here, so an unresolved key id still names one.
    const managed = awsManagedKeyName(key, context.inventory);
    if (managed !== undefined) return fail(`KmsKeyIdentifier names the AWS managed key ${managed}, which Keyspaces does not accept as a customer managed key`, KEY);
    const label = str(key);
    return pass(`encrypted under the customer managed key ${typeof label === 'string' ? label : 'named by KmsKeyIdentifier'}`, TYPE);
  },
});
