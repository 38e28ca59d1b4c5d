import { defineCollector, listing } from '../collector.js';
import { chunks, props } from '../props.js';

const PROJECT = 'AWS::CodeBuild::Project';

/** AWS CodeBuild: projects, read 100 at a time. Environment variable values are redacted by the inventory. */
export default defineCollector({
  service: 'codebuild',
  global: false,
  resourceTypes: [PROJECT],
  calls: ['codebuild:ListProjects', 'codebuild:BatchGetProjects'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-codebuild');
    const codebuild = ctx.client(sdk.CodeBuildClient);
    await listing(ctx, [PROJECT], async () => {
      const names: string[] = [];
      for await (const page of ctx.pages(codebuild, 'codebuild:ListProjects', (nextToken) => new sdk.ListProjectsCommand({ nextToken }), (page) => page.nextToken)) names.push(...(page.projects ?? []));
      for (const batch of chunks(names, 100)) {
        const answer = await ctx.call(codebuild, 'codebuild:BatchGetProjects', new sdk.BatchGetProjectsCommand({ names: batch }));
        for (const project of answer.projects ?? []) {
          const name = project.name;
          if (!name) continue;
          const arn = project.arn ?? ctx.arn('codebuild', `project/${name}`);
          const artifact = (item: { type?: string; location?: string; encryptionDisabled?: boolean; artifactIdentifier?: string } | undefined) =>
            item === undefined ? undefined : { Type: item.type, Location: item.location, EncryptionDisabled: item.encryptionDisabled, ArtifactIdentifier: item.artifactIdentifier };
          const source = (item: { type?: string; location?: string; sourceIdentifier?: string } | undefined) =>
            item === undefined ? undefined : { Type: item.type, Location: item.location, SourceIdentifier: item.sourceIdentifier };
          ctx.emit({
            type: PROJECT,
            id: arn,
            arn,
            name,
            properties: props({
              Name: name,
              ServiceRole: project.serviceRole,
              EncryptionKey: project.encryptionKey,
              Source: source(project.source),
              SecondarySources: project.secondarySources?.map(source),
              Artifacts: artifact(project.artifacts),
              SecondaryArtifacts: project.secondaryArtifacts?.map(artifact),
              Environment: project.environment && {
                Type: project.environment.type,
                Image: project.environment.image,
                ComputeType: project.environment.computeType,
                PrivilegedMode: project.environment.privilegedMode,
                EnvironmentVariables: project.environment.environmentVariables?.map((variable) => ({ Name: variable.name, Value: variable.value, Type: variable.type })),
              },
              LogsConfig: project.logsConfig && {
                CloudWatchLogs: project.logsConfig.cloudWatchLogs && { Status: project.logsConfig.cloudWatchLogs.status, GroupName: project.logsConfig.cloudWatchLogs.groupName },
                S3Logs: project.logsConfig.s3Logs && { Status: project.logsConfig.s3Logs.status, Location: project.logsConfig.s3Logs.location, EncryptionDisabled: project.logsConfig.s3Logs.encryptionDisabled },
              },
            }),
          });
        }
      }
    });
  },
});
