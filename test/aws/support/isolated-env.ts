import { afterEach, beforeEach } from 'vitest';

const ENV_KEYS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];

/**
 * For each test of the calling `describe`: fake static keys, no profile, config or instance metadata from this
 * machine, and the AWS variables restored afterwards. Tests then set AWS_ENDPOINT_URL to their loopback server.
 */
export function isolateAwsEnvironment(keyId: string): void {
  const saved = new Map<string, string | undefined>();
  beforeEach(() => {
    for (const key of ENV_KEYS) saved.set(key, process.env[key]);
    process.env['AWS_ACCESS_KEY_ID'] = keyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = 'loopback-secret-not-real';
    process.env['AWS_CONFIG_FILE'] = '/nonexistent/demarc-test-config';
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = '/nonexistent/demarc-test-credentials';
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
    delete process.env['AWS_SESSION_TOKEN'];
    delete process.env['AWS_PROFILE'];
  });
  afterEach(() => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}
