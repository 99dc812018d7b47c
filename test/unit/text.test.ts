import { CELL_CHARACTER_LIMIT, toCellText } from '../../src/domain/text';

describe('user text in register cells', () => {
  it.each(['=IMPORTXML("http://x","//a")', '+44 20 7946 0000', '-5', '@team', '2017-01-05', '007'])(
    'writes %s so Sheets stores it literally',
    text => {
      const cell = toCellText(text);
      expect(cell.cell).toBe(`'${text}`);
      expect(cell.text).toBe(text);
    }
  );

  it('removes control characters but keeps line breaks and right-to-left text intact', () => {
    const rtl = 'تقرير الميزانية \u200F(مسودة)';
    expect(toCellText(`a\u0000b\u0007c\r\nd\te`).text).toBe('abc\nd\te');
    expect(toCellText(rtl).text).toBe(rtl);
  });

  it('cuts text longer than a cell holds and says so', () => {
    const cell = toCellText('x'.repeat(60_000));
    expect(cell.truncated).toBe(true);
    expect(cell.cell.length).toBeLessThanOrEqual(CELL_CHARACTER_LIMIT);
    expect(cell.text).toMatch(/\[cut: the full text did not fit in one cell\]$/);
  });
});
