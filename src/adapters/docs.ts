// Google Docs: reading the marking a document already carries, and writing the marking into its
// header and footer. One open serves both, because opening a document is the expensive call.
import { UserFacingError } from '../app/errors';

/** A paragraph that is a protective marking line, written by us or by hand. */
const MARKING_LINE =
  /^\s*(OFFICIAL|OFFICIAL-SENSITIVE|SECRET|TOP SECRET|PROTECT|RESTRICTED|CONFIDENTIAL|UNCLASSIFIED)\b[A-Z /-]*$/;

const EDGE_LINES = 3;

type Section = GoogleAppsScript.Document.HeaderSection | GoogleAppsScript.Document.FooterSection;

export class OpenDocument {
  private header: GoogleAppsScript.Document.HeaderSection | null | undefined;
  private footer: GoogleAppsScript.Document.FooterSection | null | undefined;

  private constructor(private doc: GoogleAppsScript.Document.Document) {}

  private headerSection(): GoogleAppsScript.Document.HeaderSection | null {
    if (this.header === undefined) this.header = this.doc.getHeader();
    return this.header;
  }

  private footerSection(): GoogleAppsScript.Document.FooterSection | null {
    if (this.footer === undefined) this.footer = this.doc.getFooter();
    return this.footer;
  }

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
      lines.length <= EDGE_LINES * 2
        ? lines
        : [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
    return [this.headerSection()?.getText() ?? '', this.footerSection()?.getText() ?? '', ...edges];
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
    this.header = this.headerSection() ?? this.doc.addHeader();
    this.footer = this.footerSection() ?? this.doc.addFooter();
    placeLine(this.header, marking, 'first', style);
    placeLine(this.footer, marking, 'last', style);
  }

  save(): void {
    this.doc.saveAndClose();
  }
}

function placeLine(
  section: Section,
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
