// Compliant: the user pool requires MFA (MfaConfiguration ON), or makes it optional with threat protection in full-function mode (AdvancedSecurityMode ENFORCED), whose adaptive authentication can demand MFA on risky sign-ins.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'cognito-user-pool-mfa',
  title: 'Cognito user pool requires MFA',
  service: 'cognito',
  resourceTypes: ['AWS::Cognito::UserPool'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'A user pool without MFA lets anyone with a leaked or guessed password sign in as that user. MfaConfiguration ON makes every user set up a second factor. AWS recommends OPTIONAL only together with threat protection in full-function (ENFORCED) mode, whose adaptive authentication can require MFA when a sign-in looks risky; OPTIONAL without it leaves MFA to each user\'s choice, and OFF (the default) offers none. Which risk levels demand MFA is set in the pool\'s risk configuration, which this check does not read.',
  remediation: {
    console: 'Cognito console > User pools > the pool > Authentication > Sign-in > Multi-factor authentication > Edit: Require MFA (or Optional MFA with threat protection in full-function mode).',
    cloudformation: 'AWS::Cognito::UserPool.MfaConfiguration: ON (with EnabledMfas), or OPTIONAL with UserPoolAddOns.AdvancedSecurityMode: ENFORCED',
    terraform: 'aws_cognito_user_pool.mfa_configuration = "ON" (or "OPTIONAL" with user_pool_add_ons { advanced_security_mode = "ENFORCED" })',
  },
  evaluate(pool) {
    const mfa = str(pool.properties['MfaConfiguration']);
    if (isUnknown(mfa)) return unknown(mfa, 'MfaConfiguration');
    if (mfa === 'ON') return pass('MFA is required for every user of the pool', 'MfaConfiguration');
    if (mfa === undefined || mfa === 'OFF') return fail('MFA is off: a password alone signs a user in', 'MfaConfiguration');
    if (mfa !== 'OPTIONAL') return unknown(`MfaConfiguration ${mfa} is not a value Cognito documents (OFF, ON, OPTIONAL)`, 'MfaConfiguration');
    const mode = str(at(pool.properties, 'UserPoolAddOns', 'AdvancedSecurityMode'));
    if (isUnknown(mode)) return unknown(mode, 'UserPoolAddOns.AdvancedSecurityMode');
    if (mode === 'ENFORCED') return pass('MFA is optional, and threat protection in full-function mode can require it on risky sign-ins', 'MfaConfiguration');
    return fail(`MFA is optional and threat protection is ${mode ?? 'off'}: users who never set up MFA sign in with a password alone`, 'MfaConfiguration');
  },
});
