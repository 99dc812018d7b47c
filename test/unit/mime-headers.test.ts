import { decodeEncodedWords } from '../../src/domain/mime-headers';

const latin1 = (bytes: number[]) => String.fromCharCode(...bytes);
const utf8 = (bytes: number[]) => Buffer.from(bytes).toString('utf8');
const decode = (bytes: number[], charset: string) =>
  /utf-?8/i.test(charset) ? utf8(bytes) : latin1(bytes);

describe('encoded words in email headers', () => {
  it('decodes base64 and quoted-printable encoded words in any character set', () => {
    expect(decodeEncodedWords('=?UTF-8?B?2KrZgtix2YrYsQ==?= report', decode)).toBe('تقرير report');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?R=E9union_g=E9n=E9rale?=', decode)).toBe(
      'Réunion générale'
    );
    expect(decodeEncodedWords('=?UTF-8?Q?a?= =?UTF-8?Q?b?=', decode)).toBe('ab');
    expect(decodeEncodedWords('Plain subject', decode)).toBe('Plain subject');
  });
});
