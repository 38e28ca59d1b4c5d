import { awsDocsFor } from '../checks/aws-docs.js';

/**
 * The project's namespace for its own OSCAL properties. It names, it is not fetched: package.json has no published
 * `repository` yet, so no report links to it.
 */
export const PROJECT_URL = 'https://github.com/demarc-project/demarc';

/** The AWS documentation of what a check judges: the check's own remediation link, else the catalogue's. */
export function awsDocUrl(checkId: string, remediation?: { docs?: string }): string | undefined {
  const url = remediation?.docs ?? awsDocsFor(checkId);
  // Only web links reach an output: a saved result could carry anything in this field.
  return url !== undefined && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : undefined;
}
