import { describe, expect, it } from 'vitest';
import { looksSecret, redactResource } from '../../src/inventory/redact.js';
import type { Resource } from '../../src/inventory/resource.js';
import { isRedacted, Unknown, type PropRecord } from '../../src/inventory/values.js';

const resource = (type: string, properties: PropRecord): Resource => ({ id: 'R', scope: 'test', type, properties, origin: { kind: 'cloudformation' } });

describe('redaction of secrets in resource configuration', () => {
  it('replaces every Lambda environment value and remembers which looked secret', () => {
    const redacted = redactResource(resource('AWS::Lambda::Function', {
      Runtime: 'nodejs20.x',
      Environment: { Variables: { TABLE: 'orders', DB_PASSWORD: 'correct-horse-battery', STRIPE: 'sk_live_abcdefghijklmnop1234' } },
    }));
    const variables = (redacted.properties['Environment'] as PropRecord)['Variables'] as PropRecord;
    expect(Object.keys(variables)).toEqual(['TABLE', 'DB_PASSWORD', 'STRIPE']);
    expect(Object.values(variables).every(isRedacted)).toBe(true);
    expect(Object.values(variables).map((value) => isRedacted(value) && value.secretLike)).toEqual([false, true, true]);
    expect(JSON.stringify(redacted)).not.toMatch(/correct-horse|sk_live|orders/);
    expect(redacted.properties['Runtime']).toBe('nodejs20.x');
  });

  it('redacts EC2 user data and launch template user data whole', () => {
    const instance = redactResource(resource('AWS::EC2::Instance', { UserData: '#!/bin/sh\nexport AWS_SECRET=abc\naws configure set aws_access_key_id AKIAABCDEFGHIJKLMNOP' }));
    expect(isRedacted(instance.properties['UserData']) && instance.properties['UserData'].secretLike).toBe(true);
    const template = redactResource(resource('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { UserData: 'echo hello', ImageId: 'ami-1' } }));
    const data = template.properties['LaunchTemplateData'] as PropRecord;
    expect(isRedacted(data['UserData']) && data['UserData'].secretLike).toBe(false);
    expect(data['ImageId']).toBe('ami-1');
  });

  it('redacts ECS container environment values but keeps names and secrets references', () => {
    const task = redactResource(resource('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [{ Name: 'web', Environment: [{ Name: 'API_TOKEN', Value: 'tok-123456789' }, { Name: 'MODE', Value: 'prod' }], Secrets: [{ Name: 'DB', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db' }] }],
    }));
    const container = (task.properties['ContainerDefinitions'] as PropRecord[])[0] as PropRecord;
    const environment = container['Environment'] as PropRecord[];
    expect(environment.map((entry) => entry['Name'])).toEqual(['API_TOKEN', 'MODE']);
    expect(environment.map((entry) => isRedacted(entry['Value']) && entry['Value'].secretLike)).toEqual([true, false]);
    expect(container['Secrets']).toEqual([{ Name: 'DB', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db' }]);
  });

  it('recognises secret-looking values by name or by form, and not ordinary ones', () => {
    expect(looksSecret('GITHUB', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe(true);
    expect(looksSecret('key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE')).toBe(true);
    expect(looksSecret('REGION', 'eu-west-1')).toBe(false);
    expect(looksSecret('DB_PASSWORD', new Unknown('parameter', '${DbPassword}'))).toBe(true);
    expect(looksSecret('UserData', 'aws secretsmanager get-secret-value --secret-id arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-AbCdEf')).toBe(false);
    expect(looksSecret('UserData', 'export DB_PASSWORD=correct-horse-battery')).toBe(true);
    expect(looksSecret('UserData', 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(looksSecret('UserData', new Unknown('Fn::Sub uses a redacted value', '#!/bin/sh\nexport PW=${?}'))).toBe(true);
  });

  it('tells a variable that names a secret from one that holds a key', () => {
    expect(looksSecret('DB_SECRET_NAME', 'prod/db')).toBe(false);
    expect(looksSecret('SECRET_ARN', 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf')).toBe(false);
    expect(looksSecret('API_TOKEN', 'arn:aws:ssm:eu-west-1:111122223333:parameter/app/api-token')).toBe(false);
    expect(looksSecret('DEPLOY_USER', 'AKIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksSecret('SESSION', 'ASIAIOSFODNN7EXAMPLE')).toBe(true);
    expect(looksSecret('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(looksSecret('UPLOAD_SECRET_ACCESS_KEY_ID', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(true);
    expect(looksSecret('DB_PASSWORD', 'correct-horse-battery')).toBe(true);
  });
});
