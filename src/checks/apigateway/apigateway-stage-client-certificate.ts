// Compliant: the REST API stage presents an API Gateway client certificate (ClientCertificateId) to its HTTP backends.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import { isReference, isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'apigateway-stage-client-certificate',
  title: 'API Gateway REST stage presents a client certificate to its backend',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'low',
  rationale:
    'A backend reached by HTTP integrations is usually a public endpoint: without a client certificate it cannot tell calls relayed by API Gateway (after its authorizers, throttling and WAF) from anyone calling it directly. With one, API Gateway authenticates itself over TLS and the backend can refuse everything else. API Gateway generates and presents the certificate; setting it on the stage and verifying it in the backend is the customer\'s. Like Security Hub APIGateway.2, demarc asks it of every REST stage, also those whose integrations are Lambda functions, which do not need it.',
  remediation: {
    console: 'API Gateway console > Client certificates > Generate; then the REST API > Stages > the stage > Stage details > Edit > Client certificate: choose it, and have the backend verify it.',
    cloudformation: 'AWS::ApiGateway::ClientCertificate, and AWS::ApiGateway::Stage.ClientCertificateId: !Ref ClientCertificate',
    terraform: 'aws_api_gateway_client_certificate, and aws_api_gateway_stage.client_certificate_id = aws_api_gateway_client_certificate.<name>.id',
  },
  evaluate(stage) {
    const raw = stage.properties['ClientCertificateId'];
    if (isReference(raw)) return pass(`the stage presents client certificate ${raw.target} to its backend`, 'ClientCertificateId');
    const certificate = str(raw);
    if (isUnknown(certificate)) return certificate.template !== undefined ? pass('the stage presents a client certificate set at deploy time', 'ClientCertificateId') : unknown(certificate, 'ClientCertificateId');
    if (typeof certificate === 'string' && certificate !== '') return pass(`the stage presents client certificate ${certificate} to its backend`, 'ClientCertificateId');
    return fail('the stage presents no client certificate: its backend cannot tell API Gateway from any other caller', 'ClientCertificateId');
  },
});
