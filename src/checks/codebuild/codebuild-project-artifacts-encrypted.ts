// Compliant: no artifact of the project (primary or secondary) has EncryptionDisabled true.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, isUnknown, list } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';

function judge(artifact: PropValue | undefined, path: string): Evaluation | undefined {
  if (artifact === undefined || artifact === null) return undefined;
  const disabled = bool(at(artifact, 'EncryptionDisabled'));
  if (isUnknown(disabled)) return unknown(disabled, `${path}.EncryptionDisabled`);
  return disabled === true ? fail(`artifact ${path} is written without encryption (EncryptionDisabled: true)`, `${path}.EncryptionDisabled`) : undefined;
}

export default defineCheck({
  id: 'codebuild-project-artifacts-encrypted',
  title: 'CodeBuild project encrypts its build artifacts',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'CodeBuild encrypts the artifacts it writes to S3 with the project\'s KMS key (the AWS managed aws/s3 key by default) unless EncryptionDisabled is set on the artifact, which some static-website setups do. Build outputs carry compiled code and often configuration; turning their encryption off is a choice the customer makes per artifact.',
  remediation: {
    console: 'CodeBuild console > project > Edit > Artifacts (and each secondary artifact): clear "Disable artifacts encryption".',
    cloudformation: 'AWS::CodeBuild::Project.Artifacts.EncryptionDisabled and SecondaryArtifacts[].EncryptionDisabled: false (or absent)',
    terraform: 'aws_codebuild_project artifacts { encryption_disabled = false } and secondary_artifacts { encryption_disabled = false }',
  },
  evaluate(project) {
    const evaluations: Evaluation[] = [];
    const primary = judge(project.properties['Artifacts'], 'Artifacts');
    if (primary) evaluations.push(primary);
    const secondary = list(project.properties['SecondaryArtifacts']);
    if (isUnknown(secondary)) evaluations.push(unknown(secondary, 'SecondaryArtifacts'));
    else for (const [index, artifact] of (secondary ?? []).entries()) {
      const verdict = judge(artifact, `SecondaryArtifacts.${index}`);
      if (verdict) evaluations.push(verdict);
    }
    const failed = evaluations.filter((evaluation) => evaluation.status === 'fail');
    if (failed.length > 0) return failed;
    if (evaluations.length > 0) return evaluations;
    return pass('every artifact of the project is written encrypted', 'Artifacts');
  },
});
