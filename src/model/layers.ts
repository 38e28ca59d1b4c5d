import type { Layer } from './types.js';

export const layers: readonly Layer[] = [
  { id: 'facilities', title: 'Facilities', description: 'Physical and environmental security of the data centres: access to buildings, power, cooling, fire and flood protection.' },
  { id: 'hardware', title: 'Hardware and global infrastructure', description: 'Servers, storage and network devices, and the Regions, Availability Zones and edge locations they form.' },
  { id: 'virtualization', title: 'Virtualization', description: 'The host operating system and the hypervisor that isolates one tenant from another.' },
  { id: 'foundation-services', title: 'Foundation services', description: "The software of AWS's compute, storage, database and networking services, and the configuration of the services AWS manages." },
  { id: 'guest-os', title: 'Guest operating system', description: 'The operating system of instances and nodes, its configuration and its patches.' },
  { id: 'platform', title: 'Platform', description: 'Runtimes, database engines and middleware, and the choice and patching of their versions.' },
  { id: 'application', title: 'Application', description: "The customer's own code and the application software installed on top of the platform." },
  { id: 'network-config', title: 'Network configuration', description: 'Security groups, network ACLs, routing, public exposure and zone security: who can reach what.' },
  { id: 'identity-access', title: 'Identity and access', description: 'IAM users, roles and policies, resource policies, credentials, key rotation and MFA.' },
  { id: 'encryption-at-rest', title: 'Encryption at rest', description: 'Server-side encryption of volumes, file systems, objects and databases, and the keys used for it.' },
  { id: 'client-side-encryption', title: 'Client-side encryption', description: 'Encrypting data before it reaches AWS, and authenticating its integrity.' },
  { id: 'traffic-protection', title: 'Traffic protection', description: 'Encryption, integrity and identity of network traffic: TLS on listeners and endpoints.' },
  { id: 'customer-data', title: 'Customer data', description: 'The data itself: its classification, retention, backup, recovery and protection from loss or leakage.' },
  { id: 'logging-monitoring', title: 'Logging and monitoring', description: 'Audit trails, and detection of misuse or of compromised credentials.' },
];
