import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const REPOSITORY = 'AWS::CodeCommit::Repository';

export default defineCollector({
  service: 'codecommit',
  global: false,
  resourceTypes: [REPOSITORY],
  calls: ['codecommit:ListRepositories', 'codecommit:GetRepository'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-codecommit');
    const codecommit = ctx.client(sdk.CodeCommitClient);
    await listing(ctx, [REPOSITORY], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(codecommit, 'codecommit:ListRepositories', (nextToken) => new sdk.ListRepositoriesCommand({ nextToken }), (page) => page.nextToken)) {
        for (const repository of page.repositories ?? []) if (repository.repositoryName) names.push(repository.repositoryName);
      }
      await ctx.each(names, async (name) => {
        const arn = ctx.arn('codecommit', name);
        const got = await ctx.detail(codecommit, 'codecommit:GetRepository', new sdk.GetRepositoryCommand({ repositoryName: name }), arn, ['RepositoryDoesNotExistException']);
        if (got === ABSENT) return;
        ctx.emit({
          type: REPOSITORY,
          id: arn,
          arn,
          name,
          properties: props({
            RepositoryName: name,
            RepositoryDescription: fromDetail(got, (output) => output.repositoryMetadata?.repositoryDescription),
            // Every repository is encrypted, under aws/codecommit unless a customer key was chosen, and the API names
            // that key either way: an answer without it says nothing about the key.
            KmsKeyId: fromDetail(got, (output) => output.repositoryMetadata?.kmsKeyId ?? new Unknown(`GetRepository did not name the KMS key of repository ${name}`)),
          }),
        });
      });
    });
  },
});
