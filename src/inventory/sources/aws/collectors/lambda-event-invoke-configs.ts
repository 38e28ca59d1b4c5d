import { Unknown } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { AwsCallError } from '../errors.js';
import { props } from '../props.js';

const EVENT_INVOKE_CONFIG = 'AWS::Lambda::EventInvokeConfig';

/** The asynchronous invocation settings of each function (and of its versions and aliases), with their destinations. */
export default defineCollector({
  service: 'lambda-event-invoke-configs',
  global: false,
  resourceTypes: [EVENT_INVOKE_CONFIG],
  calls: ['lambda:ListFunctions', 'lambda:ListFunctionEventInvokeConfigs'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-lambda');
    const lambda = ctx.client(sdk.LambdaClient);
    await listing(ctx, [EVENT_INVOKE_CONFIG], async () => {
      const functions: Array<{ arn: string; name: string }> = [];
      for await (const page of ctx.pages(lambda, 'lambda:ListFunctions', (Marker) => new sdk.ListFunctionsCommand({ Marker, MaxItems: 50 }), (page) => page.NextMarker)) {
        for (const fn of page.Functions ?? []) if (fn.FunctionArn && fn.FunctionName) functions.push({ arn: fn.FunctionArn, name: fn.FunctionName });
      }
      await ctx.each(functions, async (fn) => {
        try {
          for await (const page of ctx.pages(lambda, 'lambda:ListFunctionEventInvokeConfigs', (Marker) => new sdk.ListFunctionEventInvokeConfigsCommand({ FunctionName: fn.arn, Marker }), (page) => page.NextMarker)) {
            for (const config of page.FunctionEventInvokeConfigs ?? []) {
              const qualifiedArn = config.FunctionArn ?? fn.arn;
              // A qualified ARN ends in :<version or alias>; the unqualified one stands for $LATEST.
              const qualifier = qualifiedArn.split(':').length > 7 ? (qualifiedArn.split(':').pop() ?? '$LATEST') : '$LATEST';
              ctx.emit({
                type: EVENT_INVOKE_CONFIG,
                id: `${qualifiedArn}/event-invoke-config`,
                name: `${fn.name}:${qualifier}`,
                properties: props({
                  FunctionName: fn.arn,
                  Qualifier: qualifier,
                  MaximumRetryAttempts: config.MaximumRetryAttempts,
                  MaximumEventAgeInSeconds: config.MaximumEventAgeInSeconds,
                  DestinationConfig: {
                    OnSuccess: config.DestinationConfig?.OnSuccess?.Destination ? { Destination: config.DestinationConfig.OnSuccess.Destination } : undefined,
                    OnFailure: config.DestinationConfig?.OnFailure?.Destination ? { Destination: config.DestinationConfig.OnFailure.Destination } : undefined,
                  },
                }),
              });
            }
          }
        } catch (error) {
          if (!(error instanceof AwsCallError)) throw error;
          // A narrow gap for this function: its settings stand in the inventory with an Unknown destination.
          ctx.gap([], error, error.action, fn.arn);
          const unread = new Unknown(`${error.action}: ${error.message}`);
          ctx.emit({ type: EVENT_INVOKE_CONFIG, id: `${fn.arn}/event-invoke-config/*`, name: `${fn.name} (asynchronous invocation settings not read)`, properties: { FunctionName: fn.arn, DestinationConfig: unread } });
        }
      });
    });
  },
});
