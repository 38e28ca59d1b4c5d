import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const SECURITY_CONFIGURATION = 'AWS::Glue::SecurityConfiguration';
const CATALOG_ENCRYPTION = 'AWS::Glue::DataCatalogEncryptionSettings';

/** AWS Glue: security configurations, and the Data Catalog encryption settings of the region (one per account and region). */
export default defineCollector({
  service: 'glue',
  global: false,
  resourceTypes: [SECURITY_CONFIGURATION, CATALOG_ENCRYPTION],
  calls: ['glue:GetSecurityConfigurations', 'glue:GetDataCatalogEncryptionSettings'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-glue');
    const glue = ctx.client(sdk.GlueClient);
    await listing(ctx, [SECURITY_CONFIGURATION], async () => {
      for await (const page of ctx.pages(glue, 'glue:GetSecurityConfigurations', (NextToken) => new sdk.GetSecurityConfigurationsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) {
        for (const configuration of page.SecurityConfigurations ?? []) {
          const name = configuration.Name;
          if (!name) continue;
          const arn = ctx.arn('glue', `securityConfiguration/${name}`);
          const encryption = configuration.EncryptionConfiguration;
          ctx.emit({
            type: SECURITY_CONFIGURATION,
            id: arn,
            arn,
            name,
            properties: props({
              Name: name,
              // CloudFormation's shape: the API's S3Encryption list is CloudFormation's S3Encryptions.
              EncryptionConfiguration: {
                S3Encryptions: encryption?.S3Encryption?.map((item) => ({ S3EncryptionMode: item.S3EncryptionMode, KmsKeyArn: item.KmsKeyArn })),
                CloudWatchEncryption: encryption?.CloudWatchEncryption,
                JobBookmarksEncryption: encryption?.JobBookmarksEncryption,
              },
            }),
          });
        }
      }
    });
    if (!ctx.wants(CATALOG_ENCRYPTION)) return;
    // Every account has a Data Catalog in every region: its settings are a resource of the region, read or not.
    const id = ctx.arn('glue', 'catalog');
    const answer = await ctx.detail(glue, 'glue:GetDataCatalogEncryptionSettings', new sdk.GetDataCatalogEncryptionSettingsCommand({}), id);
    const failed = answer instanceof Unknown ? answer : undefined;
    const settings = answer instanceof Unknown || answer === ABSENT ? undefined : answer.DataCatalogEncryptionSettings;
    ctx.emit({
      type: CATALOG_ENCRYPTION,
      id,
      arn: id,
      name: `Data Catalog ${ctx.region}`,
      properties: props({
        CatalogId: ctx.account,
        DataCatalogEncryptionSettings: failed ?? {
          EncryptionAtRest: {
            CatalogEncryptionMode: settings?.EncryptionAtRest?.CatalogEncryptionMode ?? 'DISABLED',
            SseAwsKmsKeyId: settings?.EncryptionAtRest?.SseAwsKmsKeyId,
            CatalogEncryptionServiceRole: settings?.EncryptionAtRest?.CatalogEncryptionServiceRole,
          },
          ConnectionPasswordEncryption: {
            ReturnConnectionPasswordEncrypted: settings?.ConnectionPasswordEncryption?.ReturnConnectionPasswordEncrypted ?? false,
            KmsKeyId: settings?.ConnectionPasswordEncryption?.AwsKmsKeyId,
          },
        },
      }),
    });
  },
});
