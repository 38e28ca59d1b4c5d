import type { CheckDefinition } from './types.js';

// What each check judges, set against AWS's own controls: the Security Hub controls (ids as the Security Hub User
// Guide gives them) and the AWS Config managed rules (names as the Config Developer Guide gives them) that judge the
// same thing. `exact` means the same resources pass and fail; `partial` names the difference in one line. Every check
// has an entry, an empty one when AWS has no equivalent. test/meta/equivalents.test.ts checks every id against the
// shared copies of those lists; scripts/generate-frameworks.mjs builds the AWS-derived frameworks from this map.

export type CheckEquivalents = NonNullable<CheckDefinition['equivalents']>;
type Equivalent = NonNullable<CheckEquivalents['securityHub']>[number];

const exact = (id: string): Equivalent => ({ id, match: 'exact' });
const partial = (id: string, difference: string): Equivalent => ({ id, match: 'partial', difference });

const CIS_ALARM = 'Security Hub follows the CIS audit, which also wants a subscriber on the alarm\'s SNS topic; demarc wants an alarm with actions';
const cisAlarm = (control: string): CheckEquivalents => ({ securityHub: [partial(control, CIS_ALARM)] });

export const checkEquivalents: Readonly<Record<string, CheckEquivalents>> = {
  'accessanalyzer-enabled': {},
  'acm-certificate-not-expiring': {
    securityHub: [exact('ACM.1')],
    configRule: [partial('acm-certificate-expiration-check', 'the rule fails certificates expiring within daysToExpiration days (14 by default); demarc within 30, as ACM.1 sets it')],
  },
  'acm-certificate-transparency-logging': {},
  'apigateway-domain-tls12': {},
  'apigateway-method-authorization': {},
  'apigateway-route-authorization': {
    securityHub: [partial('APIGateway.8', 'APIGateway.8 fails every route whose authorization type is NONE; demarc leaves out OPTIONS routes and WebSocket routes other than $connect, which cannot carry an authorizer')],
    configRule: [partial('api-gwv2-authorization-type-configured', 'the rule fails every route whose authorization type is NONE; demarc leaves out OPTIONS routes and WebSocket routes other than $connect, which cannot carry an authorizer')],
  },
  'apigateway-stage-access-logging': {
    securityHub: [partial('APIGateway.9', 'APIGateway.9 judges only HTTP and WebSocket (v2) stages; demarc also REST API stages')],
    configRule: [partial('api-gwv2-access-logs-enabled', 'the rule judges only HTTP and WebSocket (v2) stages; demarc also REST API stages')],
  },
  'apigateway-stage-cache-encrypted': { securityHub: [exact('APIGateway.5')], configRule: [partial('api-gw-cache-enabled-and-encrypted', 'the rule also fails stages without a cache and methods that do not cache; demarc judges only stages with a cache cluster')] },
  'apigateway-stage-client-certificate': { securityHub: [exact('APIGateway.2')], configRule: [exact('api-gw-ssl-enabled')] },
  'apigateway-stage-execution-logging': { securityHub: [partial('APIGateway.1', 'APIGateway.1 also judges WebSocket stages; demarc judges REST stages')], configRule: [partial('api-gw-execution-logging-enabled', 'the rule also judges WebSocket stages; demarc judges REST stages')] },
  'apigateway-stage-waf-attached': {
    securityHub: [partial('APIGateway.4', 'APIGateway.4 also accepts an AWS WAF Classic web ACL; demarc looks for an AWS WAF (v2) association')],
    configRule: [partial('api-gw-associated-with-waf', 'the rule also accepts an AWS WAF Classic web ACL; demarc looks for an AWS WAF (v2) association')],
  },
  'apigateway-stage-xray-tracing': { securityHub: [exact('APIGateway.3')], configRule: [exact('api-gw-xray-enabled')] },
  'athena-workgroup-enforce-configuration': {},
  'athena-workgroup-results-encrypted': {},
  'autoscaling-group-launch-template': { securityHub: [exact('AutoScaling.9')], configRule: [exact('autoscaling-launch-template')] },
  'autoscaling-group-multiple-az': { securityHub: [exact('AutoScaling.2')], configRule: [exact('autoscaling-multiple-az')] },
  'autoscaling-launch-config-ebs-encrypted': {},
  'autoscaling-launch-config-imdsv2': {
    securityHub: [partial('AutoScaling.3', 'demarc also passes a launch configuration that turns the metadata endpoint off')],
    configRule: [partial('autoscaling-launchconfig-requires-imdsv2', 'demarc also passes a launch configuration that turns the metadata endpoint off')],
  },
  'autoscaling-launch-config-no-public-ip': { securityHub: [exact('Autoscaling.5')], configRule: [exact('autoscaling-launch-config-public-ip-disabled')] },
  'autoscaling-launch-config-user-data-no-secrets': {},
  'backup-vault-kms-encryption': {},
  'backup-vault-policy-not-public': {},
  'cloudfront-access-logging': {
    securityHub: [partial('CloudFront.5', 'CloudFront.5 wants standard logging to S3; demarc also accepts access logs delivered through CloudWatch Logs')],
    configRule: [partial('cloudfront-accesslogs-enabled', 'the rule wants standard logging to S3; demarc also accepts access logs delivered through CloudWatch Logs')],
  },
  'cloudfront-default-root-object': { securityHub: [exact('CloudFront.1')], configRule: [exact('cloudfront-default-root-object-configured')] },
  'cloudfront-minimum-tls': {
    securityHub: [partial('CloudFront.7', 'CloudFront.7 wants only a custom certificate; demarc also wants a TLSv1.2_2021 or newer viewer policy')],
    configRule: [
      partial('cloudfront-custom-ssl-certificate', 'the rule wants only a custom certificate; demarc also wants a TLSv1.2_2021 or newer viewer policy'),
      partial('cloudfront-security-policy-check', 'the rule judges the viewer policy of SNI distributions against its own threshold; demarc wants TLSv1.2_2021 or newer and a custom certificate'),
    ],
  },
  'cloudfront-origin-https': {
    securityHub: [
      partial('CloudFront.9', 'CloudFront.9 accepts match-viewer when viewers are forced to HTTPS, and does not look at origin TLS versions; demarc wants https-only with TLSv1.2 only'),
      partial('CloudFront.10', 'CloudFront.10 fails only origins that allow SSLv3; demarc also fails TLSv1 and TLSv1.1, and HTTP to the origin'),
    ],
    configRule: [
      partial('cloudfront-traffic-to-origin-encrypted', 'the rule accepts match-viewer when viewers are forced to HTTPS, and does not look at origin TLS versions; demarc wants https-only with TLSv1.2 only'),
      partial('cloudfront-no-deprecated-ssl-protocols', 'the rule fails only origins that allow SSLv3; demarc also fails TLSv1 and TLSv1.1, and HTTP to the origin'),
    ],
  },
  'cloudfront-s3-origin-access': {
    securityHub: [partial('CloudFront.2', 'CloudFront.2 wants a legacy origin access identity; demarc accepts origin access control, which AWS recommends, or an identity')],
    configRule: [partial('cloudfront-origin-access-identity-enabled', 'the rule wants a legacy origin access identity; demarc accepts origin access control, which AWS recommends, or an identity')],
  },
  'cloudfront-viewer-https-only': { securityHub: [exact('CloudFront.3')], configRule: [exact('cloudfront-viewer-policy-https')] },
  'cloudfront-waf-attached': { securityHub: [exact('CloudFront.6')], configRule: [exact('cloudfront-associated-with-waf')] },
  'cloudtrail-bucket-access-logging': {
    securityHub: [exact('CloudTrail.7')],
    configRule: [partial('s3-bucket-logging-enabled', 'the rule judges every bucket; demarc only the buckets trails deliver to')],
  },
  'cloudtrail-bucket-not-public': { securityHub: [exact('CloudTrail.6')] },
  'cloudtrail-cloudwatch-logs-integration': { securityHub: [exact('CloudTrail.5')], configRule: [exact('cloud-trail-cloud-watch-logs-enabled')] },
  'cloudtrail-kms-encryption': { securityHub: [exact('CloudTrail.2')], configRule: [exact('cloud-trail-encryption-enabled')] },
  'cloudtrail-log-file-validation': { securityHub: [exact('CloudTrail.4')], configRule: [exact('cloud-trail-log-file-validation-enabled')] },
  'cloudtrail-logging-enabled': {
    securityHub: [partial('CloudTrail.3', 'CloudTrail.3 wants at least one trail in the account; demarc wants every trail logging and every region recorded')],
    configRule: [partial('cloudtrail-enabled', 'the rule wants at least one trail in the account; demarc wants every trail logging and every region recorded')],
  },
  'cloudtrail-multi-region': {
    securityHub: [partial('CloudTrail.1', 'CloudTrail.1 also wants the multi-region trail to record read and write management events')],
    configRule: [partial('multi-region-cloudtrail-enabled', 'the rule also judges the management events the trail records')],
  },
  'cloudtrail-s3-object-data-events': {
    configRule: [partial('cloudtrail-s3-dataevents-enabled', 'the rule takes the buckets and the read/write type as parameters; demarc wants reads and writes of every bucket')],
  },
  'cloudwatch-alarm-cloudtrail-changes': cisAlarm('CloudWatch.5'),
  'cloudwatch-alarm-cmk-disable-or-deletion': cisAlarm('CloudWatch.7'),
  'cloudwatch-alarm-config-changes': cisAlarm('CloudWatch.9'),
  'cloudwatch-alarm-console-auth-failures': cisAlarm('CloudWatch.6'),
  'cloudwatch-alarm-console-signin-without-mfa': cisAlarm('CloudWatch.3'),
  'cloudwatch-alarm-iam-policy-changes': cisAlarm('CloudWatch.4'),
  'cloudwatch-alarm-nacl-changes': cisAlarm('CloudWatch.11'),
  'cloudwatch-alarm-network-gateway-changes': cisAlarm('CloudWatch.12'),
  'cloudwatch-alarm-organizations-changes': {},
  'cloudwatch-alarm-root-usage': cisAlarm('CloudWatch.1'),
  'cloudwatch-alarm-route-table-changes': cisAlarm('CloudWatch.13'),
  'cloudwatch-alarm-s3-bucket-policy-changes': cisAlarm('CloudWatch.8'),
  'cloudwatch-alarm-security-group-changes': cisAlarm('CloudWatch.10'),
  'cloudwatch-alarm-unauthorized-api-calls': cisAlarm('CloudWatch.2'),
  'cloudwatch-alarm-vpc-changes': cisAlarm('CloudWatch.14'),
  'cloudwatch-log-group-kms-encryption': { configRule: [exact('cloudwatch-log-group-encrypted')] },
  'cloudwatch-log-group-retention-one-year': { securityHub: [exact('CloudWatch.16')], configRule: [exact('cw-loggroup-retention-period-check')] },
  'cloudwatch-log-group-retention-set': {},
  'codebuild-project-artifacts-encrypted': { configRule: [exact('codebuild-project-artifact-encryption')] },
  'codebuild-project-logging': { securityHub: [exact('CodeBuild.4')], configRule: [exact('codebuild-project-logging-enabled')] },
  'codebuild-project-no-plaintext-credentials': { securityHub: [partial('CodeBuild.2', 'CodeBuild.2 looks only for AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; demarc also fails other plaintext values that look like secrets')], configRule: [partial('codebuild-project-envvar-awscred-check', 'the rule looks only for AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; demarc also fails other plaintext values that look like secrets')] },
  'codebuild-project-source-url-no-credentials': { securityHub: [partial('CodeBuild.1', 'CodeBuild.1 judges Bitbucket source URLs; demarc the URLs of every source type, primary and secondary')], configRule: [partial('codebuild-project-source-repo-url-check', 'the rule judges Bitbucket source URLs; demarc the URLs of every source type, primary and secondary')] },
  'cognito-identity-pool-no-unauthenticated': {},
  'cognito-user-pool-mfa': {},
  'cognito-user-pool-password-policy': {},
  'config-recording-all-regions': { securityHub: [exact('Config.1')] },
  'dax-cluster-encryption-at-rest': { securityHub: [exact('DynamoDB.3')], configRule: [exact('dax-encryption-enabled')] },
  'dax-cluster-tls-endpoint': {},
  'dms-endpoint-ssl': {},
  'dms-replication-instance-not-public': { securityHub: [exact('DMS.1')], configRule: [exact('dms-replication-not-public')] },
  'documentdb-audit-logs-exported': {},
  'documentdb-backup-retention': {},
  'documentdb-cluster-encrypted': {},
  'documentdb-deletion-protection': {},
  'dynamodb-table-deletion-protection': {},
  'dynamodb-table-kms-encryption': {
    configRule: [partial('dynamodb-table-encrypted-kms', 'the rule also accepts the AWS managed key aws/dynamodb; demarc wants a customer managed key')],
  },
  'dynamodb-table-point-in-time-recovery': { securityHub: [exact('DynamoDB.2')], configRule: [exact('dynamodb-pitr-enabled')] },
  'dynamodb-table-policy-not-public': {},
  'ebs-snapshot-encrypted': {},
  'ebs-snapshot-not-public': { securityHub: [exact('EC2.1')], configRule: [exact('ebs-snapshot-public-restorable-check')] },
  'ebs-volume-encrypted': {
    securityHub: [partial('EC2.3', 'EC2.3 judges only attached volumes; demarc every volume')],
    configRule: [partial('encrypted-volumes', 'the rule judges only attached volumes; demarc every volume')],
  },
  'ec2-ami-not-public': {},
  'ec2-block-devices-encrypted': {
    securityHub: [partial('EC2.3', 'EC2.3 judges attached volumes; demarc the block device mappings of instances and launch templates')],
    configRule: [partial('encrypted-volumes', 'the rule judges attached volumes; demarc the block device mappings of instances and launch templates')],
  },
  'ec2-ebs-default-encryption': { securityHub: [exact('EC2.7')], configRule: [exact('ec2-ebs-encryption-by-default')] },
  'ec2-imdsv2-required': {
    securityHub: [partial('EC2.8', 'EC2.8 judges instances only; demarc also launch templates, and passes a metadata endpoint that is turned off')],
    configRule: [partial('ec2-imdsv2-check', 'the rule judges instances only; demarc also launch templates, and passes a metadata endpoint that is turned off')],
  },
  'ec2-instance-no-public-ip': { securityHub: [partial('EC2.9', 'EC2.9 judges running instances only; demarc also judges templates by what instances ask for and by their subnet')], configRule: [partial('ec2-instance-no-public-ip', 'the rule judges running instances only; demarc also judges templates by what instances ask for and by their subnet')] },
  'ec2-instance-profile-attached': { configRule: [exact('ec2-instance-profile-attached')] },
  'ec2-launch-template-no-public-ip': { securityHub: [exact('EC2.25')], configRule: [exact('ec2-launch-template-public-ip-disabled')] },
  'ec2-user-data-no-secrets': {},
  'ecr-repository-policy-not-public': {},
  'ecr-repository-scan-on-push': {
    securityHub: [partial('ECR.1', 'ECR.1 also accepts registry-level (enhanced) scanning; demarc reads the repository\'s ScanOnPush')],
    configRule: [partial('ecr-private-image-scanning-enabled', 'the rule also accepts registry-level (enhanced) scanning; demarc reads the repository\'s ScanOnPush')],
  },
  'ecr-repository-tag-immutability': {
    securityHub: [partial('ECR.2', 'demarc also accepts IMMUTABLE_WITH_EXCLUSION, which is newer than the control')],
    configRule: [partial('ecr-private-tag-immutability-enabled', 'demarc also accepts IMMUTABLE_WITH_EXCLUSION, which is newer than the rule')],
  },
  'ecs-container-non-root-user': {
    securityHub: [partial('ECS.1', 'ECS.1 judges only task definitions in host network mode; demarc every Linux container')],
    configRule: [
      exact('ecs-task-definition-nonroot-user'),
      partial('ecs-task-definition-user-for-host-mode-check', 'the rule judges only task definitions in host network mode; demarc every Linux container'),
    ],
  },
  'ecs-no-privileged-containers': { securityHub: [exact('ECS.4')], configRule: [exact('ecs-containers-nonprivileged')] },
  'ecs-no-secrets-in-environment': {
    securityHub: [partial('ECS.8', 'ECS.8 looks for AWS credential variable names; demarc for secret-looking names and values')],
    configRule: [partial('ecs-no-environment-secrets', 'the rule looks for AWS credential variable names; demarc for secret-looking names and values')],
  },
  'ecs-readonly-root-filesystem': { securityHub: [exact('ECS.5')], configRule: [exact('ecs-containers-readonly-access')] },
  'ecs-service-no-public-ip': { securityHub: [exact('ECS.2')] },
  'ecs-task-definition-logging': { configRule: [exact('ecs-task-definition-log-configuration')] },
  'ecs-task-host-namespaces': {
    securityHub: [partial('ECS.3', 'ECS.3 judges only PidMode; demarc also NetworkMode and IpcMode')],
    configRule: [partial('ecs-task-definition-pid-mode-check', 'the rule judges only PidMode; demarc also NetworkMode and IpcMode')],
  },
  'efs-file-system-backup-policy': {
    securityHub: [partial('EFS.2', 'EFS.2 wants the file system in an AWS Backup plan; demarc also accepts EFS automatic backups')],
    configRule: [partial('efs-in-backup-plan', 'the rule wants the file system in an AWS Backup plan; demarc also accepts EFS automatic backups')],
  },
  'efs-file-system-encryption': { securityHub: [exact('EFS.1')], configRule: [exact('efs-encrypted-check')] },
  'eks-control-plane-logging': {
    configRule: [partial('eks-cluster-logging-enabled', 'the rule wants every log type by default; demarc api, audit and authenticator')],
  },
  'eks-endpoint-not-public': {
    configRule: [partial('eks-endpoint-no-public-access', 'demarc also passes a public endpoint that only listed address ranges can reach')],
  },
  'eks-secrets-encryption-cmk': { configRule: [exact('eks-secrets-encrypted')] },
  'eks-version-supported': {
    securityHub: [partial('EKS.2', 'EKS.2 compares against a version parameter; demarc against the EKS standard support calendar at scan time')],
    configRule: [partial('eks-cluster-supported-version', 'the rule compares against a version parameter; demarc against the EKS standard support calendar at scan time')],
  },
  'elasticache-auto-minor-version-upgrade': {
    securityHub: [partial('ElastiCache.2', 'ElastiCache.2 judges cache clusters only; demarc judges replication groups and standalone clusters, and skips Redis OSS before 6.0, which cannot opt in')],
    configRule: [partial('elasticache-auto-minor-version-upgrade-check', 'the rule judges cache clusters only; demarc judges replication groups and standalone clusters, and skips Redis OSS before 6.0, which cannot opt in')],
  },
  'elasticache-automatic-backups': { securityHub: [exact('ElastiCache.1')], configRule: [exact('elasticache-redis-cluster-automatic-backup-check')] },
  'elasticache-replication-group-auth': {
    securityHub: [partial('ElastiCache.6', 'ElastiCache.6 judges Redis OSS before 6.0 only, for an AUTH token; demarc judges every replication group and also accepts RBAC user groups')],
    configRule: [partial('elasticache-repl-grp-redis-auth-enabled', 'the rule judges Redis OSS before 6.0 only, for an AUTH token; demarc judges every replication group and also accepts RBAC user groups')],
  },
  'elasticache-replication-group-encryption-at-rest': { securityHub: [exact('ElastiCache.4')], configRule: [exact('elasticache-repl-grp-encrypted-at-rest')] },
  'elasticache-replication-group-encryption-in-transit': {
    securityHub: [partial('ElastiCache.5', 'demarc also fails TransitEncryptionMode preferred, which still accepts clear-text connections')],
    configRule: [partial('elasticache-repl-grp-encrypted-in-transit', 'demarc also fails TransitEncryptionMode preferred, which still accepts clear-text connections')],
  },
  'elasticbeanstalk-enhanced-health': { securityHub: [exact('ElasticBeanstalk.1')], configRule: [exact('beanstalk-enhanced-health-reporting-enabled')] },
  'elasticbeanstalk-managed-updates': { securityHub: [exact('ElasticBeanstalk.2')], configRule: [exact('elastic-beanstalk-managed-updates-enabled')] },
  'elb-access-logging': {
    securityHub: [partial('ELB.5', 'ELB.5 judges Application and Classic Load Balancers; demarc also Network Load Balancers')],
    configRule: [partial('elb-logging-enabled', 'the rule judges Application and Classic Load Balancers; demarc also Network Load Balancers')],
  },
  'elb-alb-desync-mitigation': {
    securityHub: [exact('ELB.12')],
    configRule: [partial('alb-desync-mode-check', 'the rule accepts the modes its desyncMode parameter lists; demarc accepts defensive and strictest, as ELB.12 does')],
  },
  'elb-alb-drop-invalid-headers': { securityHub: [exact('ELB.4')], configRule: [exact('alb-http-drop-invalid-header-enabled')] },
  'elb-alb-waf-attached': {
    configRule: [partial('alb-waf-enabled', 'the rule judges every Application Load Balancer; demarc only internet-facing ones')],
  },
  'elb-classic-acm-certificate': { securityHub: [exact('ELB.2')], configRule: [exact('elb-acm-certificate-required')] },
  'elb-classic-cross-zone': { securityHub: [exact('ELB.9')], configRule: [exact('elb-cross-zone-load-balancing-enabled')] },
  'elb-classic-listeners-encrypted': { securityHub: [exact('ELB.3')], configRule: [exact('elb-tls-https-listeners-only')] },
  'elb-deletion-protection': { securityHub: [exact('ELB.6')], configRule: [exact('elb-deletion-protection-enabled')] },
  'elb-http-listener-redirects-https': {
    securityHub: [partial('ELB.1', 'demarc also accepts fixed responses, and judges the listener\'s rules as well as its default action')],
    configRule: [partial('alb-http-to-https-redirection-check', 'demarc also accepts fixed responses, and judges the listener\'s rules as well as its default action')],
  },
  'elb-listener-modern-tls-policy': {},
  'elb-multiple-az': {
    securityHub: [
      partial('ELB.10', 'ELB.10 judges Classic Load Balancers only; demarc also Application, Network and Gateway Load Balancers'),
      partial('ELB.13', 'ELB.13 judges Application, Network and Gateway Load Balancers only; demarc also Classic Load Balancers'),
    ],
    configRule: [
      partial('clb-multiple-az', 'the rule judges Classic Load Balancers only; demarc also Application, Network and Gateway Load Balancers'),
      partial('elbv2-multiple-az', 'the rule judges Application, Network and Gateway Load Balancers only; demarc also Classic Load Balancers'),
    ],
  },
  'emr-block-public-access': {},
  'emr-encryption-at-rest': {},
  'emr-encryption-in-transit': {},
  'eventbridge-bus-policy-not-public': {},
  'glue-data-catalog-encryption': {},
  'glue-security-configuration-encryption': {},
  'guardduty-enabled': { securityHub: [exact('GuardDuty.1')], configRule: [exact('guardduty-enabled-centralized')] },
  'iam-cloudshell-full-access-restricted': {
    configRule: [partial('iam-policy-blacklisted-check', 'the rule takes the forbidden policy ARNs as a parameter; demarc names AWSCloudShellFullAccess')],
  },
  'iam-password-policy-min-length': {
    securityHub: [
      exact('IAM.15'),
      partial('IAM.7', 'IAM.7 wants several settings (character classes, a minimum length of 8); demarc a minimum length of 14 only'),
    ],
    configRule: [partial('iam-password-policy', 'a rule with parameters; demarc judges MinimumPasswordLength of at least 14 only')],
  },
  'iam-password-policy-reuse-prevention': {
    securityHub: [exact('IAM.16')],
    configRule: [partial('iam-password-policy', 'a rule with parameters; demarc judges PasswordReusePrevention of at least 24 only')],
  },
  'iam-policy-no-full-admin': {
    securityHub: [partial('IAM.1', 'IAM.1 judges customer managed policies; demarc also inline policies and AdministratorAccess attached to roles, users and groups')],
    configRule: [partial('iam-policy-no-statements-with-admin-access', 'the rule judges customer managed policies; demarc also inline policies and AdministratorAccess attachments')],
  },
  'iam-policy-no-privilege-escalation': {},
  'iam-policy-no-wildcard-permissions': {
    securityHub: [partial('IAM.21', 'IAM.21 flags service-wide wildcard actions in customer managed policies; demarc also NotAction allows, actions on every resource and inline policies')],
    configRule: [partial('iam-policy-no-statements-with-full-access', 'the rule flags service-wide wildcard actions in customer managed policies; demarc judges more statement shapes and inline policies')],
  },
  'iam-role-cross-account-trust-conditions': {},
  'iam-role-oidc-trust-subject-restricted': {},
  'iam-role-trust-not-public': {},
  'iam-root-hardware-mfa': { securityHub: [exact('IAM.6')], configRule: [exact('root-account-hardware-mfa-enabled')] },
  'iam-root-mfa-enabled': { securityHub: [exact('IAM.9')], configRule: [exact('root-account-mfa-enabled')] },
  'iam-root-no-access-keys': { securityHub: [exact('IAM.4')], configRule: [exact('iam-root-access-key-check')] },
  'iam-root-not-used-recently': {
    securityHub: [partial('IAM.20', 'IAM.20 follows CIS v1.2.0 1.1 through a Security Hub rule; demarc reads the root user\'s last sign-in and key use over 90 days')],
  },
  'iam-server-certificate-not-expired': {},
  'iam-support-role-exists': {
    securityHub: [partial('IAM.18', 'IAM.18 accepts AWSSupportAccess on any user, group or role; demarc wants a role')],
    configRule: [partial('iam-policy-in-use', 'a rule with parameters (IAM.18 points it at AWSSupportAccess); demarc wants the policy on a role')],
  },
  'iam-user-access-keys-rotated': { securityHub: [exact('IAM.3')], configRule: [exact('access-keys-rotated')] },
  'iam-user-console-mfa': {
    securityHub: [exact('IAM.5'), partial('IAM.19', 'IAM.19 wants MFA for every user; demarc for users who can sign in to the console')],
    configRule: [
      exact('mfa-enabled-for-iam-console-access'),
      partial('iam-user-mfa-enabled', 'the rule wants MFA for every user; demarc for users who can sign in to the console'),
    ],
  },
  'iam-user-no-attached-policies': { securityHub: [exact('IAM.2')], configRule: [exact('iam-user-no-policies-check')] },
  'iam-user-single-active-access-key': {},
  'iam-user-unused-credentials': {
    securityHub: [exact('IAM.22'), partial('IAM.8', 'IAM.8 allows 90 days without use; demarc 45')],
    configRule: [partial('iam-user-unused-credentials-check', 'a rule with a maximum age parameter; demarc uses 45 days')],
  },
  'kinesis-firehose-encrypted': {},
  'kinesis-stream-encrypted': { securityHub: [exact('Kinesis.1')], configRule: [exact('kinesis-stream-encrypted')] },
  'kms-key-not-pending-deletion': { securityHub: [exact('KMS.3')], configRule: [exact('kms-cmk-not-scheduled-for-deletion')] },
  'kms-key-policy-not-public': {},
  'kms-key-rotation': { securityHub: [exact('KMS.4')], configRule: [exact('cmk-backing-key-rotation-enabled')] },
  'lambda-env-secrets-encrypted': {},
  'lambda-function-dead-letter': { configRule: [partial('lambda-dlq-check', 'the rule accepts only a dead-letter queue; demarc also accepts an on-failure destination of the function, a version or an alias')] },
  'lambda-function-tracing': {},
  'lambda-permission-not-public': {
    securityHub: [partial('Lambda.1', 'demarc also wants a source on permissions for AWS services, and judges unauthenticated function URL access')],
    configRule: [partial('lambda-function-public-access-prohibited', 'demarc also wants a source on permissions for AWS services, and judges unauthenticated function URL access')],
  },
  'lambda-role-not-admin': {},
  'lambda-runtime-supported': {
    securityHub: [partial('Lambda.2', 'Lambda.2 compares against a list of runtimes; demarc against the deprecation dates of managed runtimes')],
    configRule: [partial('lambda-function-settings-check', 'the rule compares against a list of runtimes and other settings; demarc against the deprecation dates of managed runtimes')],
  },
  'lambda-url-requires-auth': {},
  'macie-enabled': {},
  'mq-broker-audit-logging': {},
  'mq-broker-auto-minor-version-upgrade': {},
  'mq-broker-not-public': { configRule: [exact('mq-no-public-access')] },
  'msk-cluster-cmk-encryption': {},
  'msk-cluster-public-access-disabled': {},
  'msk-cluster-tls-in-transit': {},
  'msk-cluster-unauthenticated-access-disabled': {},
  'neptune-audit-logs-exported': {},
  'neptune-cluster-encrypted': {},
  'neptune-deletion-protection': {},
  'neptune-iam-authentication': {},
  'opensearch-domain-access-policy-not-public': {
    securityHub: [partial('Opensearch.7', 'Opensearch.7 wants fine-grained access control; demarc also accepts an access policy that admits no one anonymously')],
    configRule: [partial('opensearch-access-control-enabled', 'the rule wants fine-grained access control; demarc also accepts an access policy that admits no one anonymously')],
  },
  'opensearch-domain-audit-logging': { securityHub: [exact('Opensearch.5')], configRule: [exact('opensearch-audit-logging-enabled')] },
  'opensearch-domain-data-node-fault-tolerance': { securityHub: [exact('Opensearch.6')], configRule: [exact('opensearch-data-node-fault-tolerance')] },
  'opensearch-domain-dedicated-master-nodes': {},
  'opensearch-domain-encryption-at-rest': {
    securityHub: [exact('Opensearch.1'), exact('ES.1')],
    configRule: [exact('opensearch-encrypted-at-rest'), exact('elasticsearch-encrypted-at-rest')],
  },
  'opensearch-domain-fine-grained-access-control': { securityHub: [exact('Opensearch.7')], configRule: [exact('opensearch-access-control-enabled')] },
  'opensearch-domain-https-tls12': {
    securityHub: [exact('Opensearch.8'), exact('ES.8')],
    configRule: [exact('opensearch-https-required')],
  },
  'opensearch-domain-in-vpc': {
    securityHub: [exact('Opensearch.2'), exact('ES.2')],
    configRule: [exact('opensearch-in-vpc-only'), exact('elasticsearch-in-vpc-only')],
  },
  'opensearch-domain-node-to-node-encryption': {
    securityHub: [exact('Opensearch.3'), exact('ES.3')],
    configRule: [exact('opensearch-node-to-node-encryption-check'), exact('elasticsearch-node-to-node-encryption-check')],
  },
  'rds-auto-minor-version-upgrade': { securityHub: [exact('RDS.13')], configRule: [exact('rds-automatic-minor-version-upgrade-enabled')] },
  'rds-backup-retention': {
    securityHub: [partial('RDS.11', 'RDS.11 judges DB instances only; demarc also Aurora clusters')],
    configRule: [partial('db-instance-backup-enabled', 'a rule with a retention parameter, on DB instances only; demarc wants 7 days on instances and Aurora clusters')],
  },
  'rds-copy-tags-to-snapshot': {
    securityHub: [
      partial('RDS.17', 'RDS.17 judges DB instances, Aurora members included; demarc leaves those to their cluster'),
      exact('RDS.16'),
    ],
  },
  'rds-default-admin-username': {
    securityHub: [partial('RDS.25', 'RDS.25 judges DB instances, Aurora members included; demarc leaves those to their cluster'), exact('RDS.24')],
    configRule: [partial('rds-instance-default-admin-check', 'the rule judges DB instances, Aurora members included; demarc leaves those to their cluster'), exact('rds-cluster-default-admin-check')],
  },
  'rds-enhanced-monitoring': { securityHub: [exact('RDS.6')], configRule: [exact('rds-enhanced-monitoring-enabled')] },
  'rds-deletion-protection': {
    securityHub: [exact('RDS.8'), exact('RDS.7')],
    configRule: [exact('rds-instance-deletion-protection-enabled'), exact('rds-cluster-deletion-protection-enabled')],
  },
  'rds-engine-supported': {},
  'rds-iam-authentication': {
    securityHub: [exact('RDS.10'), exact('RDS.12')],
    configRule: [exact('rds-instance-iam-authentication-enabled'), exact('rds-cluster-iam-authentication-enabled')],
  },
  'rds-instance-not-public': { securityHub: [exact('RDS.2')], configRule: [exact('rds-instance-public-access-check')] },
  'rds-log-exports': {
    securityHub: [partial('RDS.9', 'RDS.9 wants every log type of the engine (general and slow query logs too), on DB instances only; demarc wants the engine\'s main log, on instances and DB clusters')],
    configRule: [partial('rds-logging-enabled', 'the rule wants every log type of the engine, on DB instances only; demarc wants the engine\'s main log, on instances and DB clusters')],
  },
  'rds-multi-az': {
    securityHub: [exact('RDS.5'), partial('RDS.15', 'RDS.15 wants the cluster\'s instances in several Availability Zones; demarc counts two or more instances')],
    configRule: [
      exact('rds-multi-az-support'),
      partial('rds-cluster-multi-az-enabled', 'the rule wants the cluster\'s instances in several Availability Zones; demarc counts two or more instances'),
    ],
  },
  'rds-snapshot-not-public': { securityHub: [exact('RDS.1')], configRule: [exact('rds-snapshots-public-prohibited')] },
  'rds-storage-encrypted': {
    securityHub: [partial('RDS.3', 'RDS.3 judges DB instances only; demarc also Aurora clusters')],
    configRule: [partial('rds-storage-encrypted', 'the rule judges DB instances only; demarc also Aurora clusters')],
  },
  'rds-tls-enforced': {},
  'redshift-audit-logging': { securityHub: [exact('Redshift.4')], configRule: [exact('redshift-audit-logging-enabled')] },
  'redshift-cluster-encrypted': {
    configRule: [partial('redshift-cluster-configuration-check', 'the rule also judges audit logging and node types unless its parameters turn them off')],
  },
  'redshift-cluster-not-public': { securityHub: [exact('Redshift.1')], configRule: [exact('redshift-cluster-public-access-check')] },
  'redshift-default-admin-username': { securityHub: [exact('Redshift.8')], configRule: [exact('redshift-default-admin-check')] },
  'redshift-enhanced-vpc-routing': { securityHub: [exact('Redshift.7')], configRule: [exact('redshift-enhanced-vpc-routing-enabled')] },
  'redshift-require-ssl': { securityHub: [exact('Redshift.2')], configRule: [exact('redshift-require-tls-ssl')] },
  'redshift-snapshot-retention': {
    securityHub: [exact('Redshift.3')],
    configRule: [partial('redshift-backup-enabled', 'the rule\'s minimum retention is a parameter with no default (any retention above 0 passes); demarc wants 7 days, as Redshift.3 sets it')],
  },
  'redshift-version-upgrade': {
    securityHub: [exact('Redshift.6')],
    configRule: [partial('redshift-cluster-maintenancesettings-check', 'the rule can also judge the maintenance window and snapshot retention through its parameters')],
  },
  's3-account-public-access-block': {
    securityHub: [exact('S3.1')],
    configRule: [exact('s3-account-level-public-access-blocks-periodic'), exact('s3-account-level-public-access-blocks')],
  },
  's3-bucket-access-logging': { securityHub: [exact('S3.9')], configRule: [exact('s3-bucket-logging-enabled')] },
  's3-bucket-acl-not-public': {
    securityHub: [
      partial('S3.2', 'S3.2 judges public read through the ACL, the bucket policy and Block Public Access; demarc the canned ACL'),
      partial('S3.3', 'S3.3 judges public write through the ACL, the bucket policy and Block Public Access; demarc the canned ACL'),
    ],
    configRule: [
      partial('s3-bucket-public-read-prohibited', 'the rule judges public read through the ACL, the bucket policy and Block Public Access; demarc the canned ACL'),
      partial('s3-bucket-public-write-prohibited', 'the rule judges public write through the ACL, the bucket policy and Block Public Access; demarc the canned ACL'),
    ],
  },
  's3-bucket-data-classification-tag': {
    configRule: [partial('required-tags', 'a rule with the tag keys as parameters; demarc looks for a data-classification tag with a value')],
  },
  's3-bucket-default-encryption': {
    securityHub: [partial('S3.4', 'demarc also fails a default encryption whose KMS key is disabled or pending deletion')],
    configRule: [partial('s3-bucket-server-side-encryption-enabled', 'demarc also fails a default encryption whose KMS key is disabled or pending deletion')],
  },
  's3-bucket-kms-encryption': {
    configRule: [partial('s3-default-encryption-kms', 'demarc also accepts DSSE-KMS, which is newer than the rule')],
  },
  's3-bucket-mfa-delete': {},
  's3-bucket-policy-not-public': {
    securityHub: [
      partial('S3.2', 'S3.2 judges public read through the ACL, the bucket policy and Block Public Access; demarc the bucket policy, any action'),
      partial('S3.3', 'S3.3 judges public write through the ACL, the bucket policy and Block Public Access; demarc the bucket policy, any action'),
    ],
    configRule: [
      partial('s3-bucket-public-read-prohibited', 'the rule judges public read through the ACL, the bucket policy and Block Public Access; demarc the bucket policy'),
      partial('s3-bucket-public-write-prohibited', 'the rule judges public write through the ACL, the bucket policy and Block Public Access; demarc the bucket policy'),
    ],
  },
  's3-bucket-public-access-block': { securityHub: [exact('S3.8')], configRule: [exact('s3-bucket-level-public-access-prohibited')] },
  's3-bucket-ssl-requests-only': { securityHub: [exact('S3.5')], configRule: [exact('s3-bucket-ssl-requests-only')] },
  's3-bucket-versioning': { securityHub: [exact('S3.14')], configRule: [exact('s3-bucket-versioning-enabled')] },
  'sagemaker-endpoint-config-kms-encryption': { configRule: [partial('sagemaker-endpoint-configuration-kms-key-configured', 'the rule passes any key set, an AWS managed one included; demarc wants a customer managed key')] },
  'sagemaker-notebook-kms-encryption': { configRule: [partial('sagemaker-notebook-instance-kms-key-configured', 'the rule passes any key set, an AWS managed one included; demarc wants a customer managed key')] },
  'sagemaker-notebook-no-direct-internet': { securityHub: [exact('SageMaker.1')], configRule: [exact('sagemaker-notebook-no-direct-internet-access')] },
  'sagemaker-notebook-root-access-disabled': { securityHub: [exact('SageMaker.3')], configRule: [exact('sagemaker-notebook-instance-root-access-check')] },
  'secretsmanager-secret-kms-key': { configRule: [exact('secretsmanager-using-cmk')] },
  'secretsmanager-secret-rotation': { securityHub: [exact('SecretsManager.1')], configRule: [exact('secretsmanager-rotation-enabled-check')] },
  'securityhub-enabled': { configRule: [exact('securityhub-enabled')] },
  'sns-topic-encryption': { securityHub: [exact('SNS.1')], configRule: [exact('sns-encrypted-kms')] },
  'sns-topic-policy-not-public': {},
  'sqs-queue-dead-letter': {},
  'sqs-queue-encryption': { securityHub: [exact('SQS.1')] },
  'sqs-queue-policy-not-public': {},
  'ssm-document-not-public': { securityHub: [exact('SSM.4')], configRule: [exact('ssm-document-not-public')] },
  'ssm-parameter-secret-securestring': {},
  'stepfunctions-state-machine-logging': {},
  'transfer-server-endpoint-not-public': {},
  'transfer-server-no-ftp': {},
  'vpc-default-security-group-closed': { securityHub: [exact('EC2.2')], configRule: [exact('vpc-default-security-group-closed')] },
  'vpc-flow-logs-enabled': {
    securityHub: [partial('EC2.6', 'EC2.6 wants flow logs that record at least rejected traffic; demarc accepts any flow log on the VPC')],
    configRule: [partial('vpc-flow-logs-enabled', 'a rule with a traffic type parameter; demarc accepts any flow log on the VPC')],
  },
  'vpc-network-acl-admin-ports-open': {
    securityHub: [partial('EC2.21', 'demarc passes an allow entry that a lower-numbered deny entry of the same ACL overrides')],
    configRule: [partial('nacl-no-unrestricted-ssh-rdp', 'demarc passes an allow entry that a lower-numbered deny entry of the same ACL overrides')],
  },
  'vpc-network-acl-all-ports-open': {},
  'vpc-security-group-all-ports-open': {
    securityHub: [partial('EC2.18', 'EC2.18 fails any port open to the internet outside an authorized list; demarc only rules that open every port')],
    configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails any port open to the internet outside an authorized list; demarc only rules that open every port')],
  },
  'vpc-security-group-cache-ports-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only Redis and Memcached')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only Redis and Memcached')] },
  'vpc-security-group-container-admin-ports-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only the Docker, etcd and kubelet APIs')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only the Docker, etcd and kubelet APIs')] },
  'vpc-security-group-database-ports-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only database ports'), partial('EC2.19', 'EC2.19 judges 24 high-risk ports together, among them 1433, 3306 and 5432; demarc judges seven database ports on their own')], configRule: [partial('restricted-common-ports', 'the rule judges the ports given as parameters (3306 among its defaults); demarc judges seven database ports'), partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only database ports')] },
  'vpc-security-group-egress-unrestricted': {},
  'vpc-security-group-ftp-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only FTP'), partial('EC2.19', 'EC2.19 judges 24 high-risk ports together, 20 and 21 among them; demarc judges FTP on its own')], configRule: [partial('restricted-common-ports', 'the rule judges the ports given as parameters (20, 21, 3306, 3389 and 4333 by default); demarc only FTP (20 and 21)'), partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only FTP')] },
  'vpc-security-group-rdp-open': {
    securityHub: [
      partial('EC2.14', 'EC2.14 judges TCP 3389 from 0.0.0.0/0; demarc also ::/0 and UDP 3389'),
      partial('EC2.19', 'EC2.19 judges a list of high-risk ports that includes 3389; demarc only RDP'),
    ],
    configRule: [partial('restricted-common-ports', 'a rule with the blocked ports as parameters; demarc judges RDP (3389) from anywhere')],
  },
  'vpc-security-group-search-ports-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only 9200, 9300 and 5601'), partial('EC2.19', 'EC2.19 judges 24 high-risk ports together, 5601, 9200 and 9300 among them; demarc judges these three on their own')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only 9200, 9300 and 5601')] },
  'vpc-security-group-ssh-open': { securityHub: [exact('EC2.13')], configRule: [exact('restricted-ssh')] },
  'vpc-security-group-telnet-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only Telnet'), partial('EC2.19', 'EC2.19 judges 24 high-risk ports together, Telnet among them; demarc judges Telnet on its own')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only Telnet')] },
  'vpc-security-group-vnc-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only VNC')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only VNC')] },
  'vpc-security-group-windows-sharing-open': { securityHub: [partial('EC2.18', 'EC2.18 fails every port open to the world but the authorized ones (80 and 443 by default); demarc only SMB, NetBIOS and RPC'), partial('EC2.19', 'EC2.19 judges 24 high-risk ports together, 135 and 445 among them; demarc judges 135, 137-139 and 445 on their own')], configRule: [partial('vpc-sg-open-only-to-authorized-ports', 'the rule fails every port open to the world but the authorized ones (parameters); demarc only SMB, NetBIOS and RPC')] },
  'vpc-subnet-no-auto-public-ip': { securityHub: [exact('EC2.15')], configRule: [exact('subnet-auto-assign-public-ip-disabled')] },
  'wafv2-web-acl-has-rules': {
    securityHub: [partial('WAF.10', 'WAF.10 wants at least one rule or rule group; demarc wants a rule that acts, or a blocking default action')],
    configRule: [partial('wafv2-webacl-not-empty', 'the rule wants at least one rule or rule group; demarc wants a rule that acts, or a blocking default action')],
  },
  'wafv2-web-acl-logging': { securityHub: [exact('WAF.11')], configRule: [exact('wafv2-logging-enabled')] },
};
