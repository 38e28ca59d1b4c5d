// Compliant: the access point confines its clients to a subdirectory (RootDirectory.Path other than "/").
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, record, str } from '../../inventory/readers.js';

const PATH = 'RootDirectory.Path';

export default defineCheck({
  id: 'efs-access-point-root-directory',
  title: 'EFS access point enforces a root directory',
  service: 'efs',
  resourceTypes: ['AWS::EFS::AccessPoint'],
  layer: 'identity-access',
  control: 'access-management',
  duty: 'restrict-access',
  severity: 'medium',
  rationale:
    'An access point whose root directory is the file system\'s root ("/", the default) lets every client that mounts through it reach every file of the file system. With a subdirectory as root, the clients of the access point see only that directory tree: one application cannot read or overwrite the data of another sharing the file system. Which data each application may reach is the customer\'s decision.',
  remediation: {
    console: 'EFS console > file system > Access points > Create access point with a Root directory path such as /app (the root of an existing access point cannot be changed: create a new one).',
    cloudformation: 'AWS::EFS::AccessPoint.RootDirectory.Path: /<application directory> (with CreationInfo to create it)',
    terraform: 'aws_efs_access_point { root_directory { path = "/<application directory>" } }',
  },
  evaluate(point) {
    const root = record(point.properties['RootDirectory']);
    if (isUnknown(root)) return unknown(root, 'RootDirectory');
    const path = str(at(root, 'Path'));
    if (isUnknown(path)) return unknown(path, PATH);
    if (path === undefined) return fail('the access point exposes the whole file system (RootDirectory.Path defaults to "/")', PATH);
    if (path.replace(/\/+$/, '') === '') return fail('the access point exposes the whole file system (root directory "/")', PATH);
    return pass(`clients of the access point are confined to ${path}`, PATH);
  },
});
