// ContentService: the text a web app answers with (doGet / doPost return a TextOutput). The MIME
// type decides the Content-Type the caller receives; TEXT unless set. Reference:
// https://developers.google.com/apps-script/reference/content/content-service
import type { FakeContext } from '../core/context';
import { invalidArgument } from '../core/errors';

/** ContentService.MimeType, with the Content-Type each is served as. */
export const CONTENT_MIME_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;

export type ContentMimeName = keyof typeof CONTENT_MIME_TYPES;

const MIME_NAMES = Object.keys(CONTENT_MIME_TYPES) as ContentMimeName[];

type TextOutputApi = GoogleAppsScript.Content.TextOutput;

export class FakeTextOutput implements TextOutputApi {
  private self!: TextOutputApi;
  private content = '';
  private mimeType: ContentMimeName = 'TEXT';
  private fileName: string | null = null;

  static create(ctx: FakeContext, content: string): TextOutputApi {
    const raw = new FakeTextOutput();
    raw.content = content;
    raw.self = ctx.wrap(raw, 'ContentService.TextOutput') as unknown as TextOutputApi;
    return raw.self;
  }

  append(addedContent: string): TextOutputApi {
    this.content += String(addedContent);
    return this.self;
  }
  clear(): TextOutputApi {
    this.content = '';
    return this.self;
  }
  /** Served as an attachment with this name (Content-Disposition), as Apps Script does. */
  downloadAsFile(filename: string): TextOutputApi {
    if (typeof filename !== 'string' || !filename) throw invalidArgument('filename');
    this.fileName = filename;
    return this.self;
  }
  getContent(): string {
    return this.content;
  }
  /** Null until downloadAsFile names the file. */
  getFileName(): string {
    return this.fileName as string;
  }
  getMimeType(): GoogleAppsScript.Content.MimeType {
    return this.mimeType as unknown as GoogleAppsScript.Content.MimeType;
  }
  setContent(content: string): TextOutputApi {
    this.content = String(content);
    return this.self;
  }
  setMimeType(mimeType: GoogleAppsScript.Content.MimeType): TextOutputApi {
    const name = String(mimeType) as ContentMimeName;
    if (!MIME_NAMES.includes(name)) throw invalidArgument('mimeType');
    this.mimeType = name;
    return this.self;
  }

  /**
   * What the web app serves: the body, its Content-Type and (for downloads) file name. Not an
   * Apps Script method: the `__` prefix keeps it out of the call counts.
   */
  __served(): { body: string; contentType: string; fileName: string | null } {
    return {
      body: this.content,
      contentType: `${CONTENT_MIME_TYPES[this.mimeType]}; charset=utf-8`,
      fileName: this.fileName,
    };
  }
}

/** The served form of a doGet / doPost result, or null when it is not a TextOutput. */
export function servedOutput(
  value: unknown
): { body: string; contentType: string; fileName: string | null } | null {
  const served = (value as { __served?: unknown } | null)?.__served;
  if (typeof served !== 'function') return null;
  return (served as () => ReturnType<typeof servedOutput>).call(value);
}

export function createContentService(ctx: FakeContext): GoogleAppsScript.Content.ContentService {
  const MimeType = Object.fromEntries(MIME_NAMES.map(n => [n, n]));
  const service = {
    MimeType,
    createTextOutput(content?: string) {
      return FakeTextOutput.create(ctx, content === undefined ? '' : String(content));
    },
  };
  return ctx.wrap(service, 'ContentService') as unknown as GoogleAppsScript.Content.ContentService;
}
