import {
  checksumLine,
  closurePeriods,
  exportFormat,
  foiCodes,
  MAX_FILE_NAME,
  packageExtension,
  rejectionByContent,
  rejectionByType,
  selectedForTransfer,
  TDR_COPYRIGHT,
  TDR_HEADERS,
  tdrFileName,
  tdrProblems,
  tdrRow,
} from '../../src/domain/tdr';
import type { TdrRecordFields } from '../../src/domain/tdr';

const open: TdrRecordFields = {
  recordId: 'REC-2016-000123',
  description: 'Options for the Community Resilience Grant',
  recordDate: '2016-05-03',
  closureStatus: 'Open',
  closureStartDate: '',
  closurePeriod: '',
  foiExemptions: '',
  foiScheduleDate: '',
  titleClosed: '',
  alternateTitle: '',
  descriptionClosed: '',
  alternateDescription: '',
};

const closed: TdrRecordFields = {
  ...open,
  closureStatus: 'Closed',
  closurePeriod: '40; 80',
  foiExemptions: 's40(2), section 27(1)',
  foiScheduleDate: '2036-01-10',
  titleClosed: 'Yes',
  alternateTitle: 'Grant options.docx',
  descriptionClosed: 'No',
};

const placed = {
  filepath: 'content/POL-DEV-01/REC-2016-000123 Grant options.pdf',
  filename: 'REC-2016-000123 Grant options.pdf',
  lastModified: '2016-05-04',
};

const byHeader = (row: string[]) =>
  Object.fromEntries(TDR_HEADERS.map((h, i) => [h, row[i]])) as Record<string, string>;

describe('TDR metadata headers', () => {
  it('are the 21 headers of the metadata template, in order', () => {
    expect(TDR_HEADERS.join(',')).toBe(
      'filepath,filename,date last modified,date of the record,description,former reference,' +
        'closure status,closure start date,closure period,foi exemption code,foi schedule date,' +
        'is filename closed,alternate filename,is description closed,alternate description,' +
        'language,translated filename,copyright,related material,restrictions on use,evidence provided by'
    );
  });
});

describe('a TDR metadata row', () => {
  it('describes an open record: no closure fields, Crown copyright, English', () => {
    const row = byHeader(tdrRow(open, placed));
    expect(tdrRow(open, placed)).toHaveLength(TDR_HEADERS.length);
    expect(row).toMatchObject({
      filepath: placed.filepath,
      filename: placed.filename,
      'date last modified': '2016-05-04',
      'date of the record': '2016-05-03',
      description: 'Options for the Community Resilience Grant',
      'former reference': 'REC-2016-000123',
      'closure status': 'Open',
      'closure start date': '',
      'closure period': '',
      'foi exemption code': '',
      'foi schedule date': '',
      'is filename closed': 'No',
      'alternate filename': '',
      'is description closed': 'No',
      'alternate description': '',
      language: 'English',
      copyright: 'Crown copyright',
    });
    expect(TDR_COPYRIGHT).toBe('Crown copyright');
  });

  it('carries the closure of a closed record, lists separated by semicolons', () => {
    const row = byHeader(tdrRow(closed, placed));
    expect(row).toMatchObject({
      'closure status': 'Closed',
      // No closure start date given: the date of the record, as TDR requires.
      'closure start date': '2016-05-03',
      'closure period': '40;80',
      'foi exemption code': '40(2);27(1)',
      'foi schedule date': '2036-01-10',
      'is filename closed': 'Yes',
      'alternate filename': 'Grant options',
      'is description closed': 'No',
      'alternate description': '',
    });
    expect(tdrProblems(closed)).toEqual([]);
  });

  it('uses the closure start date from the sensitivity review when there is one', () => {
    const row = byHeader(tdrRow({ ...closed, closureStartDate: '2016-12-31' }, placed));
    expect(row['closure start date']).toBe('2016-12-31');
  });

  it('gives one closure period to each of several exemptions', () => {
    expect(closurePeriods('84 years', 3)).toEqual([84, 84, 84]);
    expect(closurePeriods('40;80', 2)).toEqual([40, 80]);
    expect(closurePeriods('', 2)).toEqual([]);
  });

  it('writes FOI codes as TDR lists them', () => {
    expect(foiCodes('s.35(1)(a); 43(2) | eir 12(5)(e)\n40(2)')).toEqual([
      '35(1)(a)',
      '43(2)',
      'EIR 12(5)(e)',
      '40(2)',
    ]);
  });

  it('reports what TDR would refuse in a closed record', () => {
    expect(
      tdrProblems({
        ...closed,
        foiExemptions: '40(2); 99',
        closurePeriod: '40; 80; 200',
        foiScheduleDate: '',
        alternateTitle: '',
      })
    ).toEqual([
      'FOI exemption codes TDR does not list: 99',
      '3 closure periods for 2 exemption codes',
      'closure period outside 1 to 150 years',
      'closed, but no FOI schedule date',
      'title closed, but no alternate title',
    ]);
    expect(tdrProblems({ ...closed, foiExemptions: '', closurePeriod: '' })).toEqual([
      'closed, but no FOI exemption code',
      'closed, but no closure period',
    ]);
    expect(tdrProblems({ ...open, description: 'x'.repeat(8001) })).toEqual([
      'description is longer than 8000 characters and was cut',
    ]);
  });
});

describe('files TDR refuses', () => {
  const file = (name: string, mimeType: string, size: number | null = 100) => ({
    name,
    mimeType,
    size,
  });

  it.each([
    ['minutes.zip', 'application/zip', /^Archive \(\.zip\)/],
    ['backup.7z', 'application/octet-stream', /^Archive \(\.7z\)/],
    ['logs.tar.gz', 'application/gzip', /^Archive/],
    ['page.mht', 'multipart/related', /^Web archive \(MHTML\)/],
    ['setup.exe', 'application/x-msdownload', /^Executable program/],
    ['installer.msi', 'application/octet-stream', /^Executable program/],
    ['Report.lnk', 'application/octet-stream', /^Windows shortcut \(\.lnk\)/],
    ['Intranet.url', 'application/internet-shortcut', /^Windows shortcut \(\.url\)/],
    ['Thumbs.db', 'application/octet-stream', /^System file/],
    ['desktop.ini', 'text/plain', /^System file/],
    ['~$Minutes.docx', 'application/octet-stream', /^System file/],
    ['old.bak', 'application/octet-stream', /^Backup file/],
    ['Letter.dot', 'application/msword', /template/],
  ])('refuses %s by its name or type', (name, mime, reason) => {
    expect(rejectionByType(file(name, mime))).toMatch(reason);
  });

  it('refuses empty files, Drive shortcuts and Google files it cannot export', () => {
    expect(rejectionByType(file('notes.txt', 'text/plain', 0))).toBe(
      'Empty file (0 bytes): TDR does not accept zero-byte files'
    );
    expect(rejectionByType(file('x', 'application/vnd.google-apps.shortcut', null))).toMatch(
      /^A Drive shortcut, not a file/
    );
    expect(rejectionByType(file('Survey', 'application/vnd.google-apps.form', null))).toMatch(
      /^A Google Form cannot be exported/
    );
  });

  it('accepts ordinary records, and Google Docs, Sheets, Slides and Drawings', () => {
    for (const [name, mime] of [
      ['Minutes.pdf', 'application/pdf'],
      ['Budget.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Message.eml', 'message/rfc822'],
      ['Photo.jpg', 'image/jpeg'],
      ['Minutes', 'application/vnd.google-apps.document'],
      ['Budget', 'application/vnd.google-apps.spreadsheet'],
      ['Board', 'application/vnd.google-apps.presentation'],
      ['Plan', 'application/vnd.google-apps.drawing'],
    ]) {
      expect(
        rejectionByType(file(name, mime, mime.includes('google-apps') ? null : 10))
      ).toBeNull();
    }
  });

  const bytes = (...parts: (number[] | string)[]) =>
    parts.flatMap(p => (typeof p === 'string' ? Array.from(p, c => c.charCodeAt(0)) : p));

  it('finds a password-protected Office file by its OLE2 container behind an OOXML name', () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0];
    expect(rejectionByContent('Salaries.xlsx', ole)).toMatch(/^Password-protected Office file/);
    // Apps Script hands bytes over signed (-128..127).
    expect(
      rejectionByContent(
        'Salaries.docx',
        ole.map(b => (b > 127 ? b - 256 : b))
      )
    ).toMatch(/^Password-protected Office file/);
    // A Word 97-2003 document is an OLE2 file by design.
    expect(rejectionByContent('Letter.doc', ole)).toBeNull();
  });

  it('finds a password-protected PDF by its /Encrypt entry', () => {
    expect(
      rejectionByContent(
        'Contract.pdf',
        bytes('%PDF-1.7\n', 'trailer << /Root 1 0 R /Encrypt 5 0 R >>')
      )
    ).toMatch(/^Password-protected PDF/);
    expect(rejectionByContent('Minutes.pdf', bytes('%PDF-1.4\n1 0 obj << >>'))).toBeNull();
  });

  it('finds executables and archives by their content whatever their name', () => {
    const pe = new Array<number>(0x90).fill(0);
    pe[0] = 0x4d;
    pe[1] = 0x5a;
    pe[0x3c] = 0x80;
    pe.splice(0x80, 4, 0x50, 0x45, 0, 0);
    expect(rejectionByContent('tool.pdf', pe)).toMatch(/^Executable program/);
    expect(rejectionByContent('notes.txt', bytes('MZ is my initials'))).toBeNull();
    expect(rejectionByContent('data.bin', [0x7f, 0x45, 0x4c, 0x46, 2])).toMatch(/^Executable/);
    expect(rejectionByContent('files.dat', bytes('PK', [3, 4], 'rest'))).toMatch(/^Archive/);
    // Office and OpenDocument files are zip files inside and are fine.
    expect(rejectionByContent('Minutes.docx', bytes('PK', [3, 4], 'rest'))).toBeNull();
    expect(rejectionByContent('Budget.ods', bytes('PK', [3, 4], 'rest'))).toBeNull();
    expect(rejectionByContent('x.log', [0x1f, 0x8b, 8])).toMatch(/^Archive/);
    expect(rejectionByContent('empty.pdf', [])).toMatch(/^Empty file/);
  });
});

describe('Google files in the package', () => {
  it('become PDF', () => {
    for (const mime of ['document', 'spreadsheet', 'presentation', 'drawing']) {
      expect(exportFormat(`application/vnd.google-apps.${mime}`)).toMatchObject({
        mimeType: 'application/pdf',
        extension: 'pdf',
      });
    }
    expect(exportFormat('application/vnd.google-apps.form')).toBeNull();
    expect(exportFormat('application/pdf')).toBeNull();
  });
});

describe('file names in the package', () => {
  it('start with the record id and keep their extension', () => {
    expect(tdrFileName('REC-2016-000001', 'Grant options', 'pdf')).toBe(
      'REC-2016-000001 Grant options.pdf'
    );
    expect(packageExtension('Invoice 417.PDF', 'application/pdf')).toBe('pdf');
    expect(packageExtension('Budget', 'application/vnd.google-apps.spreadsheet')).toBe('pdf');
    expect(packageExtension('message', 'message/rfc822')).toBe('eml');
  });

  it('drop the characters Windows and TDR refuse, and trailing dots and spaces', () => {
    expect(tdrFileName('REC-1', 'Q1/Q2: "final" <draft>? a|b*c\\d', 'docx')).toBe(
      'REC-1 Q1-Q2- -final- -draft-- a-b-c-d.docx'
    );
    expect(tdrFileName('REC-1', 'Tabs\tand\nlines...  ', 'pdf')).toBe('REC-1 Tabs and lines.pdf');
    expect(tdrFileName('REC-1', '', 'pdf')).toBe('REC-1.pdf');
  });

  it('do not repeat an extension the title already has, and keep dots that are not one', () => {
    expect(tdrFileName('REC-1', 'Invoice 417.pdf', 'pdf')).toBe('REC-1 Invoice 417.pdf');
    expect(tdrFileName('REC-1', 'Report v2.1', 'pdf')).toBe('REC-1 Report v2.1.pdf');
  });

  it('are cut to a length Windows paths can hold, never mid-character', () => {
    const name = tdrFileName('REC-2016-000001', 'Very long title '.repeat(20), 'pdf');
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(name).toMatch(/^REC-2016-000001 Very long title/);
    expect(name.endsWith('.pdf')).toBe(true);
    const emoji = tdrFileName('REC-1', `${'a'.repeat(MAX_FILE_NAME - 11)}😀😀`, 'pdf');
    expect(emoji).not.toMatch(/[\ud800-\udbff]\.pdf$/);
  });
});

describe('the checksum list and selection', () => {
  it('writes lines sha256sum can check', () => {
    expect(checksumLine('ab'.repeat(32), 'content/POL-DEV-01/REC-1 x.pdf')).toBe(
      `${'ab'.repeat(32)}  content/POL-DEV-01/REC-1 x.pdf`
    );
  });

  it('knows a decision to transfer to The National Archives', () => {
    expect(selectedForTransfer('Transfer to TNA')).toBe(true);
    expect(selectedForTransfer('transfer to the national archives')).toBe(true);
    expect(selectedForTransfer('Selected')).toBe(true);
    expect(selectedForTransfer('Not selected')).toBe(false);
    expect(selectedForTransfer('Destroy')).toBe(false);
    expect(selectedForTransfer('')).toBe(false);
  });
});
