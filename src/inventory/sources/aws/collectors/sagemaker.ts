import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const NOTEBOOK = 'AWS::SageMaker::NotebookInstance';
const ENDPOINT_CONFIG = 'AWS::SageMaker::EndpointConfig';

/** SageMaker AI: notebook instances and endpoint configurations, each read in full. */
export default defineCollector({
  service: 'sagemaker',
  global: false,
  resourceTypes: [NOTEBOOK, ENDPOINT_CONFIG],
  calls: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstance', 'sagemaker:ListEndpointConfigs', 'sagemaker:DescribeEndpointConfig'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sagemaker');
    const sagemaker = ctx.client(sdk.SageMakerClient);
    await listing(ctx, [NOTEBOOK], async () => {
      const notebooks = [];
      for await (const page of ctx.pages(sagemaker, 'sagemaker:ListNotebookInstances', (NextToken) => new sdk.ListNotebookInstancesCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) notebooks.push(...(page.NotebookInstances ?? []));
      await ctx.each(notebooks, async (listed) => {
        const name = listed.NotebookInstanceName;
        if (!name) return;
        const arn = listed.NotebookInstanceArn ?? ctx.arn('sagemaker', `notebook-instance/${name.toLowerCase()}`);
        const detail = await ctx.detail(sagemaker, 'sagemaker:DescribeNotebookInstance', new sdk.DescribeNotebookInstanceCommand({ NotebookInstanceName: name }), arn);
        // SageMaker answers a vanished notebook with a ValidationException, as it does a malformed call: both stay unknown.
        if (detail === ABSENT) return;
        const failed = detail instanceof Unknown ? detail : undefined;
        const notebook = detail instanceof Unknown ? undefined : detail;
        ctx.emit({
          type: NOTEBOOK,
          id: arn,
          arn,
          name,
          properties: props({
            NotebookInstanceName: name,
            InstanceType: listed.InstanceType,
            RoleArn: failed ?? notebook?.RoleArn,
            // The API names both settings on every instance; a missing one is an old instance, created before they existed, with their defaults.
            DirectInternetAccess: failed ?? notebook?.DirectInternetAccess,
            RootAccess: failed ?? notebook?.RootAccess,
            KmsKeyId: failed ?? notebook?.KmsKeyId,
            SubnetId: failed ?? notebook?.SubnetId,
            SecurityGroupIds: failed ?? notebook?.SecurityGroups,
            PlatformIdentifier: failed ?? notebook?.PlatformIdentifier,
          }),
        });
      });
    });
    await listing(ctx, [ENDPOINT_CONFIG], async () => {
      const configs = [];
      for await (const page of ctx.pages(sagemaker, 'sagemaker:ListEndpointConfigs', (NextToken) => new sdk.ListEndpointConfigsCommand({ NextToken, MaxResults: 100 }), (page) => page.NextToken)) configs.push(...(page.EndpointConfigs ?? []));
      await ctx.each(configs, async (listed) => {
        const name = listed.EndpointConfigName;
        if (!name) return;
        const arn = listed.EndpointConfigArn ?? ctx.arn('sagemaker', `endpoint-config/${name.toLowerCase()}`);
        const detail = await ctx.detail(sagemaker, 'sagemaker:DescribeEndpointConfig', new sdk.DescribeEndpointConfigCommand({ EndpointConfigName: name }), arn);
        if (detail === ABSENT) return;
        const failed = detail instanceof Unknown ? detail : undefined;
        const config = detail instanceof Unknown ? undefined : detail;
        ctx.emit({
          type: ENDPOINT_CONFIG,
          id: arn,
          arn,
          name,
          properties: props({
            EndpointConfigName: name,
            KmsKeyId: failed ?? config?.KmsKeyId,
            ProductionVariants: failed ?? config?.ProductionVariants?.map((variant) => ({ VariantName: variant.VariantName, ModelName: variant.ModelName, InstanceType: variant.InstanceType, InitialInstanceCount: variant.InitialInstanceCount })),
          }),
        });
      });
    });
  },
});
