import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const WORKSPACE = 'AWS::WorkSpaces::Workspace';

export default defineCollector({
  service: 'workspaces',
  global: false,
  resourceTypes: [WORKSPACE],
  calls: ['workspaces:DescribeWorkspaces'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-workspaces');
    const workspaces = ctx.client(sdk.WorkSpacesClient);
    await listing(ctx, [WORKSPACE], async () => {
      for await (const page of ctx.pages(workspaces, 'workspaces:DescribeWorkspaces', (NextToken) => new sdk.DescribeWorkspacesCommand({ NextToken }), (page) => page.NextToken)) {
        for (const workspace of page.Workspaces ?? []) {
          const id = workspace.WorkspaceId ?? '';
          const arn = ctx.arn('workspaces', `workspace/${id}`);
          ctx.emit({
            type: WORKSPACE,
            id: arn,
            arn,
            name: id,
            properties: props({
              BundleId: workspace.BundleId,
              DirectoryId: workspace.DirectoryId,
              UserName: workspace.UserName,
              // The API leaves out a volume's flag when it is not encrypted: absent is the unencrypted default.
              RootVolumeEncryptionEnabled: workspace.RootVolumeEncryptionEnabled ?? false,
              UserVolumeEncryptionEnabled: workspace.UserVolumeEncryptionEnabled ?? false,
              VolumeEncryptionKey: workspace.VolumeEncryptionKey,
            }),
          });
        }
      }
    });
  },
});
