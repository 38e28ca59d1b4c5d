import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CONFIGURATION_SET = 'AWS::SES::ConfigurationSet';
const IDENTITY = 'AWS::SES::EmailIdentity';

/** Amazon SES (API v2): configuration sets with their delivery and reputation options, identities with their DKIM state. */
export default defineCollector({
  service: 'ses',
  global: false,
  resourceTypes: [CONFIGURATION_SET, IDENTITY],
  calls: ['ses:ListConfigurationSets', 'ses:GetConfigurationSet', 'ses:ListEmailIdentities', 'ses:GetEmailIdentity'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-sesv2');
    const ses = ctx.client(sdk.SESv2Client);
    await listing(ctx, [CONFIGURATION_SET], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(ses, 'ses:ListConfigurationSets', (NextToken) => new sdk.ListConfigurationSetsCommand({ NextToken }), (page) => page.NextToken)) names.push(...(page.ConfigurationSets ?? []));
      await ctx.each(names, async (name) => {
        const arn = ctx.arn('ses', `configuration-set/${name}`);
        const detail = await ctx.detail(ses, 'ses:GetConfigurationSet', new sdk.GetConfigurationSetCommand({ ConfigurationSetName: name }), arn);
        const unread = detail instanceof Unknown ? detail : undefined;
        const set = detail instanceof Unknown || detail === ABSENT ? undefined : detail;
        ctx.emit({
          type: CONFIGURATION_SET,
          id: arn,
          arn,
          name,
          properties: props({
            Name: name,
            DeliveryOptions: unread ?? (set?.DeliveryOptions ? { TlsPolicy: set.DeliveryOptions.TlsPolicy, SendingPoolName: set.DeliveryOptions.SendingPoolName } : undefined),
            ReputationOptions: unread ?? (set?.ReputationOptions ? { ReputationMetricsEnabled: set.ReputationOptions.ReputationMetricsEnabled } : undefined),
          }),
        });
      });
    });
    await listing(ctx, [IDENTITY], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(ses, 'ses:ListEmailIdentities', (NextToken) => new sdk.ListEmailIdentitiesCommand({ NextToken, PageSize: 1000 }), (page) => page.NextToken)) {
        for (const identity of page.EmailIdentities ?? []) if (identity.IdentityName) names.push(identity.IdentityName);
      }
      await ctx.each(names, async (name) => {
        const arn = ctx.arn('ses', `identity/${name}`);
        const detail = await ctx.detail(ses, 'ses:GetEmailIdentity', new sdk.GetEmailIdentityCommand({ EmailIdentity: name }), arn);
        const dkim = detail instanceof Unknown || detail === ABSENT ? undefined : detail.DkimAttributes;
        ctx.emit({
          type: IDENTITY,
          id: arn,
          arn,
          name,
          properties: props({
            EmailIdentity: name,
            DkimAttributes: detail instanceof Unknown ? detail : dkim === undefined ? new Unknown('the identity reported no DKIM attributes (ses:GetEmailIdentity)') : { SigningEnabled: dkim.SigningEnabled, Status: dkim.Status, SigningAttributesOrigin: dkim.SigningAttributesOrigin },
            ConfigurationSetAttributes: detail instanceof Unknown || detail === ABSENT || detail.ConfigurationSetName === undefined ? undefined : { ConfigurationSetName: detail.ConfigurationSetName },
          }),
        });
      });
    });
  },
});
