// Compliant: the vault's access policy has no Allow for everyone (Principal "*" or NotPrincipal) without a condition that fixes the caller.
import { defineCheck, pass } from '../define-check.js';
import { openPolicyProblems } from '../lib/data-stores.js';

export default defineCheck({
  id: 'backup-vault-policy-not-public',
  title: 'AWS Backup vault access policy does not grant access to everyone',
  service: 'backup',
  resourceTypes: ['AWS::Backup::BackupVault'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'high',
  rationale:
    'A vault\'s access policy decides who may copy backups into it, restore from it and delete its recovery points. An Allow for Principal "*" without a condition that fixes the caller (aws:PrincipalOrgID, aws:SourceAccount ...) opens those actions to every AWS account: a public copy or deletion of the backups a recovery depends on. Deny statements, the usual use of vault policies, grant nothing and pass.',
  remediation: {
    console: 'AWS Backup console > Backup vaults > the vault > Access policy > Edit: name the accounts or add an aws:PrincipalOrgID condition.',
    cloudformation: 'AWS::Backup::BackupVault.AccessPolicy: no Allow for Principal "*" without a condition such as aws:PrincipalOrgID',
    terraform: 'aws_backup_vault_policy: no Allow for principals "*" without a narrowing condition',
  },
  evaluate(vault) {
    const document = vault.properties['AccessPolicy'];
    if (document === undefined || document === null) return pass('the vault has no access policy: only principals of its account, through IAM, can use it');
    const problems = openPolicyProblems(document, 'the vault access policy', 'AccessPolicy');
    return problems.length > 0 ? problems : pass('the vault access policy admits no anonymous or public principal', 'AccessPolicy');
  },
});
