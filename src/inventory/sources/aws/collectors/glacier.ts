import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const VAULT = 'AWS::Glacier::Vault';

/** S3 Glacier: vaults with their access policy. */
export default defineCollector({
  service: 'glacier',
  global: false,
  resourceTypes: [VAULT],
  calls: ['glacier:ListVaults', 'glacier:GetVaultAccessPolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-glacier');
    const glacier = ctx.client(sdk.GlacierClient);
    await listing(ctx, [VAULT], async () => {
      const vaults = [];
      // "-" is the API's name for the account whose credentials sign the request.
      for await (const page of ctx.pages(glacier, 'glacier:ListVaults', (marker) => new sdk.ListVaultsCommand({ accountId: '-', marker }), (page) => page.Marker)) vaults.push(...(page.VaultList ?? []));
      await ctx.each(vaults, async (vault) => {
        const name = vault.VaultName;
        if (!name) return;
        const arn = vault.VaultARN ?? ctx.arn('glacier', `vaults/${name}`);
        // A vault without an access policy answers ResourceNotFoundException.
        const policy = await ctx.detail(glacier, 'glacier:GetVaultAccessPolicy', new sdk.GetVaultAccessPolicyCommand({ accountId: '-', vaultName: name }), arn, ['ResourceNotFoundException']);
        ctx.emit({
          type: VAULT,
          id: arn,
          arn,
          name,
          properties: props({
            VaultName: name,
            AccessPolicy: fromDetail(policy, (output) => policyDocument(output.policy?.Policy)),
          }),
        });
      });
    });
  },
});
