// Compliant: the stack publishes its events to at least one SNS topic (NotificationARNs is not empty).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown, list } from '../../inventory/readers.js';

export default defineCheck({
  id: 'cloudformation-stack-notifications',
  title: 'CloudFormation stack sends its events to an SNS topic',
  service: 'cloudformation',
  resourceTypes: ['AWS::CloudFormation::Stack'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'A stack publishes its events (resources created, updated, deleted, rolled back) to the SNS topics named in its notification ARNs, and to none when the list is empty, which is the default. Without them, nobody is told when a deployment changes or removes resources, or fails halfway; CloudTrail records the API calls but not the stack\'s own progress. Subscribing someone to the stack\'s changes is the customer\'s side of monitoring deployments. A nested stack does not take over its parent\'s topics: each stack names its own.',
  remediation: {
    console: 'CloudFormation console > stack > Update > Configure stack options > Notification options: choose or create an SNS topic.',
    cloudformation: 'AWS::CloudFormation::Stack.NotificationARNs: [!Ref StackEventsTopic] (and aws cloudformation create-stack --notification-arns for the root stack)',
    terraform: 'aws_cloudformation_stack { notification_arns = [aws_sns_topic.stack_events.arn] }',
  },
  evaluate(stack) {
    const topics = list(stack.properties['NotificationARNs']);
    if (isUnknown(topics)) return unknown(topics, 'NotificationARNs');
    const named = topics?.filter((topic) => topic !== null && topic !== '') ?? [];
    if (named.length === 0) return fail('NotificationARNs is empty: the stack\'s events reach no SNS topic', 'NotificationARNs');
    const firm = named.find((topic) => !isUnknown(topic));
    if (firm === undefined) {
      const first = named[0];
      return unknown(isUnknown(first) ? first : 'the notification topics are not known', 'NotificationARNs');
    }
    return pass(`the stack publishes its events to ${named.length === 1 ? 'an SNS topic' : `${named.length} SNS topics`}`, 'NotificationARNs');
  },
});
