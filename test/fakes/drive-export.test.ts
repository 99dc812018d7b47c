import { utf8Decode } from '../../fakes/core/bytes';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';
import type { WorkspaceState } from '../../fakes/core/state';
import { createDocumentInState } from '../../fakes/document';
import { createDriveApp, createFileInState } from '../../fakes/drive';
import { EXPORT_TOO_LARGE, MAX_EXPORT_BYTES } from '../../fakes/drive/items';
import { createSpreadsheetInState } from '../../fakes/spreadsheet/seed';

const alice = { email: 'alice@dfrr.gov.uk', name: 'Alice' };

function workspace(): WorkspaceState {
  return createWorkspaceState({ users: [alice] });
}

function driveApp(state: WorkspaceState) {
  const execution = new Execution(state, { user: alice.email, budgetMs: 360_000 });
  return { execution, DriveApp: createDriveApp(createContext(state, execution)) };
}

const text = (blob: GoogleAppsScript.Base.Blob) =>
  utf8Decode(Uint8Array.from(blob.getBytes(), b => b & 0xff));

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('Google files converted to PDF through DriveApp (File.getAs)', () => {
  it('renders a Google Sheet as a PDF carrying each visible tab and its cells', () => {
    const state = workspace();
    const id = createSpreadsheetInState(state, {
      owner: alice.email,
      name: 'Grant allocations',
      sheets: [
        {
          name: 'Summary',
          rows: [
            ['Region', 'Amount'],
            ['North', 1200],
          ],
        },
        { name: 'Workings', rows: [['draft']] },
      ],
    });
    state.spreadsheets[id].sheets[1].hidden = true;
    const { DriveApp, execution } = driveApp(state);
    const pdf = DriveApp.getFileById(id).getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Grant allocations.pdf');
    expect(text(pdf)).toBe('Summary\nRegion\tAmount\nNorth\t1200');
    expect(execution.finish().byKey['DriveApp.File.getAs']).toBe(1);
  });

  it('renders presentations and drawings as a PDF that is never empty', () => {
    const state = workspace();
    const slides = createFileInState(state, {
      owner: alice.email,
      name: 'Board slides',
      mimeType: 'application/vnd.google-apps.presentation',
    });
    const pdf = driveApp(state).DriveApp.getFileById(slides).getAs('application/pdf');
    expect(pdf.getName()).toBe('Board slides.pdf');
    expect(pdf.getBytes().length).toBeGreaterThan(0);
  });

  it('refuses to convert Google files Drive cannot render, and Drive shortcuts', () => {
    const state = workspace();
    const form = createFileInState(state, {
      owner: alice.email,
      name: 'Staff survey',
      mimeType: 'application/vnd.google-apps.form',
    });
    const { DriveApp } = driveApp(state);
    const error = thrown(() => DriveApp.getFileById(form).getAs('application/pdf'));
    expect(error.message).toBe(
      'Converting from application/vnd.google-apps.form to application/pdf is not supported.'
    );
    expect(error.name).toBe('Exception');
    const target = createFileInState(state, {
      owner: alice.email,
      name: 'a.pdf',
      mimeType: 'application/pdf',
      content: '%PDF-1.4',
    });
    const shortcut = createFileInState(state, {
      owner: alice.email,
      name: 'a.pdf',
      mimeType: 'application/vnd.google-apps.shortcut',
      content: target,
    });
    expect(() => DriveApp.getFileById(shortcut).getBlob()).toThrow(/is not supported/);
  });

  it('refuses an export over 10 MB, as Drive does (files.export is limited to 10 MB)', () => {
    const state = workspace();
    const big = createDocumentInState(state, {
      owner: alice.email,
      name: 'Inquiry evidence bundle',
      paragraphs: ['x'.repeat(MAX_EXPORT_BYTES + 1)],
    });
    const justUnder = createDocumentInState(state, {
      owner: alice.email,
      name: 'Long report',
      paragraphs: ['y'.repeat(MAX_EXPORT_BYTES)],
    });
    const { DriveApp } = driveApp(state);
    const error = thrown(() => DriveApp.getFileById(big).getAs('application/pdf'));
    expect(error.message).toBe(EXPORT_TOO_LARGE);
    expect(error.message).toBe('This file is too large to be exported.');
    expect(DriveApp.getFileById(justUnder).getAs('application/pdf').getBytes()).toHaveLength(
      MAX_EXPORT_BYTES
    );
  });
});
