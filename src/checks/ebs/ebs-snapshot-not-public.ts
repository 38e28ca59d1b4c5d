// Compliant: the EBS snapshot's create-volume permission does not include "all", so no other account can restore it.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'ebs-snapshot-not-public',
  title: 'EBS snapshot is not public',
  service: 'ebs',
  resourceTypes: ['Demarc::EC2::Snapshot'],
  layer: 'customer-data',
  control: 'data-loss-prevention',
  duty: 'prevent-data-loss',
  severity: 'critical',
  rationale:
    'A public snapshot can be restored into a volume by any AWS account, exposing the complete disk: databases, configuration, keys. Public sharing happens only when the account owner grants it; keeping snapshots private (and blocking public sharing account-wide) is the customer\'s data-loss prevention.',
  remediation: {
    console: 'EC2 console > Snapshots > the snapshot > Actions > Snapshot settings > Modify permissions > Private; then EC2 > Settings > Block public access for EBS snapshots.',
    cloudformation: 'No CloudFormation property: aws ec2 modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission --operation-type remove --group-names all',
    terraform: 'aws_ebs_snapshot_block_public_access { state = "block-all-sharing" }; remove aws_snapshot_create_volume_permission grants to "all"',
  },
  evaluate(snapshot) {
    const id = str(snapshot.properties['SnapshotId']);
    const name = typeof id === 'string' ? id : 'the snapshot';
    const isPublic = bool(snapshot.properties['Public']);
    if (isUnknown(isPublic)) return unknown(isPublic, 'Public');
    if (isPublic === true) return fail(`${name} is public: any AWS account can create a volume from it`, 'Public');
    if (isPublic === false) return pass(`${name} is not shared publicly`, 'Public');
    return unknown(`the inventory does not say whether ${name} is public`);
  },
});
