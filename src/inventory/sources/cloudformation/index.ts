import { mergeInventories, type Inventory } from '../../resource.js';
import type { FileSource } from '../file-source.js';
import { readCloudFormationTemplate } from './read-template.js';

const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template|cfn)$/i;
const CLOUDFORMATION_MARKERS = /AWSTemplateFormatVersion|^\s*"?Resources"?\s*:|"Resources"\s*:/m;
const TERRAFORM_MARKERS = /"(format_version|terraform_version)"\s*:/;
// Terraform's JSON configuration syntax: never a template, whatever keys it holds.
const TERRAFORM_JSON_CONFIG = /\.tf(vars)?\.json$/i;

export const cloudFormationSource: FileSource = {
  id: 'cloudformation',
  // CloudFormation itself accepts templates up to 1 MB; five leaves room for generated JSON and formatting.
  maxBytes: 5 * 1024 * 1024,
  claims: (path, head) =>
    TEMPLATE_EXTENSIONS.test(path) && !TERRAFORM_JSON_CONFIG.test(path) && CLOUDFORMATION_MARKERS.test(head) && !TERRAFORM_MARKERS.test(head),
  // Each template stands alone: read one at a time, so that one that fails costs only its own results.
  groupOf: (path) => path,
  read(files) {
    const parts: Inventory[] = [];
    for (const file of files) {
      try {
        parts.push(readCloudFormationTemplate(file.path, file.text));
      } catch (error) {
        // readCloudFormationTemplate turns its own failures into problems; this is the last line, for the one file.
        const message = error instanceof Error ? error.message : String(error);
        parts.push({ resources: [], gaps: [], problems: [{ file: file.path, message: `cannot read template: ${message}`, fatal: true }], sources: [] });
      }
    }
    return mergeInventories(parts);
  },
};

export { readCloudFormationTemplate };
