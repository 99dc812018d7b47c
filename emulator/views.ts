// What the page shows of the Workspace, read straight from the state as the signed-in user sees
// it: the documents and spreadsheets they can open, a Drive folder, a document, a spreadsheet.
import type {
  ParagraphState,
  DriveItemState,
  SheetState,
  SpreadsheetState,
  ValidationState,
  WorkspaceState,
} from '../fakes/core/state';
import type { DocBlock, ParagraphStyle, SheetChart } from './contract';
import { lookOf, renderChartPng } from '../fakes/charts';
import { base64Encode } from '../fakes/core/bytes';
import { chartDataOf } from '../fakes/spreadsheet/chart';
import { canView, isLocked, MIME } from '../fakes/drive/access';
import { cellDisplay, isEmptyCell } from '../fakes/spreadsheet/cells';
import { getCell, lastColumn, lastRow } from '../fakes/spreadsheet/grid';
import type { RangeRef } from '../fakes/spreadsheet/range';

export interface Named {
  id: string;
  name: string;
}

export interface FolderView extends Named {
  /** From the topmost folder the user can see down to this one. */
  path: Named[];
  folders: Named[];
  files: { id: string; name: string; mimeType: string; description: string; marking?: string }[];
}

export interface DocumentView extends Named {
  header: string[] | null;
  body: string[];
  footer: string[] | null;
  /** The paragraphs' styles, index for index with header, body and footer. */
  styles: {
    header: ParagraphStyle[] | null;
    body: ParagraphStyle[];
    footer: ParagraphStyle[] | null;
  };
  /** Locked read-only (a Drive content restriction). */
  restricted: boolean;
  /** Tables, images and other non-text elements of the body, index for index with `body`. */
  blocks: (DocBlock | null)[];
}

export interface TabView {
  name: string;
  /** Checkbox-validated areas (1-based): a cell shows as a box, ticked when it shows `checked`. */
  checkboxes: {
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
    checked: string;
    unchecked: string;
  }[];
  hidden: boolean;
  frozenRows: number;
  rows: string[][];
  /** Embedded charts, drawn from the sheet's current values. */
  charts: SheetChart[];
  /** List and range validations (1-based, as the page counts rows and columns). */
  validations: {
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
    values: string[];
  }[];
}

export interface SpreadsheetView extends Named {
  tabs: TabView[];
}

/** An item the user can open, or null (missing, trashed and hidden items look alike). */
export function openableItem(
  state: WorkspaceState,
  id: string,
  user: string
): DriveItemState | null {
  const item = Object.prototype.hasOwnProperty.call(state.drive, id) ? state.drive[id] : null;
  if (!item || item.trashed || !canView(state, item, user)) return null;
  return item;
}

function byName(a: Named, b: Named): number {
  return a.name.localeCompare(b.name);
}

/** The documents (or spreadsheets) the user can open, by name. */
export function openableFiles(
  state: WorkspaceState,
  user: string,
  kind: 'document' | 'spreadsheet'
): Named[] {
  const store = kind === 'document' ? state.documents : state.spreadsheets;
  return Object.keys(store)
    .map(id => openableItem(state, id, user))
    .filter((item): item is DriveItemState => item !== null)
    .map(item => ({ id: item.id, name: item.name }))
    .sort(byName);
}

/** An item and the folder it is in (null when the user cannot open that folder). */
export interface DriveItemView extends Named {
  mimeType: string;
  folderId: string | null;
}

export function driveItemView(
  state: WorkspaceState,
  id: string,
  user: string
): DriveItemView | null {
  const item = openableItem(state, id, user);
  if (!item) return null;
  const folderId = item.parents.find(parent => openableItem(state, parent, user)) ?? null;
  return { id: item.id, name: item.name, mimeType: item.mimeType, folderId };
}

export function folderView(state: WorkspaceState, id: string, user: string): FolderView | null {
  const folder = openableItem(state, id, user);
  if (!folder || folder.kind !== 'folder') return null;
  const path: Named[] = [];
  const seen = new Set<string>();
  for (let node: DriveItemState | null = folder; node && !seen.has(node.id);) {
    seen.add(node.id);
    path.unshift({ id: node.id, name: node.name });
    node = node.parents.length ? openableItem(state, node.parents[0], user) : null;
  }
  const children = Object.values(state.drive).filter(
    item => item.parents.includes(id) && !item.trashed && canView(state, item, user)
  );
  return {
    id: folder.id,
    name: folder.name,
    path,
    folders: children
      .filter(item => item.kind === 'folder')
      .map(item => ({ id: item.id, name: item.name }))
      .sort(byName),
    files: children
      .filter(item => item.kind === 'file')
      .sort(byName)
      .map(item => {
        const marking = markingOf(state, item);
        return {
          id: item.id,
          name: item.name,
          mimeType: item.mimeType,
          description: item.description,
          ...(marking ? { marking } : {}),
        };
      }),
  };
}

const MARKING = /^(OFFICIAL(-SENSITIVE)?|SECRET|TOP SECRET|PROTECT|RESTRICTED|CONFIDENTIAL)\b/;

/** The protective marking an item shows: a Doc's header line, else a `[MARKING] ` name prefix. */
export function markingOf(state: WorkspaceState, item: DriveItemState): string | undefined {
  if (item.mimeType === MIME.document) {
    const first = state.documents[item.id]?.header?.[0]?.text.trim();
    if (first && MARKING.test(first)) return first;
  }
  const prefix = /^\[([^\]]+)\]/.exec(item.name)?.[1].trim();
  return prefix && MARKING.test(prefix) ? prefix : undefined;
}

export function documentView(state: WorkspaceState, id: string, user: string): DocumentView | null {
  const item = openableItem(state, id, user);
  const document = state.documents[id];
  if (!item || !document) return null;
  const texts = (paragraphs: { text: string }[] | null) => paragraphs?.map(p => p.text) ?? null;
  const styles = (paragraphs: ParagraphState[] | null) =>
    paragraphs?.map(p => ({ bold: !!p.bold, alignment: p.alignment ?? null })) ?? null;
  return {
    id,
    name: item.name,
    header: texts(document.header),
    body: document.body.map(p => p.text),
    footer: texts(document.footer),
    styles: {
      header: styles(document.header),
      body: styles(document.body) ?? [],
      footer: styles(document.footer),
    },
    restricted: isLocked(item),
    blocks: document.body.map(blockOf),
  };
}

function blockOf(p: ParagraphState): DocBlock | null {
  switch (p.type) {
    case 'TABLE':
      return {
        kind: 'table',
        rows: (p.table?.rows ?? []).map(row =>
          row.map(cell => ({ text: cell.text, background: cell.backgroundColor ?? null }))
        ),
      };
    case 'INLINE_IMAGE':
      return p.image
        ? {
            kind: 'image',
            src: `data:${p.image.contentType};base64,${p.image.contentBase64}`,
            width: p.image.width,
            height: p.image.height,
            alt: p.image.altTitle ?? p.image.altDescription ?? '',
          }
        : null;
    case 'LIST_ITEM':
      return { kind: 'listItem' };
    case 'PAGE_BREAK':
      return { kind: 'pageBreak' };
    case 'HORIZONTAL_RULE':
      return { kind: 'rule' };
    default:
      return null;
  }
}

/** Each chart drawn as the fakes draw it, so what the page shows is what getAs returns. */
function chartsOfTab(
  state: WorkspaceState,
  spreadsheetId: string,
  sheet: SheetState
): SheetChart[] {
  return (sheet.charts ?? []).map(chart => {
    const look = lookOf(chart.type, chart.options);
    let src = '';
    try {
      src = `data:image/png;base64,${base64Encode(renderChartPng(chartDataOf(state, spreadsheetId, chart), look))}`;
    } catch {
      // A chart type the fakes do not draw shows as an empty frame.
    }
    return {
      chartId: chart.chartId,
      type: chart.type,
      title: look.title,
      anchorRow: chart.anchorRow,
      anchorColumn: chart.anchorColumn,
      offsetX: chart.offsetX,
      offsetY: chart.offsetY,
      width: look.width,
      height: look.height,
      src,
    };
  });
}

export function spreadsheetView(
  state: WorkspaceState,
  id: string,
  user: string
): SpreadsheetView | null {
  const item = openableItem(state, id, user);
  const spreadsheet = state.spreadsheets[id];
  if (!item || !spreadsheet) return null;
  return {
    id,
    name: item.name,
    tabs: spreadsheet.sheets.map(sheet => tabView(state, sheet, id)),
  };
}

function tabView(state: WorkspaceState, sheet: SheetState, spreadsheetId: string): TabView {
  const rows = lastRow(sheet);
  const columns = lastColumn(sheet);
  const display: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < columns; c++) {
      line.push(cellDisplay(getCell(sheet, r, c), sheet.columnFormats[c]));
    }
    display.push(line);
  }
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    rows: display,
    charts: chartsOfTab(state, spreadsheetId, sheet),
    checkboxes: sheet.validations
      .filter(v => v.rule.criteria === 'CHECKBOX')
      .map(v => ({
        row: v.row + 1,
        column: v.column + 1,
        numRows: v.numRows,
        numColumns: v.numColumns,
        ...checkboxValues(v),
      })),
    validations: sheet.validations
      .filter(v => v.rule.criteria !== 'CHECKBOX')
      .map(v => ({
        row: v.row + 1,
        column: v.column + 1,
        numRows: v.numRows,
        numColumns: v.numColumns,
        values: allowedValues(state, v),
      })),
  };
}

/** The choices a list or range validation offers (what the cell's dropdown shows). */
function allowedValues(state: WorkspaceState, validation: ValidationState): string[] {
  const { criteria, args } = validation.rule;
  if (criteria === 'VALUE_IN_LIST' && Array.isArray(args[0])) return args[0].map(String);
  if (criteria !== 'VALUE_IN_RANGE') return [];
  const ref = args[0] as RangeRef | undefined;
  const spreadsheet: SpreadsheetState | undefined = ref && state.spreadsheets[ref.spreadsheetId];
  const source = spreadsheet?.sheets.find(s => s.sheetId === ref?.sheetId);
  if (!ref || !source) return [];
  const values: string[] = [];
  for (let r = ref.row - 1; r < ref.row - 1 + ref.numRows; r++) {
    for (let c = ref.column - 1; c < ref.column - 1 + ref.numColumns; c++) {
      const cell = getCell(source, r, c);
      if (!isEmptyCell(cell)) values.push(cellDisplay(cell, source.columnFormats[c]));
    }
  }
  return [...new Set(values)];
}

/**
 * What a checkbox cell holds ticked and unticked, as the cell displays it: TRUE and FALSE for a
 * plain checkbox, else the values given to requireCheckbox(checked, unchecked).
 */
function checkboxValues(validation: ValidationState): { checked: string; unchecked: string } {
  const [checked, unchecked] = validation.rule.args;
  const shown = (value: unknown) =>
    typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  if (checked === undefined) return { checked: 'TRUE', unchecked: 'FALSE' };
  return { checked: shown(checked), unchecked: unchecked === undefined ? '' : shown(unchecked) };
}

/** Files the Drive view opens as plain text: CSV, text and checksum lists, up to this size. */
export const MAX_TEXT_BYTES = 512 * 1024;
const TEXT_MIME = /^text\/|^application\/(json|csv)$/;
const TEXT_NAME = /\.(csv|txt|sha256|md5|json|tsv|log)$/i;

export interface TextFileView extends Named {
  mimeType: string;
  /** The file's content as UTF-8 text (shown as text, never as HTML). */
  text: string;
  /** The file is larger than the part shown. */
  truncated: boolean;
}

/** A text file's content, or null when the user cannot open it; `not text` for other files. */
export function textFileView(
  state: WorkspaceState,
  id: string,
  user: string
): TextFileView | 'not text' | null {
  const item = openableItem(state, id, user);
  if (!item || item.kind !== 'file') return null;
  if (!TEXT_MIME.test(item.mimeType) && !TEXT_NAME.test(item.name)) return 'not text';
  const bytes = Buffer.from(item.contentBase64 ?? '', 'base64');
  const shown = bytes.subarray(0, MAX_TEXT_BYTES);
  return {
    id: item.id,
    name: item.name,
    mimeType: item.mimeType,
    text: new TextDecoder('utf-8').decode(shown),
    truncated: bytes.length > shown.length,
  };
}
