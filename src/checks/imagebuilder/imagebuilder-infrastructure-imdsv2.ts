// Compliant: the infrastructure configuration launches build and test instances that require IMDSv2 (HttpTokens required).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

const PATH = 'InstanceMetadataOptions.HttpTokens';

export default defineCheck({
  id: 'imagebuilder-infrastructure-imdsv2',
  title: 'Image Builder build instances require IMDSv2',
  service: 'imagebuilder',
  resourceTypes: ['AWS::ImageBuilder::InfrastructureConfiguration'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'Image Builder launches its build and test instances with the configuration\'s instance profile, whose role can usually write to S3, SSM and ECR. With HttpTokens optional (the default) those instances also answer IMDSv1, so any component or downloaded script that can be tricked into a plain request to 169.254.169.254 (a server-side request forgery) hands out the role\'s credentials. Requiring session tokens closes that path; container builds then need a hop limit of 2.',
  remediation: {
    console: 'EC2 Image Builder console > Infrastructure configurations > the configuration > Edit > Instance metadata settings: Metadata version "V2 only (token required)".',
    cloudformation: 'AWS::ImageBuilder::InfrastructureConfiguration.InstanceMetadataOptions: { HttpTokens: required, HttpPutResponseHopLimit: 2 }',
    terraform: 'aws_imagebuilder_infrastructure_configuration { instance_metadata_options { http_tokens = "required" } }',
  },
  evaluate(configuration) {
    const tokens = str(at(configuration.properties, 'InstanceMetadataOptions', 'HttpTokens'));
    if (isUnknown(tokens)) return unknown(tokens, PATH);
    if (tokens === 'required') return pass('build and test instances accept only IMDSv2 requests', PATH);
    if (tokens === undefined) return fail('HttpTokens is not set, and build and test instances accept IMDSv1 by default (optional)', PATH);
    if (tokens === 'optional') return fail('HttpTokens is optional: build and test instances also answer IMDSv1 requests', PATH);
    return unknown(`HttpTokens ${tokens} is not one Image Builder accepts (optional, required)`, PATH);
  },
});
