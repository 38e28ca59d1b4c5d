// Compliant: an enabled RDS event subscription sends the maintenance, configuration change and failure events of DB instances to an SNS topic.
import { eventSubscriptionCheck } from '../lib/rds-event-subscriptions.js';

export default eventSubscriptionCheck({
  id: 'rds-instance-event-notifications',
  title: 'RDS event subscription covers critical DB instance events',
  sourceType: 'db-instance',
  categories: ['maintenance', 'configuration change', 'failure'],
  rationale:
    'RDS tells an instance\'s failures, its maintenance (patches, restarts, an instance taken offline) and changes to its configuration (a security group, the master password, public access) only through events. Without a subscription they sit in the event log for 14 days and nobody is told, which also hides a change an intruder makes.',
});
