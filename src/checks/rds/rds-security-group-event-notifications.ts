// Compliant: an enabled RDS event subscription sends the configuration change and failure events of DB security groups to an SNS topic.
import { eventSubscriptionCheck } from '../lib/rds-event-subscriptions.js';

export default eventSubscriptionCheck({
  id: 'rds-security-group-event-notifications',
  title: 'RDS event subscription covers critical DB security group events',
  sourceType: 'db-security-group',
  categories: ['configuration change', 'failure'],
  rationale:
    'A DB security group (the network access list of a database outside a VPC, a legacy EC2-Classic feature) decides who reaches the database; RDS reports a change to it only as an event. Without a subscription, opening it goes unnoticed.',
});
