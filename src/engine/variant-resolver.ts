import type { Resource } from '../inventory/resource.js';
import { isRecord, isReference, isUnknown, type PropValue } from '../inventory/values.js';
import type { InventoryView } from '../inventory/view.js';
import { getVariant, variantForType, variantsOf } from '../model/variant-cells.js';
import type { Service, ServiceVariant } from '../model/types.js';

/** A resource's variant, and why; or why it could not be told, with the variants it could be. */
export type VariantChoice = { variant: ServiceVariant; because: string } | { unknown: string; candidates: ServiceVariant[] };

type Lookup = Pick<InventoryView, 'resolve' | 'ofType' | 'referrers' | 'isAccountScan'>;
type Found = { id: string; because: string } | { unknown: string };

const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
const ECS_CLUSTER = 'AWS::ECS::Cluster';
const ECS_ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';
/** The types the resolver may look up beside the resource itself. */
export const VARIANT_LOOKUP_TYPES: readonly string[] = [CAPACITY_PROVIDER, ECS_CLUSTER, ECS_ASSOCIATIONS, 'AWS::EKS::Nodegroup', 'AWS::EKS::FargateProfile'];

const ECS_LAUNCH_TYPES: Record<string, string> = { EC2: 'ecs-ec2', FARGATE: 'ecs-fargate', EXTERNAL: 'ecs-external', MANAGED_INSTANCES: 'ecs-managed-instances' };
// Where a strategy mixes providers, the one leaving the customer the most decides (tasks land on each).
const ECS_CUSTOMER_SIDE_FIRST = ['ecs-external', 'ecs-ec2', 'ecs-managed-instances', 'ecs-fargate'];

const describe = (value: PropValue | undefined): string => (isReference(value) ? `a reference to ${value.target}` : JSON.stringify(value));
const unresolved = (property: string, value: PropValue | undefined): Found | undefined =>
  isUnknown(value) ? { unknown: `${property} is not resolved: ${value.reason}` } : undefined;

function ecsLaunchType(value: PropValue | undefined): Found {
  const id = typeof value === 'string' ? ECS_LAUNCH_TYPES[value] : undefined;
  return id ? { id, because: `LaunchType ${String(value)}` } : unresolved('LaunchType', value) ?? { unknown: `LaunchType is ${describe(value)}, not a launch type demarc knows` };
}

function ecsCapacityProvider(name: PropValue | undefined, view: Lookup): Found {
  if (name === 'FARGATE' || name === 'FARGATE_SPOT') return { id: 'ecs-fargate', because: name };
  const notResolved = unresolved('a capacity provider name', name);
  if (notResolved) return notResolved;
  const provider = view.resolve(name, [CAPACITY_PROVIDER]);
  if (!provider) return { unknown: `capacity provider ${describe(name)} is not in the input, so whether it is EC2 or Managed Instances is not known` };
  return ecsProviderKind(provider);
}

function ecsProviderKind(provider: Resource): Found {
  const { AutoScalingGroupProvider: asg, ManagedInstancesProvider: managed } = provider.properties;
  if (isUnknown(asg) || isUnknown(managed)) return { unknown: `capacity provider ${provider.id} is not fully resolved` };
  if (managed !== undefined && managed !== null) return { id: 'ecs-managed-instances', because: `capacity provider ${provider.id} is a Managed Instances provider` };
  if (asg !== undefined && asg !== null) return { id: 'ecs-ec2', because: `capacity provider ${provider.id} is an Auto Scaling group provider` };
  return { unknown: `capacity provider ${provider.id} names neither an Auto Scaling group nor Managed Instances` };
}

/** A capacity provider strategy: undefined when it is absent or empty (the cluster's default then applies). */
function ecsStrategy(strategy: PropValue | undefined, view: Lookup, what: string): Found | undefined {
  if (strategy === undefined || strategy === null || (Array.isArray(strategy) && strategy.length === 0)) return undefined;
  const notResolved = unresolved(what, strategy);
  if (notResolved) return notResolved;
  if (!Array.isArray(strategy)) return { unknown: `${what} is not a list` };
  const found = strategy.map((item) => (isRecord(item) ? ecsCapacityProvider(item['CapacityProvider'], view) : unresolved(what, item) ?? { unknown: `${what} holds an entry that is not an object` }));
  const missing = found.find((entry) => 'unknown' in entry);
  if (missing) return missing;
  const known = found.filter((entry): entry is { id: string; because: string } => 'id' in entry);
  const decisive = ECS_CUSTOMER_SIDE_FIRST.map((id) => known.find((entry) => entry.id === id)).find((entry) => entry !== undefined);
  if (!decisive) return { unknown: `${what} names no capacity provider` };
  return { id: decisive.id, because: `${what}: ${known.map((entry) => entry.because).join('; ')}` };
}

function ecsService(resource: Resource, view: Lookup): Found {
  const { LaunchType: launchType, CapacityProviderStrategy: strategy, Cluster: clusterRef } = resource.properties;
  if (launchType !== undefined && launchType !== null) return ecsLaunchType(launchType);
  const own = ecsStrategy(strategy, view, 'CapacityProviderStrategy');
  if (own) return own;
  if (view.isAccountScan) return { unknown: 'the account reported neither a launch type nor a capacity provider strategy for the service' };
  // Neither is set: the cluster's default strategy applies, and without one ECS uses the EC2 launch type.
  if (clusterRef === undefined || clusterRef === null) return { unknown: 'the service names no Cluster: the account\'s default cluster, not in the input, decides its capacity' };
  const notResolved = unresolved('Cluster', clusterRef);
  if (notResolved) return notResolved;
  const cluster = view.resolve(clusterRef, [ECS_CLUSTER]);
  if (!cluster) return { unknown: `cluster ${describe(clusterRef)} is not in the input: its default capacity provider strategy decides` };
  const defaults = [cluster.properties['DefaultCapacityProviderStrategy'], ...view.ofType(ECS_ASSOCIATIONS).filter((association) => view.resolve(association.properties['Cluster'], [ECS_CLUSTER]) === cluster).map((association) => association.properties['DefaultCapacityProviderStrategy'])];
  for (const fallback of defaults) {
    const found = ecsStrategy(fallback, view, `the default capacity provider strategy of cluster ${cluster.id}`);
    if (found) return found;
  }
  return { id: 'ecs-ec2', because: `neither LaunchType nor CapacityProviderStrategy, and cluster ${cluster.id} has no default capacity provider strategy: ECS uses the EC2 launch type` };
}

function ecsTaskDefinition(resource: Resource): Found {
  const value = resource.properties['RequiresCompatibilities'];
  if (value === undefined || value === null) return { id: 'ecs-ec2', because: 'RequiresCompatibilities is not set: the task definition is validated for EC2 only' };
  const notResolved = unresolved('RequiresCompatibilities', value);
  if (notResolved) return notResolved;
  const list = Array.isArray(value) ? value : [value];
  const ids = new Set(list.map((item) => (typeof item === 'string' ? ECS_LAUNCH_TYPES[item] : undefined)));
  const only = [...ids][0];
  if (ids.size === 1 && only) return { id: only, because: `RequiresCompatibilities ${list.map(String).join(', ')}` };
  return { unknown: `RequiresCompatibilities is ${describe(value)}: the service or task that runs it decides where` };
}

function eksCluster(resource: Resource, view: Lookup): Found {
  const config = resource.properties['ComputeConfig'];
  const notResolved = unresolved('ComputeConfig', config) ?? (isRecord(config) ? unresolved('ComputeConfig.Enabled', config['Enabled']) : undefined);
  if (notResolved) return notResolved;
  if (isRecord(config) && (config['Enabled'] === true || config['Enabled'] === 'true')) return { id: 'eks-auto-mode', because: 'ComputeConfig.Enabled true (EKS Auto Mode)' };
  const nodeGroups = view.referrers(resource, 'AWS::EKS::Nodegroup', 'ClusterName');
  if (nodeGroups.length > 0) return { id: 'eks-node-groups', because: `Auto Mode is off; node group ${nodeGroups.map((group) => group.id).join(', ')} runs its nodes` };
  const profiles = view.referrers(resource, 'AWS::EKS::FargateProfile', 'ClusterName');
  if (profiles.length > 0) return { id: 'eks-fargate', because: `Auto Mode is off; only Fargate profile ${profiles.map((profile) => profile.id).join(', ')} runs its pods` };
  return { unknown: 'Auto Mode is off and no node group or Fargate profile of the cluster is in the input (self-managed nodes are EC2 instances of their own)' };
}

function lambdaFunction(resource: Resource): Found {
  const value = resource.properties['PackageType'];
  if (value === undefined || value === null || value === 'Zip') return { id: 'lambda-zip', because: value === 'Zip' ? 'PackageType Zip' : 'PackageType is not set: Zip, the default' };
  if (value === 'Image') return { id: 'lambda-image', because: 'PackageType Image' };
  return unresolved('PackageType', value) ?? { unknown: `PackageType is ${describe(value)}` };
}

function rdsInstance(resource: Resource): Found {
  const { Engine: engine, DBInstanceClass: instanceClass } = resource.properties;
  if (typeof engine === 'string' && engine.startsWith('custom-')) return { id: 'rds-custom', because: `Engine ${engine}` };
  if (instanceClass === 'db.serverless') return { id: 'rds-aurora-serverless', because: 'DBInstanceClass db.serverless (Aurora Serverless v2)' };
  if (typeof engine === 'string') return { id: 'rds-managed', because: `Engine ${engine}` };
  return unresolved('Engine', engine) ?? { unknown: 'Engine is not set: a restored or replica instance takes its source\'s engine, which is not in the input' };
}

function rdsCluster(resource: Resource): Found {
  const { EngineMode: mode, ServerlessV2ScalingConfiguration: v2 } = resource.properties;
  if (mode === 'serverless') return { id: 'rds-aurora-serverless', because: 'EngineMode serverless (Aurora Serverless v1)' };
  if (isRecord(v2)) return { id: 'rds-aurora-serverless', because: 'ServerlessV2ScalingConfiguration is set (Aurora Serverless v2)' };
  return unresolved('EngineMode', mode) ?? { id: 'rds-managed', because: mode === undefined || mode === null ? 'a provisioned cluster' : `EngineMode ${String(mode)}` };
}

function beanstalkEnvironment(resource: Resource): Found {
  const settings = resource.properties['OptionSettings'];
  const notResolved = unresolved('OptionSettings', settings);
  if (notResolved) return notResolved;
  const option = (Array.isArray(settings) ? settings : []).find(
    (item) => isRecord(item) && item['Namespace'] === 'aws:elasticbeanstalk:managedactions' && item['OptionName'] === 'ManagedActionsEnabled',
  );
  if (!isRecord(option)) return { unknown: 'aws:elasticbeanstalk:managedactions ManagedActionsEnabled is not set here: a saved configuration, the source bundle\'s .ebextensions or how the environment was created decides it' };
  const value = option['Value'];
  if (value === true || value === 'true') return { id: 'elasticbeanstalk-managed-updates', because: 'aws:elasticbeanstalk:managedactions ManagedActionsEnabled true' };
  if (value === false || value === 'false') return { id: 'elasticbeanstalk-manual-updates', because: 'aws:elasticbeanstalk:managedactions ManagedActionsEnabled false' };
  return unresolved('ManagedActionsEnabled', value) ?? { unknown: `ManagedActionsEnabled is ${describe(value)}` };
}

const RESOLVERS: Record<string, { candidates: readonly string[]; resolve: (resource: Resource, view: Lookup) => Found }> = {
  'AWS::ECS::Service': { candidates: ECS_CUSTOMER_SIDE_FIRST, resolve: ecsService },
  'AWS::ECS::TaskDefinition': { candidates: ECS_CUSTOMER_SIDE_FIRST, resolve: ecsTaskDefinition },
  [CAPACITY_PROVIDER]: { candidates: ['ecs-ec2', 'ecs-managed-instances'], resolve: ecsProviderKind },
  'AWS::EKS::Cluster': { candidates: ['eks-node-groups', 'eks-fargate', 'eks-auto-mode'], resolve: eksCluster },
  'AWS::Lambda::Function': { candidates: ['lambda-zip', 'lambda-image'], resolve: lambdaFunction },
  'AWS::RDS::DBInstance': { candidates: ['rds-managed', 'rds-custom', 'rds-aurora-serverless'], resolve: rdsInstance },
  'AWS::RDS::DBCluster': { candidates: ['rds-managed', 'rds-aurora-serverless'], resolve: rdsCluster },
  'AWS::ElasticBeanstalk::Environment': { candidates: ['elasticbeanstalk-managed-updates', 'elasticbeanstalk-manual-updates'], resolve: beanstalkEnvironment },
};

/**
 * The variant of `service` a resource is, from its properties in their CloudFormation shape (so the same for
 * templates, Terraform and live accounts); undefined when the service has no variant for the resource's type.
 */
export function resolveVariant(resource: Resource, service: Service, view: Lookup): VariantChoice | undefined {
  const byType = variantForType(resource.type);
  if (byType) return byType.service === service.id ? { variant: byType, because: `a ${resource.type}` } : undefined;
  const resolver = RESOLVERS[resource.type];
  const own = new Set(variantsOf(service.id).map((variant) => variant.id));
  if (!resolver || !resolver.candidates.every((id) => own.has(id))) return undefined;
  const found = resolver.resolve(resource, view);
  const candidates = resolver.candidates.map((id) => getVariant(id)).filter((variant) => variant !== undefined);
  if ('unknown' in found) return { unknown: found.unknown, candidates };
  const variant = getVariant(found.id);
  return variant ? { variant, because: found.because } : { unknown: `no variant ${found.id}`, candidates };
}
