// Compliant: every HTTPS or SSL listener of the Classic Load Balancer presents a certificate from AWS Certificate Manager, not one uploaded to IAM.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import { notAcceptedByAws } from '../lib/aws-accepts.js';

const ACM_CERTIFICATE = 'AWS::CertificateManager::Certificate';
const IAM_CERTIFICATE = 'AWS::IAM::ServerCertificate';

/** The service that issued an ARN: `acm` or `iam` (arn:partition:service:...). */
const arnService = (arn: string): string | undefined => (arn.startsWith('arn:') ? arn.split(':')[2] : undefined);

export default defineCheck({
  id: 'elb-classic-acm-certificate',
  title: 'Classic Load Balancer uses certificates from AWS Certificate Manager',
  service: 'elb',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  reads: [ACM_CERTIFICATE, IAM_CERTIFICATE],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'A certificate from AWS Certificate Manager is renewed and deployed by AWS, and its private key never leaves AWS. A certificate uploaded to IAM is the customer\'s to renew and re-upload before it expires, and its private key passed through the customer\'s hands; an expired one breaks TLS for every client. Which certificate a listener presents is the customer\'s choice.',
  remediation: {
    console: 'Request or import the certificate in ACM; EC2 console > Load balancers > the Classic Load Balancer > Listeners > Edit > the HTTPS/SSL listener > SSL certificate: choose it from ACM.',
    cloudformation: 'AWS::ElasticLoadBalancing::LoadBalancer.Listeners[].SSLCertificateId: !Ref <AWS::CertificateManager::Certificate>',
    terraform: 'aws_elb listener { ssl_certificate_id = aws_acm_certificate.<name>.arn }',
  },
  evaluate(balancer, context) {
    const listeners = list(balancer.properties['Listeners']);
    if (isUnknown(listeners)) return unknown(listeners, 'Listeners');
    const findings: Evaluation[] = [];
    (listeners ?? []).forEach((listener, index) => {
      const protocol = str(at(listener, 'Protocol'));
      if (isUnknown(protocol)) {
        findings.push(unknown(protocol, `Listeners.${index}.Protocol`));
        return;
      }
      const upper = protocol?.toUpperCase();
      if (upper !== 'HTTPS' && upper !== 'SSL') return;
      const path = `Listeners.${index}.SSLCertificateId`;
      const port = str(at(listener, 'LoadBalancerPort'));
      const label = `the ${upper} listener ${typeof port === 'string' ? `on port ${port}` : `#${index}`}`;
      const value = at(listener, 'SSLCertificateId');
      const target = context.inventory.resolve(value, [ACM_CERTIFICATE, IAM_CERTIFICATE]);
      if (target?.type === ACM_CERTIFICATE) {
        findings.push(pass(`${label} uses ACM certificate ${target.id}`, path));
        return;
      }
      if (target?.type === IAM_CERTIFICATE) {
        findings.push(fail(`${label} uses IAM server certificate ${target.id}`, path));
        return;
      }
      const arn = str(value);
      if (isUnknown(arn)) findings.push(unknown(arn, path));
      else if (arn === undefined || arn === '') findings.push(notAcceptedByAws(`${label} names no certificate, which AWS requires`, path));
      else if (arnService(arn) === 'acm') findings.push(pass(`${label} uses an ACM certificate`, path));
      else if (arnService(arn) === 'iam') findings.push(fail(`${label} uses an IAM server certificate (${arn})`, path));
      else findings.push(unknown(`${label} names ${arn}, which is not a certificate ARN`, path));
    });
    if (findings.length === 0) return notApplicable('the load balancer has no HTTPS or SSL listener, so it presents no certificate');
    return findings;
  },
});
