import type { Resource } from '../../resource.js';
import { isReference } from '../../values.js';

/**
 * What a read replica takes from its source instance: RDS creates a replica with the source's engine and engine
 * version, and a template leaves both out of the replica (`SourceDBInstanceIdentifier` set).
 */
const INHERITED = ['Engine', 'EngineVersion'] as const;

/** The instance of the template a replica's `SourceDBInstanceIdentifier` names: by `Ref` or `!GetAtt X.DBInstanceArn`, or by its identifier. */
function sourceOf(replica: Resource, byId: ReadonlyMap<string, Resource>, byIdentifier: ReadonlyMap<string, Resource>): Resource | undefined {
  const value = replica.properties['SourceDBInstanceIdentifier'];
  if (isReference(value)) return value.attribute === undefined || value.attribute === 'DBInstanceArn' ? byId.get(value.target) : undefined;
  return typeof value === 'string' ? byIdentifier.get(value) : undefined;
}

/**
 * Gives each read replica whose source instance is in the same template the engine and engine version it does not
 * set, so that the checks judge the engine it runs rather than "no engine". Chains of replicas are followed from
 * their first source, without recursion. Changes the replicas in place.
 */
export function inheritFromSourceInstances(resources: readonly Resource[]): void {
  const instances = resources.filter((resource) => resource.type === 'AWS::RDS::DBInstance');
  if (!instances.some((instance) => instance.properties['SourceDBInstanceIdentifier'] !== undefined)) return;
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  const byIdentifier = new Map<string, Resource>();
  for (const instance of instances) {
    const identifier = instance.properties['DBInstanceIdentifier'];
    if (typeof identifier === 'string') byIdentifier.set(identifier, instance);
  }
  const settled = new Set<Resource>();
  for (const instance of instances) {
    const chain: Resource[] = [instance];
    const onChain = new Set(chain);
    for (let source = sourceOf(instance, byId, byIdentifier); source !== undefined && !onChain.has(source); source = settled.has(source) ? undefined : sourceOf(source, byId, byIdentifier)) {
      chain.push(source);
      onChain.add(source);
    }
    for (let index = chain.length - 2; index >= 0; index -= 1) {
      const replica = chain[index];
      const source = chain[index + 1];
      if (replica === undefined || source === undefined || settled.has(replica)) continue;
      for (const key of INHERITED) {
        const value = source.properties[key];
        if (replica.properties[key] === undefined && value !== undefined) replica.properties = { ...replica.properties, [key]: value };
      }
      settled.add(replica);
    }
    settled.add(instance);
  }
}
