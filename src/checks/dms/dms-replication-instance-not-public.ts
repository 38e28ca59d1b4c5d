// Compliant: the DMS replication instance is not publicly accessible (PubliclyAccessible false; AWS's default is true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'dms-replication-instance-not-public',
  title: 'DMS replication instance is not publicly accessible',
  service: 'dms',
  resourceTypes: ['AWS::DMS::ReplicationInstance'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'critical',
  rationale:
    'A publicly accessible replication instance gets a public IP address and can be reached from the internet through its security groups, while it holds the credentials of both databases it copies between and streams their data. DMS makes instances public unless told otherwise, so the setting must be turned off explicitly; reaching on-premises or other-VPC databases works over VPN, Direct Connect or peering instead.',
  remediation: {
    console: 'DMS console: a replication instance cannot be made private after creation; create a new one with Public accessible cleared, move the tasks to it and delete the old one.',
    cloudformation: 'AWS::DMS::ReplicationInstance.PubliclyAccessible: false',
    terraform: 'aws_dms_replication_instance.publicly_accessible = false',
  },
  evaluate(instance) {
    const open = bool(instance.properties['PubliclyAccessible']);
    if (isUnknown(open)) return unknown(open, 'PubliclyAccessible');
    if (open === false) return pass('the replication instance has only a private IP address', 'PubliclyAccessible');
    return fail(open === true ? 'the replication instance is publicly accessible' : 'PubliclyAccessible is not set, and DMS then makes the instance publicly accessible', 'PubliclyAccessible');
  },
});
