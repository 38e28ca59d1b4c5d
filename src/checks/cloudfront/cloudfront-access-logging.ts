// Compliant: the distribution writes access logs: standard logging to S3 (DistributionConfig.Logging.Bucket), or a CloudWatch Logs delivery source for its ACCESS_LOGS.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { pointsAt } from '../lib/network.js';

export default defineCheck({
  id: 'cloudfront-access-logging',
  title: 'CloudFront access logging is on',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  reads: ['AWS::Logs::DeliverySource'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'medium',
  rationale:
    'CloudFront access logs record every viewer request at the edge: who asked for what, from where, and what the answer was. Without them, scraping, abuse and attacks through the CDN leave no trace. Access logging is off until the customer turns it on.',
  remediation: {
    console: 'CloudFront console > the distribution > Logging > Add (standard logging v2 to S3, CloudWatch Logs or Firehose), or General > Settings > Edit > Standard logging (legacy) with an S3 bucket.',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.Logging.Bucket: <bucket>.s3.amazonaws.com, or AWS::Logs::DeliverySource {ResourceArn: <distribution ARN>, LogType: ACCESS_LOGS} with a delivery',
    terraform: 'aws_cloudfront_distribution logging_config { bucket = "<bucket>.s3.amazonaws.com" }, or aws_cloudwatch_log_delivery_source { log_type = "ACCESS_LOGS" }',
  },
  evaluate(distribution, context) {
    const bucket = str(at(distribution.properties, 'DistributionConfig', 'Logging', 'Bucket'));
    if (typeof bucket === 'string' && bucket !== '') return pass(`standard logs go to ${bucket}`, 'DistributionConfig.Logging.Bucket');
    // Standard logging v2 is configured outside the distribution, through CloudWatch Logs delivery resources.
    const delivered = context.inventory
      .ofType('AWS::Logs::DeliverySource')
      .find((source) => str(source.properties['LogType']) === 'ACCESS_LOGS' && pointsAt(source.properties['ResourceArn'], distribution, context.inventory) === true);
    if (delivered) return pass(`delivery source ${delivered.id} sends the access logs`);
    if (isUnknown(bucket)) return unknown(bucket, 'DistributionConfig.Logging.Bucket');
    return fail('the distribution writes no access logs (no DistributionConfig.Logging and no delivery source for ACCESS_LOGS)', 'DistributionConfig');
  },
});
