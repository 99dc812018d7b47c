// DocumentApp over `state.documents`: a document is a body plus an optional header and footer,
// each a list of paragraphs. Edits land in the state at once; saveAndClose only closes the
// document for this execution. Edits need edit access to the Drive item and are refused while
// it carries a read-only content restriction.
import { imageSize } from '../charts/png';
import { FakeBlob } from '../core/blob';
import { base64Decode, base64Encode, toUnsigned } from '../core/bytes';
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import { newDriveItem } from '../core/state';
import type {
  DocumentState,
  DriveItemState,
  InlineImageState,
  ParagraphState,
  TableCellState,
  TableState,
} from '../core/state';
import {
  canEdit,
  canView,
  ensureRoot,
  freshId,
  isLocked,
  MIME,
  scriptException,
} from '../drive/access';

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type HeaderSection = GoogleAppsScript.Document.HeaderSection;
type FooterSection = GoogleAppsScript.Document.FooterSection;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Text = GoogleAppsScript.Document.Text;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type InlineImage = GoogleAppsScript.Document.InlineImage;
type ListItem = GoogleAppsScript.Document.ListItem;

export const HORIZONTAL_ALIGNMENT = {
  LEFT: 'LEFT',
  CENTER: 'CENTER',
  RIGHT: 'RIGHT',
  JUSTIFY: 'JUSTIFY',
} as const;

export const PARAGRAPH_HEADING = {
  NORMAL: 'NORMAL',
  HEADING1: 'HEADING1',
  HEADING2: 'HEADING2',
  HEADING3: 'HEADING3',
  HEADING4: 'HEADING4',
  HEADING5: 'HEADING5',
  HEADING6: 'HEADING6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
} as const;

export const GLYPH_TYPE = {
  BULLET: 'BULLET',
  HOLLOW_BULLET: 'HOLLOW_BULLET',
  SQUARE_BULLET: 'SQUARE_BULLET',
  NUMBER: 'NUMBER',
  LATIN_UPPER: 'LATIN_UPPER',
  LATIN_LOWER: 'LATIN_LOWER',
  ROMAN_UPPER: 'ROMAN_UPPER',
  ROMAN_LOWER: 'ROMAN_LOWER',
} as const;

const ATTRIBUTE_NAMES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;

export const ATTRIBUTE: Record<string, string> = {};
for (const name of ATTRIBUTE_NAMES) ATTRIBUTE[name] = name;

type SectionName = 'body' | 'header' | 'footer';

/** One opened document in one execution; closed by saveAndClose. */
interface Session {
  closed: boolean;
}

function documentMissing(): Error {
  return scriptException(MESSAGES.documentNotFound);
}

/** Shared by every view of one opened document: lookups and the edit checks. */
class DocumentHandle {
  constructor(
    readonly ctx: FakeContext,
    readonly id: string,
    readonly session: Session
  ) {}

  doc(): DocumentState {
    const doc = this.ctx.state.documents[this.id];
    if (!doc) throw documentMissing();
    return doc;
  }
  item(): DriveItemState {
    const item = this.ctx.state.drive[this.id];
    if (!item) throw documentMissing();
    return item;
  }
  /** Throws unless this execution may change the document's content now. */
  editable(): DocumentState {
    if (this.session.closed) throw scriptException(MESSAGES.documentClosed);
    const item = this.item();
    if (!canEdit(this.ctx.state, item, this.ctx.user)) {
      throw scriptException(MESSAGES.documentNoEditAccess);
    }
    if (isLocked(item)) throw scriptException(MESSAGES.documentLocked);
    return this.doc();
  }
  touch(): void {
    this.item().updatedAt = this.ctx.state.now;
  }
  paragraphs(section: SectionName): ParagraphState[] {
    const list = this.doc()[section];
    if (!list) throw scriptException(`The document has no ${section}.`);
    return list;
  }
}

// ---------------------------------------------------------------------------------------------
// Factories.

function wrapDocument(ctx: FakeContext, id: string): Doc {
  const raw = new FakeDocument(new DocumentHandle(ctx, id, { closed: false }));
  const proxy = ctx.wrap(raw, 'DocumentApp.Document') as unknown as Doc;
  raw.__self = proxy;
  return proxy;
}

function wrapBody(handle: DocumentHandle): Body {
  const raw = new FakeBody(handle, 'body');
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.Body') as unknown as Body;
  raw.__self = proxy;
  return proxy;
}

function wrapHeader(handle: DocumentHandle): HeaderSection {
  const raw = new FakeHeaderSection(handle, 'header');
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.HeaderSection') as unknown as HeaderSection;
  raw.__self = proxy;
  return proxy;
}

function wrapFooter(handle: DocumentHandle): FooterSection {
  const raw = new FakeFooterSection(handle, 'footer');
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.FooterSection') as unknown as FooterSection;
  raw.__self = proxy;
  return proxy;
}

function wrapParagraph(
  handle: DocumentHandle,
  section: SectionName,
  ref: ParagraphState
): Paragraph {
  const raw = new FakeParagraph(handle, section, ref);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.Paragraph') as unknown as Paragraph;
  raw.__self = proxy;
  return proxy;
}

function wrapText(
  handle: DocumentHandle,
  ref: ParagraphState | TableCellState,
  changed?: () => void
): Text {
  const raw = new FakeText(handle, ref, changed);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.Text') as unknown as Text;
  raw.__self = proxy;
  return proxy;
}

// ---------------------------------------------------------------------------------------------

type DocumentAppApi = Pick<
  GoogleAppsScript.Document.DocumentApp,
  | 'create'
  | 'openById'
  | 'openByUrl'
  | 'HorizontalAlignment'
  | 'ParagraphHeading'
  | 'Attribute'
  | 'GlyphType'
>;

class FakeDocumentApp implements DocumentAppApi {
  HorizontalAlignment: typeof GoogleAppsScript.Document.HorizontalAlignment;
  ParagraphHeading: typeof GoogleAppsScript.Document.ParagraphHeading;
  Attribute: typeof GoogleAppsScript.Document.Attribute;
  GlyphType: typeof GoogleAppsScript.Document.GlyphType;

  constructor(private ctx: FakeContext) {
    this.GlyphType = GLYPH_TYPE as unknown as typeof GoogleAppsScript.Document.GlyphType;
    this.HorizontalAlignment =
      HORIZONTAL_ALIGNMENT as unknown as typeof GoogleAppsScript.Document.HorizontalAlignment;
    this.ParagraphHeading =
      PARAGRAPH_HEADING as unknown as typeof GoogleAppsScript.Document.ParagraphHeading;
    this.Attribute = ATTRIBUTE as unknown as typeof GoogleAppsScript.Document.Attribute;
  }

  /** A new document in the user's My Drive: one empty paragraph, no header or footer. */
  create(name: string): Doc {
    const state = this.ctx.state;
    const item = newDriveItem(state, {
      id: freshId(state),
      kind: 'file',
      name: String(name),
      mimeType: MIME.document,
      owner: this.ctx.user,
      parents: [ensureRoot(state, this.ctx.user)],
    });
    state.documents[item.id] = { id: item.id, body: [{ text: '' }], header: null, footer: null };
    return wrapDocument(this.ctx, item.id);
  }
  /** Missing, not a Google Doc, or not visible to the user: all fail alike. */
  openById(id: string): Doc {
    const state = this.ctx.state;
    const item = typeof id === 'string' ? state.drive[id] : undefined;
    if (
      !item ||
      item.mimeType !== MIME.document ||
      !state.documents[id] ||
      !canView(state, item, this.ctx.user)
    ) {
      throw documentMissing();
    }
    return wrapDocument(this.ctx, id);
  }
  openByUrl(url: string): Doc {
    const match =
      /\/d\/([A-Za-z0-9_-]+)/.exec(String(url)) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match) throw documentMissing();
    return this.openById(match[1]);
  }
}

type DocumentApi = Pick<
  Doc,
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'getBody'
  | 'getHeader'
  | 'getFooter'
  | 'addHeader'
  | 'addFooter'
  | 'saveAndClose'
>;

class FakeDocument implements DocumentApi {
  __self: Doc;

  constructor(private handle: DocumentHandle) {
    this.__self = undefined as unknown as Doc;
  }

  getId(): string {
    return this.handle.id;
  }
  getName(): string {
    return this.handle.item().name;
  }
  /** Renaming is a title change, refused on a locked document like any content edit. */
  setName(name: string): Doc {
    this.handle.editable();
    this.handle.item().name = String(name);
    this.handle.touch();
    return this.__self;
  }
  getUrl(): string {
    return `https://docs.google.com/open?id=${this.handle.id}`;
  }
  getBody(): Body {
    this.handle.doc();
    return wrapBody(this.handle);
  }
  /** Null when the document has no header. */
  getHeader(): HeaderSection {
    return (this.handle.doc().header ? wrapHeader(this.handle) : null) as HeaderSection;
  }
  getFooter(): FooterSection {
    return (this.handle.doc().footer ? wrapFooter(this.handle) : null) as FooterSection;
  }
  addHeader(): HeaderSection {
    const doc = this.handle.editable();
    if (doc.header) throw scriptException(MESSAGES.documentHasHeader);
    doc.header = [{ text: '' }];
    this.handle.touch();
    return wrapHeader(this.handle);
  }
  addFooter(): FooterSection {
    const doc = this.handle.editable();
    if (doc.footer) throw scriptException(MESSAGES.documentHasFooter);
    doc.footer = [{ text: '' }];
    this.handle.touch();
    return wrapFooter(this.handle);
  }
  saveAndClose(): void {
    this.handle.doc();
    this.handle.session.closed = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Body, HeaderSection and FooterSection behave alike; `Self` is the type their setters return.

function paragraphArgument(value: string | Paragraph): ParagraphState {
  if (typeof value === 'string') return { text: value };
  const ref = (value as unknown as { __ref?: ParagraphState }).__ref;
  if (!ref) return { text: String(value) };
  return { ...ref };
}

abstract class SectionView<Self> {
  __self: Self;

  constructor(
    protected handle: DocumentHandle,
    protected section: SectionName
  ) {
    this.__self = undefined as unknown as Self;
  }

  /** Paragraphs joined by newlines, as Apps Script reports a section's text. */
  getText(): string {
    return this.handle
      .paragraphs(this.section)
      .map(paragraph => paragraph.text)
      .join('\n');
  }
  /** Paragraphs and list items; tables are elements of their own. */
  getParagraphs(): Paragraph[] {
    return this.handle
      .paragraphs(this.section)
      .filter(ref => ref.type !== 'TABLE')
      .map(ref => wrapParagraph(this.handle, this.section, ref));
  }
  getNumChildren(): number {
    return this.handle.paragraphs(this.section).length;
  }
  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    this.handle.editable();
    const ref = paragraphArgument(textOrParagraph);
    this.handle.paragraphs(this.section).push(ref);
    this.handle.touch();
    return wrapParagraph(this.handle, this.section, ref);
  }
  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph): Paragraph {
    this.handle.editable();
    const list = this.handle.paragraphs(this.section);
    if (typeof childIndex !== 'number' || childIndex < 0 || childIndex > list.length) {
      throw scriptException(
        `Child index (${childIndex}) must be less than or equal to the number of child elements (${list.length}).`
      );
    }
    const ref = paragraphArgument(textOrParagraph);
    list.splice(childIndex, 0, ref);
    this.handle.touch();
    return wrapParagraph(this.handle, this.section, ref);
  }
  /**
   * A table of the given cell texts (none: a table without rows), or a copy of a table. Every row must have the same
   * number of cells, as a Docs table is rectangular (Apps Script's wording unconfirmed).
   */
  appendTable(cells?: string[][] | Table): Table {
    this.handle.editable();
    const copied = (cells as unknown as { __ref?: ParagraphState } | undefined)?.__ref?.table;
    const rows = copied
      ? (JSON.parse(JSON.stringify(copied.rows)) as TableCellState[][])
      : tableCellsArgument(cells);
    const ref: ParagraphState = { text: '', type: 'TABLE', table: { rows } };
    syncTableText(ref);
    this.handle.paragraphs(this.section).push(ref);
    this.handle.touch();
    return wrapTable(this.handle, this.section, ref);
  }
  getTables(): GoogleAppsScript.Document.Table[] {
    return this.handle
      .paragraphs(this.section)
      .filter(ref => ref.type === 'TABLE')
      .map(ref => wrapTable(this.handle, this.section, ref));
  }
  /** The image in a paragraph of its own, at its own pixel size. */
  appendImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage
  ): InlineImage {
    this.handle.editable();
    const ref: ParagraphState = { text: '', type: 'INLINE_IMAGE', image: imageArgument(image) };
    this.handle.ctx.execution.units(Math.ceil(ref.image!.size / 1024));
    this.handle.paragraphs(this.section).push(ref);
    this.handle.touch();
    return wrapImage(this.handle, ref);
  }
  appendListItem(textOrListItem: string | GoogleAppsScript.Document.ListItem): ListItem {
    this.handle.editable();
    const ref: ParagraphState = {
      ...paragraphArgument(textOrListItem as string),
      type: 'LIST_ITEM',
    };
    this.handle.paragraphs(this.section).push(ref);
    this.handle.touch();
    return wrapListItem(this.handle, ref);
  }
  appendHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    this.handle.editable();
    this.handle.paragraphs(this.section).push({ text: '', type: 'HORIZONTAL_RULE' });
    this.handle.touch();
    return wrapMarker(
      this.handle,
      'HorizontalRule',
      'HORIZONTAL_RULE'
    ) as GoogleAppsScript.Document.HorizontalRule;
  }

  /** A section always keeps one (empty) paragraph. */
  clear(): Self {
    this.replace([{ text: '' }]);
    return this.__self;
  }
  /** Each line of the text becomes a paragraph. */
  setText(text: string): Self {
    this.replace(
      String(text)
        .split('\n')
        .map(line => ({ text: line }))
    );
    return this.__self;
  }

  private replace(paragraphs: ParagraphState[]): void {
    this.handle.editable();
    const list = this.handle.paragraphs(this.section);
    list.splice(0, list.length, ...paragraphs);
    this.handle.touch();
  }
}

type SectionApi =
  | 'getText'
  | 'getParagraphs'
  | 'getNumChildren'
  | 'appendParagraph'
  | 'insertParagraph'
  | 'clear'
  | 'setText'
  | 'appendTable'
  | 'getTables'
  | 'appendImage'
  | 'appendListItem'
  | 'appendHorizontalRule';

/** Only the body takes page breaks. */
class FakeBody extends SectionView<Body> implements Pick<Body, SectionApi | 'appendPageBreak'> {
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.handle.editable();
    this.handle.paragraphs(this.section).push({ text: '', type: 'PAGE_BREAK' });
    this.handle.touch();
    return wrapMarker(
      this.handle,
      'PageBreak',
      'PAGE_BREAK'
    ) as GoogleAppsScript.Document.PageBreak;
  }
}
class FakeHeaderSection
  extends SectionView<HeaderSection>
  implements Pick<HeaderSection, SectionApi> {}
class FakeFooterSection
  extends SectionView<FooterSection>
  implements Pick<FooterSection, SectionApi> {}

// ---------------------------------------------------------------------------------------------

type ParagraphApi = Pick<
  Paragraph,
  | 'getText'
  | 'setText'
  | 'getAlignment'
  | 'setAlignment'
  | 'getHeading'
  | 'setHeading'
  | 'editAsText'
  | 'getAttributes'
  | 'setAttributes'
  | 'removeFromParent'
>;

class FakeParagraph implements ParagraphApi {
  __self: Paragraph;

  constructor(
    private handle: DocumentHandle,
    private section: SectionName,
    /** The paragraph's own object in the state; it stays the same while others move around it. */
    readonly __ref: ParagraphState
  ) {
    this.__self = undefined as unknown as Paragraph;
  }

  getText(): string {
    return this.__ref.text;
  }
  setText(text: string): void {
    this.handle.editable();
    this.__ref.text = String(text);
    this.handle.touch();
  }
  /** Null until an alignment is set, as Apps Script reports unset attributes. */
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return (this.__ref.alignment ??
      null) as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Paragraph {
    this.handle.editable();
    this.__ref.alignment = String(alignment);
    this.handle.touch();
    return this.__self;
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return (this.__ref.heading ??
      'NORMAL') as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Paragraph {
    this.handle.editable();
    this.__ref.heading = String(heading);
    this.handle.touch();
    return this.__self;
  }
  editAsText(): Text {
    return wrapText(this.handle, this.__ref);
  }
  getAttributes(): Record<string, unknown> {
    return {
      BOLD: this.__ref.bold ?? null,
      HEADING: this.__ref.heading ?? 'NORMAL',
      HORIZONTAL_ALIGNMENT: this.__ref.alignment ?? null,
    };
  }
  /** BOLD, HEADING and HORIZONTAL_ALIGNMENT are kept; other attributes are accepted. */
  setAttributes(attributes: Record<string, unknown>): Paragraph {
    this.handle.editable();
    const attrs = attributes ?? {};
    if (attrs.BOLD !== undefined) this.__ref.bold = !!attrs.BOLD;
    if (attrs.HEADING !== undefined && attrs.HEADING !== null)
      this.__ref.heading = String(attrs.HEADING);
    if (attrs.HORIZONTAL_ALIGNMENT !== undefined && attrs.HORIZONTAL_ALIGNMENT !== null) {
      this.__ref.alignment = String(attrs.HORIZONTAL_ALIGNMENT);
    }
    this.handle.touch();
    return this.__self;
  }
  removeFromParent(): Paragraph {
    this.handle.editable();
    const list = this.handle.paragraphs(this.section);
    const index = list.indexOf(this.__ref);
    if (index >= 0) {
      if (list.length === 1) throw scriptException(MESSAGES.lastParagraph);
      list.splice(index, 1);
      this.handle.touch();
    }
    return this.__self;
  }
}

type TextApi = Pick<
  Text,
  'getText' | 'setText' | 'isBold' | 'setBold' | 'setForegroundColor' | 'setFontSize'
>;

/** A paragraph's text for formatting. Bold over the whole text is kept; colour and size are accepted. */
class FakeText implements TextApi {
  __self: Text;

  constructor(
    private handle: DocumentHandle,
    private ref: ParagraphState | TableCellState,
    /** Run after each change (a table cell's text keeps its table's text up to date). */
    private changed: () => void = () => {}
  ) {
    this.__self = undefined as unknown as Text;
  }

  getText(): string {
    return this.ref.text;
  }
  setText(text: string): Text {
    this.handle.editable();
    this.ref.text = String(text);
    this.changed();
    this.handle.touch();
    return this.__self;
  }
  isBold(): boolean {
    return this.ref.bold ?? (null as unknown as boolean);
  }
  setBold(boldOrStart: boolean | number, endOffsetInclusive?: number, bold?: boolean): Text {
    this.handle.editable();
    if (arguments.length === 1) {
      this.ref.bold = !!boldOrStart;
    } else if (boldOrStart === 0 && (endOffsetInclusive ?? -1) >= this.ref.text.length - 1) {
      this.ref.bold = !!bold;
    }
    this.handle.touch();
    return this.__self;
  }
  setForegroundColor(..._colorOrRangeAndColor: (string | number)[]): Text {
    this.handle.editable();
    this.handle.touch();
    return this.__self;
  }
  setFontSize(..._sizeOrRangeAndSize: number[]): Text {
    this.handle.editable();
    this.handle.touch();
    return this.__self;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables, images, list items, page breaks and horizontal rules.

/**
 * The text Apps Script reports for a table: each cell's text on a line of its own, row after row
 * (a table, its rows and its cells are containers whose text joins their children's with
 * newlines). Unconfirmed: tabs between the cells of a row are also plausible.
 */
export function tableText(table: TableState): string {
  return table.rows.map(row => row.map(cell => cell.text).join('\n')).join('\n');
}

function syncTableText(ref: ParagraphState): void {
  if (ref.table) ref.text = tableText(ref.table);
}

function tableCellsArgument(cells: unknown): TableCellState[][] {
  if (cells === undefined) return [];
  const rows = Array.isArray(cells) ? cells : null;
  if (!rows || !rows.every(row => Array.isArray(row))) {
    throw scriptException('Invalid argument: cells (expected an array of rows of strings).');
  }
  const width = rows.length > 0 ? (rows[0] as unknown[]).length : 0;
  if (rows.some(row => (row as unknown[]).length !== width)) {
    throw scriptException('Invalid argument: cells (every row needs the same number of cells).');
  }
  return rows.map(row => (row as unknown[]).map(text => ({ text: String(text ?? '') })));
}

/** Docs takes PNG, JPEG and GIF images of at most 50 MB and 25 megapixels. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
const MAX_IMAGE_PIXELS = 25_000_000;

function imageArgument(source: unknown): InlineImageState {
  const own = (source as { __image?: () => InlineImageState } | null)?.__image;
  if (typeof own === 'function') return { ...own.call(source) };
  const blobSource = source as { getBlob?: () => GoogleAppsScript.Base.Blob } | null;
  if (!blobSource || typeof blobSource.getBlob !== 'function') {
    throw scriptException('Invalid argument: image (expected a Blob or BlobSource).');
  }
  const blob = blobSource.getBlob() as unknown as {
    __bytes?: () => Uint8Array;
  } & GoogleAppsScript.Base.Blob;
  const bytes = typeof blob.__bytes === 'function' ? blob.__bytes() : toUnsigned(blob.getBytes());
  const size = imageSize(bytes);
  // Wording unconfirmed; Docs refuses data that is not a PNG, JPEG or GIF image.
  if (!size) throw scriptException('Invalid image data: the blob is not a PNG, JPEG or GIF image.');
  if (bytes.length > MAX_IMAGE_BYTES || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw scriptException('The image is too large: images must be under 50 MB and 25 megapixels.');
  }
  return {
    contentType: size.type,
    contentBase64: base64Encode(bytes),
    width: size.width,
    height: size.height,
    size: bytes.length,
  };
}

function wrapTable(handle: DocumentHandle, section: SectionName, ref: ParagraphState): Table {
  const raw = new FakeTable(handle, section, ref);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.Table') as unknown as Table;
  raw.__self = proxy;
  return proxy;
}

function wrapRow(handle: DocumentHandle, table: ParagraphState, row: TableCellState[]): TableRow {
  const raw = new FakeTableRow(handle, table, row);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.TableRow') as unknown as TableRow;
  raw.__self = proxy;
  return proxy;
}

function wrapCell(
  handle: DocumentHandle,
  table: ParagraphState,
  row: TableCellState[],
  cell: TableCellState
): TableCell {
  const raw = new FakeTableCell(handle, table, row, cell);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.TableCell') as unknown as TableCell;
  raw.__self = proxy;
  return proxy;
}

function wrapImage(handle: DocumentHandle, ref: ParagraphState): InlineImage {
  const raw = new FakeInlineImage(handle, ref);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.InlineImage') as unknown as InlineImage;
  raw.__self = proxy;
  return proxy;
}

function wrapListItem(handle: DocumentHandle, ref: ParagraphState): ListItem {
  const raw = new FakeListItem(handle, ref);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.ListItem') as unknown as ListItem;
  raw.__self = proxy;
  return proxy;
}

/** A page break or horizontal rule: nothing to change, only its type to report. */
function wrapMarker(handle: DocumentHandle, className: string, type: string): object {
  return handle.ctx.wrap(
    { getType: () => type as unknown as GoogleAppsScript.Document.ElementType },
    `DocumentApp.${className}`
  );
}

type TableApi = Pick<
  Table,
  | 'getNumRows'
  | 'getRow'
  | 'getCell'
  | 'appendTableRow'
  | 'getText'
  | 'getNumChildren'
  | 'setBorderWidth'
  | 'getBorderWidth'
  | 'setBorderColor'
  | 'setColumnWidth'
  | 'getColumnWidth'
  | 'removeFromParent'
  | 'getType'
>;

class FakeTable implements TableApi {
  __self: Table;

  constructor(
    private handle: DocumentHandle,
    private section: SectionName,
    readonly __ref: ParagraphState
  ) {
    this.__self = undefined as unknown as Table;
  }

  private table(): TableState {
    return this.__ref.table as TableState;
  }
  private edit(change: () => void): void {
    this.handle.editable();
    change();
    syncTableText(this.__ref);
    this.handle.touch();
  }
  private row(index: number): TableCellState[] {
    const rows = this.table().rows;
    if (!Number.isInteger(index) || index < 0 || index >= rows.length) {
      throw scriptException(
        `Child index (${index}) must be less than the number of child elements (${rows.length}).`
      );
    }
    return rows[index];
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  getNumRows(): number {
    return this.table().rows.length;
  }
  getNumChildren(): number {
    return this.table().rows.length;
  }
  getRow(rowIndex: number): TableRow {
    return wrapRow(this.handle, this.__ref, this.row(rowIndex));
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    const row = this.row(rowIndex);
    if (!Number.isInteger(cellIndex) || cellIndex < 0 || cellIndex >= row.length) {
      throw scriptException(
        `Child index (${cellIndex}) must be less than the number of child elements (${row.length}).`
      );
    }
    return wrapCell(this.handle, this.__ref, row, row[cellIndex]);
  }
  /** A new row as wide as the table's first row, its cells empty. */
  appendTableRow(): TableRow {
    const width = this.table().rows[0]?.length ?? 0;
    const row: TableCellState[] = Array.from({ length: width }, () => ({ text: '' }));
    this.edit(() => this.table().rows.push(row));
    return wrapRow(this.handle, this.__ref, row);
  }
  getText(): string {
    return tableText(this.table());
  }
  setBorderWidth(width: number): Table {
    this.edit(() => (this.table().borderWidth = Number(width)));
    return this.__self;
  }
  getBorderWidth(): number {
    return this.table().borderWidth ?? (null as unknown as number);
  }
  /** Accepted; border colour is not kept. */
  setBorderColor(_color: string): Table {
    this.edit(() => {});
    return this.__self;
  }
  setColumnWidth(columnIndex: number, width: number): Table {
    this.edit(() => {
      const widths = (this.table().columnWidths ??= {});
      widths[columnIndex] = Number(width);
    });
    return this.__self;
  }
  getColumnWidth(columnIndex: number): number {
    return this.table().columnWidths?.[columnIndex] ?? (null as unknown as number);
  }
  removeFromParent(): Table {
    this.handle.editable();
    const list = this.handle.paragraphs(this.section);
    const index = list.indexOf(this.__ref);
    if (index >= 0) {
      list.splice(index, 1);
      if (list.length === 0) list.push({ text: '' });
      this.handle.touch();
    }
    return this.__self;
  }
}

type TableRowApi = Pick<
  TableRow,
  'getNumCells' | 'getCell' | 'appendTableCell' | 'getText' | 'getParentTable' | 'getType'
>;

class FakeTableRow implements TableRowApi {
  __self: TableRow;

  constructor(
    private handle: DocumentHandle,
    private tableRef: ParagraphState,
    private row: TableCellState[]
  ) {
    this.__self = undefined as unknown as TableRow;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE_ROW' as unknown as GoogleAppsScript.Document.ElementType;
  }
  getNumCells(): number {
    return this.row.length;
  }
  getCell(cellIndex: number): TableCell {
    if (!Number.isInteger(cellIndex) || cellIndex < 0 || cellIndex >= this.row.length) {
      throw scriptException(
        `Child index (${cellIndex}) must be less than the number of child elements (${this.row.length}).`
      );
    }
    return wrapCell(this.handle, this.tableRef, this.row, this.row[cellIndex]);
  }
  appendTableCell(textContents?: string): TableCell {
    this.handle.editable();
    const cell: TableCellState = { text: textContents === undefined ? '' : String(textContents) };
    this.row.push(cell);
    syncTableText(this.tableRef);
    this.handle.touch();
    return wrapCell(this.handle, this.tableRef, this.row, cell);
  }
  getText(): string {
    return this.row.map(cell => cell.text).join('\n');
  }
  getParentTable(): Table {
    return wrapTable(this.handle, 'body', this.tableRef);
  }
}

type TableCellApi = Pick<
  TableCell,
  | 'getText'
  | 'setText'
  | 'editAsText'
  | 'getBackgroundColor'
  | 'setBackgroundColor'
  | 'getParentRow'
  | 'getParentTable'
  | 'getType'
>;

class FakeTableCell implements TableCellApi {
  __self: TableCell;

  constructor(
    private handle: DocumentHandle,
    private tableRef: ParagraphState,
    private row: TableCellState[],
    private cell: TableCellState
  ) {
    this.__self = undefined as unknown as TableCell;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE_CELL' as unknown as GoogleAppsScript.Document.ElementType;
  }
  getText(): string {
    return this.cell.text;
  }
  setText(text: string): TableCell {
    this.handle.editable();
    this.cell.text = String(text);
    syncTableText(this.tableRef);
    this.handle.touch();
    return this.__self;
  }
  editAsText(): Text {
    return wrapText(this.handle, this.cell, () => syncTableText(this.tableRef));
  }
  /** Null until set, as Apps Script reports unset attributes. */
  getBackgroundColor(): string {
    return this.cell.backgroundColor ?? (null as unknown as string);
  }
  setBackgroundColor(color: string): TableCell {
    this.handle.editable();
    this.cell.backgroundColor = String(color);
    this.handle.touch();
    return this.__self;
  }
  getParentRow(): TableRow {
    return wrapRow(this.handle, this.tableRef, this.row);
  }
  getParentTable(): Table {
    return wrapTable(this.handle, 'body', this.tableRef);
  }
}

type InlineImageApi = Pick<
  InlineImage,
  | 'getWidth'
  | 'getHeight'
  | 'setWidth'
  | 'setHeight'
  | 'getBlob'
  | 'getAltTitle'
  | 'setAltTitle'
  | 'getAltDescription'
  | 'setAltDescription'
  | 'getType'
>;

class FakeInlineImage implements InlineImageApi {
  __self: InlineImage;

  constructor(
    private handle: DocumentHandle,
    private ref: ParagraphState
  ) {
    this.__self = undefined as unknown as InlineImage;
  }

  private image(): InlineImageState {
    return this.ref.image as InlineImageState;
  }
  private resize(key: 'width' | 'height', pixels: number): InlineImage {
    if (typeof pixels !== 'number' || !(pixels > 0)) {
      throw scriptException(`Invalid argument: ${key} must be a positive number of pixels.`);
    }
    this.handle.editable();
    this.image()[key] = Math.round(pixels);
    this.handle.touch();
    return this.__self;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'INLINE_IMAGE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  getWidth(): number {
    return this.image().width;
  }
  getHeight(): number {
    return this.image().height;
  }
  setWidth(width: number): InlineImage {
    return this.resize('width', width);
  }
  setHeight(height: number): InlineImage {
    return this.resize('height', height);
  }
  /** The image's own bytes (a resized image keeps its data). Name unconfirmed: none. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const image = this.image();
    return FakeBlob.create(
      this.handle.ctx,
      base64Decode(image.contentBase64),
      image.contentType,
      null
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  getAltTitle(): string {
    return this.image().altTitle ?? (null as unknown as string);
  }
  setAltTitle(title: string): InlineImage {
    this.handle.editable();
    this.image().altTitle = String(title);
    this.handle.touch();
    return this.__self;
  }
  getAltDescription(): string {
    return this.image().altDescription ?? (null as unknown as string);
  }
  setAltDescription(description: string): InlineImage {
    this.handle.editable();
    this.image().altDescription = String(description);
    this.handle.touch();
    return this.__self;
  }

  /** The stored image, for appendImage(inlineImage) (not an Apps Script method; never counted). */
  __image(): InlineImageState {
    return this.image();
  }
}

type ListItemApi = Pick<
  ListItem,
  'getText' | 'setText' | 'getGlyphType' | 'setGlyphType' | 'editAsText' | 'getType'
>;

class FakeListItem implements ListItemApi {
  __self: ListItem;

  constructor(
    private handle: DocumentHandle,
    readonly __ref: ParagraphState
  ) {
    this.__self = undefined as unknown as ListItem;
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return 'LIST_ITEM' as unknown as GoogleAppsScript.Document.ElementType;
  }
  getText(): string {
    return this.__ref.text;
  }
  setText(text: string): void {
    this.handle.editable();
    this.__ref.text = String(text);
    this.handle.touch();
  }
  /** Null until set; Docs' default bullet is not reported here (unconfirmed). */
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return (this.__ref.glyphType ?? null) as unknown as GoogleAppsScript.Document.GlyphType;
  }
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ListItem {
    const name = String(glyphType);
    if (!(name in GLYPH_TYPE)) throw scriptException(`Invalid argument: glyphType (${name})`);
    this.handle.editable();
    this.__ref.glyphType = name;
    this.handle.touch();
    return this.__self;
  }
  editAsText(): Text {
    return wrapText(this.handle, this.__ref);
  }
}

export function createDocumentApp(ctx: FakeContext): GoogleAppsScript.Document.DocumentApp {
  return ctx.wrap(
    new FakeDocumentApp(ctx),
    'DocumentApp'
  ) as unknown as GoogleAppsScript.Document.DocumentApp;
}
