import { awsDocsFor } from '../checks/aws-docs.js';

/**
 * The project's home, defined once for every format that links back to it (SARIF `informationUri` and `helpUri`).
 * package.json has no `repository` yet; when it gains one, this must name the same place.
 */
export const PROJECT_URL = 'https://github.com/demarc-project/demarc';

/** The check catalogue (`npm run gen:docs`), whose headings are the check ids. */
export const CHECKS_DOC_URL = `${PROJECT_URL}/blob/main/docs/checks.md`;

/** Where a check is documented in the project: its heading in docs/checks.md. */
export function checkDocUrl(checkId: string): string {
  return `${CHECKS_DOC_URL}#${encodeURIComponent(checkId.toLowerCase())}`;
}

/** The AWS documentation of what a check judges: the check's own remediation link, else the catalogue's. */
export function awsDocUrl(checkId: string, remediation?: { docs?: string }): string | undefined {
  const url = remediation?.docs ?? awsDocsFor(checkId);
  // Only web links reach an output: a saved result could carry anything in this field.
  return url !== undefined && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : undefined;
}
