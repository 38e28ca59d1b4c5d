// Compliant: a REST API stage with a cache cluster encrypts its cache data: the stage-wide method settings (`/*` `*`) have CacheDataEncrypted true, and no method that caches leaves it off.
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';
import { methodSettings } from '../lib/stage-method-settings.js';

export default defineCheck({
  id: 'apigateway-stage-cache-encrypted',
  title: 'API Gateway REST stage cache is encrypted',
  service: 'apigateway',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'A stage cache keeps backend responses (often personal data or tokens) on disk for up to an hour. Once the cache cluster is on, GET methods cache by default, and API Gateway encrypts the cached data only when the method settings ask for it. AWS runs the cache; encrypting it is the customer\'s setting. Stages without a cache cluster are not applicable, as in Security Hub APIGateway.5; AWS Config\'s api-gw-cache-enabled-and-encrypted also fails stages that do not cache.',
  remediation: {
    console: 'API Gateway console > the REST API > Stages > the stage > Stage details > Edit > Additional settings: Encrypt cache data (and on each method override that enables caching).',
    cloudformation: 'AWS::ApiGateway::Stage.MethodSettings: [{ResourcePath: "/*", HttpMethod: "*", CacheDataEncrypted: true}]',
    terraform: 'aws_api_gateway_method_settings { method_path = "*/*", settings { cache_data_encrypted = true } }',
  },
  evaluate(stage) {
    const cache = bool(stage.properties['CacheClusterEnabled']);
    if (isUnknown(cache)) return unknown(cache, 'CacheClusterEnabled');
    if (cache !== true) return notApplicable('the stage has no cache cluster');
    const settings = methodSettings(stage.properties);
    if (isUnknown(settings)) return unknown(settings, 'MethodSettings');
    const findings: Evaluation[] = [];
    const stageWide = settings.find((setting) => setting.stageWide);
    const encrypted = stageWide ? bool(at(stageWide.entry, 'CacheDataEncrypted')) : undefined;
    if (isUnknown(encrypted)) findings.push(unknown(encrypted, `${stageWide?.path ?? 'MethodSettings'}.CacheDataEncrypted`));
    else if (encrypted !== true) findings.push(fail('the stage caches responses (GET methods cache by default) without encrypting the cache data', stageWide ? `${stageWide.path}.CacheDataEncrypted` : 'MethodSettings'));
    for (const setting of settings) {
      if (setting.stageWide) continue;
      const caching = bool(at(setting.entry, 'CachingEnabled'));
      const methodEncrypted = bool(at(setting.entry, 'CacheDataEncrypted'));
      if (isUnknown(caching)) findings.push(unknown(caching, `${setting.path}.CachingEnabled`));
      else if (caching !== true) continue;
      else if (isUnknown(methodEncrypted)) findings.push(unknown(methodEncrypted, `${setting.path}.CacheDataEncrypted`));
      else if (methodEncrypted !== true) findings.push(fail(`${setting.label} cache responses without encrypting them`, `${setting.path}.CacheDataEncrypted`));
    }
    return findings.length > 0 ? findings : pass('the stage encrypts its cache data', `${stageWide?.path ?? 'MethodSettings'}.CacheDataEncrypted`);
  },
});
