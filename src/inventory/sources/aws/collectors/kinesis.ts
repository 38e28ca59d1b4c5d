import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const STREAM = 'AWS::Kinesis::Stream';

export default defineCollector({
  service: 'kinesis',
  global: false,
  resourceTypes: [STREAM],
  calls: ['kinesis:ListStreams', 'kinesis:DescribeStreamSummary'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-kinesis');
    const kinesis = ctx.client(sdk.KinesisClient);
    await listing(ctx, [STREAM], async () => {
      const names: string[] = [];
      // ExclusiveStartStreamName pages the same on every endpoint; the newer NextToken is not always returned.
      for await (const page of ctx.pages(kinesis, 'kinesis:ListStreams', (ExclusiveStartStreamName) => new sdk.ListStreamsCommand({ ExclusiveStartStreamName, Limit: 100 }), (page) => (page.HasMoreStreams === true ? page.StreamNames?.at(-1) : undefined))) names.push(...(page.StreamNames ?? []));
      await ctx.each(names, async (StreamName) => {
        const arn = ctx.arn('kinesis', `stream/${StreamName}`);
        const summary = await ctx.detail(kinesis, 'kinesis:DescribeStreamSummary', new sdk.DescribeStreamSummaryCommand({ StreamName }), arn, ['ResourceNotFoundException']);
        if (summary === ABSENT) return;
        ctx.emit({
          type: STREAM,
          id: arn,
          arn,
          name: StreamName,
          properties: props({
            Name: StreamName,
            RetentionPeriodHours: fromDetail(summary, (output) => output.StreamDescriptionSummary?.RetentionPeriodHours),
            StreamEncryption: fromDetail(summary, (output) => {
              const description = output.StreamDescriptionSummary;
              return description?.EncryptionType === 'KMS' ? { EncryptionType: 'KMS', KeyId: description.KeyId } : undefined;
            }),
          }),
        });
      });
    });
  },
});
