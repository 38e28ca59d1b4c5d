import { defineCollector, listing } from '../collector.js';
import { props, tagsList } from '../props.js';

const STACK = 'AWS::CloudFormation::Stack';

/** CloudFormation stacks, each with the SNS topics its events go to. */
export default defineCollector({
  service: 'cloudformation',
  global: false,
  resourceTypes: [STACK],
  calls: ['cloudformation:DescribeStacks'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cloudformation');
    const cloudformation = ctx.client(sdk.CloudFormationClient);
    await listing(ctx, [STACK], async () => {
      for await (const page of ctx.pages(cloudformation, 'cloudformation:DescribeStacks', (NextToken) => new sdk.DescribeStacksCommand({ NextToken }), (page) => page.NextToken)) {
        for (const stack of page.Stacks ?? []) {
          // A deleted stack is history, not a resource of the account.
          if (!stack.StackId || stack.StackStatus === 'DELETE_COMPLETE') continue;
          ctx.emit({
            type: STACK,
            id: stack.StackId,
            arn: stack.StackId,
            name: stack.StackName ?? stack.StackId,
            properties: props({
              StackName: stack.StackName,
              // The API leaves the list out when the stack names no topic: the same as an empty list.
              NotificationARNs: stack.NotificationARNs ?? [],
              TimeoutInMinutes: stack.TimeoutInMinutes,
              ParentId: stack.ParentId,
              Tags: tagsList(stack.Tags),
            }),
          });
        }
      }
    });
  },
});
