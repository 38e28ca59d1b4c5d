// Compliant: the distribution names a default root object (DistributionConfig.DefaultRootObject), served for requests to the root URL.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cloudfront-default-root-object',
  title: 'CloudFront distribution has a default root object',
  service: 'cloudfront',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'medium',
  rationale:
    'Without a default root object, a request for the root URL is forwarded to the origin as is: an S3 origin that allows listing answers with the list of every object in the bucket, and other origins answer with whatever their root serves. Naming an object (index.html) decides what the root shows. CloudFront serves it; choosing it is the customer\'s. Like Security Hub, demarc asks for it on every distribution, also those in front of APIs.',
  remediation: {
    console: 'CloudFront console > the distribution > General > Settings > Edit > Default root object: index.html (or the object the root should serve).',
    cloudformation: 'AWS::CloudFront::Distribution.DistributionConfig.DefaultRootObject: index.html',
    terraform: 'aws_cloudfront_distribution.default_root_object = "index.html"',
  },
  evaluate(distribution) {
    const config = distribution.properties['DistributionConfig'];
    if (isUnknown(config)) return unknown(config, 'DistributionConfig');
    const path = 'DistributionConfig.DefaultRootObject';
    const root = str(at(config, 'DefaultRootObject'));
    if (isUnknown(root)) return unknown(root, path);
    if (typeof root === 'string' && root.trim() !== '') return pass(`requests for the root URL are served ${root}`, path);
    return fail('the distribution has no default root object: a request for the root URL is passed to the origin as is', path);
  },
});
