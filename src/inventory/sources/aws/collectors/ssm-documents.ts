import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const DOCUMENT = 'AWS::SSM::Document';

/** The account's own Systems Manager documents and whom they are shared with (DescribeDocumentPermission, Share). */
export default defineCollector({
  service: 'ssm-documents',
  global: false,
  resourceTypes: [DOCUMENT],
  calls: ['ssm:ListDocuments', 'ssm:DescribeDocumentPermission'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ssm');
    const ssm = ctx.client(sdk.SSMClient);
    await listing(ctx, [DOCUMENT], async () => {
      const documents = [];
      // Only documents of this account: AWS's own and those shared with it are not the customer's to share.
      for await (const page of ctx.pages(ssm, 'ssm:ListDocuments', (NextToken) => new sdk.ListDocumentsCommand({ NextToken, MaxResults: 50, Filters: [{ Key: 'Owner', Values: ['Self'] }] }), (page) => page.NextToken)) documents.push(...(page.DocumentIdentifiers ?? []));
      await ctx.each(documents, async (document) => {
        const name = document.Name ?? '';
        const arn = ctx.arn('ssm', `document/${name}`);
        const answer = await ctx.detail(ssm, 'ssm:DescribeDocumentPermission', new sdk.DescribeDocumentPermissionCommand({ Name: name, PermissionType: 'Share' }), arn, ['InvalidDocument']);
        if (answer === ABSENT) return;
        const accounts = answer instanceof Unknown ? answer : (answer.AccountIds ?? []);
        ctx.emit({
          type: DOCUMENT,
          id: arn,
          arn,
          name,
          properties: props({
            Name: name,
            DocumentType: document.DocumentType,
            DocumentFormat: document.DocumentFormat,
            Permissions: accounts instanceof Unknown ? accounts : accounts.length > 0 ? { Type: 'Share', AccountIds: accounts } : undefined,
          }),
        });
      });
    });
  },
});
