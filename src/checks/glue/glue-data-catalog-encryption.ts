// Compliant: the Data Catalog encrypts its metadata at rest and returns connection passwords encrypted.
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import type { Evaluation } from '../types.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

const ROOT = 'DataCatalogEncryptionSettings';
const AT_REST = `${ROOT}.EncryptionAtRest.CatalogEncryptionMode`;
const PASSWORDS = `${ROOT}.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`;
const AT_REST_MODES = ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'];

export default defineCheck({
  id: 'glue-data-catalog-encryption',
  title: 'Glue Data Catalog encrypts metadata and connection passwords',
  service: 'glue',
  resourceTypes: ['AWS::Glue::DataCatalogEncryptionSettings'],
  layer: 'encryption-at-rest',
  control: 'data-encryption',
  duty: 'manage-encryption-options',
  severity: 'medium',
  rationale:
    'The Data Catalog of each account and region holds the schemas, locations and connection definitions of the data lake, and connections hold database passwords. Both protections are off until the customer turns them on: metadata encryption (CatalogEncryptionMode SSE-KMS) and connection password encryption, without which GetConnection returns passwords in clear text to anyone allowed to call it. In an account scan the settings of every region are judged; a template declares them only where it manages them.',
  remediation: {
    console: 'Glue console > Data Catalog > Catalog settings: enable Metadata encryption and Encrypt connection passwords, each with a KMS key.',
    cloudformation: 'AWS::Glue::DataCatalogEncryptionSettings.DataCatalogEncryptionSettings: EncryptionAtRest {CatalogEncryptionMode: SSE-KMS, SseAwsKmsKeyId}, ConnectionPasswordEncryption {ReturnConnectionPasswordEncrypted: true, KmsKeyId}',
    terraform: 'aws_glue_data_catalog_encryption_settings data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode = "SSE-KMS" }, connection_password_encryption { return_connection_password_encrypted = true, aws_kms_key_id = ... } }',
  },
  evaluate(settings) {
    const root = settings.properties[ROOT];
    if (isUnknown(root)) return unknown(root, ROOT);
    const mode = str(at(root, 'EncryptionAtRest', 'CatalogEncryptionMode'));
    const passwords = bool(at(root, 'ConnectionPasswordEncryption', 'ReturnConnectionPasswordEncrypted'));
    const off: string[] = [];
    const doubts: Evaluation[] = [];
    if (isUnknown(mode)) doubts.push(unknown(mode, AT_REST));
    else if (mode === undefined || mode === 'DISABLED') off.push('metadata is not encrypted at rest');
    else if (!AT_REST_MODES.includes(mode)) doubts.push(unknown(`CatalogEncryptionMode "${mode}" is not one AWS accepts`, AT_REST));
    if (isUnknown(passwords)) doubts.push(unknown(passwords, PASSWORDS));
    else if (passwords !== true) off.push('connection passwords are returned in clear text');
    if (off.length > 0) return fail(off.join('; '), ROOT);
    if (doubts.length > 0) return doubts;
    return pass(`metadata is encrypted (${mode ?? ''}) and connection passwords are returned encrypted`, ROOT);
  },
});
