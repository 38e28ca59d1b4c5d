import { cloudFormationSource } from './cloudformation/index.js';
import type { FileSource } from './file-source.js';
import { terraformSource } from './terraform/index.js';

/** Every file source, in the order they are asked to claim a file. */
export const fileSources: readonly FileSource[] = [cloudFormationSource, terraformSource];
