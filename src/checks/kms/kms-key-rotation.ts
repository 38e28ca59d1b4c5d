// Compliant: a symmetric customer managed key has automatic rotation of its key material enabled.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { bool, isUnknown, num, str } from '../../inventory/readers.js';
import { invalidValue, KMS_ROTATION_PERIOD } from '../lib/aws-accepts.js';

export default defineCheck({
  id: 'kms-key-rotation',
  title: 'KMS customer managed key rotates its key material',
  service: 'kms',
  resourceTypes: ['AWS::KMS::Key'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'AWS rotates its own managed keys every year; a customer managed key rotates only when the customer turns rotation on. Rotation limits how much data any one version of the key material protects, and old material stays available to decrypt existing data.',
  remediation: {
    console: 'KMS console > Customer managed keys > key > Key rotation > Automatically rotate this KMS key every year (or choose a period).',
    cloudformation: 'AWS::KMS::Key.EnableKeyRotation: true (optionally RotationPeriodInDays)',
    terraform: 'aws_kms_key { enable_key_rotation = true }',
  },
  evaluate(key) {
    if (str(key.properties['KeyManager']) === 'AWS') return pass('an AWS managed key: AWS rotates it every year');
    const state = str(key.properties['KeyState']);
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') return notApplicable('the key is scheduled for deletion: its rotation no longer matters (see kms-key-not-pending-deletion)');
    const spec = str(key.properties['KeySpec']);
    if (isUnknown(spec)) return unknown(spec, 'KeySpec');
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') {
      return notApplicable(`key spec ${spec}: KMS rotates only symmetric encryption keys automatically`);
    }
    const origin = str(key.properties['Origin']);
    if (isUnknown(origin)) return unknown(origin, 'Origin');
    if (origin === 'EXTERNAL' || origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE') {
      return notApplicable(`key material from ${origin} cannot be rotated automatically; rotate it by hand`);
    }
    const rotation = bool(key.properties['EnableKeyRotation']);
    if (isUnknown(rotation)) return unknown(rotation, 'EnableKeyRotation');
    if (rotation !== true) {
      return fail(rotation === false ? 'automatic key rotation is disabled' : 'automatic key rotation is off (EnableKeyRotation defaults to false)', 'EnableKeyRotation');
    }
    const period = num(key.properties['RotationPeriodInDays']);
    const invalid = typeof period !== 'number' ? undefined : invalidValue(period, KMS_ROTATION_PERIOD, 'RotationPeriodInDays');
    if (invalid) return invalid;
    const every = typeof period === 'number' ? `every ${period} days` : 'every year';
    return pass(`key material rotates automatically ${every}`, 'EnableKeyRotation');
  },
});
