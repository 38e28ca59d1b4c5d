// Compliant: AppSync reaches the API cache over TLS (TransitEncryptionEnabled true, as for every cache created since May 2025).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';
import { isLive } from '../lib/data-stores.js';

export default defineCheck({
  id: 'appsync-api-cache-encryption-in-transit',
  title: 'AppSync API cache encrypts data in transit',
  service: 'appsync',
  resourceTypes: ['AWS::AppSync::ApiCache'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'An API cache holds resolver responses, the data the API serves, on ElastiCache nodes that AppSync runs for the customer, and every cached response travels between AppSync and those nodes. Encryption in transit was the customer\'s choice when the cache was created and cannot be changed afterwards; since May 2025 AppSync encrypts that traffic for every new cache and ignores TransitEncryptionEnabled, so caches created before then with the flag off are the ones still reached in plain text. An account reports which a cache is; a template or Terraform configuration that leaves the flag off creates a cache reached over TLS today but may describe an older one, so demarc asks for an account scan there instead of guessing.',
  remediation: {
    console: 'Encryption of a cache is fixed when it is created: AWS AppSync console > the API > Caching > delete the cache and create it again (new caches always encrypt data in transit).',
    cloudformation: 'AWS::AppSync::ApiCache.TransitEncryptionEnabled: true (replace a cache created without it)',
    terraform: 'aws_appsync_api_cache { transit_encryption_enabled = true } (replace a cache created without it)',
  },
  evaluate(cache) {
    const encrypted = bool(at(cache.properties, 'TransitEncryptionEnabled'));
    if (isUnknown(encrypted)) return unknown(encrypted, 'TransitEncryptionEnabled');
    if (encrypted === true) return pass('AppSync reaches the cache over encrypted connections', 'TransitEncryptionEnabled');
    if (isLive(cache)) {
      if (encrypted === false) return fail('the cache reports transitEncryptionEnabled false: it was created without encryption in transit, and the setting cannot be changed', 'TransitEncryptionEnabled');
      return unknown('the cache did not report transitEncryptionEnabled (appsync:GetApiCache)', 'TransitEncryptionEnabled');
    }
    return unknown(`${encrypted === false ? 'TransitEncryptionEnabled is false' : 'TransitEncryptionEnabled is not set'}: AppSync encrypts a cache created since May 2025 regardless, but one created earlier this way is reached in plain text; scan the account to tell`, 'TransitEncryptionEnabled');
  },
});
