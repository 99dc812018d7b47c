// The emulator's main pane helpers: markings in file names and email subjects, column letters,
// validation ranges, sizes.
import {
  columnLetter,
  columnsShown,
  fileKind,
  formatSize,
  markingTone,
  splitMarking,
  splitSubjectMarking,
  validationAt,
} from '../../emulator/web/workspace-model';

describe('markings in file names', () => {
  it('splits a leading [MARKING] from the title', () => {
    expect(splitMarking('[OFFICIAL-SENSITIVE - PERSONAL DATA] Interview notes.pdf')).toEqual({
      marking: 'OFFICIAL-SENSITIVE - PERSONAL DATA',
      title: 'Interview notes.pdf',
    });
    expect(splitMarking('Budget [draft].xlsx')).toEqual({
      marking: null,
      title: 'Budget [draft].xlsx',
    });
  });

  it('splits a leading marking from an email subject, in capitals only', () => {
    expect(splitSubjectMarking('OFFICIAL-SENSITIVE: Grant decision')).toEqual({
      marking: 'OFFICIAL-SENSITIVE',
      title: 'Grant decision',
    });
    expect(splitSubjectMarking('OFFICIAL-SENSITIVE - PERSONAL DATA: casework 12')).toEqual({
      marking: 'OFFICIAL-SENSITIVE - PERSONAL DATA',
      title: 'casework 12',
    });
    expect(splitSubjectMarking('[SECRET] Threat assessment')).toEqual({
      marking: 'SECRET',
      title: 'Threat assessment',
    });
    for (const subject of ['Re: OFFICIAL: minutes', 'Official: lunch', 'OFFICIAL business'])
      expect(splitSubjectMarking(subject)).toEqual({ marking: null, title: subject });
  });

  it('colours a marking by its classification', () => {
    expect(markingTone('OFFICIAL')).toBe('official');
    expect(markingTone('OFFICIAL-SENSITIVE - COMMERCIAL')).toBe('sensitive');
    expect(markingTone('SECRET')).toBe('refused');
    expect(markingTone('RESTRICTED')).toBe('other');
  });
});

describe('spreadsheet grid', () => {
  it('letters columns as Sheets does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('finds the validation covering a cell (1-based)', () => {
    const validations = [
      { row: 2, column: 3, numRows: 10, numColumns: 1, values: ['OFFICIAL', 'OFFICIAL-SENSITIVE'] },
    ];
    expect(validationAt(validations, 2, 3)?.values).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE']);
    expect(validationAt(validations, 11, 3)).toBeDefined();
    expect(validationAt(validations, 12, 3)).toBeUndefined();
    expect(validationAt(validations, 1, 3)).toBeUndefined();
    expect(validationAt(validations, 2, 4)).toBeUndefined();
  });

  it('shows as many columns as the widest row or validation needs', () => {
    expect(columnsShown([['a', 'b'], ['c']], [], 1)).toBe(2);
    expect(
      columnsShown([['a']], [{ row: 2, column: 8, numRows: 1, numColumns: 2, values: [] }])
    ).toBe(9);
    expect(columnsShown([], [], 6)).toBe(6);
  });

  it('knows Google file types', () => {
    expect(fileKind('application/vnd.google-apps.document')).toBe('document');
    expect(fileKind('application/vnd.google-apps.folder')).toBe('folder');
    expect(fileKind('application/pdf')).toBe('pdf');
    expect(fileKind('text/plain')).toBe('file');
  });
});

describe('attachment sizes', () => {
  it('shows bytes, KB or MB as Gmail does', () => {
    expect(formatSize(70)).toBe('70 B');
    expect(formatSize(1096)).toBe('1 KB');
    expect(formatSize(5 * 1024 * 1024 + 200_000)).toBe('5.2 MB');
  });
});
