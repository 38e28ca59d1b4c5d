import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Check, Evaluation } from '../types.js';
import { at, bool, isUnknown, list, record, str } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';
import type { Resource } from '../../inventory/resource.js';

export const SUBSCRIPTION = 'AWS::RDS::EventSubscription';
/** Per account and region, from DescribeEventSubscriptions: `Subscriptions`, each in CloudFormation's shape plus Status. */
export const REGION_SUBSCRIPTIONS = 'Demarc::RDS::EventSubscriptions';

// A subscription whose topic is gone or which RDS may not publish to delivers nothing.
const UNDELIVERED = new Set(['no-permission', 'topic-not-exist']);

type Coverage = { covers: true } | { covers: false; why: string; otherType?: boolean } | { covers: 'unknown'; why: string };

/** Whether one subscription sends the `categories` of `sourceType` events to its topic. */
function coverage(subscription: Readonly<Record<string, PropValue | undefined>>, sourceType: string, categories: readonly string[]): Coverage {
  const type = str(subscription['SourceType']);
  if (isUnknown(type)) return { covers: 'unknown', why: type.reason };
  // No source type: events of every source type.
  if (type !== undefined && type !== sourceType) return { covers: false, why: `it is for ${type} events`, otherType: true };
  const enabled = bool(subscription['Enabled']);
  if (isUnknown(enabled)) return { covers: 'unknown', why: enabled.reason };
  if (enabled === false) return { covers: false, why: 'it is disabled' };
  const status = str(subscription['Status']);
  if (typeof status === 'string' && UNDELIVERED.has(status)) return { covers: false, why: `its status is ${status}, so nothing is delivered` };
  const chosen = list(subscription['EventCategories']);
  if (isUnknown(chosen)) return { covers: 'unknown', why: chosen.reason };
  // No categories: every category.
  if (chosen === undefined || chosen.length === 0) return { covers: true };
  if (chosen.some((category) => isUnknown(category))) return { covers: 'unknown', why: 'its event categories are not all known' };
  const named = new Set(chosen.map((category) => String(category).toLowerCase()));
  const missing = categories.filter((category) => !named.has(category));
  return missing.length === 0 ? { covers: true } : { covers: false, why: `it leaves out ${missing.join(', ')}` };
}

function judgeRegion(status: Resource, sourceType: string, categories: readonly string[]): Evaluation {
  const subscriptions = list(at(status.properties, 'Subscriptions'));
  if (isUnknown(subscriptions)) return unknown(subscriptions, 'Subscriptions');
  const results = (subscriptions ?? []).map((entry) => {
    const fields = record(entry);
    return fields === undefined || isUnknown(fields) ? ({ covers: 'unknown', why: 'a subscription could not be read' } as const) : coverage(fields, sourceType, categories);
  });
  if (results.some((result) => result.covers === true)) return pass(`a subscription sends ${categories.join(', ')} events of ${sourceType}s to SNS`, 'Subscriptions');
  const doubt = results.find((result) => result.covers === 'unknown');
  if (doubt) return unknown(doubt.why, 'Subscriptions');
  const near = results.filter((result) => result.covers === false && result.otherType !== true);
  if (near.length > 0) return fail(`no subscription sends every ${categories.join(', ')} event of ${sourceType}s: ${near.map((result) => (result.covers === false ? result.why : '')).join('; ')}`, 'Subscriptions');
  return fail(`no RDS event subscription sends ${sourceType} events to SNS in this region`, 'Subscriptions');
}

function judgeSubscription(subscription: Resource, sourceType: string, categories: readonly string[]): Evaluation {
  const result = coverage(subscription.properties, sourceType, categories);
  if (result.covers === true) return pass(`the subscription sends ${categories.join(', ')} events of ${sourceType}s to SNS`, 'EventCategories');
  if (result.covers === 'unknown') return unknown(result.why);
  if (result.otherType === true) return notApplicable(`the subscription is not for ${sourceType} events: ${result.why}`);
  return fail(`the subscription does not send every ${categories.join(', ')} event of ${sourceType}s: ${result.why}`);
}

export interface EventSubscriptionCheck {
  id: string;
  title: string;
  /** The API's source type (db-instance, db-cluster ...). */
  sourceType: string;
  /** The categories Security Hub calls critical for that source type, in the API's spelling. */
  categories: readonly string[];
  rationale: string;
}

/** A check that some enabled RDS event subscription sends the critical events of one source type to SNS. */
export function eventSubscriptionCheck(spec: EventSubscriptionCheck): Check {
  const categories = spec.categories.map((category) => `"${category}"`).join(', ');
  return defineCheck({
    id: spec.id,
    title: spec.title,
    service: 'rds',
    resourceTypes: [SUBSCRIPTION, REGION_SUBSCRIPTIONS],
    layer: 'logging-monitoring',
    control: 'audit-monitoring',
    duty: 'enable-audit-logging',
    severity: 'low',
    rationale: `${spec.rationale} A subscription counts when it is enabled, names source type ${spec.sourceType} (or none, which means every type) and lists ${categories} among its event categories (or none, which means all). In an account, each region needs one; a region without any fails.`,
    remediation: {
      console: `RDS console > Event subscriptions > Create event subscription: an SNS topic, source type ${spec.sourceType}, event categories ${categories}.`,
      cloudformation: `AWS::RDS::EventSubscription { SnsTopicArn, SourceType: ${spec.sourceType}, EventCategories: [${categories}] }`,
      terraform: `aws_db_event_subscription { sns_topic = ..., source_type = "${spec.sourceType}", event_categories = [${categories}] }`,
    },
    evaluate(resource) {
      return resource.type === REGION_SUBSCRIPTIONS ? judgeRegion(resource, spec.sourceType, spec.categories) : judgeSubscription(resource, spec.sourceType, spec.categories);
    },
  });
}
