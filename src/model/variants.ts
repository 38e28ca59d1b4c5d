import type { ServiceVariant } from './types.js';

const ECS_MODEL = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model.html';
const ECS_MANAGED_INSTANCES = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-patching.html';
const EKS_SECURITY = 'https://docs.aws.amazon.com/eks/latest/userguide/security.html';
const EKS_AUTO_MODE = 'https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html';
const LAMBDA_RUNTIMES = 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-management-shared.html';
const RDS_CUSTOM_OS = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/custom-upgrading-considerations-os.html';
const RDS_CUSTOM_FAQ = 'https://aws.amazon.com/rds/custom/faqs/';
const BEANSTALK_MANAGED = 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html';
const OPENSEARCH_SERVERLESS = 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-overview.html';
const ELASTICACHE_VERSIONS = 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html';
const EMR_SERVERLESS = 'https://docs.aws.amazon.com/emr-serverless/latest/APIReference/Welcome.html';
const OPENSEARCH_DOMAIN = 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html';
const EMR_AMI = 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-default-ami.html';
const AURORA_SERVERLESS = 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.html';

/**
 * The configurations of a service whose cells differ from the service's own, per AWS's documentation. The first
 * variant of a service with no overrides is the configuration the service's own cells describe.
 */
export const variants: readonly ServiceVariant[] = [
  // ECS: who runs the container instances follows the launch type or capacity provider.
  { id: 'ecs-ec2', service: 'ecs', name: 'EC2 launch type or Auto Scaling group capacity provider', description: 'Tasks run on container instances in the customer\'s account: the service\'s own cells.', overrides: [], source: ECS_MODEL },
  {
    id: 'ecs-fargate', service: 'ecs', name: 'Fargate', description: 'Tasks run on AWS Fargate (FARGATE or FARGATE_SPOT): AWS runs and patches the hosts, their OS, the ECS agent and the container runtime.', source: ECS_MODEL,
    overrides: [
      { layer: 'guest-os', owner: 'provider', reason: 'On Fargate the customer does not manage the operating system of the hosts that run its tasks; AWS patches it.', source: ECS_MODEL },
      { layer: 'platform', owner: 'provider', reason: 'On Fargate the container agent and runtime are part of the AWS-managed platform version.', source: ECS_MODEL },
    ],
  },
  {
    id: 'ecs-managed-instances', service: 'ecs', name: 'ECS Managed Instances', description: 'Tasks run on EC2 instances that ECS launches, patches and replaces for the customer.', source: ECS_MANAGED_INSTANCES,
    overrides: [
      { layer: 'guest-os', owner: 'provider', reason: 'ECS patches managed container instances itself and replaces them within a fixed lifetime; the customer only schedules event windows.', source: ECS_MANAGED_INSTANCES },
      { layer: 'platform', owner: 'provider', reason: 'The software on managed container instances, agent and runtime included, is updated by AWS.', source: ECS_MANAGED_INSTANCES },
    ],
  },
  { id: 'ecs-external', service: 'ecs', name: 'ECS Anywhere (EXTERNAL)', description: 'Tasks run on the customer\'s own servers registered to the cluster: everything on the host is the customer\'s, as on the EC2 launch type.', overrides: [], source: ECS_MODEL },

  // EKS: who patches the worker nodes follows how they are provided.
  { id: 'eks-node-groups', service: 'eks', name: 'Managed or self-managed node groups', description: 'Worker nodes are EC2 instances in the customer\'s account; the customer starts node and AMI updates: the service\'s own cells.', resourceTypes: ['AWS::EKS::Nodegroup'], overrides: [], source: EKS_SECURITY },
  {
    id: 'eks-fargate', service: 'eks', name: 'Fargate profiles', description: 'Pods matched by a Fargate profile run on AWS-managed capacity.', resourceTypes: ['AWS::EKS::FargateProfile'], source: EKS_SECURITY,
    overrides: [{ layer: 'guest-os', owner: 'provider', reason: 'Fargate nodes are patched by AWS; the customer manages no node operating system for pods on Fargate.', source: EKS_SECURITY }],
  },
  {
    id: 'eks-auto-mode', service: 'eks', name: 'EKS Auto Mode', description: 'EKS creates, patches and deletes the cluster\'s EC2 managed instances.', source: EKS_AUTO_MODE,
    overrides: [{ layer: 'guest-os', owner: 'provider', reason: 'With Auto Mode, EKS creates, patches and retires the node instances; the customer owns the pods on them.', source: EKS_AUTO_MODE }],
  },

  // Lambda: who brings runtime patches into the function follows the package type.
  { id: 'lambda-zip', service: 'lambda', name: 'Managed runtime (.zip package)', description: 'The function runs on a Lambda managed runtime: the service\'s own cells.', overrides: [], source: LAMBDA_RUNTIMES },
  {
    id: 'lambda-image', service: 'lambda', name: 'Container image (PackageType Image)', description: 'The function is a container image the customer builds from a base image.', source: LAMBDA_RUNTIMES,
    overrides: [{ layer: 'platform', owner: 'customer', reason: 'AWS publishes patched base images, but the runtime inside an image changes only when the customer rebuilds from them and deploys again.', source: LAMBDA_RUNTIMES }],
  },

  // RDS: RDS Custom hands the host and the database software to the customer.
  { id: 'rds-managed', service: 'rds', name: 'Amazon RDS or Aurora', description: 'AWS manages the database host: the service\'s own cells.', overrides: [], source: RDS_CUSTOM_FAQ },
  {
    id: 'rds-custom', service: 'rds', name: 'RDS Custom', description: 'An RDS Custom DB instance (engine `custom-*`): the customer has administrative access to the host and its database software.', source: RDS_CUSTOM_FAQ,
    overrides: [
      { layer: 'guest-os', owner: 'customer', reason: 'On RDS Custom the customer keeps the host operating system up to date; RDS Custom does not choose its patches.', source: RDS_CUSTOM_OS },
      { layer: 'platform', owner: 'customer', reason: 'On RDS Custom the customer installs database patches and moves to new custom engine versions.', source: RDS_CUSTOM_FAQ },
    ],
  },
  { id: 'rds-aurora-serverless', service: 'rds', name: 'Aurora Serverless', description: 'Aurora capacity that scales by itself (db.serverless instances, or EngineMode serverless): engine versions and maintenance as for provisioned Aurora, so the service\'s own cells.', overrides: [], source: AURORA_SERVERLESS },

  // Elastic Beanstalk: whether AWS applies platform updates follows the managed-actions option.
  { id: 'elasticbeanstalk-managed-updates', service: 'elasticbeanstalk', name: 'Managed platform updates on', description: 'Elastic Beanstalk applies patch and minor platform updates in the weekly window: the service\'s own cells.', overrides: [], source: BEANSTALK_MANAGED },
  {
    id: 'elasticbeanstalk-manual-updates', service: 'elasticbeanstalk', name: 'Managed platform updates off', description: 'Platform updates reach the instances only when the customer updates the environment.', source: BEANSTALK_MANAGED,
    overrides: [
      { layer: 'guest-os', owner: 'customer', reason: 'Without managed updates, patched platform versions (OS included) reach the instances only when the customer applies them.', source: BEANSTALK_MANAGED },
      { layer: 'platform', owner: 'customer', reason: 'Without managed updates, runtime and web server updates are applied only by the customer.', source: BEANSTALK_MANAGED },
    ],
  },

  // Serverless editions.
  { id: 'opensearch-domain', service: 'opensearch', name: 'OpenSearch Service domain', description: 'A provisioned domain: the service\'s own cells.', resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], overrides: [], source: OPENSEARCH_DOMAIN },
  {
    id: 'opensearch-serverless', service: 'opensearch', name: 'OpenSearch Serverless', description: 'A serverless collection: AWS provisions, tunes and upgrades it.', resourceTypes: ['AWS::OpenSearchServerless::Collection'], source: OPENSEARCH_SERVERLESS,
    overrides: [{ layer: 'platform', owner: 'provider', reason: 'OpenSearch Serverless upgrades collections to new versions itself; the customer chooses and applies no engine or service software version.', source: OPENSEARCH_SERVERLESS }],
  },
  { id: 'elasticache-node-based', service: 'elasticache', name: 'Node-based cluster', description: 'A node-based cluster or replication group: the service\'s own cells.', resourceTypes: ['AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster'], overrides: [], source: ELASTICACHE_VERSIONS },
  {
    id: 'elasticache-serverless', service: 'elasticache', name: 'ElastiCache Serverless', description: 'A serverless cache: AWS applies minor and patch versions.', resourceTypes: ['AWS::ElastiCache::ServerlessCache'], source: ELASTICACHE_VERSIONS,
    overrides: [{ layer: 'platform', owner: 'shared', reason: 'AWS applies every minor and patch engine version to a serverless cache without action from the customer; moving to a new major version stays the customer\'s choice.', source: ELASTICACHE_VERSIONS }],
  },
  { id: 'emr-clusters', service: 'emr', name: 'EMR on EC2 clusters', description: 'Cluster instances in the customer\'s account: the service\'s own cells.', resourceTypes: ['AWS::EMR::Cluster'], overrides: [], source: EMR_AMI },
  {
    id: 'emr-serverless', service: 'emr', name: 'EMR Serverless', description: 'An EMR Serverless application: jobs run on capacity AWS operates, with no cluster to patch.', resourceTypes: ['AWS::EMRServerless::Application'], source: EMR_SERVERLESS,
    overrides: [{ layer: 'guest-os', owner: 'provider', reason: 'EMR Serverless runs jobs without clusters the customer configures, secures or operates; the hosts\' OS is AWS\'s.', source: EMR_SERVERLESS }],
  },
];
