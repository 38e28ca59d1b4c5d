// Compliant: the cluster's Kubernetes version is in EKS standard support at the time of the scan.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';
import { kubernetesLifecycle, kubernetesMinor } from '../lib/engine-lifecycle.js';

export default defineCheck({
  id: 'eks-version-supported',
  title: 'EKS cluster runs a Kubernetes version in standard support',
  service: 'eks',
  resourceTypes: ['AWS::EKS::Cluster'],
  layer: 'platform',
  control: 'patch-management',
  duty: 'choose-supported-versions',
  severity: 'high',
  rationale:
    'AWS patches the control plane of each Kubernetes version for 14 months of standard support; after that the cluster gets fixes only through paid extended support and is then upgraded by force. Upgrading the cluster (and its nodes and add-ons) is the customer\'s.',
  remediation: {
    console: 'EKS console > cluster > Upgrade version (one minor version at a time, after checking deprecated APIs and add-on versions).',
    cloudformation: 'AWS::EKS::Cluster.Version: a version in standard support',
    terraform: 'aws_eks_cluster { version = "..." }',
  },
  evaluate(cluster, context) {
    const version = str(at(cluster.properties, 'Version'));
    if (isUnknown(version)) return unknown(version, 'Version');
    if (version === undefined) return unknown('Version is not set: the cluster runs whatever version was the default when it was created');
    const minor = kubernetesMinor(version);
    if (minor === undefined) return unknown(`cannot read the Kubernetes version ${version}`, 'Version');
    const verdict = kubernetesLifecycle(minor, context.now);
    switch (verdict.kind) {
      case 'no-data':
        return unknown(`no support dates are known for Kubernetes ${minor}`, 'Version');
      case 'ended':
        return fail(
          verdict.endOfStandardSupport ? `Kubernetes ${minor} left standard support on ${verdict.endOfStandardSupport}` : `Kubernetes ${minor} is older than every version in standard support`,
          'Version',
        );
      case 'supported':
        return pass(`Kubernetes ${minor} is in standard support until ${verdict.endOfStandardSupport}`, 'Version');
    }
  },
});
