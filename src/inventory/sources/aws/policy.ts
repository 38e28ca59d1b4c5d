import type { Collector } from './collector.js';
import { allCollectors } from './collectors/index.js';

/** Calls the scan makes outside the collectors: identity, the region list, the organization's accounts. */
export const SCAN_CALLS: readonly string[] = ['sts:GetCallerIdentity', 'ec2:DescribeRegions', 'organizations:ListAccounts'];

/** Actions that read although their names do not start with a read verb. */
const READ_EXCEPTIONS = new Set(['iam:GenerateCredentialReport', 'apigateway:GET', 'cassandra:Select']);
const READ_VERBS = /^(Get|List|Describe|Generate|BatchGet)/;
const WRITE_VERBS = /^(Create|Put|Delete|Update|Modify|Attach|Detach|Set|Enable|Disable|Start|Stop|Terminate|Run|Add|Remove|Tag|Untag|Associate|Disassociate|Register|Deregister|Reset|Revoke|Authorize|Accept|Reject|Invoke|Publish|Send|Restore|Copy|Import|Export|Upload|Replace|Apply|Cancel|Rotate|Reboot|Purge|Change|Batch(?!Get))/;

export function isReadOnlyAction(action: string): boolean {
  if (READ_EXCEPTIONS.has(action)) return true;
  const verb = action.split(':')[1] ?? '';
  return READ_VERBS.test(verb) && !WRITE_VERBS.test(verb) && !(verb.startsWith('Generate') && action !== 'iam:GenerateCredentialReport');
}

export function isReadOnlyCommand(commandName: string): boolean {
  const verb = commandName.replace(/Command$/, '');
  return READ_VERBS.test(verb) && !WRITE_VERBS.test(verb);
}

export function requiredActions(collectors: readonly Collector[] = allCollectors): string[] {
  return [...new Set([...SCAN_CALLS, ...collectors.flatMap((collector) => collector.calls)])].sort();
}

/** The least-privilege IAM policy for a scan: exactly the read actions the collectors declare. */
export function scanPolicy(collectors: readonly Collector[] = allCollectors): { Version: string; Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }> } {
  const actions = requiredActions(collectors);
  const writes = actions.filter((action) => !isReadOnlyAction(action));
  if (writes.length > 0) throw new Error(`a collector declares a call that is not read-only: ${writes.join(', ')}`);
  return { Version: '2012-10-17', Statement: [{ Sid: 'DemarcReadOnlyScan', Effect: 'Allow', Action: actions, Resource: '*' }] };
}

/** Commands whose IAM action is not named after them (the rest: `service:<CommandName without Command>`). */
export const COMMAND_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ListBucketsCommand: ['s3:ListAllMyBuckets'],
  GetBucketEncryptionCommand: ['s3:GetEncryptionConfiguration'],
  GetObjectLockConfigurationCommand: ['s3:GetBucketObjectLockConfiguration'],
  GetBucketReplicationCommand: ['s3:GetReplicationConfiguration'],
  GetBucketLifecycleConfigurationCommand: ['s3:GetLifecycleConfiguration'],
  GetBucketNotificationConfigurationCommand: ['s3:GetBucketNotification'],
  GetPublicAccessBlockCommand: ['s3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  GetRestApisCommand: ['apigateway:GET'],
  GetStagesCommand: ['apigateway:GET'],
  GetApisCommand: ['apigateway:GET'],
  GetDomainNamesCommand: ['apigateway:GET'],
  GetResourcesCommand: ['apigateway:GET'],
  GetRoutesCommand: ['apigateway:GET'],
  // Amazon Keyspaces authorises its read API with cassandra:Select; DynamoDB's ListTables shares the command name.
  ListKeyspacesCommand: ['cassandra:Select'],
  ListTablesCommand: ['dynamodb:ListTables', 'cassandra:Select'],
  GetTableCommand: ['cassandra:Select'],
};

/** True when `action` is the IAM action that authorises `command`. */
export function actionMatchesCommand(action: string, command: string): boolean {
  const aliases = COMMAND_ACTIONS[command];
  if (aliases) return aliases.includes(action);
  return (action.split(':')[1] ?? '') === command.replace(/Command$/, '');
}
