// Compliant: the Managed Microsoft AD directory forwards its domain controllers' security logs to CloudWatch Logs.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

const PATH = 'LogSubscriptions';

export default defineCheck({
  id: 'directoryservice-microsoft-ad-log-forwarding',
  title: 'Managed Microsoft AD forwards security logs to CloudWatch Logs',
  service: 'directoryservice',
  resourceTypes: ['AWS::DirectoryService::MicrosoftAD'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'The domain controllers of an AWS Managed Microsoft AD directory record sign-ins, lockouts, group and policy changes in their Windows security event logs, which the customer cannot reach on the controllers themselves. Only a log subscription (log forwarding) sends them to a CloudWatch Logs group where they can be kept, searched and alarmed on; without one, a compromised administrator or a password-spraying attack against the domain leaves no trail the customer holds. Forwarding is off until the customer creates a subscription. CloudFormation has no resource for it, so a template cannot show it: a template\'s directory is unknown, and the account (or a Terraform aws_directory_service_log_subscription) decides.',
  remediation: {
    console: 'Directory Service console > the directory > Networking & security > Log forwarding: Enable, and choose or create a CloudWatch Logs group (with a resource policy that lets ds.amazonaws.com write to it).',
    cloudformation: 'CloudFormation has no resource for log forwarding: create it with aws ds create-log-subscription --directory-id <id> --log-group-name /aws/directoryservice/<id> (or a custom resource).',
    terraform: 'aws_directory_service_log_subscription { directory_id = aws_directory_service_directory.<name>.id, log_group_name = aws_cloudwatch_log_group.<name>.name }',
  },
  evaluate(directory) {
    if (directory.origin.kind === 'cloudformation') return unknown('CloudFormation cannot declare log forwarding: whether the directory forwards its logs shows only in the account or in Terraform');
    const subscriptions = list(directory.properties[PATH]);
    if (isUnknown(subscriptions)) return unknown(subscriptions, PATH);
    if (subscriptions === undefined || subscriptions.length === 0) return fail('no log subscription: the domain controllers\' security logs are not forwarded to CloudWatch Logs', PATH);
    const group = str(at(subscriptions[0], 'LogGroupName'));
    return pass(typeof group === 'string' ? `security logs are forwarded to the log group ${group}` : 'security logs are forwarded to CloudWatch Logs', PATH);
  },
});
