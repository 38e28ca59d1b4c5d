// Compliant: the configuration set publishes reputation metrics to CloudWatch (ReputationOptions.ReputationMetricsEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ses-configuration-set-reputation-metrics',
  title: 'SES configuration set publishes reputation metrics',
  service: 'ses',
  resourceTypes: ['AWS::SES::ConfigurationSet'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'Bounce and complaint rates are how a compromised sending credential or a hijacked form shows itself: spam sent in the customer\'s name drives them up before SES pauses the account. A configuration set publishes them to CloudWatch, where an alarm can watch them, only when reputation metrics are enabled, which they are not by default. Turning them on for the mail sent through each set is the customer\'s part of monitoring.',
  remediation: {
    console: 'Amazon SES console > Configuration sets > the set > Reputation options > Edit: enable "Reputation metrics".',
    cloudformation: 'AWS::SES::ConfigurationSet.ReputationOptions: { ReputationMetricsEnabled: true }',
    terraform: 'aws_sesv2_configuration_set { reputation_options { reputation_metrics_enabled = true } } (aws_ses_configuration_set: reputation_metrics_enabled = true)',
  },
  evaluate(set) {
    const enabled = bool(at(set.properties, 'ReputationOptions', 'ReputationMetricsEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'ReputationOptions.ReputationMetricsEnabled');
    if (enabled === true) return pass('bounce and complaint rates of the set are published to CloudWatch', 'ReputationOptions.ReputationMetricsEnabled');
    return fail(enabled === false ? 'ReputationOptions.ReputationMetricsEnabled is false: no bounce or complaint metrics are published for the set' : 'ReputationOptions is not set, and reputation metrics are off by default', 'ReputationOptions');
  },
});
