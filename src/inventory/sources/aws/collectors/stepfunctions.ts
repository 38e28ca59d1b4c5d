import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';

/** AWS Step Functions: state machines with their logging, tracing and encryption configuration. */
export default defineCollector({
  service: 'stepfunctions',
  global: false,
  resourceTypes: [STATE_MACHINE],
  calls: ['states:ListStateMachines', 'states:DescribeStateMachine'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sfn');
    const sfn = ctx.client(sdk.SFNClient);
    await listing(ctx, [STATE_MACHINE], async () => {
      const machines = [];
      for await (const page of ctx.pages(sfn, 'states:ListStateMachines', (nextToken) => new sdk.ListStateMachinesCommand({ nextToken, maxResults: 1000 }), (page) => page.nextToken)) machines.push(...(page.stateMachines ?? []));
      await ctx.each(machines, async (listed) => {
        const arn = listed.stateMachineArn;
        if (!arn) return;
        const detail = await ctx.detail(sfn, 'states:DescribeStateMachine', new sdk.DescribeStateMachineCommand({ stateMachineArn: arn }), arn, ['StateMachineDoesNotExist']);
        if (detail === ABSENT) return;
        const failed = detail instanceof Unknown ? detail : undefined;
        const machine = detail instanceof Unknown ? undefined : detail;
        const logging = machine?.loggingConfiguration;
        ctx.emit({
          type: STATE_MACHINE,
          id: arn,
          arn,
          name: listed.name ?? arn,
          properties: props({
            StateMachineName: listed.name,
            StateMachineType: listed.type,
            RoleArn: failed ?? machine?.roleArn,
            LoggingConfiguration:
              failed ??
              (logging && {
                Level: logging.level,
                IncludeExecutionData: logging.includeExecutionData,
                Destinations: logging.destinations?.map((destination) => ({ CloudWatchLogsLogGroup: { LogGroupArn: destination.cloudWatchLogsLogGroup?.logGroupArn } })),
              }),
            TracingConfiguration: failed ?? (machine?.tracingConfiguration && { Enabled: machine.tracingConfiguration.enabled }),
          }),
        });
      });
    });
  },
});
