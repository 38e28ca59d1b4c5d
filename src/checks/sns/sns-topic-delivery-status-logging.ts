// Compliant: the topic logs failed deliveries to CloudWatch Logs for at least one protocol (a DeliveryStatusLogging entry with a FailureFeedbackRoleArn).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';
import type { Evaluation } from '../types.js';

const named = (role: PropValue | undefined): boolean => role !== undefined && role !== null && role !== '';

export default defineCheck({
  id: 'sns-topic-delivery-status-logging',
  title: 'SNS topic logs the delivery status of its messages',
  service: 'sns',
  resourceTypes: ['AWS::SNS::Topic'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'SNS records whether a message reached an HTTP/S endpoint, SQS queue, Lambda function, Firehose stream or mobile platform application only when the topic names an IAM role for delivery status logging, per protocol; no protocol is logged by default. Without the failure log, messages dropped after their retries leave no trace in CloudWatch Logs. Turning it on, and giving SNS a role that may write the logs, is the customer\'s. demarc wants a failure feedback role for at least one protocol: a topic that logs only successful deliveries (a success role alone) passes the AWS Config rule sns-topic-message-delivery-notification-enabled and Security Hub SNS.2 but fails here.',
  remediation: {
    console: 'SNS console > topic > Edit > Delivery status logging: choose the protocols, and an IAM role for failed (and successful) deliveries.',
    cloudformation: 'AWS::SNS::Topic.DeliveryStatusLogging: [{ Protocol: sqs, FailureFeedbackRoleArn: !GetAtt SnsLogRole.Arn, SuccessFeedbackRoleArn: !GetAtt SnsLogRole.Arn, SuccessFeedbackSampleRate: "10" }]',
    terraform: 'aws_sns_topic { sqs_failure_feedback_role_arn = aws_iam_role.sns_log.arn } (or http_, lambda_, firehose_, application_)',
  },
  evaluate(topic) {
    const entries = list(topic.properties['DeliveryStatusLogging']);
    if (isUnknown(entries)) return unknown(entries, 'DeliveryStatusLogging');
    if (entries === undefined || entries.length === 0) return fail('DeliveryStatusLogging is not set: SNS logs the delivery status of no protocol', 'DeliveryStatusLogging');
    const logged: string[] = [];
    const successOnly: string[] = [];
    let doubt: Evaluation | undefined;
    for (const entry of entries) {
      const protocol = str(at(entry, 'Protocol'));
      // A role from a reference (!GetAtt, aws_iam_role.x.arn) is a role: only an unresolved value is in doubt.
      const failureRole = at(entry, 'FailureFeedbackRoleArn');
      const name = typeof protocol === 'string' ? protocol : 'a protocol';
      if (isUnknown(failureRole)) doubt ??= unknown(failureRole, 'DeliveryStatusLogging');
      else if (named(failureRole)) logged.push(name);
      else if (named(at(entry, 'SuccessFeedbackRoleArn'))) successOnly.push(name);
    }
    if (logged.length > 0) return pass(`failed deliveries are logged for ${logged.join(', ')}`, 'DeliveryStatusLogging');
    if (doubt) return doubt;
    if (successOnly.length > 0) return fail(`only successful deliveries are logged (${successOnly.join(', ')}): no FailureFeedbackRoleArn, so dropped messages leave no trace`, 'DeliveryStatusLogging');
    return fail('no DeliveryStatusLogging entry names a feedback role: SNS logs no delivery status', 'DeliveryStatusLogging');
  },
});
