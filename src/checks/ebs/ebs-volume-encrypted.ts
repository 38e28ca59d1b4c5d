// Compliant: the EBS volume is encrypted (Encrypted true), or it leaves Encrypted unset and EBS encryption by default is on in its region.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { encryptionByDefault } from '../lib/compute.js';

export default defineCheck({
  id: 'ebs-volume-encrypted',
  title: 'EBS volume is encrypted',
  service: 'ebs',
  resourceTypes: ['AWS::EC2::Volume'],
  reads: ['Demarc::EC2::EbsEncryptionDefault'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'An unencrypted volume, and every snapshot of it, can be read by anyone who obtains a copy. AWS encrypts EBS volumes with KMS at no performance cost, but only when the customer asks for it, per volume or with account-wide encryption by default.',
  remediation: {
    console: 'An existing volume cannot be encrypted in place: snapshot it, copy the snapshot with encryption, create a volume from the copy and swap it in. For new volumes tick Encrypted, or turn on EBS encryption by default.',
    cloudformation: 'AWS::EC2::Volume.Encrypted: true (optionally KmsKeyId)',
    terraform: 'aws_ebs_volume.encrypted = true, or aws_ebs_encryption_by_default { enabled = true }',
  },
  evaluate(volume, context) {
    const encrypted = bool(volume.properties['Encrypted']);
    if (isUnknown(encrypted)) return unknown(encrypted, 'Encrypted');
    if (encrypted === true) return pass('the volume is encrypted', 'Encrypted');
    // The volume's own flag first: an existing volume that says false stays unencrypted after the region default is
    // turned on. The default decides only where the flag is absent (a template that leaves it out).
    if (encrypted === false) return fail('Encrypted is false: the volume and its snapshots are stored unencrypted', 'Encrypted');
    if (encryptionByDefault(volume, context.inventory) === true) return pass('the volume is encrypted: EBS encryption by default is on in its region');
    if (volume.properties['SnapshotId'] !== undefined) {
      return unknown('the volume is restored from a snapshot without Encrypted set; it is encrypted only if that snapshot is', 'SnapshotId');
    }
    return fail('Encrypted is not set, so the volume is encrypted only if EBS encryption by default happens to be on in the account and region');
  },
});
