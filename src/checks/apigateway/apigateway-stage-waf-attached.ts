// Compliant: the REST API stage is associated with an AWS WAF web ACL (an AWS::WAFv2::WebACLAssociation whose ResourceArn is the stage's ARN).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { isReference, isUnknown, Unknown, type PropValue } from '../../inventory/values.js';
import type { InventoryView } from '../../inventory/view.js';
import { pointsAt } from '../lib/network.js';

/** The REST API and stage an ARN text names: `arn:...:apigateway:<region>::/restapis/<api>/stages/<stage>`. */
function stageArnParts(text: string): { api: string; stage: string } | undefined {
  const match = /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(text);
  return match && match[1] !== undefined && match[2] !== undefined ? { api: match[1], stage: match[2] } : undefined;
}

/** Whether an association's ResourceArn is this stage's ARN, given either literally or built in the template. */
function namesStage(value: PropValue | undefined, stage: Resource, inventory: InventoryView): boolean | Unknown {
  const direct = pointsAt(value, stage, inventory);
  if (direct === true) return true;
  const text = typeof value === 'string' ? value : isUnknown(value) ? value.template : undefined;
  const parts = text === undefined ? undefined : stageArnParts(text);
  if (!parts) return direct;
  if (parts.stage !== `\${${stage.id}}`) {
    const stageName = str(stage.properties['StageName']);
    if (isUnknown(stageName)) return new Unknown(`the stage's name cannot be resolved (${stageName.reason})`);
    if (parts.stage !== stageName) return false;
  }
  const api = stage.properties['RestApiId'];
  if (isReference(api)) return parts.api === `\${${api.target}}` || parts.api === `\${${api.target}.RestApiId}`;
  if (typeof api === 'string') return parts.api === api;
  // The association names a stage of this name, but of which REST API cannot be told.
  if (isUnknown(api)) return new Unknown(`the stage's RestApiId cannot be resolved (${api.reason})`);
  return false;
}

export default defineCheck({
  id: 'apigateway-stage-waf-attached',
  title: 'API Gateway REST stage has a WAF web ACL',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  reads: ['AWS::WAFv2::WebACLAssociation'],
  layer: 'traffic-protection',
  control: 'network-security',
  duty: 'ensure-network-security',
  severity: 'medium',
  rationale:
    'A web ACL on a REST API stage blocks injection payloads, known bad inputs and request floods before they reach the integration (and before they are billed). AWS shields the endpoint at the network layer; filtering application requests is the customer\'s to configure. HTTP APIs (ApiGatewayV2) cannot take a web ACL and are not judged here.',
  remediation: {
    console: 'WAF console > Web ACLs (same Region, scope Regional) > the web ACL > Associated AWS resources > Add > API Gateway REST API stage.',
    cloudformation: 'AWS::WAFv2::WebACLAssociation { ResourceArn: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}", WebACLArn: !GetAtt <WebACL>.Arn }',
    terraform: 'aws_wafv2_web_acl_association { resource_arn = aws_api_gateway_stage.<name>.arn, web_acl_arn = aws_wafv2_web_acl.<name>.arn }',
  },
  evaluate(stage, context) {
    let unresolved: string | undefined;
    for (const association of context.inventory.ofType('AWS::WAFv2::WebACLAssociation')) {
      const match = namesStage(association.properties['ResourceArn'], stage, context.inventory);
      if (match === true) return pass(`web ACL association ${association.id} protects the stage`);
      if (isUnknown(match)) unresolved ??= association.id;
    }
    if (unresolved) return unknown(`web ACL association ${unresolved} points at a resource that cannot be resolved; it may be this stage`);
    return fail('no AWS WAF web ACL is associated with this stage');
  },
});
