import { defineCollector, listing } from '../collector.js';
import { chunks, policyDocument, props } from '../props.js';

const DOMAIN = 'AWS::OpenSearchService::Domain';

export default defineCollector({
  service: 'opensearch',
  global: false,
  resourceTypes: [DOMAIN],
  calls: ['es:ListDomainNames', 'es:DescribeDomains'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-opensearch');
    const opensearch = ctx.client(sdk.OpenSearchClient);
    await listing(ctx, [DOMAIN], async () => {
      const { DomainNames } = await ctx.call(opensearch, 'es:ListDomainNames', new sdk.ListDomainNamesCommand({}));
      const names = (DomainNames ?? []).flatMap((domain) => (domain.DomainName ? [domain.DomainName] : []));
      // DescribeDomains takes at most five names at a time.
      await ctx.each(chunks(names, 5), async (batch) => {
        const { DomainStatusList } = await ctx.call(opensearch, 'es:DescribeDomains', new sdk.DescribeDomainsCommand({ DomainNames: batch }));
        for (const domain of DomainStatusList ?? []) {
          const arn = domain.ARN ?? ctx.arn('es', `domain/${domain.DomainName ?? ''}`);
          ctx.emit({
            type: DOMAIN,
            id: arn,
            arn,
            name: domain.DomainName,
            properties: props({
              DomainName: domain.DomainName,
              EngineVersion: domain.EngineVersion,
              EncryptionAtRestOptions: { Enabled: domain.EncryptionAtRestOptions?.Enabled === true, KmsKeyId: domain.EncryptionAtRestOptions?.KmsKeyId },
              NodeToNodeEncryptionOptions: { Enabled: domain.NodeToNodeEncryptionOptions?.Enabled === true },
              DomainEndpointOptions: { EnforceHTTPS: domain.DomainEndpointOptions?.EnforceHTTPS === true, TLSSecurityPolicy: domain.DomainEndpointOptions?.TLSSecurityPolicy },
              AccessPolicies: policyDocument(domain.AccessPolicies),
              VPCOptions: domain.VPCOptions?.VPCId ? { SubnetIds: domain.VPCOptions.SubnetIds, SecurityGroupIds: domain.VPCOptions.SecurityGroupIds } : undefined,
              AdvancedSecurityOptions: domain.AdvancedSecurityOptions ? { Enabled: domain.AdvancedSecurityOptions.Enabled, InternalUserDatabaseEnabled: domain.AdvancedSecurityOptions.InternalUserDatabaseEnabled } : undefined,
              ClusterConfig: domain.ClusterConfig ? { InstanceCount: domain.ClusterConfig.InstanceCount, ZoneAwarenessEnabled: domain.ClusterConfig.ZoneAwarenessEnabled, DedicatedMasterEnabled: domain.ClusterConfig.DedicatedMasterEnabled, DedicatedMasterCount: domain.ClusterConfig.DedicatedMasterCount } : undefined,
              LogPublishingOptions: domain.LogPublishingOptions
                ? Object.fromEntries(Object.entries(domain.LogPublishingOptions).map(([kind, option]) => [kind, { Enabled: option.Enabled, CloudWatchLogsLogGroupArn: option.CloudWatchLogsLogGroupArn }]))
                : undefined,
            }),
          });
        }
      });
    });
  },
});
