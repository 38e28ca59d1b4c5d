import { defineCollector, listing } from '../collector.js';
import { fromDetail, props } from '../props.js';

const SELECTION = 'AWS::Backup::BackupSelection';

/** AWS Backup: the selections of each backup plan, that is which resources the plan backs up. */
export default defineCollector({
  service: 'backup',
  global: false,
  resourceTypes: [SELECTION],
  calls: ['backup:ListBackupPlans', 'backup:ListBackupSelections', 'backup:GetBackupSelection'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-backup');
    const backup = ctx.client(sdk.BackupClient);
    await listing(ctx, [SELECTION], async () => {
      const plans = [];
      for await (const page of ctx.pages(backup, 'backup:ListBackupPlans', (NextToken) => new sdk.ListBackupPlansCommand({ NextToken, MaxResults: 1000 }), (page) => page.NextToken)) plans.push(...(page.BackupPlansList ?? []));
      await ctx.each(plans, async (plan) => {
        const planId = plan.BackupPlanId;
        if (!planId) return;
        const planArn = plan.BackupPlanArn ?? ctx.arn('backup', `backup-plan:${planId}`);
        const selections = [];
        for await (const page of ctx.pages(backup, 'backup:ListBackupSelections', (NextToken) => new sdk.ListBackupSelectionsCommand({ BackupPlanId: planId, NextToken, MaxResults: 1000 }), (page) => page.NextToken)) selections.push(...(page.BackupSelectionsList ?? []));
        await ctx.each(selections, async (listed) => {
          const selectionId = listed.SelectionId;
          if (!selectionId) return;
          // A selection has no ARN of its own: its plan's ARN and its id make a stable one.
          const id = `${planArn}/selection/${selectionId}`;
          const detail = await ctx.detail(backup, 'backup:GetBackupSelection', new sdk.GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: selectionId }), id, ['ResourceNotFoundException']);
          const selection = fromDetail(detail, (output) => {
            const chosen = output.BackupSelection;
            return {
              SelectionName: chosen?.SelectionName ?? listed.SelectionName,
              IamRoleArn: chosen?.IamRoleArn ?? listed.IamRoleArn,
              Resources: chosen?.Resources,
              NotResources: chosen?.NotResources,
              ListOfTags: chosen?.ListOfTags?.map((tag) => ({ ConditionType: tag.ConditionType, ConditionKey: tag.ConditionKey, ConditionValue: tag.ConditionValue })),
              Conditions: chosen?.Conditions,
            };
          });
          // Deleted between the listing and the read: nothing to report.
          if (selection === undefined) return;
          ctx.emit({ type: SELECTION, id, name: listed.SelectionName ?? selectionId, properties: props({ BackupPlanId: planId, BackupSelection: selection }) });
        });
      });
    });
  },
});
