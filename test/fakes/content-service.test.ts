import { installFakes, NOT_EMULATED } from '../../fakes';
import { createContentService, servedOutput } from '../../fakes/content-service';
import { createContext } from '../../fakes/core/context';
import { Execution } from '../../fakes/core/execution';
import { createWorkspaceState } from '../../fakes/core/state';

function service() {
  const state = createWorkspaceState({ users: [{ email: 'dro@dfrr.gov.uk', name: 'DRO' }] });
  const execution = new Execution(state, { user: 'dro@dfrr.gov.uk' });
  return { execution, ContentService: createContentService(createContext(state, execution)) };
}

describe('ContentService', () => {
  it('builds a text output: empty and TEXT by default, then set, appended and cleared', () => {
    const { ContentService } = service();
    const output = ContentService.createTextOutput();
    expect(output.getContent()).toBe('');
    expect(output.getMimeType()).toBe(ContentService.MimeType.TEXT);
    expect(output.getFileName()).toBeNull();
    expect(output.setContent('{"ok":').append('true}').getContent()).toBe('{"ok":true}');
    expect(output.clear().getContent()).toBe('');
    expect(ContentService.createTextOutput('Alice,21').getContent()).toBe('Alice,21');
  });

  it('serves JSON with its Content-Type, and a download under its file name', () => {
    const { ContentService } = service();
    const json = ContentService.createTextOutput('{"ok":true}').setMimeType(
      ContentService.MimeType.JSON
    );
    expect(json.getMimeType()).toBe(ContentService.MimeType.JSON);
    expect(servedOutput(json)).toEqual({
      body: '{"ok":true}',
      contentType: 'application/json; charset=utf-8',
      fileName: null,
    });
    const csv = ContentService.createTextOutput('a,b')
      .setMimeType(ContentService.MimeType.CSV)
      .downloadAsFile('register.csv');
    expect(csv.getFileName()).toBe('register.csv');
    expect(servedOutput(csv)?.contentType).toBe('text/csv; charset=utf-8');
    expect(servedOutput({ getContent: () => 'x' })).toBeNull();
  });

  it('lists every MIME type Apps Script has, and refuses any other', () => {
    const { ContentService } = service();
    expect(Object.keys(ContentService.MimeType).sort()).toEqual(
      ['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'].sort()
    );
    const output = ContentService.createTextOutput('x');
    expect(() =>
      output.setMimeType('HTML' as unknown as GoogleAppsScript.Content.MimeType)
    ).toThrow('Invalid argument: mimeType');
    expect(output.getMimeType()).toBe(ContentService.MimeType.TEXT);
  });

  it('counts every call and is installed for scripts', () => {
    const { ContentService, execution } = service();
    ContentService.createTextOutput('a').append('b').getContent();
    expect(execution.snapshot().byKey).toMatchObject({
      'ContentService.createTextOutput': 1,
      'ContentService.TextOutput.append': 1,
      'ContentService.TextOutput.getContent': 1,
    });
    const state = createWorkspaceState();
    const globals: Record<string, unknown> = {};
    installFakes(globals, state, { user: 'dro@dfrr.gov.uk' });
    expect(NOT_EMULATED).not.toContain('ContentService');
    const installed = globals.ContentService as GoogleAppsScript.Content.ContentService;
    expect(installed.createTextOutput('hi').getContent()).toBe('hi');
  });
});
