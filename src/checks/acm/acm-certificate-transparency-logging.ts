// Compliant: a public ACM certificate keeps certificate transparency logging on (CertificateTransparencyLoggingPreference not DISABLED; the default is ENABLED).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'acm-certificate-transparency-logging',
  title: 'ACM certificate keeps certificate transparency logging',
  service: 'acm',
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  layer: 'logging-monitoring',
  control: 'audit-monitoring',
  duty: 'enable-audit-logging',
  severity: 'low',
  rationale:
    'Certificate transparency logs are public, append-only records of every certificate a public CA issues; domain owners watch them to spot certificates issued for their names without their consent. With logging disabled, an issued certificate is missing from the record, and browsers such as Chrome refuse certificates that are not logged. Opting out is a choice the customer makes per certificate. Private CA and imported certificates are never logged by ACM and are not judged.',
  remediation: {
    console: 'ACM cannot change the preference from the console: aws acm update-certificate-options --certificate-arn <arn> --options CertificateTransparencyLoggingPreference=ENABLED',
    cloudformation: 'AWS::CertificateManager::Certificate.CertificateTransparencyLoggingPreference: ENABLED (or leave it out)',
    terraform: 'aws_acm_certificate options { certificate_transparency_logging_preference = "ENABLED" } (or leave it out)',
  },
  evaluate(certificate) {
    const type = str(certificate.properties['Type']);
    if (isUnknown(type)) return unknown(type, 'Type');
    if (type === 'IMPORTED' || type === 'PRIVATE') return notApplicable(`ACM does not log ${type.toLowerCase()} certificates to certificate transparency logs`);
    const authority = certificate.properties['CertificateAuthorityArn'];
    if (authority !== undefined && authority !== null) return notApplicable('a certificate from a private CA is not logged to certificate transparency logs');
    const preference = str(certificate.properties['CertificateTransparencyLoggingPreference']);
    if (isUnknown(preference)) return unknown(preference, 'CertificateTransparencyLoggingPreference');
    if (preference?.toUpperCase() === 'DISABLED') return fail('certificate transparency logging is disabled for this public certificate', 'CertificateTransparencyLoggingPreference');
    if (preference === undefined || preference.toUpperCase() === 'ENABLED') return pass(`certificate transparency logging is on${preference === undefined ? ' (the default)' : ''}`, 'CertificateTransparencyLoggingPreference');
    return unknown(`CertificateTransparencyLoggingPreference ${preference} is not a value ACM documents (ENABLED, DISABLED)`, 'CertificateTransparencyLoggingPreference');
  },
});
