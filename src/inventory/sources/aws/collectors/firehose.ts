import type { DeliveryStreamEncryptionConfiguration } from '@aws-sdk/client-firehose';
import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const DELIVERY_STREAM = 'AWS::KinesisFirehose::DeliveryStream';

/** CloudFormation's DeliveryStreamEncryptionConfigurationInput for the encryption a stream has now, if any. */
function encryptionInput(configuration: DeliveryStreamEncryptionConfiguration | undefined): unknown {
  const status = configuration?.Status;
  // DISABLING_FAILED leaves the stream encrypted; ENABLING is not encryption yet, nor its absence.
  if (status === 'ENABLED' || status === 'DISABLING_FAILED') return { KeyType: configuration?.KeyType, KeyARN: configuration?.KeyARN };
  if (status === 'ENABLING') return new Unknown('server-side encryption of the delivery stream is being enabled');
  return undefined;
}

export default defineCollector({
  service: 'firehose',
  global: false,
  resourceTypes: [DELIVERY_STREAM],
  calls: ['firehose:ListDeliveryStreams', 'firehose:DescribeDeliveryStream'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-firehose');
    const firehose = ctx.client(sdk.FirehoseClient);
    await listing(ctx, [DELIVERY_STREAM], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(firehose, 'firehose:ListDeliveryStreams', (ExclusiveStartDeliveryStreamName) => new sdk.ListDeliveryStreamsCommand({ ExclusiveStartDeliveryStreamName, Limit: 100 }), (page) => (page.HasMoreDeliveryStreams === true ? page.DeliveryStreamNames?.at(-1) : undefined))) names.push(...(page.DeliveryStreamNames ?? []));
      await ctx.each(names, async (DeliveryStreamName) => {
        const arn = ctx.arn('firehose', `deliverystream/${DeliveryStreamName}`);
        const described = await ctx.detail(firehose, 'firehose:DescribeDeliveryStream', new sdk.DescribeDeliveryStreamCommand({ DeliveryStreamName }), arn, ['ResourceNotFoundException']);
        if (described === ABSENT) return;
        ctx.emit({
          type: DELIVERY_STREAM,
          id: arn,
          arn,
          name: DeliveryStreamName,
          properties: props({
            DeliveryStreamName,
            DeliveryStreamType: fromDetail(described, (output) => output.DeliveryStreamDescription?.DeliveryStreamType),
            DeliveryStreamEncryptionConfigurationInput: fromDetail(described, (output) => encryptionInput(output.DeliveryStreamDescription?.DeliveryStreamEncryptionConfiguration)),
          }),
        });
      });
    });
  },
});
