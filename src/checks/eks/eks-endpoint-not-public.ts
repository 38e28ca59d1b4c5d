// Compliant: the cluster's Kubernetes API endpoint is private, or public only to listed address ranges (EndpointPublicAccess false, or PublicAccessCidrs without 0.0.0.0/0).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, strings } from '../../inventory/readers.js';

export default defineCheck({
  id: 'eks-endpoint-not-public',
  title: 'EKS API endpoint is not open to the whole internet',
  service: 'eks',
  resourceTypes: ['AWS::EKS::Cluster'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'EKS creates the Kubernetes API endpoint public and open to 0.0.0.0/0 unless told otherwise, so anyone can reach it and try credentials or exploits against it. Making the endpoint private, or listing the address ranges allowed to reach it, is the customer\'s zone security.',
  remediation: {
    console: 'EKS console > cluster > Networking > Manage endpoint access > Private, or Public and private with an allowed CIDR list.',
    cloudformation: 'AWS::EKS::Cluster.ResourcesVpcConfig.EndpointPublicAccess: false and EndpointPrivateAccess: true (or PublicAccessCidrs: your ranges)',
    terraform: 'aws_eks_cluster { vpc_config { endpoint_public_access = false, endpoint_private_access = true } } (or public_access_cidrs)',
  },
  evaluate(cluster) {
    const publicAccess = bool(at(cluster.properties, 'ResourcesVpcConfig', 'EndpointPublicAccess'));
    if (isUnknown(publicAccess)) return unknown(publicAccess, 'ResourcesVpcConfig.EndpointPublicAccess');
    if (publicAccess === false) return pass('the API endpoint is private', 'ResourcesVpcConfig.EndpointPublicAccess');
    const cidrs = strings(at(cluster.properties, 'ResourcesVpcConfig', 'PublicAccessCidrs'));
    const unresolved = cidrs?.find(isUnknown);
    if (unresolved) return unknown(unresolved, 'ResourcesVpcConfig.PublicAccessCidrs');
    const implicit = publicAccess === undefined ? ' (EndpointPublicAccess defaults to true)' : '';
    if (cidrs === undefined || cidrs.length === 0) {
      return fail(`the API endpoint is public and open to 0.0.0.0/0, the default when PublicAccessCidrs is not set${implicit}`, 'ResourcesVpcConfig');
    }
    if (cidrs.some((cidr) => cidr === '0.0.0.0/0' || cidr === '::/0')) {
      return fail(`the API endpoint is public and PublicAccessCidrs allows the whole internet${implicit}`, 'ResourcesVpcConfig.PublicAccessCidrs');
    }
    return pass(`the public API endpoint is limited to ${cidrs.join(', ')}`, 'ResourcesVpcConfig.PublicAccessCidrs');
  },
});
