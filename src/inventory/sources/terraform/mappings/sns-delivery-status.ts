import type { Built } from './dsl.js';
import type { PropRecord, PropValue } from '../../../values.js';

// The provider's attribute prefix of each protocol, and the protocol name CloudFormation's DeliveryStatusLogging uses.
const PROTOCOLS: ReadonlyArray<readonly [string, string]> = [
  ['application', 'application'],
  ['firehose', 'firehose'],
  ['http', 'http/s'],
  ['lambda', 'lambda'],
  ['sqs', 'sqs'],
];

const isSet = (value: PropValue | undefined): value is PropValue => value !== undefined && value !== null && value !== '';

/** `aws_sns_topic`'s flat `<protocol>_{success,failure}_feedback_*` attributes, as CloudFormation's DeliveryStatusLogging list. */
export function snsDeliveryStatusLogging(attributes: PropRecord): Built {
  const entries: PropRecord[] = [];
  for (const [prefix, protocol] of PROTOCOLS) {
    const success = attributes[`${prefix}_success_feedback_role_arn`];
    const failure = attributes[`${prefix}_failure_feedback_role_arn`];
    if (!isSet(success) && !isSet(failure)) continue;
    const entry: PropRecord = { Protocol: protocol };
    if (isSet(success)) entry['SuccessFeedbackRoleArn'] = success;
    if (isSet(failure)) entry['FailureFeedbackRoleArn'] = failure;
    const rate = attributes[`${prefix}_success_feedback_sample_rate`];
    if (isSet(rate)) entry['SuccessFeedbackSampleRate'] = typeof rate === 'number' ? String(rate) : rate;
    entries.push(entry);
  }
  return { DeliveryStatusLogging: entries.length > 0 ? entries : undefined };
}
