// Compliant: the key is not scheduled for deletion (KeyState is not PendingDeletion or PendingReplicaDeletion).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'kms-key-not-pending-deletion',
  title: 'KMS key is not scheduled for deletion',
  service: 'kms',
  resourceTypes: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'high',
  rationale:
    'Once the waiting period ends, KMS destroys the key material and every piece of data encrypted under the key becomes unreadable for good. Scheduling deletion is the customer\'s act, and so is checking that no data still depends on the key before the period runs out.',
  remediation: {
    console: 'KMS console > key > Key actions > Cancel key deletion, then enable the key again if it is still needed.',
    cloudformation: 'Keep the AWS::KMS::Key in the stack (a stack deletion schedules it for deletion after PendingWindowInDays).',
    terraform: 'Keep the aws_kms_key resource; `aws kms cancel-key-deletion --key-id ID` stops a scheduled deletion.',
  },
  evaluate(key) {
    const state = str(key.properties['KeyState']);
    if (isUnknown(state)) return unknown(state, 'KeyState');
    if (state === 'PendingDeletion' || state === 'PendingReplicaDeletion') {
      const date = str(key.properties['DeletionDate']);
      const when = typeof date === 'string' ? ` on ${date}` : '';
      return fail(`the key is scheduled for deletion${when}: data encrypted under it will become unreadable`, 'KeyState');
    }
    if (state !== undefined) return pass(`the key is in state ${state}, not scheduled for deletion`, 'KeyState');
    // A live key always has a state: without one, its details were not read (kms:DescribeKey), which proves nothing.
    if (isLive(key)) return unknown('the key state was not read (kms:DescribeKey)', 'KeyState');
    // A template declares a key to keep; PendingWindowInDays only sets the waiting period of a later deletion.
    return pass('the key is declared to exist; nothing schedules it for deletion');
  },
});
