// Compliant: clients must authenticate to the replication group, with a Redis AUTH token or RBAC user groups.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, list } from '../../inventory/readers.js';
import { isRedacted } from '../../inventory/values.js';

export default defineCheck({
  id: 'elasticache-replication-group-auth',
  title: 'ElastiCache replication group requires clients to authenticate',
  service: 'elasticache',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'Without an AUTH token or role-based access control, anything that reaches the cache port can read, change and flush every key: the security group is the only gate. Both need in-transit encryption, and choosing one is the customer\'s part.',
  remediation: {
    console: 'ElastiCache console > cache > Modify > Security > Access control: User group access control list (or Redis OSS AUTH default user access), with encryption in transit on.',
    cloudformation: 'AWS::ElastiCache::ReplicationGroup.UserGroupIds: [<user group>] (or AuthToken from a NoEcho parameter or a secret), with TransitEncryptionEnabled: true',
    terraform: 'aws_elasticache_replication_group { user_group_ids = [<user group id>] } (or auth_token), with transit_encryption_enabled = true',
  },
  evaluate(group) {
    const userGroups = list(at(group.properties, 'UserGroupIds'));
    if (isUnknown(userGroups)) return unknown(userGroups, 'UserGroupIds');
    if (userGroups !== undefined && userGroups.length > 0) return pass('clients authenticate as users of an RBAC user group', 'UserGroupIds');
    // A live account shows whether a token is set; a template or plan holds the token itself, redacted.
    const tokenEnabled = bool(at(group.properties, 'AuthTokenEnabled'));
    if (tokenEnabled === true) return pass('clients authenticate with a Redis AUTH token', 'AuthTokenEnabled');
    const token = at(group.properties, 'AuthToken');
    if (isUnknown(token)) return unknown(token, 'AuthToken');
    if (isRedacted(token) || (typeof token === 'string' && token !== '')) return pass('clients authenticate with a Redis AUTH token', 'AuthToken');
    return fail('neither an AUTH token nor RBAC user groups are set: any client that reaches the port is let in', 'UserGroupIds');
  },
});
