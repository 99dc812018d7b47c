// Google Docs: reading the marking a document already carries, and writing the marking into its
// header and footer. One open serves both, because opening a document is the expensive call.
import { UserFacingError } from '../app/errors';

/** A paragraph that is a protective marking line, written by us or by hand. */
const MARKING_LINE =
  /^\s*(OFFICIAL|OFFICIAL-SENSITIVE|SECRET|TOP SECRET|PROTECT|RESTRICTED|CONFIDENTIAL|UNCLASSIFIED)\b[A-Z /-]*$/;

const EDGE_LINES = 3;

export class OpenDocument {
  private constructor(private doc: GoogleAppsScript.Document.Document) {}

  static open(docId: string): OpenDocument {
    try {
      return new OpenDocument(DocumentApp.openById(docId));
    } catch {
      throw new UserFacingError(
        'This document no longer exists, or you no longer have access to it.',
        'Document not available'
      );
    }
  }

  /** Text where markings are written: header, footer, and the first and last lines of the body. */
  markingTexts(): string[] {
    const lines = this.doc
      .getBody()
      .getText()
      .split('\n')
      .filter(l => l.trim() !== '');
    const edges =
      lines.length <= EDGE_LINES * 2 ? lines : [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
    return [this.doc.getHeader()?.getText() ?? '', this.doc.getFooter()?.getText() ?? '', ...edges];
  }

  /**
   * Writes the marking as the first line of the header and the last line of the footer, centred
   * and bold, replacing an earlier marking line rather than adding a second one.
   */
  writeMarking(marking: string): void {
    const style: Record<string, unknown> = {
      [String(DocumentApp.Attribute.BOLD)]: true,
      [String(DocumentApp.Attribute.HORIZONTAL_ALIGNMENT)]: DocumentApp.HorizontalAlignment.CENTER,
    };
    placeLine(this.doc.getHeader() ?? this.doc.addHeader(), marking, 'first', style);
    placeLine(this.doc.getFooter() ?? this.doc.addFooter(), marking, 'last', style);
  }

  save(): void {
    this.doc.saveAndClose();
  }
}

function placeLine(
  section: GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection,
  marking: string,
  where: 'first' | 'last',
  style: Record<string, unknown>
): void {
  const paragraphs = section.getParagraphs();
  const existing = where === 'first' ? paragraphs[0] : paragraphs[paragraphs.length - 1];
  const existingText = existing?.getText() ?? '';
  if (existing && (existingText.trim() === '' || MARKING_LINE.test(existingText))) {
    if (existingText !== marking) existing.setText(marking);
    existing.setAttributes(style);
    return;
  }
  const added =
    where === 'first' ? section.insertParagraph(0, marking) : section.appendParagraph(marking);
  added.setAttributes(style);
}
