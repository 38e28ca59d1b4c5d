// Compliant: a Fargate service runs the latest platform version: LATEST (the default), or the latest one pinned for its
// operating system (1.4.0 on Linux, 1.0.0 on Windows).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';

const LATEST_LINUX = '1.4.0';
const LATEST_WINDOWS = '1.0.0';
const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

export default defineCheck({
  id: 'ecs-fargate-service-latest-platform',
  title: 'ECS Fargate service runs the latest platform version',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::Service'],
  reads: ['AWS::ECS::TaskDefinition'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'patch-guest-os',
  severity: 'medium',
  rationale:
    `A Fargate platform version is the kernel and container runtime the service's tasks run on. AWS patches the runtime of each version, but new security features and fixes come with new versions, and a service that pins an older one (1.3.0 and earlier on Linux) keeps launching tasks on it. LATEST, the default, follows the newest version (${LATEST_LINUX} on Linux, ${LATEST_WINDOWS} on Windows); pinning a version is the customer's choice. Services on the EC2 or external launch type have no platform version and are not judged.`,
  remediation: {
    console: 'ECS console > cluster > service > Update service > Platform version: LATEST (then force a new deployment so that running tasks move to it).',
    cloudformation: 'AWS::ECS::Service.PlatformVersion: LATEST (or leave it unset)',
    terraform: 'aws_ecs_service { platform_version = "LATEST" } (or leave it unset)',
  },
  evaluate(service, context) {
    const launchType = str(service.properties['LaunchType']);
    if (isUnknown(launchType)) return unknown(launchType, 'LaunchType');
    const strategy = list(service.properties['CapacityProviderStrategy']);
    if (isUnknown(strategy)) return unknown(strategy, 'CapacityProviderStrategy');
    let fargate: boolean | undefined = launchType === undefined ? undefined : launchType === 'FARGATE';
    if (launchType === undefined && strategy !== undefined && strategy.length > 0) {
      const providers = strategy.map((item) => str(at(item, 'CapacityProvider')));
      const unread = providers.find(isUnknown);
      if (unread !== undefined) return unknown(unread, 'CapacityProviderStrategy');
      fargate = providers.some((provider) => provider !== undefined && !isUnknown(provider) && FARGATE_PROVIDERS.has(provider));
    }
    if (fargate === false) return notApplicable('the service does not run on Fargate, so it has no platform version');
    const version = str(service.properties['PlatformVersion']);
    if (isUnknown(version)) return unknown(version, 'PlatformVersion');
    if (version === undefined || version === 'LATEST') {
      // Without a launch type or strategy the cluster's default capacity provider strategy decides; only Fargate uses a platform version.
      if (fargate === undefined) return notApplicable('the service names no launch type or capacity provider, and pins no platform version');
      return pass(`the service runs the latest platform version (${version === undefined ? 'LATEST by default' : 'LATEST'})`, 'PlatformVersion');
    }
    if (version === LATEST_LINUX) return pass(`the service pins ${LATEST_LINUX}, the latest Linux platform version`, 'PlatformVersion');
    if (version !== LATEST_WINDOWS) return fail(`the service pins platform version ${version}, older than ${LATEST_LINUX} (Linux) and not ${LATEST_WINDOWS} (Windows)`, 'PlatformVersion');
    // 1.0.0 is the latest on Windows but the oldest on Linux: the task definition's operating system decides.
    const task = context.inventory.resolve(service.properties['TaskDefinition'], ['AWS::ECS::TaskDefinition']);
    if (task === undefined) return unknown(`platform version ${LATEST_WINDOWS} is the latest only on Windows, and the service's task definition cannot be read to tell its operating system`, 'TaskDefinition');
    const family = str(at(task.properties, 'RuntimePlatform', 'OperatingSystemFamily'));
    if (isUnknown(family)) return unknown(family, 'TaskDefinition');
    if (family !== undefined && family.startsWith('WINDOWS')) return pass(`the service pins ${LATEST_WINDOWS}, the latest Windows platform version`, 'PlatformVersion');
    return fail(`the service pins platform version ${LATEST_WINDOWS}, the oldest Linux one (its task definition runs ${family ?? 'Linux, the default'})`, 'PlatformVersion');
  },
});
