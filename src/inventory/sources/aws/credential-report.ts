import type { RootAccountProperties, UserCredentialReport } from '../../account-level-types.js';

/** One row of the IAM credential report, by its documented column names. */
export type CredentialReportRow = Readonly<Record<string, string>>;

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes) into rows keyed by the header line. */
export function parseCsv(text: string): CredentialReportRow[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((row) => row.length > 1 || (row[0] ?? '') !== '');
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, column) => [name.trim(), row[column] ?? ''])));
}

const flag = (value: string | undefined): boolean => value === 'true';

/** Dates in the report are ISO 8601; `N/A`, `no_information` and `not_supported` mean none. */
function date(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === 'N/A' || value === 'no_information' || value === 'not_supported') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

export const ROOT_USER = '<root_account>';

export function rootAccountFrom(row: CredentialReportRow): RootAccountProperties {
  return {
    MfaActive: flag(row['mfa_active']),
    AccessKey1Active: flag(row['access_key_1_active']),
    AccessKey2Active: flag(row['access_key_2_active']),
    PasswordLastUsed: date(row['password_last_used']),
    AccessKey1LastUsedDate: date(row['access_key_1_last_used_date']),
    AccessKey2LastUsedDate: date(row['access_key_2_last_used_date']),
  };
}

export function userReportFrom(row: CredentialReportRow): UserCredentialReport {
  const keys: UserCredentialReport['AccessKeys'] = [];
  for (const slot of ['1', '2']) {
    const active = flag(row[`access_key_${slot}_active`]);
    const lastRotated = date(row[`access_key_${slot}_last_rotated`]);
    // A slot with neither an active key nor a rotation date has never held a key.
    if (!active && lastRotated === null) continue;
    keys.push({ Active: active, LastRotated: lastRotated, LastUsedDate: date(row[`access_key_${slot}_last_used_date`]) });
  }
  return {
    PasswordEnabled: flag(row['password_enabled']),
    PasswordLastUsed: date(row['password_last_used']),
    PasswordLastChanged: date(row['password_last_changed']),
    MfaActive: flag(row['mfa_active']),
    AccessKeys: keys,
    UserCreationTime: date(row['user_creation_time']) ?? '',
  };
}
