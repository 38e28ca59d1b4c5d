// Compliant: the MemoryDB cluster authenticates clients through an access control list other than open-access.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, str } from '../../inventory/readers.js';

// The ACL every account has, whose one user ("default") takes any password and may run every command on every key.
const OPEN_ACCESS = 'open-access';

export default defineCheck({
  id: 'memorydb-cluster-acl-authentication',
  title: 'MemoryDB cluster requires authenticated users (not the open-access ACL)',
  service: 'memorydb',
  resourceTypes: ['AWS::MemoryDB::Cluster'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A MemoryDB cluster admits whoever its access control list allows. The built-in open-access ACL holds only the default user, with no password to check and every command on every key: anything that reaches the cluster port can read, change and delete all data, leaving the security group as the only gate. An ACL of named users with passwords or IAM authentication, and limited access strings, is the customer\'s side of access control.',
  remediation: {
    console: 'MemoryDB console > Access control lists > Create ACL with users of limited access strings; then Clusters > cluster > Modify > Access control list: choose it.',
    cloudformation: 'AWS::MemoryDB::Cluster.ACLName: !Ref AppAcl (an AWS::MemoryDB::ACL of AWS::MemoryDB::User entries), not open-access',
    terraform: 'aws_memorydb_cluster { acl_name = aws_memorydb_acl.app.name } (not "open-access")',
  },
  evaluate(cluster) {
    const acl = str(cluster.properties['ACLName']);
    if (isUnknown(acl)) return unknown(acl, 'ACLName');
    if (acl === undefined || acl === '') return unknown('the cluster names no access control list (ACLName is required)', 'ACLName');
    if (acl === OPEN_ACCESS) return fail('ACLName is open-access: any client that reaches the port is let in with full rights, without a password', 'ACLName');
    return pass(`clients authenticate as users of ACL ${acl}`, 'ACLName');
  },
});
