// Host-side helper that puts a Google Doc into the state: its Drive item and its content.
import type { WorkspaceState } from '../core/state';
import { MIME } from '../drive/access';
import { createFileInState } from '../drive/seed';
import type { SeedItem } from '../drive/seed';

export interface SeedDocument extends SeedItem {
  /** Body paragraphs; a document always has at least one, so none gives one empty paragraph. */
  paragraphs: string[];
  /** Header paragraphs; leave out for a document without a header. */
  header?: string[];
  footer?: string[];
}

const toParagraphs = (lines: string[]) => lines.map(text => ({ text }));

export function createDocumentInState(state: WorkspaceState, seed: SeedDocument): string {
  const { paragraphs, header, footer, ...item } = seed;
  const id = createFileInState(state, { ...item, mimeType: MIME.document });
  state.documents[id] = {
    id,
    body: toParagraphs(paragraphs.length > 0 ? paragraphs : ['']),
    header: header ? toParagraphs(header.length > 0 ? header : ['']) : null,
    footer: footer ? toParagraphs(footer.length > 0 ? footer : ['']) : null,
  };
  return id;
}
