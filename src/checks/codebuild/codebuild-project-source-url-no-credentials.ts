// Compliant: no source location of the project (primary or secondary) carries a password or token in its URL.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, isUnknown, list, str } from '../../inventory/readers.js';
import type { PropValue } from '../../inventory/values.js';

// `scheme://userinfo@host...`: the userinfo is what may hold a credential.
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]+)@/i;
// A user name as Git hosts show it in clone URLs (`https://alice@bitbucket.org/...`): short, without secret markers.
const PLAIN_USER = /^[A-Za-z0-9._-]{1,39}$/;
const TOKEN_PREFIX = /^(gh[pousr]_|github_pat_|glpat-|x-token-auth$|x-access-token$|ATBB|oauth2$)/;

function credentialIn(location: string): string | undefined {
  const userinfo = USERINFO.exec(location.trim())?.[1];
  if (userinfo === undefined) return undefined;
  if (userinfo.includes(':')) return 'a user name and password';
  if (TOKEN_PREFIX.test(userinfo) || !PLAIN_USER.test(userinfo) || userinfo.length >= 30) return 'an access token';
  return undefined;
}

function judge(source: PropValue | undefined, path: string): Evaluation | undefined {
  if (source === undefined || source === null) return undefined;
  const location = str(at(source, 'Location'));
  if (isUnknown(location)) return unknown(location, `${path}.Location`);
  if (location === undefined) return undefined;
  const credential = credentialIn(location);
  // The URL itself is never repeated: it holds the credential.
  return credential ? fail(`the ${path} URL carries ${credential}`, `${path}.Location`) : undefined;
}

export default defineCheck({
  id: 'codebuild-project-source-url-no-credentials',
  title: 'CodeBuild project source URLs carry no credentials',
  service: 'codebuild',
  resourceTypes: ['AWS::CodeBuild::Project'],
  layer: 'application',
  control: 'configuration-management',
  duty: 'configure-workloads-securely',
  severity: 'critical',
  rationale:
    'A repository URL of the form https://user:password@host/... or https://<token>@host/... stores the credential in the project, where BatchGetProjects, the console and build logs show it to anyone who can read them. CodeBuild connects to GitHub, Bitbucket and GitLab through source credentials or CodeConnections instead. AWS Config\'s rule judges Bitbucket URLs; demarc judges the URLs of every source type, primary and secondary, and lets a bare user name (alice@bitbucket.org) pass.',
  remediation: {
    console: 'CodeBuild console > project > Edit > Source: connect with OAuth, a CodeConnections connection or stored source credentials, and set the repository URL without user name, password or token. Revoke the exposed credential.',
    cloudformation: 'AWS::CodeBuild::Project.Source.Location (and SecondarySources[].Location): a URL without userinfo; credentials in AWS::CodeBuild::SourceCredential or Source.Auth',
    terraform: 'aws_codebuild_project source { location = "https://host/owner/repo.git" }; credentials in aws_codebuild_source_credential',
  },
  evaluate(project) {
    const evaluations: Evaluation[] = [];
    const primary = judge(project.properties['Source'], 'Source');
    if (primary) evaluations.push(primary);
    const secondary = list(project.properties['SecondarySources']);
    if (isUnknown(secondary)) evaluations.push(unknown(secondary, 'SecondarySources'));
    else for (const [index, source] of (secondary ?? []).entries()) {
      const verdict = judge(source, `SecondarySources.${index}`);
      if (verdict) evaluations.push(verdict);
    }
    const failed = evaluations.filter((evaluation) => evaluation.status === 'fail');
    if (failed.length > 0) return failed;
    if (evaluations.length > 0) return evaluations;
    return pass('no source URL carries a user name and password or a token', 'Source.Location');
  },
});
