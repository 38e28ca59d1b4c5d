// Compliant: an enabled RDS event subscription sends the failure and maintenance events of DB clusters to an SNS topic.
import { eventSubscriptionCheck } from '../lib/rds-event-subscriptions.js';

export default eventSubscriptionCheck({
  id: 'rds-cluster-event-notifications',
  title: 'RDS event subscription covers critical DB cluster events',
  sourceType: 'db-cluster',
  categories: ['failure', 'maintenance'],
  rationale:
    'RDS tells a cluster\'s failures (a failover that did not complete, storage that cannot be repaired) and its maintenance (a patch applied, a restart pending) only through events. Without a subscription they sit in the event log for 14 days and nobody is paged.',
});
