// Compliant: an ActiveMQ broker publishes its audit log (Logs.Audit true), a RabbitMQ broker its general log (Logs.General true), to CloudWatch Logs.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'mq-broker-audit-logging',
  title: 'Amazon MQ broker publishes its audit trail to CloudWatch Logs',
  service: 'mq',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'Amazon MQ keeps no broker logs unless the customer asks for them. An ActiveMQ broker records management actions (queues created or deleted, users changed, made through the web console or JMX) in its audit log; a RabbitMQ broker has no audit log, and its general log is where connections, authentication failures and policy changes are recorded. Publishing that trail to CloudWatch Logs is the customer\'s side of monitoring the broker.',
  remediation: {
    console: 'Amazon MQ console > Brokers > broker > Edit > CloudWatch Logs: enable Audit (ActiveMQ) or General (RabbitMQ) logs.',
    cloudformation: 'AWS::AmazonMQ::Broker.Logs: { Audit: true } for ActiveMQ, { General: true } for RabbitMQ',
    terraform: 'aws_mq_broker { logs { audit = true } } for ActiveMQ, logs { general = true } for RabbitMQ',
  },
  evaluate(broker) {
    const engine = str(at(broker.properties, 'EngineType'));
    if (isUnknown(engine)) return unknown(engine, 'EngineType');
    const rabbit = engine?.toUpperCase() === 'RABBITMQ';
    const log = rabbit ? 'General' : 'Audit';
    const name = rabbit ? 'general log' : 'audit log';
    const enabled = bool(at(broker.properties, 'Logs', log));
    if (isUnknown(enabled)) return unknown(enabled, `Logs.${log}`);
    if (enabled === true) return pass(`the ${name} is published to CloudWatch Logs`, `Logs.${log}`);
    return fail(`Logs.${log} is ${enabled === false ? 'false' : 'not set'}: the broker's ${name} is not published to CloudWatch Logs`, 'Logs');
  },
});
