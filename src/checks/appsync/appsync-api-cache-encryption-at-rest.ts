// Compliant: the AppSync API cache encrypts its data at rest (AtRestEncryptionEnabled true, as every cache created since May 2025 is).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'appsync-api-cache-encryption-at-rest',
  title: 'AppSync API cache is encrypted at rest',
  service: 'appsync',
  resourceTypes: ['AWS::AppSync::ApiCache'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'An API cache holds resolver responses, the data the API serves, on ElastiCache nodes that AppSync runs for the customer. Encryption at rest was the customer\'s choice when the cache was created and cannot be changed afterwards; since May 2025 AppSync encrypts every new cache and ignores AtRestEncryptionEnabled, so caches created before then with the flag off are the ones left unencrypted. An account reports which a cache is; a template or Terraform configuration that leaves the flag off creates an encrypted cache today but may describe an older one, so demarc asks for an account scan there instead of guessing.',
  remediation: {
    console: 'Encryption of a cache is fixed when it is created: AWS AppSync console > the API > Caching > delete the cache and create it again (new caches are always encrypted at rest).',
    cloudformation: 'AWS::AppSync::ApiCache.AtRestEncryptionEnabled: true (replace a cache created without it)',
    terraform: 'aws_appsync_api_cache { at_rest_encryption_enabled = true } (replace a cache created without it)',
  },
  evaluate(cache) {
    const encrypted = bool(at(cache.properties, 'AtRestEncryptionEnabled'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'AtRestEncryptionEnabled');
    if (encrypted === true) return pass('the cache is encrypted at rest', 'AtRestEncryptionEnabled');
    if (isLive(cache)) {
      if (encrypted === false) return fail('the cache reports atRestEncryptionEnabled false: it was created unencrypted, and the setting cannot be changed', 'AtRestEncryptionEnabled');
      return unknown('the cache did not report atRestEncryptionEnabled (appsync:GetApiCache)', 'AtRestEncryptionEnabled');
    }
    return unknown(`${encrypted === false ? 'AtRestEncryptionEnabled is false' : 'AtRestEncryptionEnabled is not set'}: AppSync encrypts a cache created since May 2025 regardless, but one created earlier this way is unencrypted; scan the account to tell`, 'AtRestEncryptionEnabled');
  },
});
