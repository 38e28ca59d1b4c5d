import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const ENVIRONMENT = 'AWS::ElasticBeanstalk::Environment';

/** Elastic Beanstalk: live environments with their effective option settings (saved configuration and defaults applied). */
export default defineCollector({
  service: 'elasticbeanstalk',
  global: false,
  resourceTypes: [ENVIRONMENT],
  calls: ['elasticbeanstalk:DescribeEnvironments', 'elasticbeanstalk:DescribeConfigurationSettings'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-elastic-beanstalk');
    const beanstalk = ctx.client(sdk.ElasticBeanstalkClient);
    await listing(ctx, [ENVIRONMENT], async () => {
      const environments = [];
      for await (const page of ctx.pages(beanstalk, 'elasticbeanstalk:DescribeEnvironments', (NextToken) => new sdk.DescribeEnvironmentsCommand({ NextToken, IncludeDeleted: false }), (page) => page.NextToken)) {
        environments.push(...(page.Environments ?? []));
      }
      await ctx.each(environments, async (environment) => {
        const name = environment.EnvironmentName;
        const application = environment.ApplicationName;
        if (!name || !application || environment.Status === 'Terminated') return;
        const arn = environment.EnvironmentArn ?? ctx.arn('elasticbeanstalk', `environment/${application}/${name}`);
        const detail = await ctx.detail(beanstalk, 'elasticbeanstalk:DescribeConfigurationSettings', new sdk.DescribeConfigurationSettingsCommand({ ApplicationName: application, EnvironmentName: name }), arn);
        if (detail === ABSENT) return;
        const settings = detail instanceof Unknown ? detail : detail.ConfigurationSettings?.[0]?.OptionSettings;
        ctx.emit({
          type: ENVIRONMENT,
          id: arn,
          arn,
          name,
          properties: props({
            EnvironmentName: name,
            ApplicationName: application,
            SolutionStackName: environment.SolutionStackName,
            PlatformArn: environment.PlatformArn,
            Tier: environment.Tier?.Name ? { Name: environment.Tier.Name } : undefined,
            OptionSettings:
              settings instanceof Unknown
                ? settings
                : (settings ?? []).map((setting) => ({ Namespace: setting.Namespace, OptionName: setting.OptionName, Value: setting.Value, ResourceName: setting.ResourceName })),
          }),
        });
      });
    });
  },
});
