import { defineCollector, listing } from '../collector.js';
import { fromDetail, policyDocument, props } from '../props.js';

const VAULT = 'AWS::Backup::BackupVault';

/** AWS Backup: backup vaults with their encryption key and access policy. */
export default defineCollector({
  service: 'backup-vaults',
  global: false,
  resourceTypes: [VAULT],
  calls: ['backup:ListBackupVaults', 'backup:GetBackupVaultAccessPolicy'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-backup');
    const backup = ctx.client(sdk.BackupClient);
    await listing(ctx, [VAULT], async () => {
      const vaults = [];
      for await (const page of ctx.pages(backup, 'backup:ListBackupVaults', (NextToken) => new sdk.ListBackupVaultsCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) vaults.push(...(page.BackupVaultList ?? []));
      await ctx.each(vaults, async (vault) => {
        const name = vault.BackupVaultName;
        if (!name) return;
        const arn = vault.BackupVaultArn ?? ctx.arn('backup', `backup-vault:${name}`);
        // A vault without an access policy answers ResourceNotFoundException.
        const policy = await ctx.detail(backup, 'backup:GetBackupVaultAccessPolicy', new sdk.GetBackupVaultAccessPolicyCommand({ BackupVaultName: name }), arn, ['ResourceNotFoundException']);
        ctx.emit({
          type: VAULT,
          id: arn,
          arn,
          name,
          properties: props({
            BackupVaultName: name,
            EncryptionKeyArn: vault.EncryptionKeyArn,
            EncryptionKeyType: vault.EncryptionKeyType,
            VaultType: vault.VaultType,
            AccessPolicy: fromDetail(policy, (output) => policyDocument(output.Policy)),
          }),
        });
      });
    });
  },
});
