// Compliant: the launch configuration keeps the metadata response hop limit at 1 (the default) or turns the metadata endpoint off.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, num, str } from '../../inventory/readers.js';

/** The hop limit a launch configuration gets when it sets none. */
const DEFAULT_HOP_LIMIT = 1;

export default defineCheck({
  id: 'autoscaling-launch-config-hop-limit',
  title: 'Auto Scaling launch configuration keeps the metadata hop limit at 1',
  service: 'autoscaling',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  layer: 'guest-os',
  control: 'configuration-management',
  duty: 'configure-guest-os',
  severity: 'high',
  rationale:
    'The hop limit is the IP time-to-live of the instance metadata service\'s token replies. At 1 a token cannot leave the instance; above 1 a container, a proxy or a forwarded request one hop away can fetch a token and with it the instance role\'s credentials. Launch configurations default to 1; a larger value is the customer\'s choice, inherited by every instance the group launches.',
  remediation: {
    console: 'Launch configurations cannot be edited: create a launch template (preferred) or a new launch configuration with Metadata response hop limit 1, and point the group at it.',
    cloudformation: 'AWS::AutoScaling::LaunchConfiguration.MetadataOptions.HttpPutResponseHopLimit: 1 (or leave it out)',
    terraform: 'aws_launch_configuration metadata_options { http_put_response_hop_limit = 1 } (or leave it out)',
  },
  evaluate(configuration) {
    const options = configuration.properties['MetadataOptions'];
    if (isUnknown(options)) return unknown(options, 'MetadataOptions');
    const endpoint = str(at(options, 'HttpEndpoint'));
    if (endpoint === 'disabled') return pass('the launch configuration turns the instance metadata endpoint off', 'MetadataOptions.HttpEndpoint');
    const path = 'MetadataOptions.HttpPutResponseHopLimit';
    const limit = num(at(options, 'HttpPutResponseHopLimit'));
    if (isUnknown(limit)) return unknown(limit, path);
    if (limit === undefined) return pass(`the launch configuration sets no hop limit, so it gets the default of ${DEFAULT_HOP_LIMIT}`);
    if (limit <= 1) return pass(`the metadata response hop limit is ${limit}`, path);
    return fail(`the metadata response hop limit is ${limit}: metadata tokens reach ${limit - 1} hop(s) beyond the instance`, path);
  },
});
