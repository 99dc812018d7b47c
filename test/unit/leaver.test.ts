import {
  advance,
  currentFolderName,
  enqueueFolders,
  handOverAdvice,
  isActionable,
  newSweep,
  parseAddress,
  parseFolderRefs,
  seriesForFile,
  upgradeSweep,
} from '../../src/domain/leaver';

const FOLDER = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const OTHER = '0B7xYzAbCdEfGhIjKlMnOpQrStU';

describe('leaver sweep rules', () => {
  it('reads an address of the domain, whatever its case', () => {
    expect(parseAddress(' Sam.Jones@DFRR.gov.uk ', 'dfrr.gov.uk', 'leaver')).toEqual({
      email: 'sam.jones@dfrr.gov.uk',
    });
    expect(parseAddress('mailto:sam@dfrr.gov.uk', 'dfrr.gov.uk', 'leaver')).toEqual({
      email: 'sam@dfrr.gov.uk',
    });
  });

  it('says what is wrong with an address', () => {
    expect(parseAddress('', 'dfrr.gov.uk', 'leaver')).toEqual({
      error: "Enter the leaver's email address.",
    });
    expect(parseAddress('sam jones', 'dfrr.gov.uk', 'new owner')).toEqual({
      error: '"sam jones" is not an email address.',
    });
    expect(parseAddress('sam@gmail.com', 'dfrr.gov.uk', 'new owner')).toEqual({
      error:
        "sam@gmail.com is not a dfrr.gov.uk address: only the department's own accounts can be swept or given files.",
    });
  });

  it('takes folder links in their usual shapes and bare ids, once each', () => {
    const text = [
      `https://drive.google.com/drive/folders/${FOLDER}?usp=sharing`,
      `https://drive.google.com/open?id=${OTHER}`,
      FOLDER,
    ].join('\n');
    expect(parseFolderRefs(text)).toEqual({ ids: [FOLDER, OTHER], errors: [] });
    expect(parseFolderRefs(`${FOLDER}, ${OTHER}`).ids).toEqual([FOLDER, OTHER]);
  });

  it('reports each entry that is not a folder, and an empty list', () => {
    expect(parseFolderRefs(`${FOLDER} shared-drive`).errors).toEqual([
      '"shared-drive" is not a Drive folder link or id.',
    ]);
    expect(parseFolderRefs('  ').errors).toEqual(['Enter at least one folder link.']);
    const many = Array.from({ length: 21 }, (_, i) => `${FOLDER}${i}`).join('\n');
    expect(parseFolderRefs(many).errors).toEqual([
      'Sweep at most 20 folders at a time (their subfolders are included).',
    ]);
  });

  it('walks the folders breadth first: files, then subfolders, page by page', () => {
    const state = newSweep(
      'sam@dfrr.gov.uk',
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      'dro@dfrr.gov.uk',
      new Date(Date.UTC(2024, 4, 1, 9, 30))
    );
    expect(state.sweepId).toBe('LVS-20240501T0930');
    expect(state.cursor).toEqual({ folderId: 'a', phase: 'files', pageToken: null });
    expect(currentFolderName(state)).toBe('A');
    expect(advance(state, 'page2')).toBe(true);
    expect(state.cursor).toEqual({ folderId: 'a', phase: 'files', pageToken: 'page2' });
    advance(state, null);
    expect(state.cursor).toEqual({ folderId: 'a', phase: 'folders', pageToken: null });
    // A subfolder that was also typed as a root is listed in its own turn only.
    expect(
      enqueueFolders(state, [
        { id: 'a1', name: 'A1' },
        { id: 'b', name: 'B' },
      ])
    ).toEqual(['a1']);
    advance(state, null);
    expect(state.cursor).toEqual({ folderId: 'b', phase: 'files', pageToken: null });
    expect(state.queue).toEqual([
      { id: 'b', name: 'B' },
      { id: 'a1', name: 'A1' },
    ]);
    advance(state, null);
    advance(state, null);
    expect(state.cursor?.folderId).toBe('a1');
    expect(currentFolderName(state)).toBe('A1');
    advance(state, null);
    expect(advance(state, null)).toBe(false);
    expect(state.complete).toBe(true);
    expect(state.counts.folders).toBe(3);
    expect(state.queue).toEqual([]);
  });

  it('keeps only what the walk needs: the state does not grow with the folders already listed', () => {
    const state = newSweep('sam@dfrr.gov.uk', [{ id: 'root', name: 'Root' }], 'dro', new Date());
    const children = Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, name: `Case ${i}` }));
    advance(state, null);
    enqueueFolders(state, children);
    const full = JSON.stringify(state).length;
    // The root's subfolder listing ends, then each case folder's two listings.
    for (let i = 0; i < 1 + 300 * 2; i++) advance(state, null);
    expect(state.complete).toBe(true);
    expect(state.counts.folders).toBe(301);
    expect(JSON.stringify(state).length).toBeLessThan(full / 10);
  });

  it('carries on a sweep saved by the earlier version: queued ids get their names', () => {
    const saved = {
      ...newSweep('sam@dfrr.gov.uk', [], 'dro', new Date(Date.UTC(2024, 0, 1))),
      complete: false,
      queue: ['a1', 'a2'],
      seen: ['a', 'a1', 'a2'],
      folderNames: { a: 'A', a1: 'A1' },
      cursor: { folderId: 'a1', phase: 'files', pageToken: 'p' },
    };
    const state = upgradeSweep(saved)!;
    expect(state.queue).toEqual([
      { id: 'a1', name: 'A1' },
      { id: 'a2', name: 'a2' },
    ]);
    expect(state).not.toHaveProperty('seen');
    expect(state).not.toHaveProperty('folderNames');
    expect(state.cursor).toEqual({ folderId: 'a1', phase: 'files', pageToken: 'p' });
    expect(upgradeSweep(null)).toBeNull();
    expect(upgradeSweep({ sweepId: 'x' })).toBeNull();
  });

  it('acts only on rows not yet declared or handed over', () => {
    expect(isActionable('Not declared')).toBe(true);
    expect(isActionable('Could not hand over')).toBe(true);
    expect(isActionable('Declared')).toBe(false);
    expect(isActionable('Handed over')).toBe(false);
    expect(isActionable('Gone')).toBe(false);
  });

  it("files a record in its series folder's series, else the one chosen", () => {
    const folders = new Map([['f-pol', 'POL-DEV-01']]);
    expect(seriesForFile(['x', 'f-pol'], folders, 'FIN-INV-01')).toBe('POL-DEV-01');
    expect(seriesForFile(['x'], folders, 'FIN-INV-01')).toBe('FIN-INV-01');
    expect(seriesForFile(['x'], folders, '')).toBe('');
  });

  it('names who can hand files over when Drive refuses', () => {
    expect(handOverAdvice('sam@dfrr.gov.uk')).toContain('Ask sam@dfrr.gov.uk to transfer');
    expect(handOverAdvice('sam@dfrr.gov.uk')).toContain('Data transfer');
  });
});
