import { asList, block, blocks, boolText, isRecord, nonEmpty, tags, type MappingTable, type TypeMapping } from './dsl.js';
import type { PropRecord, PropValue } from '../../../values.js';
import { policyDocument } from './shared.js';

/** ALB/NLB settings that CloudFormation holds as `LoadBalancerAttributes` key/value text pairs. */
function loadBalancerAttributes(attributes: PropRecord): PropRecord {
  const entries: PropValue[] = [];
  const add = (key: string, value: PropValue | undefined): void => {
    if (value === undefined || value === null || value === '') return;
    entries.push({ Key: key, Value: boolText(value, attributes) ?? null });
  };
  const logs = Array.isArray(attributes['access_logs']) ? attributes['access_logs'][0] : undefined;
  if (isRecord(logs)) {
    // The provider's default is false, even when a bucket is named.
    add('access_logs.s3.enabled', logs['enabled'] ?? false);
    add('access_logs.s3.bucket', logs['bucket']);
    add('access_logs.s3.prefix', logs['prefix']);
  }
  add('routing.http.drop_invalid_header_fields.enabled', attributes['drop_invalid_header_fields']);
  add('deletion_protection.enabled', attributes['enable_deletion_protection']);
  add('routing.http2.enabled', attributes['enable_http2']);
  add('idle_timeout.timeout_seconds', typeof attributes['idle_timeout'] === 'number' ? String(attributes['idle_timeout']) : undefined);
  add('routing.http.desync_mitigation_mode', attributes['desync_mitigation_mode']);
  add('load_balancing.cross_zone.enabled', attributes['enable_cross_zone_load_balancing']);
  add('waf.fail_open.enabled', attributes['enable_waf_fail_open']);
  return entries.length > 0 ? { LoadBalancerAttributes: entries } : {};
}

const loadBalancer: TypeMapping = {
  cfnType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  name: 'name',
  fields: {
    name: 'Name',
    internal: ['Scheme', (value) => (value === true ? 'internal' : value === false ? 'internet-facing' : value)],
    load_balancer_type: 'Type',
    security_groups: ['SecurityGroups', nonEmpty],
    subnets: ['Subnets', nonEmpty],
    ip_address_type: 'IpAddressType',
    tags: ['Tags', tags],
  },
  build: loadBalancerAttributes,
};

const ACTION = {
  type: 'Type',
  target_group_arn: 'TargetGroupArn',
  order: 'Order',
  redirect: ['RedirectConfig', block({ protocol: 'Protocol', port: 'Port', host: 'Host', path: 'Path', query: 'Query', status_code: 'StatusCode' })],
  fixed_response: ['FixedResponseConfig', block({ content_type: 'ContentType', message_body: 'MessageBody', status_code: 'StatusCode' })],
  authenticate_cognito: ['AuthenticateCognitoConfig', block({ user_pool_arn: 'UserPoolArn', user_pool_client_id: 'UserPoolClientId', user_pool_domain: 'UserPoolDomain' })],
  authenticate_oidc: ['AuthenticateOidcConfig', block({ issuer: 'Issuer', client_id: 'ClientId' })],
} as const;

const listener: TypeMapping = {
  cfnType: 'AWS::ElasticLoadBalancingV2::Listener',
  fields: {
    load_balancer_arn: 'LoadBalancerArn',
    port: 'Port',
    protocol: 'Protocol',
    ssl_policy: 'SslPolicy',
    certificate_arn: ['Certificates', (value) => (typeof value === 'string' && value !== '' ? [{ CertificateArn: value }] : value === '' ? undefined : value)],
    alpn_policy: ['AlpnPolicy', asList],
    default_action: ['DefaultActions', blocks(ACTION)],
  },
  computed: ['ssl_policy', 'protocol'],
  // Without a protocol, the provider makes a listener of an application load balancer HTTP.
  related: {
    link: { types: ['aws_lb', 'aws_alb'], attribute: 'load_balancer_arn', keys: ['arn', 'id'] },
    build: (attributes, balancer) => {
      if (attributes['protocol'] !== undefined && attributes['protocol'] !== null && attributes['protocol'] !== '') return {};
      // A load balancer outside the scan may be a network one: then the protocol stays unknown to the checks.
      if (balancer === undefined) return {};
      const type = balancer['load_balancer_type'] ?? 'application';
      return type === 'application' ? { Protocol: 'HTTP' } : {};
    },
  },
};

const targetGroup: TypeMapping = {
  cfnType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
  name: 'name',
  fields: {
    name: 'Name',
    port: 'Port',
    protocol: 'Protocol',
    vpc_id: 'VpcId',
    target_type: 'TargetType',
  },
  build: (attributes) => {
    const check = Array.isArray(attributes['health_check']) ? attributes['health_check'][0] : undefined;
    return isRecord(check) && typeof check['protocol'] === 'string' ? { HealthCheckProtocol: check['protocol'], HealthCheckEnabled: check['enabled'] ?? true } : {};
  },
};

export const networkMappings: MappingTable = {
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_lb_listener: listener,
  aws_alb_listener: listener,
  aws_lb_target_group: targetGroup,
  aws_alb_target_group: targetGroup,
  aws_lb_listener_rule: {
    cfnType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    fields: { listener_arn: 'ListenerArn', priority: 'Priority', action: ['Actions', blocks(ACTION)] },
  },
  aws_lb_listener_certificate: {
    cfnType: 'AWS::ElasticLoadBalancingV2::Listener',
    parent: { types: ['aws_lb_listener', 'aws_alb_listener'], attribute: 'listener_arn', keys: ['arn', 'id'], mode: 'append' },
    build: (attributes) => ({ Certificates: [{ CertificateArn: attributes['certificate_arn'] ?? null }] }),
  },
  aws_elb: {
    cfnType: 'AWS::ElasticLoadBalancing::LoadBalancer',
    name: 'name',
    fields: {
      name: 'LoadBalancerName',
      internal: ['Scheme', (value) => (value === true ? 'internal' : value === false ? 'internet-facing' : value)],
      listener: ['Listeners', blocks({ instance_port: 'InstancePort', instance_protocol: 'InstanceProtocol', lb_port: 'LoadBalancerPort', lb_protocol: 'Protocol', ssl_certificate_id: 'SSLCertificateId' })],
      // A classic load balancer's access_logs block is enabled unless it says otherwise (the provider's default).
      access_logs: ['AccessLoggingPolicy', block({ enabled: 'Enabled', bucket: 'S3BucketName', bucket_prefix: 'S3BucketPrefix', interval: 'EmitInterval' }, (logs) => (logs['enabled'] === undefined ? { Enabled: true } : {}))],
      cross_zone_load_balancing: 'CrossZone',
      // Not a CloudFormation property: CloudFormation cannot set the mode, which then stays defensive.
      desync_mitigation_mode: 'DesyncMitigationMode',
      connection_draining: 'ConnectionDrainingPolicy.Enabled',
      connection_draining_timeout: 'ConnectionDrainingPolicy.Timeout',
      security_groups: ['SecurityGroups', nonEmpty],
      subnets: ['Subnets', nonEmpty],
      availability_zones: ['AvailabilityZones', nonEmpty],
      tags: ['Tags', tags],
    },
    computed: ['security_groups', 'subnets', 'availability_zones'],
    // The provider turns cross-zone load balancing on unless told otherwise; the API and CloudFormation leave it off.
    defaults: { cross_zone_load_balancing: true, desync_mitigation_mode: 'defensive' },
  },
  aws_load_balancer_policy: {
    cfnType: 'AWS::ElasticLoadBalancing::LoadBalancer',
    parent: { types: ['aws_elb'], attribute: 'load_balancer_name', keys: ['name', 'id'], mode: 'append' },
    build: (attributes) => ({
      Policies: [
        {
          PolicyName: attributes['policy_name'] ?? null,
          PolicyType: attributes['policy_type_name'] ?? null,
          Attributes: Array.isArray(attributes['policy_attribute']) ? attributes['policy_attribute'].map((entry) => (isRecord(entry) ? { Name: entry['name'] ?? null, Value: entry['value'] ?? null } : entry)) : [],
        },
      ],
    }),
  },
  aws_cloudfront_distribution: {
    cfnType: 'AWS::CloudFront::Distribution',
    fields: {
      enabled: 'DistributionConfig.Enabled',
      aliases: ['DistributionConfig.Aliases', nonEmpty],
      default_root_object: 'DistributionConfig.DefaultRootObject',
      http_version: 'DistributionConfig.HttpVersion',
      price_class: 'DistributionConfig.PriceClass',
      web_acl_id: ['DistributionConfig.WebACLId', (value) => (value === '' ? undefined : value)],
      is_ipv6_enabled: 'DistributionConfig.IPV6Enabled',
      logging_config: ['DistributionConfig.Logging', block({ bucket: 'Bucket', prefix: 'Prefix', include_cookies: 'IncludeCookies' })],
      viewer_certificate: [
        'DistributionConfig.ViewerCertificate',
        block({ acm_certificate_arn: 'AcmCertificateArn', cloudfront_default_certificate: 'CloudFrontDefaultCertificate', iam_certificate_id: 'IamCertificateId', minimum_protocol_version: 'MinimumProtocolVersion', ssl_support_method: 'SslSupportMethod' }),
      ],
      default_cache_behavior: ['DistributionConfig.DefaultCacheBehavior', block({ target_origin_id: 'TargetOriginId', viewer_protocol_policy: 'ViewerProtocolPolicy', field_level_encryption_id: 'FieldLevelEncryptionId' })],
      ordered_cache_behavior: ['DistributionConfig.CacheBehaviors', (value, all) => nonEmpty(blocks({ path_pattern: 'PathPattern', target_origin_id: 'TargetOriginId', viewer_protocol_policy: 'ViewerProtocolPolicy' })(value, all) ?? [], all)],
      origin: [
        'DistributionConfig.Origins',
        blocks({
          origin_id: 'Id',
          domain_name: 'DomainName',
          origin_path: 'OriginPath',
          origin_access_control_id: 'OriginAccessControlId',
          s3_origin_config: ['S3OriginConfig', block({ origin_access_identity: 'OriginAccessIdentity' })],
          custom_origin_config: ['CustomOriginConfig', block({ http_port: 'HTTPPort', https_port: 'HTTPSPort', origin_protocol_policy: 'OriginProtocolPolicy', origin_ssl_protocols: 'OriginSSLProtocols' })],
        }),
      ],
      restrictions: ['DistributionConfig.Restrictions', block({ geo_restriction: ['GeoRestriction', block({ restriction_type: 'RestrictionType', locations: 'Locations' })] })],
      tags: ['Tags', tags],
    },
  },
  aws_cloudfront_origin_access_control: { cfnType: 'AWS::CloudFront::OriginAccessControl', name: 'name', fields: { name: 'OriginAccessControlConfig.Name', origin_access_control_origin_type: 'OriginAccessControlConfig.OriginAccessControlOriginType', signing_behavior: 'OriginAccessControlConfig.SigningBehavior', signing_protocol: 'OriginAccessControlConfig.SigningProtocol' } },
  aws_api_gateway_rest_api: {
    cfnType: 'AWS::ApiGateway::RestApi',
    name: 'name',
    fields: { name: 'Name', description: 'Description', policy: ['Policy', policyDocument], endpoint_configuration: ['EndpointConfiguration', block({ types: 'Types', vpc_endpoint_ids: 'VpcEndpointIds' })], disable_execute_api_endpoint: 'DisableExecuteApiEndpoint', minimum_compression_size: 'MinimumCompressionSize', tags: ['Tags', tags] },
    computed: ['policy', 'endpoint_configuration'],
  },
  aws_api_gateway_rest_api_policy: {
    cfnType: 'AWS::ApiGateway::RestApi',
    parent: { types: ['aws_api_gateway_rest_api'], attribute: 'rest_api_id', keys: ['id'], mode: 'assign' },
    fields: { policy: ['Policy', policyDocument] },
  },
  aws_api_gateway_stage: {
    cfnType: 'AWS::ApiGateway::Stage',
    name: 'stage_name',
    fields: {
      stage_name: 'StageName',
      rest_api_id: 'RestApiId',
      deployment_id: 'DeploymentId',
      xray_tracing_enabled: 'TracingEnabled',
      cache_cluster_enabled: 'CacheClusterEnabled',
      client_certificate_id: 'ClientCertificateId',
      web_acl_arn: 'WebAclArn',
      access_log_settings: ['AccessLogSetting', block({ destination_arn: 'DestinationArn', format: 'Format' })],
      tags: ['Tags', tags],
    },
  },
  aws_api_gateway_method_settings: {
    cfnType: 'AWS::ApiGateway::Stage',
    parent: { types: ['aws_api_gateway_stage'], attribute: 'stage_name', keys: ['stage_name'], mode: 'append' },
    build: (attributes) => {
      const path = typeof attributes['method_path'] === 'string' ? attributes['method_path'] : '*/*';
      const split = path.lastIndexOf('/');
      const settings = Array.isArray(attributes['settings']) ? attributes['settings'][0] : undefined;
      const entry: PropRecord = { ResourcePath: `/${path.slice(0, split)}`.replace(/^\/\*$/, '/*').replace(/~1/g, '/'), HttpMethod: path.slice(split + 1) };
      if (isRecord(settings)) {
        for (const [from, to] of [['logging_level', 'LoggingLevel'], ['data_trace_enabled', 'DataTraceEnabled'], ['metrics_enabled', 'MetricsEnabled'], ['caching_enabled', 'CachingEnabled'], ['cache_data_encrypted', 'CacheDataEncrypted'], ['throttling_burst_limit', 'ThrottlingBurstLimit'], ['throttling_rate_limit', 'ThrottlingRateLimit']] as const) {
          const value = settings[from];
          if (value !== undefined && value !== null) entry[to] = value;
        }
      }
      return { MethodSettings: [entry] };
    },
  },
  aws_api_gateway_method: {
    cfnType: 'AWS::ApiGateway::Method',
    fields: { rest_api_id: 'RestApiId', resource_id: 'ResourceId', http_method: 'HttpMethod', authorization: 'AuthorizationType', authorizer_id: 'AuthorizerId', api_key_required: 'ApiKeyRequired' },
  },
  aws_api_gateway_domain_name: { cfnType: 'AWS::ApiGateway::DomainName', name: 'domain_name', fields: { domain_name: 'DomainName', security_policy: 'SecurityPolicy', certificate_arn: 'CertificateArn', regional_certificate_arn: 'RegionalCertificateArn' } },
  aws_apigatewayv2_api: { cfnType: 'AWS::ApiGatewayV2::Api', name: 'name', fields: { name: 'Name', protocol_type: 'ProtocolType', disable_execute_api_endpoint: 'DisableExecuteApiEndpoint' } },
  aws_apigatewayv2_stage: {
    cfnType: 'AWS::ApiGatewayV2::Stage',
    name: 'name',
    fields: {
      name: 'StageName',
      api_id: 'ApiId',
      auto_deploy: 'AutoDeploy',
      access_log_settings: ['AccessLogSettings', block({ destination_arn: 'DestinationArn', format: 'Format' })],
      default_route_settings: ['DefaultRouteSettings', block({ logging_level: 'LoggingLevel', data_trace_enabled: 'DataTraceEnabled', detailed_metrics_enabled: 'DetailedMetricsEnabled', throttling_burst_limit: 'ThrottlingBurstLimit', throttling_rate_limit: 'ThrottlingRateLimit' })],
    },
  },
  aws_wafregional_web_acl: { cfnType: 'AWS::WAFRegional::WebACL', name: 'name', fields: { name: 'Name', metric_name: 'MetricName', default_action: ['DefaultAction', block({ type: 'Type' })] } },
  aws_wafregional_web_acl_association: { cfnType: 'AWS::WAFRegional::WebACLAssociation', fields: { resource_arn: 'ResourceArn', web_acl_id: 'WebACLId' } },
  aws_route53_zone: {
    cfnType: 'AWS::Route53::HostedZone',
    name: 'name',
    fields: { name: 'Name', comment: 'HostedZoneConfig.Comment', vpc: ['VPCs', blocks({ vpc_id: 'VPCId', vpc_region: 'VPCRegion' })], tags: ['HostedZoneTags', tags] },
  },
  aws_route53_query_log: {
    cfnType: 'AWS::Route53::HostedZone',
    parent: { types: ['aws_route53_zone'], attribute: 'zone_id', keys: ['zone_id', 'id'], mode: 'assign' },
    fields: { cloudwatch_log_group_arn: 'QueryLoggingConfig.CloudWatchLogsLogGroupArn' },
  },
  aws_route53_record: {
    cfnType: 'AWS::Route53::RecordSet',
    name: 'name',
    fields: { zone_id: 'HostedZoneId', name: 'Name', type: 'Type', ttl: 'TTL', records: 'ResourceRecords', alias: ['AliasTarget', block({ name: 'DNSName', zone_id: 'HostedZoneId', evaluate_target_health: 'EvaluateTargetHealth' })] },
  },
};
