import type { DomainSummary, RepositorySummary } from '@aws-sdk/client-codeartifact';
import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const DOMAIN = 'AWS::CodeArtifact::Domain';
const REPOSITORY = 'AWS::CodeArtifact::Repository';

// A domain or repository without a permissions policy answers ResourceNotFoundException.
const NO_POLICY = ['ResourceNotFoundException'];

/** AWS CodeArtifact: domains with their encryption key and permissions policy, repositories with theirs. */
export default defineCollector({
  service: 'codeartifact',
  global: false,
  resourceTypes: [DOMAIN, REPOSITORY],
  calls: ['codeartifact:ListDomains', 'codeartifact:GetDomainPermissionsPolicy', 'codeartifact:ListRepositories', 'codeartifact:GetRepositoryPermissionsPolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-codeartifact');
    const codeartifact = ctx.client(sdk.CodeartifactClient);
    await listing(ctx, [DOMAIN], async () => {
      const domains: DomainSummary[] = [];
      for await (const page of ctx.pages(codeartifact, 'codeartifact:ListDomains', (nextToken) => new sdk.ListDomainsCommand({ nextToken, maxResults: 1000 }), (page) => page.nextToken)) domains.push(...(page.domains ?? []));
      await ctx.each(domains, async (domain) => {
        const name = domain.name;
        if (!name) return;
        const arn = domain.arn ?? ctx.arn('codeartifact', `domain/${name}`);
        const policy = await ctx.detail(codeartifact, 'codeartifact:GetDomainPermissionsPolicy', new sdk.GetDomainPermissionsPolicyCommand({ domain: name, domainOwner: domain.owner }), arn, NO_POLICY);
        ctx.emit({
          type: DOMAIN,
          id: arn,
          arn,
          name,
          properties: props({
            DomainName: name,
            Owner: domain.owner,
            Status: domain.status,
            EncryptionKey: domain.encryptionKey,
            PermissionsPolicyDocument: fromDetail(policy, (output) => policyDocument(output.policy?.document)),
          }),
        });
      });
    });
    await listing(ctx, [REPOSITORY], async () => {
      const repositories: RepositorySummary[] = [];
      for await (const page of ctx.pages(codeartifact, 'codeartifact:ListRepositories', (nextToken) => new sdk.ListRepositoriesCommand({ nextToken, maxResults: 1000 }), (page) => page.nextToken)) repositories.push(...(page.repositories ?? []));
      await ctx.each(repositories, async (repository) => {
        const name = repository.name;
        const domain = repository.domainName;
        if (!name || !domain) return;
        const arn = repository.arn ?? ctx.arn('codeartifact', `repository/${domain}/${name}`);
        const policy = await ctx.detail(codeartifact, 'codeartifact:GetRepositoryPermissionsPolicy', new sdk.GetRepositoryPermissionsPolicyCommand({ domain, domainOwner: repository.domainOwner, repository: name }), arn, NO_POLICY);
        ctx.emit({
          type: REPOSITORY,
          id: arn,
          arn,
          name,
          properties: props({
            RepositoryName: name,
            DomainName: domain,
            DomainOwner: repository.domainOwner,
            PermissionsPolicyDocument: fromDetail(policy, (output) => policyDocument(output.policy?.document)),
          }),
        });
      });
    });
  },
});
