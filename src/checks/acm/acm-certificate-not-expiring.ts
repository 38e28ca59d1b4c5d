// Compliant: the ACM certificate stays valid for more than 30 more days (NotAfter), as a live scan reads it.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { dateOf, day, daysBetween } from '../lib/credentials.js';

const WARNING_DAYS = 30;

export default defineCheck({
  id: 'acm-certificate-not-expiring',
  title: 'ACM certificate does not expire within 30 days',
  service: 'acm',
  resourceTypes: ['AWS::CertificateManager::Certificate'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'An expired certificate breaks TLS for every client of the load balancer, distribution or API it is attached to, and invites users and tools to accept certificate errors. ACM renews the certificates it issues only while their validation (DNS records, or e-mail approval) still succeeds; imported certificates are never renewed by ACM. A certificate still expiring within 30 days has missed renewal or needs a new import, which is the customer\'s to do. Only a live scan knows a certificate\'s dates: templates are not judged.',
  remediation: {
    console: 'ACM console > the certificate: for an ACM-issued one, fix the validation (the CNAME record, or approve the e-mail) so that managed renewal succeeds; for an imported one, Reimport certificate with a new certificate.',
    cloudformation: 'No template setting: keep the DNS validation records of AWS::CertificateManager::Certificate in place, or reimport an imported certificate before it expires',
    terraform: 'No argument: keep the aws_acm_certificate_validation records in place, or replace an imported certificate (private_key / certificate_body) before it expires',
  },
  evaluate(certificate, context) {
    const raw = certificate.properties['NotAfter'];
    const status = str(certificate.properties['Status']);
    if (raw === undefined && (status === undefined || isUnknown(status))) return notApplicable('the certificate\'s validity dates are known only once it is issued (a live scan reads them)');
    if (raw === undefined) return notApplicable(`the certificate is ${status ?? 'not issued'} and has no validity period`);
    const notAfter = dateOf(raw);
    if (isUnknown(notAfter)) return unknown(notAfter, 'NotAfter');
    if (notAfter === null || notAfter === undefined) return unknown('NotAfter is not a date', 'NotAfter');
    const left = daysBetween(context.now, notAfter);
    if (notAfter.getTime() <= context.now.getTime()) return fail(`the certificate expired on ${day(notAfter)}`, 'NotAfter');
    if (left <= WARNING_DAYS) return fail(`the certificate expires on ${day(notAfter)}, in ${left} days`, 'NotAfter');
    return pass(`the certificate is valid until ${day(notAfter)} (${left} days)`, 'NotAfter');
  },
});
