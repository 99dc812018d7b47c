import { createCharts } from '../../fakes/charts';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState, type WorkspaceState } from '../../fakes/core/state';
import { createDocumentApp, createDocumentInState } from '../../fakes/document';
import { createUtilities } from '../../fakes/utilities';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob] });
}

function session(state: WorkspaceState, user = alice.email) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return {
    execution,
    DocumentApp: createDocumentApp(ctx),
    Charts: createCharts(ctx),
    Utilities: createUtilities(ctx),
  };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an exception');
}

function report(state: WorkspaceState): string {
  const id = createDocumentInState(state, {
    owner: alice.email,
    name: 'ExCo report',
    paragraphs: ['Records report'],
  });
  state.drive[id].viewers.push(bob.email);
  return id;
}

function chartBlob(Charts: GoogleAppsScript.Charts.Charts): GoogleAppsScript.Base.Blob {
  return Charts.newColumnChart()
    .setDataTable(
      Charts.newDataTable()
        .addColumn(Charts.ColumnType.STRING, 'Unit')
        .addColumn(Charts.ColumnType.NUMBER, 'Declared')
        .addRow(['Policy', 3])
    )
    .setDimensions(320, 200)
    .build()
    .getBlob();
}

describe('Document tables', () => {
  it('appends a table whose cells read back and whose text joins the body text', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp, execution } = session(state);
    const body = DocumentApp.openById(id).getBody();
    const table = body.appendTable([
      ['Business unit', 'Declared'],
      ['Policy', '12'],
    ]);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getNumCells()).toBe(2);
    expect(table.getCell(1, 0).getText()).toBe('Policy');
    expect(table.getText()).toBe('Business unit\nDeclared\nPolicy\n12');
    expect(body.getText()).toBe('Records report\nBusiness unit\nDeclared\nPolicy\n12');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getTables()).toHaveLength(1);
    // Tables are not paragraphs.
    expect(body.getParagraphs().map(p => p.getText())).toEqual(['Records report']);
    const counts = execution.finish();
    expect(counts.byKey['DocumentApp.Body.appendTable']).toBe(1);
  });

  it('edits cells, rows and styling, and keeps the state serialisable', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp } = session(state);
    const body = DocumentApp.openById(id).getBody();
    const table = body.appendTable([['Narrative', '']]);
    const cell = table.getCell(0, 1);
    cell.setText('Declarations rose in Q2.');
    cell.setBackgroundColor('#fff2cc');
    expect(cell.getBackgroundColor()).toBe('#fff2cc');
    expect(cell.getParentRow().getCell(0).getText()).toBe('Narrative');
    const row = table.appendTableRow();
    expect(row.getNumCells()).toBe(2);
    row.getCell(0).editAsText().setText('Risks');
    row.appendTableCell('extra');
    table.setBorderWidth(1).setColumnWidth(0, 120);
    expect(table.getBorderWidth()).toBe(1);
    expect(table.getColumnWidth(0)).toBe(120);
    expect(body.getTables()[0].getText()).toBe(
      'Narrative\nDeclarations rose in Q2.\nRisks\n\nextra'
    );
    const stored = JSON.parse(JSON.stringify(state.documents[id].body));
    expect(stored[1].type).toBe('TABLE');
    expect(stored[1].table.rows[0][1]).toEqual({
      text: 'Declarations rose in Q2.',
      backgroundColor: '#fff2cc',
    });
    // Plain-text readers of the state see the table's text.
    expect(stored[1].text).toBe(body.getTables()[0].getText());
  });

  it('refuses ragged tables, missing cells and viewers', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp } = session(state);
    const body = DocumentApp.openById(id).getBody();
    expect(thrown(() => body.appendTable([['a', 'b'], ['c']])).message).toMatch(/same number/);
    expect(thrown(() => body.appendTable('a,b' as never)).message).toMatch(/Invalid argument/);
    const table = body.appendTable([['a']]);
    expect(thrown(() => table.getCell(0, 1)).message).toMatch(/Child index \(1\)/);
    expect(thrown(() => table.getRow(3)).message).toMatch(/Child index \(3\)/);
    const viewerBody = session(state, bob.email).DocumentApp.openById(id).getBody();
    expect(() => viewerBody.appendTable([['x']])).toThrow();
    expect(state.documents[id].body).toHaveLength(2);
  });
});

describe('Document images, list items, page breaks and clear()', () => {
  it('appends a chart image at its pixel size, resizable, with its bytes kept', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp, Charts } = session(state);
    const body = DocumentApp.openById(id).getBody();
    const blob = chartBlob(Charts);
    const image = body.appendImage(blob);
    expect([image.getWidth(), image.getHeight()]).toEqual([320, 200]);
    image.setWidth(160).setHeight(100).setAltTitle('Declared by unit');
    expect([image.getWidth(), image.getHeight()]).toEqual([160, 100]);
    expect(image.getBlob().getContentType()).toBe('image/png');
    expect(image.getBlob().getBytes()).toEqual(blob.getBytes());
    const stored = state.documents[id].body[1];
    expect(stored.type).toBe('INLINE_IMAGE');
    expect(stored.image).toMatchObject({
      contentType: 'image/png',
      width: 160,
      height: 100,
      altTitle: 'Declared by unit',
    });
    expect(Buffer.from(stored.image!.contentBase64, 'base64').subarray(1, 4).toString()).toBe(
      'PNG'
    );
    // An image adds no text.
    expect(body.getText()).toBe('Records report\n');
  });

  it('refuses data that is not an image', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp, Utilities } = session(state);
    const body = DocumentApp.openById(id).getBody();
    const text = Utilities.newBlob('not a picture', 'text/plain', 'notes.txt');
    expect(thrown(() => body.appendImage(text)).message).toMatch(/not a PNG, JPEG or GIF/);
    expect(state.documents[id].body).toHaveLength(1);
  });

  it('appends list items, page breaks and rules; clear() leaves one empty paragraph', () => {
    const state = workspace();
    const id = report(state);
    const { DocumentApp, Charts } = session(state);
    const body = DocumentApp.openById(id).getBody();
    const item = body.appendListItem('Declarations up 12%');
    item.setGlyphType(DocumentApp.GlyphType.BULLET);
    expect(item.getGlyphType()).toBe('BULLET');
    body.appendHorizontalRule();
    body.appendPageBreak();
    body.appendTable([['a']]);
    body.appendImage(chartBlob(Charts));
    expect(state.documents[id].body.map(p => p.type ?? 'PARAGRAPH')).toEqual([
      'PARAGRAPH',
      'LIST_ITEM',
      'HORIZONTAL_RULE',
      'PAGE_BREAK',
      'TABLE',
      'INLINE_IMAGE',
    ]);
    expect(body.getText()).toBe('Records report\nDeclarations up 12%\n\n\na\n');
    body.clear();
    expect(body.getTables()).toHaveLength(0);
    expect(body.getText()).toBe('');
    expect(state.documents[id].body).toEqual([{ text: '' }]);
  });
});
