// The whole emulated Workspace as plain JSON data. Fakes never keep state of their own: every
// execution reads and writes this object, so tests can share it between executions, the local
// emulator can save it to disk, and objects never cross JavaScript realms.

/** A cell: a primitive, a date (epoch ms) or a formula (kept, never evaluated). */
export type CellState = string | number | boolean | { d: number } | { f: string };

export interface ProtectionState {
  id: string;
  sheetName: string;
  /** A1 notation of the protected range, or null when the whole sheet is protected. */
  a1: string | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  /** Every user of the domain may edit (Protection.setDomainEdit); absent means false. */
  domainEdit?: boolean;
}

export interface ValidationState {
  /** 0-based row, column, row count, column count. */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  rule: DataValidationRuleState;
}

export interface DataValidationRuleState {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetState {
  sheetId: number;
  name: string;
  /** Rows of cells; a missing row or cell is empty. */
  rows: (CellState[] | null)[];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  /** Number formats by 0-based column, applied to the whole column. */
  columnFormats: Record<number, string>;
  validations: ValidationState[];
  /** Embedded charts in insertion order (absent in states saved before charts were emulated). */
  charts?: EmbeddedChartState[];
}

/** A rectangle of a sheet a chart reads: 1-based first row and column, with sizes. */
export interface ChartRangeState {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A chart placed over a sheet's grid; it draws its ranges' current values. */
export interface EmbeddedChartState {
  chartId: number;
  /** Charts.ChartType name: COLUMN, BAR, LINE, PIE, … */
  type: string;
  ranges: ChartRangeState[];
  /** Anchor cell (1-based) and pixel offsets from its top-left corner. */
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  /** Chart options by dotted name (title, width, height, colors, hAxis.title, …). */
  options: Record<string, unknown>;
  /** Header rows of the data; -1 lets Sheets guess from the values. */
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  sheets: SheetState[];
  protections: ProtectionState[];
  nextSheetId: number;
}

export type AccessName = 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'PRIVATE';
export type PermissionName = 'VIEW' | 'EDIT' | 'COMMENT' | 'OWNER' | 'ORGANIZER' | 'NONE';

export interface ContentRestrictionState {
  readOnly: boolean;
  reason: string;
  restrictingUser: string;
  restrictionTime: number;
}

export interface DriveItemState {
  id: string;
  kind: 'file' | 'folder';
  name: string;
  mimeType: string;
  owner: string;
  editors: string[];
  viewers: string[];
  parents: string[];
  description: string;
  trashed: boolean;
  starred: boolean;
  sharingAccess: AccessName;
  sharingPermission: PermissionName;
  createdAt: number;
  updatedAt: number;
  /** Base64 content of a binary file (Google-native files keep theirs in their own store). */
  contentBase64?: string;
  size: number;
  contentRestrictions: ContentRestrictionState[];
  appProperties: Record<string, string>;
}

/**
 * A child of a document section. Plain paragraphs carry only text and style; the other kinds say
 * so in `type`. An inline image, a page break or a horizontal rule sits in a paragraph of its own
 * (as Body.appendImage and friends create them). A table's `text` is kept equal to the text
 * Apps Script reports for it, so readers of plain text (exports, digests) see its cells.
 */
export interface ParagraphState {
  text: string;
  heading?: string;
  bold?: boolean;
  alignment?: string;
  type?: 'LIST_ITEM' | 'TABLE' | 'INLINE_IMAGE' | 'PAGE_BREAK' | 'HORIZONTAL_RULE';
  /** A list item's glyph (GlyphType name), when set. */
  glyphType?: string;
  table?: TableState;
  image?: InlineImageState;
}

export interface TableCellState {
  text: string;
  backgroundColor?: string;
  bold?: boolean;
}

export interface TableState {
  rows: TableCellState[][];
  borderWidth?: number;
  /** Column widths in points by 0-based column, where set. */
  columnWidths?: Record<number, number>;
}

export interface InlineImageState {
  contentType: string;
  contentBase64: string;
  /** Displayed size in pixels (starts as the image's own size). */
  width: number;
  height: number;
  /** Size of the image data in bytes. */
  size: number;
  altTitle?: string;
  altDescription?: string;
}

export interface DocumentState {
  id: string;
  body: ParagraphState[];
  header: ParagraphState[] | null;
  footer: ParagraphState[] | null;
}

export interface CacheEntryState {
  value: string;
  expiresAt: number;
}

export interface LockState {
  holder: string;
  acquiredAt: number;
}

export interface TriggerState {
  id: string;
  owner: string;
  handlerFunction: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';
  /** For clock triggers: every N hours / days / weeks, or a single run at a time. */
  schedule: {
    everyHours?: number;
    everyDays?: number;
    /** Day of the month of a monthly trigger (1-31). */
    onMonthDay?: number;
    atHour?: number;
    at?: number;
  };
  createdAt: number;
}

/** An error the fakes throw on purpose, to rehearse failures half-way through an operation. */
export interface FaultState {
  /** Call key, e.g. `SpreadsheetApp.Range.setValues`. */
  key: string;
  message: string;
  /** Let this many matching calls through before failing. */
  skip: number;
  /** How many calls fail; -1 for all that follow. */
  times: number;
}

/** An email address as a MIME parser reads it from a header. */
export interface AddressState {
  name: string;
  address: string;
}

export interface AttachmentState {
  filename: string;
  mimeType: string;
  /** Decoded size in bytes. */
  size: number;
  contentBase64: string;
  /** Content-ID of an inline part (without angle brackets), referenced as `cid:` in the HTML. */
  contentId: string | null;
  inline: boolean;
}

/**
 * A Gmail message. `rawBase64` is the exact RFC 822 message; every other field was derived from
 * it by a MIME parser when the message entered the state (fakes/gmail/seed.ts).
 */
export interface GmailMessageState {
  id: string;
  threadId: string;
  /** Whose mailbox holds it. */
  owner: string;
  rawBase64: string;
  headers: { key: string; value: string }[];
  subject: string;
  from: AddressState | null;
  to: AddressState[];
  cc: AddressState[];
  bcc: AddressState[];
  replyTo: AddressState[];
  /** Date header as epoch ms (null when absent or unreadable). */
  date: number | null;
  messageId: string | null;
  inReplyTo: string | null;
  plainBody: string;
  htmlBody: string;
  attachments: AttachmentState[];
  /** Why the parser could not read the message fully (malformed MIME), if it could not. */
  parseProblem: string | null;
  labels: string[];
  starred: boolean;
  unread: boolean;
  trashed: boolean;
  internalDate: number;
}

export interface GmailThreadState {
  id: string;
  owner: string;
  messageIds: string[];
}

export interface GmailState {
  messages: Record<string, GmailMessageState>;
  threads: Record<string, GmailThreadState>;
  /** User labels per mailbox owner (names, `/` for nesting). */
  labels: Record<string, string[]>;
}

/** An OAuth access token ScriptApp.getOAuthToken() issued, as Google's tokeninfo describes it. */
export interface OAuthTokenState {
  user: string;
  scopes: string[];
  /** The OAuth client of the script project that asked for it (tokeninfo's azp and aud). */
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

export type WebAppAccess = 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
export type WebAppExecuteAs = 'USER_DEPLOYING' | 'USER_ACCESSING';

/** A web app deployment of the script project (appsscript.json `webapp`). */
export interface WebAppState {
  deploymentId: string;
  /** Who deployed it: the web app runs as them with executeAs USER_DEPLOYING. */
  deployer: string;
  access: WebAppAccess;
  executeAs: WebAppExecuteAs;
  deployedAt: number;
}

/** A web app's answer waiting at its script.googleusercontent.com address (the 302 target). */
export interface WebAppEchoState {
  contentType: string;
  body: string;
  createdAt: number;
}

export interface UserState {
  email: string;
  name: string;
}

export interface WorkspaceState {
  version: 1;
  domain: string;
  /** Virtual wall clock, epoch ms; service calls advance it by their modelled latency. */
  now: number;
  nextId: number;
  users: Record<string, UserState>;
  drive: Record<string, DriveItemState>;
  /** Each user's My Drive root folder id. */
  roots: Record<string, string>;
  spreadsheets: Record<string, SpreadsheetState>;
  documents: Record<string, DocumentState>;
  /** Absent in states saved before mail was emulated; fakes create it on first use. */
  gmail?: GmailState;
  properties: {
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
    document: Record<string, Record<string, string>>;
  };
  cache: {
    script: Record<string, CacheEntryState>;
    user: Record<string, Record<string, CacheEntryState>>;
  };
  locks: { script: LockState | null; user: Record<string, LockState | null> };
  triggers: TriggerState[];
  faults: FaultState[];
  /** Absent in states saved before OAuth tokens were emulated; created on first use. */
  oauth?: { clientId: string; tokens: Record<string, OAuthTokenState> };
  /** Web app deployments by deployment id (absent until one is deployed). */
  webApps?: Record<string, WebAppState>;
  /** Web app answers by user_content_key, served once by the redirect they answer with. */
  webAppEchoes?: Record<string, WebAppEchoState>;
  /** Lines written with console / Logger during executions, newest last (bounded). */
  log: string[];
}

export const DEFAULT_DOMAIN = 'dfrr.gov.uk';
/** Monday 2 January 2017, 09:00 UTC: the demo department lives in FY 2016-17. */
export const DEFAULT_EPOCH = Date.UTC(2017, 0, 2, 9, 0, 0);

export function createWorkspaceState(
  options: { domain?: string; now?: number; users?: UserState[] } = {}
): WorkspaceState {
  const domain = options.domain ?? DEFAULT_DOMAIN;
  const state: WorkspaceState = {
    version: 1,
    domain,
    now: options.now ?? DEFAULT_EPOCH,
    nextId: 1,
    users: {},
    drive: {},
    roots: {},
    spreadsheets: {},
    documents: {},
    gmail: { messages: {}, threads: {}, labels: {} },
    properties: { script: {}, user: {}, document: {} },
    cache: { script: {}, user: {} },
    locks: { script: null, user: {} },
    triggers: [],
    faults: [],
    log: [],
  };
  for (const user of options.users ?? []) addUser(state, user);
  return state;
}

export function addUser(state: WorkspaceState, user: UserState): void {
  state.users[user.email] = { email: user.email, name: user.name };
  if (!state.roots[user.email]) {
    const root = newDriveItem(state, {
      kind: 'folder',
      name: 'My Drive',
      mimeType: 'application/vnd.google-apps.folder',
      owner: user.email,
      parents: [],
    });
    state.roots[user.email] = root.id;
  }
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Drive-like 44-character ids, deterministic for a given state so runs are repeatable. */
export function newId(state: WorkspaceState): string {
  const n = state.nextId++;
  let id = '1';
  // A 32-bit mix of the counter (Math.imul keeps every bit), so ids differ early, as Drive ids do.
  let seed = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (let i = 0; i < 43; i++) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + n + i) >>> 0;
    id += ID_ALPHABET[seed % 64];
  }
  return id;
}

export function newDriveItem(
  state: WorkspaceState,
  init: Partial<DriveItemState> & Pick<DriveItemState, 'kind' | 'name' | 'mimeType' | 'owner'>
): DriveItemState {
  const id = init.id ?? newId(state);
  const item: DriveItemState = {
    id,
    kind: init.kind,
    name: init.name,
    mimeType: init.mimeType,
    owner: init.owner,
    editors: init.editors ?? [],
    viewers: init.viewers ?? [],
    parents: init.parents ?? (state.roots[init.owner] ? [state.roots[init.owner]] : []),
    description: init.description ?? '',
    trashed: init.trashed ?? false,
    starred: init.starred ?? false,
    sharingAccess: init.sharingAccess ?? 'PRIVATE',
    sharingPermission: init.sharingPermission ?? 'NONE',
    createdAt: init.createdAt ?? state.now,
    updatedAt: init.updatedAt ?? state.now,
    size: init.size ?? 0,
    contentRestrictions: init.contentRestrictions ?? [],
    appProperties: init.appProperties ?? {},
  };
  if (init.contentBase64 !== undefined) item.contentBase64 = init.contentBase64;
  state.drive[id] = item;
  return item;
}
