import { describe, expect, it } from 'vitest';
import { parseCsv, rootAccountFrom, userReportFrom } from '../../src/inventory/sources/aws/credential-report.js';

const HEADER = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

describe('credential report', () => {
  it('parses the documented columns, with CRLF line ends and quoted fields', () => {
    const text = `${HEADER}\r\n<root_account>,arn:aws:iam::123456789012:root,2015-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,false,true,2016-05-05T10:00:00+00:00,2024-01-01T12:00:00+00:00,us-east-1,ec2,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\r\n"ci,bot",arn:aws:iam::123456789012:user/ci,2021-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,2021-01-01T00:00:00+00:00,N/A,N/A,N/A,true,2023-03-03T00:00:00+00:00,2024-02-02T00:00:00+00:00,eu-west-1,s3,false,N/A,false,N/A\r\n`;
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.['user']).toBe('ci,bot');
    expect(rootAccountFrom(rows[0] ?? {})).toEqual({ MfaActive: false, AccessKey1Active: true, AccessKey2Active: false, PasswordLastUsed: null, AccessKey1LastUsedDate: '2024-01-01T12:00:00.000Z', AccessKey2LastUsedDate: null });
    expect(userReportFrom(rows[1] ?? {})).toEqual({
      PasswordEnabled: false,
      PasswordLastUsed: null,
      PasswordLastChanged: null,
      MfaActive: false,
      AccessKeys: [
        { Active: false, LastRotated: '2021-01-01T00:00:00.000Z', LastUsedDate: null },
        { Active: true, LastRotated: '2023-03-03T00:00:00.000Z', LastUsedDate: '2024-02-02T00:00:00.000Z' },
      ],
      UserCreationTime: '2021-01-01T00:00:00.000Z',
    });
  });

  it('gives no rows for an empty report', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv(`${HEADER}\n`)).toEqual([]);
  });
});
