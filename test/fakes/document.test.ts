import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDocumentApp, createDocumentInState } from '../../fakes/document';
import { createAdvancedDrive, createDriveApp, createFileInState } from '../../fakes/drive';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };
const bob = { email: 'bob@dfrr.gov.uk', name: 'Bob' };
const eve = { email: 'eve@example.com', name: 'Eve' };

const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice, bob, eve] });
}

function session(state: WorkspaceState, user: string) {
  const execution = new Execution(state, { user, budgetMs: 360_000 });
  const ctx = createContext(state, execution);
  return {
    execution,
    DocumentApp: createDocumentApp(ctx),
    DriveApp: createDriveApp(ctx),
    Drive: createAdvancedDrive(ctx),
  };
}

function minutes(
  state: WorkspaceState,
  extra: Partial<Parameters<typeof createDocumentInState>[1]> = {}
) {
  return createDocumentInState(state, {
    owner: alice.email,
    name: 'Minutes',
    paragraphs: ['Attendees', 'Actions'],
    ...extra,
  });
}

describe('DocumentApp.openById', () => {
  it('reads the body, and a null header and footer when the document has none', () => {
    const state = workspace();
    const id = minutes(state);
    const { DocumentApp, execution } = session(state, alice.email);
    const before = state.now;
    const doc = DocumentApp.openById(id);
    expect(doc.getId()).toBe(id);
    expect(doc.getName()).toBe('Minutes');
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${id}`);
    expect(doc.getBody().getText()).toBe('Attendees\nActions');
    expect(doc.getBody().getNumChildren()).toBe(2);
    expect(doc.getHeader()).toBeNull();
    expect(doc.getFooter()).toBeNull();
    const counts = execution.finish();
    expect(counts.byKey['DocumentApp.openById']).toBe(1);
    // 500 open + 50 getText + 50 getNumChildren + 50 each for getHeader and getFooter.
    expect(state.now - before).toBe(500 + 4 * 50);
  });

  it('reads a seeded header and footer paragraph by paragraph', () => {
    const state = workspace();
    const id = minutes(state, { header: ['OFFICIAL', 'Ref 1'], footer: ['Page'] });
    const doc = session(state, alice.email).DocumentApp.openById(id);
    expect(
      doc
        .getHeader()
        .getParagraphs()
        .map(p => p.getText())
    ).toEqual(['OFFICIAL', 'Ref 1']);
    expect(doc.getFooter().getText()).toBe('Page');
  });

  it('fails alike for a missing id, a hidden document and a file that is not a Doc', () => {
    const state = workspace();
    const hidden = minutes(state);
    const pdf = createFileInState(state, {
      owner: bob.email,
      name: 'a.pdf',
      mimeType: 'application/pdf',
    });
    const { DocumentApp } = session(state, bob.email);
    expect(() => DocumentApp.openById('nope')).toThrow(MISSING);
    expect(() => DocumentApp.openById(hidden)).toThrow(MISSING);
    expect(() => DocumentApp.openById(pdf)).toThrow(MISSING);
  });

  it('lets a viewer read but not edit', () => {
    const state = workspace();
    const id = minutes(state, { viewers: [bob.email] });
    const doc = session(state, bob.email).DocumentApp.openById(id);
    expect(doc.getBody().getParagraphs()[0].getText()).toBe('Attendees');
    expect(() => doc.getBody().appendParagraph('x')).toThrow('Access denied: DocumentApp.');
    expect(() => doc.addHeader()).toThrow('Access denied: DocumentApp.');
    expect(() => doc.getBody().getParagraphs()[0].setText('y')).toThrow(
      'Access denied: DocumentApp.'
    );
    expect(state.documents[id].body.map(p => p.text)).toEqual(['Attendees', 'Actions']);
  });

  it('opens by URL', () => {
    const state = workspace();
    const id = minutes(state);
    const { DocumentApp } = session(state, alice.email);
    const url = `https://docs.google.com/document/d/${id}/edit`;
    expect(DocumentApp.openByUrl(url).getId()).toBe(id);
  });
});

describe('DocumentApp edits', () => {
  it('adds a header once, and writes to the state at once', () => {
    const state = workspace();
    const id = minutes(state);
    const { DocumentApp, execution } = session(state, alice.email);
    const doc = DocumentApp.openById(id);
    const header = doc.addHeader();
    expect(header.getNumChildren()).toBe(1);
    header.insertParagraph(0, 'OFFICIAL-SENSITIVE');
    expect(state.documents[id].header).toEqual([{ text: 'OFFICIAL-SENSITIVE' }, { text: '' }]);
    expect(() => doc.addHeader()).toThrow('Document tab already contains a header.');
    doc.addFooter().appendParagraph('Record R-1');
    expect(doc.getFooter().getText()).toBe('\nRecord R-1');
    expect(() => doc.addFooter()).toThrow('Document tab already contains a footer.');
    const counts = execution.finish();
    expect(counts.byKey['DocumentApp.Document.addHeader']).toBe(2);
    expect(counts.byKey['DocumentApp.HeaderSection.insertParagraph']).toBe(1);
  });

  it('styles paragraphs and keeps heading, alignment and bold', () => {
    const state = workspace();
    const id = minutes(state);
    const { DocumentApp } = session(state, alice.email);
    const body = DocumentApp.openById(id).getBody();
    const title = body.insertParagraph(0, 'Board minutes');
    expect(title.getAlignment()).toBeNull();
    expect(title.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
    title
      .setHeading(DocumentApp.ParagraphHeading.HEADING1)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    title.editAsText().setBold(true).setForegroundColor('#d4351c').setFontSize(9);
    expect(state.documents[id].body[0]).toEqual({
      text: 'Board minutes',
      heading: 'HEADING1',
      alignment: 'CENTER',
      bold: true,
    });
    const attrs: Record<string, unknown> = {};
    attrs[DocumentApp.Attribute.BOLD] = false;
    attrs[DocumentApp.Attribute.FONT_SIZE] = 8;
    body.getParagraphs()[1].setAttributes(attrs);
    expect(state.documents[id].body[1]).toEqual({ text: 'Attendees', bold: false });
  });

  it('inserts within bounds, removes paragraphs but never the last one', () => {
    const state = workspace();
    const id = minutes(state);
    const body = session(state, alice.email).DocumentApp.openById(id).getBody();
    expect(() => body.insertParagraph(3, 'x')).toThrow(
      'Child index (3) must be less than or equal to the number of child elements (2).'
    );
    body.getParagraphs()[0].removeFromParent();
    expect(body.getText()).toBe('Actions');
    expect(() => body.getParagraphs()[0].removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section."
    );
  });

  it('keeps one empty paragraph on clear and splits setText into paragraphs', () => {
    const state = workspace();
    const id = minutes(state);
    const body = session(state, alice.email).DocumentApp.openById(id).getBody();
    body.setText('one\ntwo');
    expect(body.getNumChildren()).toBe(2);
    body.clear();
    expect(state.documents[id].body).toEqual([{ text: '' }]);
  });

  it('refuses content and title edits while the Drive item is locked, and allows them after', () => {
    const state = workspace();
    const id = minutes(state, { editors: [bob.email] });
    const { DocumentApp, Drive } = session(state, bob.email);
    Drive.Files.update({ contentRestrictions: [{ readOnly: true, reason: 'Record' }] }, id);
    const doc = DocumentApp.openById(id);
    const locked = 'The document is locked (read-only content restriction) and cannot be edited.';
    expect(doc.getBody().getText()).toBe('Attendees\nActions');
    expect(() => doc.getBody().appendParagraph('late')).toThrow(locked);
    expect(() => doc.addHeader()).toThrow(locked);
    expect(() => doc.setName('Renamed')).toThrow(locked);
    Drive.Files.update({ contentRestrictions: [{ readOnly: false }] }, id);
    doc.getBody().appendParagraph('late');
    expect(state.documents[id].body.map(p => p.text)).toEqual(['Attendees', 'Actions', 'late']);
  });

  it('stops edits after saveAndClose and charges the save', () => {
    const state = workspace();
    const id = minutes(state);
    const { DocumentApp, execution } = session(state, alice.email);
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    const before = state.now;
    doc.saveAndClose();
    expect(state.now - before).toBe(500);
    expect(() => body.appendParagraph('x')).toThrow(
      'Document is closed, its contents cannot be updated.'
    );
    expect(DocumentApp.openById(id).getBody().appendParagraph('x').getText()).toBe('x');
    expect(execution.finish().byKey['DocumentApp.Document.saveAndClose']).toBe(1);
  });

  it('records the edit time on the Drive item', () => {
    const state = workspace();
    const id = minutes(state);
    const created = state.drive[id].updatedAt;
    const { DocumentApp } = session(state, alice.email);
    DocumentApp.openById(id).getBody().appendParagraph('x');
    expect(state.drive[id].updatedAt).toBe(state.now);
    expect(state.drive[id].updatedAt).toBeGreaterThan(created);
  });
});

describe('DocumentApp.create', () => {
  it("creates a Google Doc in the user's My Drive with one empty paragraph", () => {
    const state = workspace();
    const { DocumentApp, DriveApp, execution } = session(state, bob.email);
    const doc = DocumentApp.create('Notes');
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getHeader()).toBeNull();
    const file = DriveApp.getFileById(doc.getId());
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getOwner().getEmail()).toBe(bob.email);
    expect(state.drive[doc.getId()].parents).toEqual([state.roots[bob.email]]);
    expect(execution.finish().byKey['DocumentApp.create']).toBe(1);
  });

  it('names a Document member the fake does not emulate', () => {
    const state = workspace();
    const doc = session(state, alice.email).DocumentApp.openById(minutes(state));
    expect(() => doc.getTabs()).toThrow('not emulated: DocumentApp.Document.getTabs');
  });
});

describe('DocumentApp access through folders and links', () => {
  it('lets domain link editors edit but keeps outsiders out', () => {
    const state = workspace();
    const id = minutes(state, { sharing: { access: 'DOMAIN_WITH_LINK', permission: 'EDIT' } });
    session(state, bob.email).DocumentApp.openById(id).getBody().appendParagraph('from Bob');
    expect(state.documents[id].body.map(p => p.text)).toContain('from Bob');
    expect(() => session(state, eve.email).DocumentApp.openById(id)).toThrow(MISSING);
  });
});
