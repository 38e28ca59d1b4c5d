import type { ServiceModel } from './types.js';

export const serviceModels: readonly ServiceModel[] = [
  {
    id: 'infrastructure',
    title: 'Infrastructure services',
    description: 'The customer rents compute, storage and network building blocks and runs everything above the hypervisor: guest OS, platform, applications and their configuration.',
    examples: ['EC2', 'EBS', 'VPC'],
    owners: {
      'guest-os': 'customer', platform: 'customer', application: 'customer', 'network-config': 'customer',
      'identity-access': 'customer', 'encryption-at-rest': 'shared', 'client-side-encryption': 'customer',
      'traffic-protection': 'customer', 'customer-data': 'customer', 'logging-monitoring': 'customer',
    },
  },
  {
    id: 'container',
    title: 'Container services',
    description: 'AWS runs the operating system and the platform on its instances; the customer chooses versions, configures the service and its network, and owns access and data.',
    examples: ['RDS', 'EMR', 'Elastic Beanstalk', 'Redshift'],
    owners: {
      'guest-os': 'provider', platform: 'shared', application: 'customer', 'network-config': 'customer',
      'identity-access': 'customer', 'encryption-at-rest': 'shared', 'client-side-encryption': 'customer',
      'traffic-protection': 'shared', 'customer-data': 'customer', 'logging-monitoring': 'customer',
    },
  },
  {
    id: 'abstracted',
    title: 'Abstracted services',
    description: 'AWS operates the infrastructure, operating system and platform; the customer reaches an endpoint to store and retrieve data, and owns its data, its classification, encryption options and access policies.',
    examples: ['S3', 'DynamoDB', 'SQS', 'KMS'],
    owners: {
      'guest-os': 'provider', platform: 'provider', application: 'none', 'network-config': 'customer',
      'identity-access': 'customer', 'encryption-at-rest': 'shared', 'client-side-encryption': 'customer',
      'traffic-protection': 'shared', 'customer-data': 'customer', 'logging-monitoring': 'customer',
    },
  },
  {
    id: 'serverless',
    title: 'Serverless services',
    description: "AWS runs the servers, operating system and runtime environment; the customer owns the function or task code, its dependencies, its permissions and the data it handles.",
    examples: ['Lambda', 'Fargate'],
    owners: {
      'guest-os': 'provider', platform: 'shared', application: 'customer', 'network-config': 'customer',
      'identity-access': 'customer', 'encryption-at-rest': 'shared', 'client-side-encryption': 'customer',
      'traffic-protection': 'shared', 'customer-data': 'customer', 'logging-monitoring': 'customer',
    },
  },
];
