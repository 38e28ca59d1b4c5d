// Compliant: EMR block public access is on in the region (BlockPublicSecurityGroupRules true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'emr-block-public-access',
  title: 'EMR block public access is enabled',
  service: 'emr',
  resourceTypes: ['Demarc::EMR::BlockPublicAccess'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'configure-security-groups',
  severity: 'high',
  rationale:
    'EMR block public access stops clusters from starting when a security group opens a port to the whole internet (except the ports the customer allows). It is a per-region account setting that the customer keeps on as a guard rail for its network zones.',
  remediation: {
    console: 'EMR console > Block public access > Edit > Turn on.',
    cloudformation: 'Not available in CloudFormation: aws emr put-block-public-access-configuration --block-public-access-configuration BlockPublicSecurityGroupRules=true',
    terraform: 'aws_emr_block_public_access_configuration { block_public_security_group_rules = true }',
  },
  evaluate(setting) {
    const blocked = bool(at(setting.properties, 'BlockPublicSecurityGroupRules'));
    if (isUnknown(blocked)) return unknown(blocked, 'BlockPublicSecurityGroupRules');
    if (blocked === undefined) return unknown('the block public access setting was not collected');
    return blocked
      ? pass('block public access is on', 'BlockPublicSecurityGroupRules')
      : fail('block public access is off: clusters may start with security groups open to the internet', 'BlockPublicSecurityGroupRules');
  },
});
