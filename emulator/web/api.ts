// The emulator's HTTP API as the page uses it (contract: emulator/server.ts). Every call goes to
// this page's own origin under /api; errors arrive as {error} and are thrown as ApiError.
import type { FormValues } from './card-model';
import type { EmailAttachment, EmailView, InboxEntry, ParagraphStyle } from '../contract';

export type { EmailAttachment, EmailView, InboxEntry, ParagraphStyle };

export type HostKey = 'docs' | 'sheets' | 'drive' | 'gmail';
export type HostApp = 'DOCS' | 'SHEETS' | 'DRIVE' | 'GMAIL';

export interface ItemSummary {
  id: string;
  name: string;
}

/** A Drive item and the folder it is in. */
export interface DriveItemInfo {
  id: string;
  name: string;
  mimeType: string;
  folderId: string | null;
}

export interface UniversalActionInfo {
  label: string;
  runFunction?: string;
  openLink?: string;
}

export interface Session {
  user: string;
  users: { email: string; name: string }[];
  addon: {
    name: string;
    logoUrl?: string;
    primaryColor?: string;
    secondaryColor?: string;
    hosts: string[];
    /** Optional: the manifest's universal actions, for the ⋮ menu. */
    universalActions?: UniversalActionInfo[];
  };
  hosts: {
    docs: ItemSummary[];
    sheets: ItemSummary[];
    drive: { rootId: string | null };
    gmail?: InboxEntry[];
  };
  registerId: string | null;
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  description?: string;
  marking?: string;
}

export interface DriveFolder {
  id: string;
  name: string;
  path: ItemSummary[];
  folders: ItemSummary[];
  files: DriveFile[];
}

export interface DocumentView {
  id: string;
  name: string;
  header: string[] | null;
  body: string[];
  footer: string[] | null;
  /** Index for index with header, body and footer. */
  styles?: {
    header: ParagraphStyle[] | null;
    body: ParagraphStyle[];
    footer: ParagraphStyle[] | null;
  };
  restricted: boolean;
}

export interface SheetValidation {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  values: string[];
}

export interface SheetCheckboxes {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** What a ticked and an unticked cell show (TRUE and FALSE for a plain checkbox). */
  checked: string;
  unchecked: string;
}

export interface SheetTab {
  name: string;
  hidden: boolean;
  frozenRows: number;
  rows: string[][];
  validations: SheetValidation[];
  /** Optional: areas drawn as checkboxes. */
  checkboxes?: SheetCheckboxes[];
}

/** A text file opened from Drive: its content as text. */
export interface TextFile {
  id: string;
  name: string;
  mimeType: string;
  text: string;
  truncated: boolean;
}

/** One cell edited by the signed-in user, 1-based. */
export interface CellEdit {
  tab: string;
  row: number;
  column: number;
  value: string | number | boolean;
}

export interface SpreadsheetView {
  id: string;
  name: string;
  tabs: SheetTab[];
}

/** The counts a run reports; only the fields the page shows are listed. */
export interface CallCounts {
  serviceCalls?: number;
  cardServiceCalls?: number;
  byService?: Record<string, number>;
  modelledMs?: number;
  cellsRead?: number;
  cellsWritten?: number;
}

export interface Execution {
  id: string;
  function: string;
  user: string;
  ms: number;
  counts: CallCounts;
  log: string[];
  error?: string;
}

export interface RunRequest {
  host: HostApp;
  trigger?: 'homepage' | 'fileScopeGranted' | 'itemsSelected' | 'message' | 'universal';
  function?: string;
  item?: { id: string };
  selection?: { id: string }[];
  parameters?: Record<string, string>;
  form?: FormValues;
  granted?: boolean;
}

export interface RunResult {
  response: unknown;
  error?: string;
  execution: Execution;
}

export interface TriggerInfo {
  id: string;
  handlerFunction: string;
  eventType?: string;
  owner?: string;
  schedule?: {
    everyHours?: number;
    everyDays?: number;
    onMonthDay?: number;
    atHour?: number;
    at?: number;
  };
  /** Epoch ms. */
  createdAt?: number;
}

export interface Walkthrough {
  id: string;
  title: string;
  steps: { id: string; text: string; done: boolean }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, `The emulator answered ${response.status} with no JSON`);
  }
  if (!response.ok) {
    const message = (data as { error?: unknown } | null)?.error;
    throw new ApiError(
      response.status,
      typeof message === 'string' ? message : `HTTP ${response.status}`
    );
  }
  return data as T;
}

const encode = encodeURIComponent;

export const api = {
  session: () => call<Session>('GET', '/api/session'),
  switchUser: (user: string) => call<unknown>('POST', '/api/session', { user }),
  folder: (id: string) => call<DriveFolder>('GET', `/api/drive/folder/${encode(id)}`),
  driveItem: (id: string) => call<DriveItemInfo>('GET', `/api/drive/item/${encode(id)}`),
  document: (id: string) => call<DocumentView>('GET', `/api/docs/${encode(id)}`),
  spreadsheet: (id: string) => call<SpreadsheetView>('GET', `/api/sheets/${encode(id)}`),
  editCell: (id: string, edit: CellEdit) =>
    call<SpreadsheetView>('POST', `/api/sheets/${encode(id)}/cell`, edit),
  textFile: (id: string) => call<TextFile>('GET', `/api/drive/file/${encode(id)}/text`),
  email: (id: string) => call<EmailView>('GET', `/api/gmail/${encode(id)}`),
  run: (request: RunRequest) => call<RunResult>('POST', '/api/run', request),
  executions: () => call<Execution[]>('GET', '/api/executions'),
  triggers: () => call<TriggerInfo[]>('GET', '/api/triggers'),
  runTrigger: (id: string) => call<RunResult>('POST', `/api/triggers/${encode(id)}/run`, {}),
  walkthroughs: () => call<Walkthrough[]>('GET', '/api/walkthroughs'),
  restartWalkthrough: (id: string) =>
    call<unknown>('POST', `/api/walkthroughs/${encode(id)}/restart`, {}),
  reset: () => call<unknown>('POST', '/api/reset', {}),
};
