// Compliant: the environment has managed platform updates on (aws:elasticbeanstalk:managedactions ManagedActionsEnabled true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { beanstalkOption, CONFIGURATION_TEMPLATE } from '../lib/beanstalk-options.js';

const NAMESPACE = 'aws:elasticbeanstalk:managedactions';
const OPTION = 'ManagedActionsEnabled';

export default defineCheck({
  id: 'elasticbeanstalk-managed-updates',
  title: 'Elastic Beanstalk environment has managed platform updates enabled',
  service: 'elasticbeanstalk',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  reads: [CONFIGURATION_TEMPLATE],
  layer: 'guest-os',
  control: 'patch-management',
  duty: 'patch-guest-os',
  severity: 'high',
  rationale:
    'AWS publishes patched platform versions (operating system, runtime, web server), but they reach an environment\'s instances only when the customer updates the environment or turns on managed platform updates, which apply patch and minor versions in a weekly maintenance window. Without either, the instances keep running the platform version they were created with, known vulnerabilities included. The option is off unless set; demarc reads it from the environment and its saved configuration (an account scan reads the effective value), not from .ebextensions files inside the application bundle.',
  remediation: {
    console: 'Elastic Beanstalk console > environment > Configuration > Updates, monitoring, and logging > Managed platform updates: enable, and choose a maintenance window and update level.',
    cloudformation: 'AWS::ElasticBeanstalk::Environment.OptionSettings: {Namespace: aws:elasticbeanstalk:managedactions, OptionName: ManagedActionsEnabled, Value: "true"} with PreferredStartTime, and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel',
    terraform: 'aws_elastic_beanstalk_environment setting { namespace = "aws:elasticbeanstalk:managedactions", name = "ManagedActionsEnabled", value = "true" }',
  },
  evaluate(environment, context) {
    const option = beanstalkOption(environment, context.inventory, NAMESPACE, OPTION);
    if (isUnknown(option)) return unknown(option, 'OptionSettings');
    if (option.value === undefined) return fail(`managed platform updates are off: ${NAMESPACE} ${OPTION} is not set (its default is false)`, 'OptionSettings');
    const value = option.value.trim().toLowerCase();
    if (value === 'true') return pass(`managed platform updates are on (${option.from})`, 'OptionSettings');
    if (value === 'false') return fail(`managed platform updates are off: ${OPTION} is false in ${option.from}`, 'OptionSettings');
    return unknown(`${OPTION} "${option.value}" is neither true nor false`, 'OptionSettings');
  },
});
