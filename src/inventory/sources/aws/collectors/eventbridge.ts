import { defineCollector, listing } from '../collector.js';
import { policyDocument, props } from '../props.js';

const EVENT_BUS = 'AWS::Events::EventBus';

/** Event buses with their resource policies: ListEventBuses returns each bus's policy document. */
export default defineCollector({
  service: 'eventbridge',
  global: false,
  resourceTypes: [EVENT_BUS],
  calls: ['events:ListEventBuses'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-eventbridge');
    const events = ctx.client(sdk.EventBridgeClient);
    await listing(ctx, [EVENT_BUS], async () => {
      for await (const page of ctx.pages(events, 'events:ListEventBuses', (NextToken) => new sdk.ListEventBusesCommand({ NextToken, Limit: 100 }), (page) => page.NextToken)) {
        for (const bus of page.EventBuses ?? []) {
          const arn = bus.Arn ?? ctx.arn('events', `event-bus/${bus.Name ?? ''}`);
          ctx.emit({ type: EVENT_BUS, id: arn, arn, name: bus.Name, properties: props({ Name: bus.Name, Description: bus.Description, Policy: policyDocument(bus.Policy) }) });
        }
      }
    });
  },
});
