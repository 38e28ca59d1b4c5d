// Compliant: no topic policy attached to the topic allows anyone (Principal "*" without a narrowing condition).
import { defineCheck } from '../define-check.js';
import { attachedPolicyEvaluations } from '../lib/data-stores.js';

export default defineCheck({
  id: 'sns-topic-policy-not-public',
  title: 'SNS topic policy does not grant access to everyone',
  service: 'sns',
  resourceTypes: ['AWS::SNS::Topic'],
  reads: ['AWS::SNS::TopicPolicy'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A topic policy that allows Principal "*" with no condition such as aws:SourceOwner or aws:SourceArn lets anyone publish to the topic or subscribe an endpoint and receive its messages. Who may publish and subscribe is the customer\'s decision.',
  remediation: {
    console: 'SNS console > topic > Edit > Access policy: name specific principals, or add an aws:SourceArn / aws:SourceOwner condition.',
    cloudformation: 'AWS::SNS::TopicPolicy.PolicyDocument: no Allow for Principal "*" without an aws:SourceOwner, aws:SourceArn or aws:PrincipalOrgID condition',
    terraform: 'aws_sns_topic_policy: no Allow for principals "*" without an aws:SourceOwner or aws:SourceArn condition',
  },
  evaluate(topic, context) {
    return attachedPolicyEvaluations(topic, context, {
      type: 'AWS::SNS::TopicPolicy',
      targetProperty: 'Topics',
      documentProperty: 'PolicyDocument',
      noun: 'the topic policy',
      noneMessage: 'no topic policy is attached: the default policy admits only the owning account',
    });
  },
});
