// Compliant: no server certificate stored in IAM has expired.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { isUnknown } from '../../inventory/readers.js';
import { dateOf, day, daysBetween } from '../lib/credentials.js';

export default defineCheck({
  id: 'iam-server-certificate-not-expired',
  title: 'Expired server certificates are removed from IAM',
  service: 'iam',
  resourceTypes: ['Demarc::IAM::ServerCertificate'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'configure-iam-credentials',
  severity: 'medium',
  rationale:
    'An expired certificate left in IAM can be attached to a load balancer or CloudFront by mistake, breaking TLS for clients or training them to click through warnings. IAM never deletes certificates by itself; cleaning them up is the customer\'s job.',
  remediation: {
    console: 'Not in the console: aws iam delete-server-certificate --server-certificate-name <name> (move the listener to an ACM certificate first).',
    cloudformation: 'Not expressible in CloudFormation: delete the certificate with the CLI and use AWS::CertificateManager::Certificate instead.',
    terraform: 'Remove the aws_iam_server_certificate, or use aws_acm_certificate instead.',
  },
  evaluate(certificate, context) {
    const expiration = dateOf(certificate.properties['Expiration']);
    if (isUnknown(expiration)) return unknown(expiration, 'Expiration');
    if (!expiration) return unknown('the certificate\'s expiry date was not collected', 'Expiration');
    const age = daysBetween(expiration, context.now);
    if (expiration.getTime() <= context.now.getTime()) return fail(`the certificate expired on ${day(expiration)}, ${age} days ago`, 'Expiration');
    return pass(`the certificate is valid until ${day(expiration)}`, 'Expiration');
  },
});
