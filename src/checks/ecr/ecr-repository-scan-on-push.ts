// Compliant: the repository scans every image when it is pushed (ImageScanningConfiguration.ScanOnPush: true).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ecr-repository-scan-on-push',
  title: 'ECR repository scans images on push',
  service: 'ecr',
  resourceTypes: ['AWS::ECR::Repository'],
  layer: 'customer-data',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'AWS stores and serves container images; what is inside them is the customer\'s. Scanning each image on push reports known vulnerabilities in its operating system packages before it is deployed. Repository scanning is off by default (a registry-level enhanced scanning rule, if configured, takes precedence).',
  remediation: {
    console: 'ECR console > repository > Edit > Image scan settings > Scan on push (or Private registry > Scanning configuration for every repository).',
    cloudformation: 'AWS::ECR::Repository.ImageScanningConfiguration.ScanOnPush: true (or AWS::ECR::RegistryScanningConfiguration)',
    terraform: 'aws_ecr_repository { image_scanning_configuration { scan_on_push = true } } (or aws_ecr_registry_scanning_configuration)',
  },
  evaluate(repository) {
    const scan = bool(at(repository.properties, 'ImageScanningConfiguration', 'ScanOnPush'));
    if (isUnknown(scan)) return unknown(scan, 'ImageScanningConfiguration.ScanOnPush');
    if (scan === true) return pass('images are scanned for vulnerabilities on push', 'ImageScanningConfiguration.ScanOnPush');
    if (scan === false) return fail('scan on push is disabled', 'ImageScanningConfiguration.ScanOnPush');
    return fail('scan on push is not enabled (off by default)');
  },
});
