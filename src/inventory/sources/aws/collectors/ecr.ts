import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const REPOSITORY = 'AWS::ECR::Repository';

export default defineCollector({
  service: 'ecr',
  global: false,
  resourceTypes: [REPOSITORY],
  calls: ['ecr:DescribeRepositories', 'ecr:GetRepositoryPolicy', 'ecr:GetLifecyclePolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ecr');
    const ecr = ctx.client(sdk.ECRClient);
    await listing(ctx, [REPOSITORY], async () => {
      const repositories = [];
      for await (const page of ctx.pages(ecr, 'ecr:DescribeRepositories', (nextToken) => new sdk.DescribeRepositoriesCommand({ nextToken, maxResults: 1000 }), (page) => page.nextToken)) repositories.push(...(page.repositories ?? []));
      await ctx.each(repositories, async (repository) => {
        const arn = repository.repositoryArn ?? ctx.arn('ecr', `repository/${repository.repositoryName ?? ''}`);
        const [policy, lifecycle] = await Promise.all([
          ctx.detail(ecr, 'ecr:GetRepositoryPolicy', new sdk.GetRepositoryPolicyCommand({ repositoryName: repository.repositoryName }), arn, ['RepositoryPolicyNotFoundException']),
          ctx.detail(ecr, 'ecr:GetLifecyclePolicy', new sdk.GetLifecyclePolicyCommand({ repositoryName: repository.repositoryName }), arn, ['LifecyclePolicyNotFoundException']),
        ]);
        ctx.emit({
          type: REPOSITORY,
          id: arn,
          arn,
          name: repository.repositoryName,
          properties: props({
            RepositoryName: repository.repositoryName,
            ImageTagMutability: repository.imageTagMutability,
            ImageScanningConfiguration: { ScanOnPush: repository.imageScanningConfiguration?.scanOnPush === true },
            EncryptionConfiguration: repository.encryptionConfiguration ? { EncryptionType: repository.encryptionConfiguration.encryptionType, KmsKey: repository.encryptionConfiguration.kmsKey } : undefined,
            RepositoryPolicyText: fromDetail(policy, (output) => policyDocument(output.policyText)),
            LifecyclePolicy: fromDetail(lifecycle, (output) => (output.lifecyclePolicyText ? { LifecyclePolicyText: output.lifecyclePolicyText } : undefined)),
          }),
        });
      });
    });
  },
});
