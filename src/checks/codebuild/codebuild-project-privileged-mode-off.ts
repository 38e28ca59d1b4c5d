// Compliant: the project's build environment runs without privileged mode (Environment.PrivilegedMode false, the default).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown } from '../../inventory/readers.js';

const PATH = 'Environment.PrivilegedMode';

export default defineCheck({
  id: 'codebuild-project-privileged-mode-off',
  title: 'CodeBuild project builds without privileged mode',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'high',
  rationale:
    'Privileged mode gives the build container root access to the build host\'s devices, so that it can run a Docker daemon. Any step of the build, a compromised dependency or build script included, can then act with those privileges. It is off unless the project turns it on; the customer decides which builds need it.',
  remediation: {
    console: 'CodeBuild console > project > Edit > Environment > Additional configuration: clear "Privileged" (build images without a Docker daemon, e.g. with a separate image build service).',
    cloudformation: 'AWS::CodeBuild::Project.Environment.PrivilegedMode: false (or leave it unset)',
    terraform: 'aws_codebuild_project environment { privileged_mode = false }',
  },
  evaluate(project) {
    const privileged = bool(at(project.properties, 'Environment', 'PrivilegedMode'));
    if (isUnknown(privileged)) return unknown(privileged, PATH);
    if (privileged === true) return fail('the build environment runs in privileged mode', PATH);
    return pass(`the build environment runs without privileged mode${privileged === undefined ? ' (the default)' : ''}`, PATH);
  },
});
