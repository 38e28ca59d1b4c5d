import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, nameFromArn, props } from '../props.js';

const INFRASTRUCTURE = 'AWS::ImageBuilder::InfrastructureConfiguration';

export default defineCollector({
  service: 'imagebuilder',
  global: false,
  resourceTypes: [INFRASTRUCTURE],
  calls: ['imagebuilder:ListInfrastructureConfigurations', 'imagebuilder:GetInfrastructureConfiguration'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-imagebuilder');
    const imagebuilder = ctx.client(sdk.ImagebuilderClient);
    await listing(ctx, [INFRASTRUCTURE], async () => {
      const arns: string[] = [];
      for await (const page of ctx.pages(imagebuilder, 'imagebuilder:ListInfrastructureConfigurations', (nextToken) => new sdk.ListInfrastructureConfigurationsCommand({ nextToken, maxResults: 25 }), (page) => page.nextToken)) {
        for (const summary of page.infrastructureConfigurationSummaryList ?? []) if (summary.arn) arns.push(summary.arn);
      }
      await ctx.each(arns, async (arn) => {
        const got = await ctx.detail(imagebuilder, 'imagebuilder:GetInfrastructureConfiguration', new sdk.GetInfrastructureConfigurationCommand({ infrastructureConfigurationArn: arn }), arn, ['ResourceNotFoundException']);
        if (got === ABSENT) return;
        ctx.emit({
          type: INFRASTRUCTURE,
          id: arn,
          arn,
          name: nameFromArn(arn),
          properties: props({
            Name: fromDetail(got, (output) => output.infrastructureConfiguration?.name),
            InstanceProfileName: fromDetail(got, (output) => output.infrastructureConfiguration?.instanceProfileName),
            SubnetId: fromDetail(got, (output) => output.infrastructureConfiguration?.subnetId),
            SecurityGroupIds: fromDetail(got, (output) => output.infrastructureConfiguration?.securityGroupIds),
            InstanceMetadataOptions: fromDetail(got, (output) => {
              const options = output.infrastructureConfiguration?.instanceMetadataOptions;
              return options && { HttpTokens: options.httpTokens, HttpPutResponseHopLimit: options.httpPutResponseHopLimit };
            }),
          }),
        });
      });
    });
  },
});
