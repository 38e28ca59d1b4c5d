// Compliant: the Redshift cluster delivers its audit logs (connection and user logs) to S3 or CloudWatch Logs (LoggingProperties set).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';
import { isReference } from '../../inventory/values.js';

export default defineCheck({
  id: 'redshift-audit-logging',
  title: 'Redshift cluster has audit logging enabled',
  service: 'redshift',
  resourceTypes: ['AWS::Redshift::Cluster'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Redshift records who connected and what users changed only when audit logging is switched on; without it there is no trail to investigate misuse of the warehouse. Turning audit trails on is the customer\'s.',
  remediation: {
    console: 'Redshift console > Clusters > cluster > Properties > Database configurations > Edit audit logging > Turn on, with an S3 bucket or CloudWatch Logs.',
    cloudformation: 'AWS::Redshift::Cluster.LoggingProperties: { BucketName } or { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] }',
    terraform: 'aws_redshift_logging { log_destination_type = "cloudwatch", log_exports = [...] } (or bucket_name)',
  },
  evaluate(cluster) {
    const logging = record(at(cluster.properties, 'LoggingProperties'));
    if (isUnknown(logging)) return unknown(logging, 'LoggingProperties');
    if (logging === undefined) return fail('LoggingProperties is not set, so audit logging is off');
    const destination = str(logging['LogDestinationType']);
    const bucket = str(logging['BucketName']);
    if (isUnknown(destination)) return unknown(destination, 'LoggingProperties.LogDestinationType');
    if (destination === 'cloudwatch') return pass('audit logs go to CloudWatch Logs', 'LoggingProperties');
    if (isReference(logging['BucketName'])) return pass('audit logs go to an S3 bucket of the template', 'LoggingProperties');
    if (isUnknown(bucket)) return unknown(bucket, 'LoggingProperties.BucketName');
    if (bucket !== undefined && bucket !== '') return pass(`audit logs go to the S3 bucket ${bucket}`, 'LoggingProperties');
    return fail('LoggingProperties names neither an S3 bucket nor CloudWatch Logs', 'LoggingProperties');
  },
});
