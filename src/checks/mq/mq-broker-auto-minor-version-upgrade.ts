// Compliant: the Amazon MQ broker takes new engine patch versions automatically (AutoMinorVersionUpgrade true or left to the API's default).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'mq-broker-auto-minor-version-upgrade',
  title: 'Amazon MQ broker upgrades engine patch versions automatically',
  service: 'mq',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'low',
  rationale:
    'AWS releases patched ActiveMQ and RabbitMQ engine versions, but applies them to a broker in its maintenance window only when automatic minor version upgrades are on; otherwise the broker keeps running a version with known flaws until someone upgrades it. The API turns them on when the setting is left out (and requires them for ActiveMQ 5.18 and RabbitMQ 3.13 and later); the Terraform provider sends false unless told otherwise.',
  remediation: {
    console: 'Amazon MQ console > Brokers > broker > Edit > Maintenance: enable automatic minor version upgrades.',
    cloudformation: 'AWS::AmazonMQ::Broker.AutoMinorVersionUpgrade: true',
    terraform: 'aws_mq_broker { auto_minor_version_upgrade = true }',
  },
  evaluate(broker) {
    const enabled = bool(at(broker.properties, 'AutoMinorVersionUpgrade'));
    if (isUnknown(enabled)) return unknown(enabled, 'AutoMinorVersionUpgrade');
    // An account always reports the setting: its absence there is an unread answer, not the default.
    if (enabled === undefined && isLive(broker)) return unknown('the broker did not report AutoMinorVersionUpgrade (mq:DescribeBroker)', 'AutoMinorVersionUpgrade');
    if (enabled === false) return fail('AutoMinorVersionUpgrade is false: patched engine versions are not applied', 'AutoMinorVersionUpgrade');
    return pass(enabled === true ? 'patched engine versions are applied in the maintenance window' : 'AutoMinorVersionUpgrade is not set, and the API turns it on by default', 'AutoMinorVersionUpgrade');
  },
});
