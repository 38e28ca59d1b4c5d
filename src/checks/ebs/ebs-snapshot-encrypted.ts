// Compliant: the EBS snapshot owned by the account is encrypted.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'ebs-snapshot-encrypted',
  title: 'EBS snapshot is encrypted',
  service: 'ebs',
  resourceTypes: ['Demarc::EC2::Snapshot'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A snapshot is a full copy of a volume\'s data; unencrypted, it can be copied, shared and restored without any key policy standing in the way. Snapshots inherit encryption from their volume, so an unencrypted snapshot points at an unencrypted source. Encrypting data at rest is the customer\'s choice on EBS.',
  remediation: {
    console: 'EC2 console > Snapshots > the snapshot > Actions > Copy snapshot > Encrypt this snapshot; delete the unencrypted original once the copy is in use.',
    cloudformation: 'Snapshots are not template resources: encrypt the source AWS::EC2::Volume (Encrypted: true) and copy existing snapshots with encryption',
    terraform: 'aws_ebs_snapshot_copy { encrypted = true, source_snapshot_id = ... }',
  },
  evaluate(snapshot) {
    const id = str(snapshot.properties['SnapshotId']);
    const name = typeof id === 'string' ? id : 'the snapshot';
    const encrypted = bool(snapshot.properties['Encrypted']);
    if (isUnknown(encrypted)) return unknown(encrypted, 'Encrypted');
    if (encrypted === true) return pass(`${name} is encrypted`, 'Encrypted');
    if (encrypted === false) return fail(`${name} is not encrypted`, 'Encrypted');
    return unknown(`the inventory does not say whether ${name} is encrypted`);
  },
});
