// Compliant: the environment uses enhanced health reporting (aws:elasticbeanstalk:healthreporting:system SystemType enhanced).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { beanstalkOption, CONFIGURATION_TEMPLATE } from '../lib/beanstalk-options.js';

const NAMESPACE = 'aws:elasticbeanstalk:healthreporting:system';
const OPTION = 'SystemType';

export default defineCheck({
  id: 'elasticbeanstalk-enhanced-health',
  title: 'Elastic Beanstalk environment uses enhanced health reporting',
  service: 'elasticbeanstalk',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  reads: [CONFIGURATION_TEMPLATE],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'Basic health reporting judges an environment by its load balancer and Auto Scaling checks only. Enhanced health reporting runs an agent on every instance that reports request failures, latency, load and deployment state, so a failing or misbehaving instance is seen and can be acted on. The API\'s default is basic; demarc reads the option from the environment and its saved configuration (an account scan reads the effective value), not from .ebextensions files inside the application bundle.',
  remediation: {
    console: 'Elastic Beanstalk console > environment > Configuration > Updates, monitoring, and logging > Health reporting: System Enhanced.',
    cloudformation: 'AWS::ElasticBeanstalk::Environment.OptionSettings: {Namespace: aws:elasticbeanstalk:healthreporting:system, OptionName: SystemType, Value: enhanced}',
    terraform: 'aws_elastic_beanstalk_environment setting { namespace = "aws:elasticbeanstalk:healthreporting:system", name = "SystemType", value = "enhanced" }',
  },
  evaluate(environment, context) {
    const option = beanstalkOption(environment, context.inventory, NAMESPACE, OPTION);
    if (isUnknown(option)) return unknown(option, 'OptionSettings');
    if (option.value === undefined) return fail(`health reporting is basic: ${NAMESPACE} ${OPTION} is not set (its default is basic)`, 'OptionSettings');
    const value = option.value.trim().toLowerCase();
    if (value === 'enhanced') return pass(`enhanced health reporting is on (${option.from})`, 'OptionSettings');
    if (value === 'basic') return fail(`health reporting is basic in ${option.from}`, 'OptionSettings');
    return unknown(`${OPTION} "${option.value}" is neither enhanced nor basic`, 'OptionSettings');
  },
});
