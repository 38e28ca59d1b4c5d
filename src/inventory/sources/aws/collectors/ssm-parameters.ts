import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const PARAMETER = 'AWS::SSM::Parameter';

/** Parameter Store parameters: names, types and keys from DescribeParameters. Values are never read. */
export default defineCollector({
  service: 'ssm-parameters',
  global: false,
  resourceTypes: [PARAMETER],
  calls: ['ssm:DescribeParameters'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ssm');
    const ssm = ctx.client(sdk.SSMClient);
    await listing(ctx, [PARAMETER], async () => {
      for await (const page of ctx.pages(ssm, 'ssm:DescribeParameters', (NextToken) => new sdk.DescribeParametersCommand({ NextToken, MaxResults: 50 }), (page) => page.NextToken)) {
        for (const parameter of page.Parameters ?? []) {
          const name = parameter.Name ?? '';
          // Parameter ARNs hold the name without its leading slash: parameter/app/db, not parameter//app/db.
          const arn = parameter.ARN ?? ctx.arn('ssm', `parameter/${name.replace(/^\//, '')}`);
          ctx.emit({ type: PARAMETER, id: arn, arn, name, properties: props({ Name: name, Type: parameter.Type, Tier: parameter.Tier, KeyId: parameter.KeyId, DataType: parameter.DataType, Description: parameter.Description }) });
        }
      }
    });
  },
});
