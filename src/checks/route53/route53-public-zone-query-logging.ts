// Compliant: the public hosted zone sends its DNS query logs to CloudWatch Logs (QueryLoggingConfig set); private zones are not applicable.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, record } from '../../inventory/readers.js';

export default defineCheck({
  id: 'route53-public-zone-query-logging',
  title: 'Route 53 public hosted zone logs DNS queries',
  service: 'route53',
  resourceTypes: ['AWS::Route53::HostedZone'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Query logging records which names of a public zone are asked for, of which record type, from which resolver edge and with what answer: the trail that shows subdomain enumeration, traffic to a hijacked or forgotten record, or DNS used for exfiltration. Route 53 logs nothing until a query logging configuration names a CloudWatch Logs group; setting one is the customer\'s part. Private zones cannot have one (their queries are logged by Route 53 Resolver query logging on the VPC) and are not judged. Like Security Hub Route53.2, demarc asks only that a configuration exists, not that its log group is in us-east-1 with a resource policy that lets Route 53 write.',
  remediation: {
    console: 'Route 53 console > Hosted zones > the public zone > Configure query logging: choose or create a log group in us-east-1 (/aws/route53/<zone>) and allow Route 53 to write to it.',
    cloudformation: 'AWS::Route53::HostedZone.QueryLoggingConfig: { CloudWatchLogsLogGroupArn: <log group ARN in us-east-1> }',
    terraform: 'aws_route53_query_log { zone_id = aws_route53_zone.<name>.zone_id, cloudwatch_log_group_arn = <log group ARN in us-east-1> }',
  },
  evaluate(zone) {
    const vpcs = list(at(zone.properties, 'VPCs'));
    if (isUnknown(vpcs)) return unknown(vpcs, 'VPCs');
    if (vpcs !== undefined && vpcs.length > 0) return notApplicable('a private hosted zone has no query logging of its own: Route 53 Resolver query logging on its VPCs records its queries');
    const config = record(at(zone.properties, 'QueryLoggingConfig'));
    if (isUnknown(config)) return unknown(config, 'QueryLoggingConfig');
    const group = at(config, 'CloudWatchLogsLogGroupArn');
    // The log group ARN is required in a configuration: one that is only known at deploy time still logs.
    if (group !== undefined && group !== null) return pass('DNS queries of the zone are logged to CloudWatch Logs', 'QueryLoggingConfig.CloudWatchLogsLogGroupArn');
    return fail('the public hosted zone has no query logging configuration: no record of the DNS queries it answers is kept', 'QueryLoggingConfig');
  },
});
