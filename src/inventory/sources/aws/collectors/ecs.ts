import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { chunks, props } from '../props.js';

const CLUSTER = 'AWS::ECS::Cluster';
const SERVICE = 'AWS::ECS::Service';
const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';

/** The task definition settings the collector reads (CloudFormation names): all Unknown when the definition is unread. */
const UNREAD_PROPERTIES = ['NetworkMode', 'RequiresCompatibilities', 'TaskRoleArn', 'ExecutionRoleArn', 'PidMode', 'IpcMode', 'RuntimePlatform', 'ContainerDefinitions'] as const;

/** `arn:...:task-definition/family:7` → family and revision. */
function familyRevision(arn: string): { family: string; revision: number } {
  const tail = arn.split('/').pop() ?? arn;
  const cut = tail.lastIndexOf(':');
  return { family: tail.slice(0, cut), revision: Number(tail.slice(cut + 1)) };
}

export default defineCollector({
  service: 'ecs',
  global: false,
  resourceTypes: [CLUSTER, SERVICE, TASK_DEFINITION],
  calls: ['ecs:ListClusters', 'ecs:DescribeClusters', 'ecs:ListServices', 'ecs:DescribeServices', 'ecs:ListTaskDefinitions', 'ecs:DescribeTaskDefinition'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-ecs');
    const ecs = ctx.client(sdk.ECSClient);
    await listing(ctx, [CLUSTER, SERVICE], async () => {
      const clusterArns: string[] = [];
      for await (const page of ctx.pages(ecs, 'ecs:ListClusters', (nextToken) => new sdk.ListClustersCommand({ nextToken, maxResults: 100 }), (page) => page.nextToken)) clusterArns.push(...(page.clusterArns ?? []));
      await ctx.each(chunks(clusterArns, 100), async (batch) => {
        const { clusters } = await ctx.call(ecs, 'ecs:DescribeClusters', new sdk.DescribeClustersCommand({ clusters: batch, include: ['SETTINGS'] }));
        for (const cluster of clusters ?? []) {
          if (!cluster.clusterArn) continue;
          ctx.emit({
            type: CLUSTER,
            id: cluster.clusterArn,
            arn: cluster.clusterArn,
            name: cluster.clusterName,
            properties: props({ ClusterName: cluster.clusterName, ClusterSettings: (cluster.settings ?? []).map((setting) => ({ Name: setting.name, Value: setting.value })) }),
          });
        }
      });
      if (!ctx.wants(SERVICE)) return;
      await ctx.each(clusterArns, async (cluster) => {
        const serviceArns: string[] = [];
        for await (const page of ctx.pages(ecs, 'ecs:ListServices', (nextToken) => new sdk.ListServicesCommand({ cluster, nextToken, maxResults: 100 }), (page) => page.nextToken)) serviceArns.push(...(page.serviceArns ?? []));
        for (const batch of chunks(serviceArns, 10)) {
          const { services } = await ctx.call(ecs, 'ecs:DescribeServices', new sdk.DescribeServicesCommand({ cluster, services: batch }));
          for (const service of services ?? []) {
            if (!service.serviceArn) continue;
            const network = service.networkConfiguration?.awsvpcConfiguration;
            ctx.emit({
              type: SERVICE,
              id: service.serviceArn,
              arn: service.serviceArn,
              name: service.serviceName,
              properties: props({
                ServiceName: service.serviceName,
                Cluster: cluster,
                LaunchType: service.launchType,
                CapacityProviderStrategy: service.capacityProviderStrategy?.map((item) => ({ CapacityProvider: item.capacityProvider, Weight: item.weight, Base: item.base })),
                PlatformVersion: service.platformVersion,
                TaskDefinition: service.taskDefinition,
                NetworkConfiguration: network ? { AwsvpcConfiguration: { AssignPublicIp: network.assignPublicIp, Subnets: network.subnets, SecurityGroups: network.securityGroups } } : undefined,
              }),
            });
          }
        }
      });
    });
    await listing(ctx, [TASK_DEFINITION], async () => {
      // Only the latest revision of each family is what new tasks run.
      const latest = new Map<string, { arn: string; revision: number }>();
      for await (const page of ctx.pages(ecs, 'ecs:ListTaskDefinitions', (nextToken) => new sdk.ListTaskDefinitionsCommand({ nextToken, status: 'ACTIVE', maxResults: 100 }), (page) => page.nextToken)) {
        for (const arn of page.taskDefinitionArns ?? []) {
          const { family, revision } = familyRevision(arn);
          const known = latest.get(family);
          if (!known || known.revision < revision) latest.set(family, { arn, revision });
        }
      }
      await ctx.each([...latest.values()], async ({ arn }) => {
        const described = await ctx.detail(ecs, 'ecs:DescribeTaskDefinition', new sdk.DescribeTaskDefinitionCommand({ taskDefinition: arn }), arn);
        const family = familyRevision(arn).family;
        if (described === ABSENT) return;
        if (described instanceof Unknown) {
          // Unread: every setting a check may judge is Unknown with the reason; an absent one would read as the default.
          const properties = Object.fromEntries(UNREAD_PROPERTIES.map((name) => [name, described]));
          ctx.emit({ type: TASK_DEFINITION, id: arn, arn, name: arn.split('/').pop(), properties: { Family: family, ...properties } });
          return;
        }
        const task = described.taskDefinition;
        const properties = props({
          Family: task?.family ?? family,
          NetworkMode: task?.networkMode,
          RequiresCompatibilities: task?.requiresCompatibilities,
          TaskRoleArn: task?.taskRoleArn,
          ExecutionRoleArn: task?.executionRoleArn,
          PidMode: task?.pidMode,
          IpcMode: task?.ipcMode,
          RuntimePlatform: task?.runtimePlatform
            ? { CpuArchitecture: task.runtimePlatform.cpuArchitecture, OperatingSystemFamily: task.runtimePlatform.operatingSystemFamily }
            : undefined,
          ContainerDefinitions: (task?.containerDefinitions ?? []).map((container) => ({
            Name: container.name,
            Image: container.image,
            Privileged: container.privileged,
            ReadonlyRootFilesystem: container.readonlyRootFilesystem,
            User: container.user,
            // Values are redacted before the inventory leaves the source (see redact.ts).
            Environment: (container.environment ?? []).map((variable) => ({ Name: variable.name, Value: variable.value })),
            Secrets: (container.secrets ?? []).map((secret) => ({ Name: secret.name, ValueFrom: secret.valueFrom })),
            LogConfiguration: container.logConfiguration ? { LogDriver: container.logConfiguration.logDriver } : undefined,
            PortMappings: (container.portMappings ?? []).map((mapping) => ({ ContainerPort: mapping.containerPort, HostPort: mapping.hostPort, Protocol: mapping.protocol })),
          })),
        });
        ctx.emit({ type: TASK_DEFINITION, id: arn, arn, name: arn.split('/').pop(), properties });
      });
    });
  },
});
