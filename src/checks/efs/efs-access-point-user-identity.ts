// Compliant: the access point enforces a POSIX user identity (PosixUser with Uid and Gid) on every request made through it.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'efs-access-point-user-identity',
  title: 'EFS access point enforces a user identity',
  service: 'efs',
  resourceTypes: ['AWS::EFS::AccessPoint'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'NFS trusts the user and group IDs the client sends: without an enforced identity, a client that mounts through the access point acts as whatever user it claims to be, root included, subject only to file permissions. With a PosixUser, EFS replaces the client\'s IDs with the ones the customer set on the access point for every request. Which identity an application acts as is the customer\'s decision.',
  remediation: {
    console: 'EFS console > file system > Access points > Create access point with a POSIX user (user ID and group ID); the identity of an existing access point cannot be changed: create a new one.',
    cloudformation: 'AWS::EFS::AccessPoint.PosixUser: { Uid: <uid>, Gid: <gid> }',
    terraform: 'aws_efs_access_point { posix_user { uid = <uid>, gid = <gid> } }',
  },
  evaluate(point) {
    const user = record(point.properties['PosixUser']);
    if (isUnknown(user)) return unknown(user, 'PosixUser');
    if (user === undefined) return fail('the access point enforces no user identity: clients act as the IDs they send', 'PosixUser');
    for (const key of ['Uid', 'Gid']) {
      const value = str(at(user, key));
      if (isUnknown(value)) return unknown(value, `PosixUser.${key}`);
      if (value === undefined || value === '') return unknown(`PosixUser names no ${key}, which AWS requires`, `PosixUser.${key}`);
    }
    return pass(`requests through the access point act as uid ${String(at(user, 'Uid'))}, gid ${String(at(user, 'Gid'))}`, 'PosixUser');
  },
});
