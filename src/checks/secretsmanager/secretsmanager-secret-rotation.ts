// Compliant: a rotation schedule (AWS::SecretsManager::RotationSchedule) names the secret, or the live secret reports rotation enabled.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, num, str } from '../../inventory/readers.js';
import type { Resource } from '../../inventory/resource.js';
import { attachedResources } from '../lib/data-stores.js';
import { invalidValue, SECRET_ROTATION_DAYS } from '../lib/aws-accepts.js';

function describeSchedule(schedule: Resource): string {
  const days = num(at(schedule.properties, 'RotationRules', 'AutomaticallyAfterDays'));
  const expression = str(at(schedule.properties, 'RotationRules', 'ScheduleExpression'));
  if (typeof expression === 'string') return `${schedule.id} rotates the secret on ${expression}`;
  if (typeof days === 'number') return `${schedule.id} rotates the secret every ${days} days`;
  return `${schedule.id} rotates the secret`;
}

export default defineCheck({
  id: 'secretsmanager-secret-rotation',
  title: 'Secrets Manager secret is rotated automatically',
  service: 'secretsmanager',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  reads: ['AWS::SecretsManager::RotationSchedule'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A credential that never changes stays useful to whoever copied it, for as long as it exists. Secrets Manager rotates a secret only on a schedule the customer sets up, with a rotation function (or managed rotation) that knows how to change the credential where it is used.',
  remediation: {
    console: 'Secrets Manager console > secret > Rotation > Edit rotation > Automatic rotation, choose a schedule and a rotation function.',
    cloudformation: 'AWS::SecretsManager::RotationSchedule { SecretId: !Ref TheSecret, RotationLambdaARN or HostedRotationLambda, RotationRules: { ScheduleExpression: rate(30 days) } }',
    terraform: 'aws_secretsmanager_secret_rotation { secret_id = aws_secretsmanager_secret.this.id, rotation_lambda_arn = ..., rotation_rules { automatically_after_days = 30 } }',
  },
  evaluate(secret, context) {
    const { attached, unresolved } = attachedResources(secret, context, 'AWS::SecretsManager::RotationSchedule', 'SecretId');
    const schedule = attached[0];
    if (schedule) {
      const days = num(at(schedule.properties, 'RotationRules', 'AutomaticallyAfterDays'));
      const invalid = typeof days === 'number' ? invalidValue(days, SECRET_ROTATION_DAYS) : undefined;
      if (invalid) return { ...invalid, message: `rotation schedule ${schedule.id}: ${invalid.message}` };
      return pass(`the rotation schedule ${describeSchedule(schedule)}`);
    }
    // Live secrets report their rotation state directly (DescribeSecret RotationEnabled).
    const enabled = bool(secret.properties['RotationEnabled']);
    if (isUnknown(enabled)) return unknown(enabled, 'RotationEnabled');
    if (enabled === true) return pass('rotation is enabled on the secret', 'RotationEnabled');
    if (unresolved.length > 0) {
      return unknown(`rotation schedule ${unresolved.map((item) => item.id).join(', ')} names its secret with a value known only at deploy time`);
    }
    return fail('no rotation schedule names the secret: its value never changes unless someone changes it by hand');
  },
});
