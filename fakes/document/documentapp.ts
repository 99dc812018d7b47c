// DocumentApp over `state.documents`: a document is a body plus an optional header and footer,
// each a list of paragraphs. Edits land in the state at once; saveAndClose only closes the
// document for this execution. Edits need edit access to the Drive item and are refused while
// it carries a read-only content restriction.
import type { FakeContext } from '../core/context';
import { MESSAGES } from '../core/errors';
import { newDriveItem } from '../core/state';
import type { DocumentState, DriveItemState, ParagraphState } from '../core/state';
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

function wrapText(handle: DocumentHandle, ref: ParagraphState): Text {
  const raw = new FakeText(handle, ref);
  const proxy = handle.ctx.wrap(raw, 'DocumentApp.Text') as unknown as Text;
  raw.__self = proxy;
  return proxy;
}

// ---------------------------------------------------------------------------------------------

type DocumentAppApi = Pick<
  GoogleAppsScript.Document.DocumentApp,
  'create' | 'openById' | 'openByUrl' | 'HorizontalAlignment' | 'ParagraphHeading' | 'Attribute'
>;

class FakeDocumentApp implements DocumentAppApi {
  HorizontalAlignment: typeof GoogleAppsScript.Document.HorizontalAlignment;
  ParagraphHeading: typeof GoogleAppsScript.Document.ParagraphHeading;
  Attribute: typeof GoogleAppsScript.Document.Attribute;

  constructor(private ctx: FakeContext) {
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
  getParagraphs(): Paragraph[] {
    return this.handle
      .paragraphs(this.section)
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
  | 'setText';

class FakeBody extends SectionView<Body> implements Pick<Body, SectionApi> {}
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
    private ref: ParagraphState
  ) {
    this.__self = undefined as unknown as Text;
  }

  getText(): string {
    return this.ref.text;
  }
  setText(text: string): Text {
    this.handle.editable();
    this.ref.text = String(text);
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

export function createDocumentApp(ctx: FakeContext): GoogleAppsScript.Document.DocumentApp {
  return ctx.wrap(
    new FakeDocumentApp(ctx),
    'DocumentApp'
  ) as unknown as GoogleAppsScript.Document.DocumentApp;
}
