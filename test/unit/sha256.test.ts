import { createHash } from 'node:crypto';
import { sha256Hex, utf8Bytes } from '../../src/domain/sha256';

describe('SHA-256 of text in the script', () => {
  const samples = [
    '',
    'abc',
    'REC-2026-000001\u001fDeclared\u001f=SUM(A1)',
    'تقرير الميزانية',
    'Café — naïve façade',
    'emoji 📁 and 𝄞',
    'x'.repeat(10_000),
  ];

  it.each(samples)('matches the standard digest and UTF-8 encoding for %#', text => {
    expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
