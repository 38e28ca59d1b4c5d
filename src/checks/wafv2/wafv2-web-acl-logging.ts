// Compliant: the web ACL sends its logs to a destination: its own LoggingConfiguration (live, Terraform) or an AWS::WAFv2::LoggingConfiguration naming it, with at least one LogDestinationConfigs entry.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, list } from '../../inventory/readers.js';
import { isReference, isUnknown, type PropValue } from '../../inventory/values.js';

const LOGGING_CONFIGURATION = 'AWS::WAFv2::LoggingConfiguration';

/** The verdict of one LoggingConfiguration, or undefined when it names no destination. */
function destinations(configuration: PropValue | undefined, path: string): Evaluation | undefined {
  if (isUnknown(configuration)) return unknown(configuration, path);
  const targets = list(at(configuration, 'LogDestinationConfigs'));
  if (isUnknown(targets)) return unknown(targets, `${path}.LogDestinationConfigs`);
  const [first] = targets ?? [];
  if (first === undefined) return undefined;
  const name = isReference(first) ? first.target : typeof first === 'string' ? first : 'a destination set at deploy time';
  return pass(`the web ACL logs to ${name}`, `${path}.LogDestinationConfigs`);
}

export default defineCheck({
  id: 'wafv2-web-acl-logging',
  title: 'WAF web ACL has logging',
  service: 'wafv2',
  resourceTypes: ['AWS::WAFv2::WebACL'],
  reads: [LOGGING_CONFIGURATION],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'WAF logs record each inspected request with the rule that matched and the action taken: the evidence to investigate an attack, tune rules that block legitimate users, and prove what was stopped. Metrics and sampled requests keep only counts and a three-hour sample. AWS WAF writes full logs only when the customer names a destination (CloudWatch Logs, S3 or Firehose) for each web ACL.',
  remediation: {
    console: 'WAF console > Web ACLs > the web ACL > Logging and metrics > Enable: choose a CloudWatch Logs group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-.',
    cloudformation: 'AWS::WAFv2::LoggingConfiguration {ResourceArn: !GetAtt WebACL.Arn, LogDestinationConfigs: [<aws-waf-logs-... destination ARN>]}',
    terraform: 'aws_wafv2_web_acl_logging_configuration { resource_arn = aws_wafv2_web_acl.<name>.arn, log_destination_configs = [...] }',
  },
  evaluate(webAcl, context) {
    const own = webAcl.properties['LoggingConfiguration'];
    const inline = own === undefined || own === null ? undefined : destinations(own, 'LoggingConfiguration');
    if (inline?.status === 'pass') return inline;
    const separate = context.inventory.referrers(webAcl, LOGGING_CONFIGURATION, 'ResourceArn').map((configuration) => destinations(configuration.properties, 'LoggingConfiguration'));
    const passing = separate.find((verdict) => verdict?.status === 'pass');
    if (passing) return passing;
    const unread = inline ?? separate.find((verdict) => verdict?.status === 'unknown');
    if (unread) return unread;
    return fail('the web ACL has no logging configuration: inspected requests are not logged', 'LoggingConfiguration');
  },
});
