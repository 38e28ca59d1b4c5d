// Compliant: an enabled RDS event subscription sends the configuration change events of DB parameter groups to an SNS topic.
import { eventSubscriptionCheck } from '../lib/rds-event-subscriptions.js';

export default eventSubscriptionCheck({
  id: 'rds-parameter-group-event-notifications',
  title: 'RDS event subscription covers critical DB parameter group events',
  sourceType: 'db-parameter-group',
  categories: ['configuration change'],
  rationale:
    'A parameter group holds the settings that protect its databases (forced TLS, audit logging); RDS reports a change to it only as an event (configuration change is the one category parameter groups have). Without a subscription, turning off such a setting goes unnoticed.',
});
