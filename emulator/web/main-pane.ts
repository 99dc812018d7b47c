// What the main pane shows for each host: Docs (list, then a page), Sheets (list, then a grid
// with tabs), Drive (folders and files with selection) and Gmail (inbox, then a message).
// Each function returns an element; the shell decides when to fetch and what a click does.
import type {
  DocumentView,
  DriveFile,
  DriveFolder,
  EmailAttachment,
  EmailView,
  InboxEntry,
  ItemSummary,
  ParagraphStyle,
  SpreadsheetView,
  TextFile,
} from './api';
import type { DocBlock, SheetChart } from '../contract';
import { h } from './dom';
import {
  columnLetter,
  columnsShown,
  FILE_KIND_LABELS,
  type FileKind,
  fileKind,
  formatSize,
  isTextFile,
  markingTone,
  splitMarking,
  splitSubjectMarking,
  validationAt,
} from './workspace-model';

/** Rows a grid draws at most; the rest are counted, not drawn. */
const MAX_GRID_ROWS = 500;
/** Blank rows and columns around the data, as an empty spreadsheet shows them. */
const SPARE_ROWS = 5;
const MIN_COLUMNS = 6;

/** File-type marks drawn in CSS with plain symbols: no emoji or icon font is needed. */
const KIND_MARKS: Record<FileKind, string> = {
  document: '≡',
  spreadsheet: '▦',
  presentation: '▭',
  folder: '',
  shortcut: '↪',
  pdf: 'PDF',
  image: '▲',
  email: '@',
  file: '•',
};

function kindIcon(kind: FileKind): HTMLElement {
  return h('span', {
    className: `rc-kind-icon rc-kind-icon--${kind}`,
    text: KIND_MARKS[kind],
    attrs: { 'aria-hidden': 'true' },
  });
}

export function markingChip(marking: string): HTMLElement {
  return h('span', {
    className: `rc-marking rc-marking--${markingTone(marking)}`,
    text: marking,
    testId: 'marking',
    attrs: { title: `Marking: ${marking}` },
  });
}

function paneBar(children: (Node | null)[]): HTMLElement {
  return h('div', { className: 'rc-pane-bar' }, children);
}

function backButton(text: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', {
    className: 'rc-link-button',
    text: `← ${text}`,
    testId: 'back-to-list',
    attrs: { type: 'button' },
  });
  button.addEventListener('click', onClick);
  return button;
}

export function renderMessage(
  title: string,
  text: string,
  action?: { label: string; run(): void }
): HTMLElement {
  const button = action
    ? h('button', { className: 'rc-shell-button', text: action.label, attrs: { type: 'button' } })
    : null;
  if (button && action) button.addEventListener('click', () => action.run());
  return h('div', { className: 'rc-pane-message' }, [
    h('h2', { text: title }),
    h('p', { text }),
    button,
  ]);
}

/** The list of documents or spreadsheets a host opens. */
export function renderItemList(
  title: string,
  kind: FileKind,
  items: ItemSummary[],
  open: (id: string) => void,
  badges: Record<string, string> = {}
): HTMLElement {
  if (!items.length) return renderMessage(title, 'Nothing here yet for this user.');
  return h('div', { className: 'rc-item-list-pane' }, [
    h('h2', { className: 'rc-pane-title', text: title }),
    h(
      'ul',
      { className: 'rc-item-list' },
      items.map(item => {
        const { marking, title: name } = splitMarking(item.name);
        const button = h(
          'button',
          { className: 'rc-item', testId: `open-${item.id}`, attrs: { type: 'button' } },
          [
            kindIcon(kind),
            h('span', { className: 'rc-item-name', text: name }),
            marking ? markingChip(marking) : null,
            badges[item.id] ? h('span', { className: 'rc-badge', text: badges[item.id] }) : null,
          ]
        );
        button.addEventListener('click', () => open(item.id));
        return h('li', {}, [button]);
      })
    ),
  ]);
}

// ---- Docs ------------------------------------------------------------------------------------

/** A paragraph as Docs shows it: bold and aligned as set (the add-on's marking is both). */
function paragraph(
  text: string,
  className: string,
  style: ParagraphStyle | undefined
): HTMLElement {
  const p = h('p', { className, text: text || '\u00a0' });
  if (style?.bold) p.style.fontWeight = '700';
  const align = style?.alignment?.toLowerCase();
  if (align === 'center' || align === 'right' || align === 'justify') p.style.textAlign = align;
  return p;
}

/** A body element: a paragraph, or the table, image, list item, break or rule it stands for. */
function bodyElement(
  text: string,
  style: ParagraphStyle | undefined,
  block: DocBlock | null | undefined
): HTMLElement {
  switch (block?.kind) {
    case 'table':
      return h('table', { className: 'rc-doc-table', testId: 'doc-table' }, [
        h(
          'tbody',
          {},
          block.rows.map(row =>
            h(
              'tr',
              {},
              row.map(cell => {
                const td = h('td', { text: cell.text || '\u00a0' });
                if (cell.background) td.style.backgroundColor = cell.background;
                return td;
              })
            )
          )
        ),
      ]);
    case 'image':
      return h('p', { className: 'rc-doc-image' }, [
        h('img', {
          testId: 'doc-image',
          attrs: { src: block.src, width: block.width, height: block.height, alt: block.alt },
        }),
      ]);
    case 'listItem':
      return h('ul', { className: 'rc-doc-list' }, [h('li', { text: text || '\u00a0' })]);
    case 'pageBreak':
      return h('hr', { className: 'rc-doc-page-break', attrs: { 'aria-label': 'Page break' } });
    case 'rule':
      return h('hr', { className: 'rc-doc-rule' });
    default:
      return paragraph(text, '', style);
  }
}

/** The sheet's embedded charts, below the grid, each captioned with its anchor cell. */
function sheetCharts(charts: SheetChart[] | undefined): HTMLElement | null {
  if (!charts || charts.length === 0) return null;
  return h(
    'div',
    { className: 'rc-sheet-charts', attrs: { role: 'group', 'aria-label': 'Charts' } },
    charts.map(chart =>
      h('figure', { className: 'rc-sheet-chart', testId: `chart-${chart.chartId}` }, [
        h('img', {
          attrs: {
            src: chart.src,
            width: chart.width,
            height: chart.height,
            alt: chart.title || `${chart.type.toLowerCase()} chart`,
          },
        }),
        h('figcaption', {
          // The image carries the chart's title; the caption says where Sheets would draw it.
          text: `Anchored at ${columnLetter(chart.anchorColumn - 1)}${chart.anchorRow}`,
        }),
      ])
    )
  );
}

function docLines(
  lines: string[],
  styles: ParagraphStyle[] | null | undefined,
  className: string,
  label: string
): HTMLElement {
  return h('div', { className, attrs: { 'aria-label': label, role: 'group' } }, [
    h('div', { className: 'rc-doc-region-label', text: label, attrs: { 'aria-hidden': 'true' } }),
    ...lines.map((line, i) => paragraph(line, 'rc-doc-line', styles?.[i])),
  ]);
}

export function renderDocument(doc: DocumentView, back: () => void): HTMLElement {
  return h('div', { className: 'rc-doc-pane', testId: 'document', attrs: { 'data-id': doc.id } }, [
    paneBar([
      backButton('All documents', back),
      kindIcon('document'),
      h('h2', { className: 'rc-pane-title', text: doc.name }),
      doc.restricted
        ? h('span', {
            className: 'rc-lock-badge',
            text: 'Locked: read-only',
            testId: 'lock-badge',
            attrs: { title: 'Locked: a content restriction stops edits' },
          })
        : null,
    ]),
    h('div', { className: 'rc-doc-canvas' }, [
      h('div', { className: 'rc-page' }, [
        doc.header ? docLines(doc.header, doc.styles?.header, 'rc-doc-header', 'Header') : null,
        h(
          'div',
          { className: 'rc-doc-body' },
          doc.body.map((text, i) =>
            bodyElement(
              text,
              doc.styles?.body[i],
              (doc as DocumentView & { blocks?: (DocBlock | null)[] }).blocks?.[i]
            )
          )
        ),
        doc.footer ? docLines(doc.footer, doc.styles?.footer, 'rc-doc-footer', 'Footer') : null,
      ]),
    ]),
  ]);
}

// ---- Sheets ----------------------------------------------------------------------------------

/** Opens a Google link in the emulator when it points at an item the emulator has. */
export type LinkOpener = (url: string) => (() => void) | null;

/** A person's edit of one cell (1-based), e.g. ticking a checkbox. */
export type CellEditor = (
  tab: string,
  row: number,
  column: number,
  value: boolean | string
) => void;

export function renderSpreadsheet(
  sheet: SpreadsheetView,
  tabIndex: number,
  selectTab: (index: number) => void,
  back: () => void,
  openLink: LinkOpener = () => null,
  editCell?: CellEditor
): HTMLElement {
  const tab = sheet.tabs[tabIndex] ?? sheet.tabs[0];
  const strip = h(
    'div',
    { className: 'rc-tab-strip', attrs: { role: 'tablist', 'aria-label': 'Sheets' } },
    sheet.tabs.map((t, index) => {
      const button = h('button', {
        className: `rc-tab${t.hidden ? ' rc-tab--hidden' : ''}`,
        text: t.hidden ? `${t.name} (hidden)` : t.name,
        testId: `tab-${t.name}`,
        attrs: {
          type: 'button',
          role: 'tab',
          'aria-selected': String(t === tab),
          title: t.hidden ? 'Hidden sheet: people do not see it unless they unhide it' : undefined,
        },
      });
      button.addEventListener('click', () => selectTab(index));
      return button;
    })
  );
  return h(
    'div',
    { className: 'rc-sheet-pane', testId: 'spreadsheet', attrs: { 'data-id': sheet.id } },
    [
      paneBar([
        backButton('All spreadsheets', back),
        kindIcon('spreadsheet'),
        h('h2', { className: 'rc-pane-title', text: sheet.name }),
      ]),
      h('div', { className: 'rc-sheet-scroll' }, [
        tab ? renderGrid(tab, openLink, editCell) : renderMessage(sheet.name, 'No sheets.'),
        sheetCharts((tab as (typeof tab & { charts?: SheetChart[] }) | undefined)?.charts),
      ]),
      strip,
    ]
  );
}

function renderGrid(
  tab: SpreadsheetView['tabs'][number],
  openLink: LinkOpener,
  editCell?: CellEditor
): HTMLElement {
  const columns = columnsShown(
    tab.rows,
    [...tab.validations, ...(tab.checkboxes ?? [])],
    MIN_COLUMNS
  );
  const dataRows = Math.min(tab.rows.length + SPARE_ROWS, MAX_GRID_ROWS);
  const letters = h('tr', { className: 'rc-sheet-letters' }, [
    h('th', { className: 'rc-sheet-corner', attrs: { scope: 'col', 'aria-label': 'Row' } }),
    ...Array.from({ length: columns }, (_, c) =>
      h('th', { className: 'rc-sheet-letter', text: columnLetter(c), attrs: { scope: 'col' } })
    ),
  ]);
  const head = h('thead', {}, [letters]);
  const body = h('tbody');
  for (let r = 0; r < dataRows; r++) {
    const row = tab.rows[r] ?? [];
    const frozen = r < tab.frozenRows;
    const tr = h('tr', { className: frozen ? 'rc-frozen' : undefined }, [
      h('th', { className: 'rc-sheet-row-number', text: String(r + 1), attrs: { scope: 'row' } }),
    ]);
    for (let c = 0; c < columns; c++) {
      tr.append(renderCell(row[c] ?? '', tab, r + 1, c + 1, openLink, editCell));
    }
    (frozen ? head : body).append(tr);
  }
  const table = h('table', { className: 'rc-sheet-grid', testId: 'sheet-grid' }, [head, body]);
  const hiddenRows = tab.rows.length + SPARE_ROWS - dataRows;
  return h('div', { className: 'rc-sheet-grid-wrap' }, [
    table,
    hiddenRows > 0
      ? h('p', { className: 'rc-sheet-more', text: `${hiddenRows} more rows not shown` })
      : null,
  ]);
}

function renderCell(
  text: string,
  tab: SpreadsheetView['tabs'][number],
  row: number,
  column: number,
  openLink: LinkOpener,
  editCell?: CellEditor
): HTMLElement {
  const validation = validationAt(tab.validations, row, column);
  const checkbox = validationAt(tab.checkboxes ?? [], row, column);
  const numeric = text !== '' && !Number.isNaN(Number(text));
  const cell = h('td', {
    className: `rc-cell${numeric ? ' rc-cell--number' : ''}`,
    attrs: {
      'data-cell': `${columnLetter(column - 1)}${row}`,
      title: text.length > 30 ? text : undefined,
    },
  });
  const open = /^https:\/\/(docs|drive)\.google\.com\//.test(text) ? openLink(text) : null;
  if (open) {
    // A register's Link column: open the record here, as Sheets opens the link in a new tab.
    const link = h('button', {
      className: 'rc-link-button rc-cell-link',
      text,
      testId: `cell-link-${columnLetter(column - 1)}${row}`,
      attrs: { type: 'button', title: `Open ${text}` },
    });
    link.addEventListener('click', open);
    cell.append(link);
    return cell;
  }
  if (checkbox && row > tab.frozenRows) {
    // A checkbox cell: ticking it is the person's own edit, made as them (protections apply).
    const a1 = `${columnLetter(column - 1)}${row}`;
    const box = h('input', {
      className: 'rc-checkbox rc-cell-checkbox',
      testId: `cell-check-${a1}`,
      attrs: { type: 'checkbox', 'aria-label': `${tab.name} ${a1}` },
    });
    box.checked = text === checkbox.checked;
    box.disabled = !editCell;
    const plain = checkbox.checked === 'TRUE' && checkbox.unchecked === 'FALSE';
    box.addEventListener('change', () => {
      const value = plain ? box.checked : box.checked ? checkbox.checked : checkbox.unchecked;
      editCell?.(tab.name, row, column, value);
    });
    cell.classList.add('rc-cell--checkbox');
    cell.append(box);
    return cell;
  }
  if (!validation || row <= tab.frozenRows) {
    cell.textContent = text;
    return cell;
  }
  cell.classList.add('rc-cell--validated');
  cell.title = `Allowed: ${validation.values.join(', ')}`;
  cell.append(
    h('span', { className: text ? 'rc-dropdown-chip' : 'rc-dropdown-empty' }, [
      h('span', { className: 'rc-dropdown-text', text }),
      h('span', { className: 'rc-dropdown-marker', text: '▾', attrs: { 'aria-hidden': 'true' } }),
    ])
  );
  return cell;
}

// ---- Drive -----------------------------------------------------------------------------------

export interface DriveHandlers {
  openFolder(id: string): void;
  /** Ticks or unticks one item (checkbox, or Ctrl/⌘-click). */
  toggle(id: string, selected: boolean): void;
  /** A plain click selects that item alone, as Drive does. */
  selectOnly(id: string): void;
  clearSelection(): void;
  /** Opens a Google Doc or Sheet in its own host, when the emulator has it. */
  openInHost?(file: DriveFile): (() => void) | null;
  /** Opens a text file (a CSV, a checksum list, a README) as plain text. */
  openText?(file: DriveFile): void;
}

export function renderDriveFolder(
  folder: DriveFolder,
  selection: ReadonlySet<string>,
  handlers: DriveHandlers
): HTMLElement {
  const crumbs = [...folder.path];
  if (crumbs[crumbs.length - 1]?.id !== folder.id)
    crumbs.push({ id: folder.id, name: folder.name });
  const breadcrumb = h(
    'nav',
    { className: 'rc-breadcrumb', attrs: { 'aria-label': 'Folder path' } },
    [
      h(
        'ol',
        {},
        crumbs.map((crumb, index) => {
          if (index === crumbs.length - 1)
            return h('li', {}, [
              h('span', { text: crumb.name, attrs: { 'aria-current': 'page' } }),
            ]);
          const button = h('button', {
            className: 'rc-link-button',
            text: crumb.name,
            testId: `crumb-${crumb.id}`,
            attrs: { type: 'button' },
          });
          button.addEventListener('click', () => handlers.openFolder(crumb.id));
          return h('li', {}, [button]);
        })
      ),
    ]
  );
  const count = selection.size;
  const clearButton = h('button', {
    className: 'rc-link-button',
    text: 'Clear selection',
    testId: 'clear-selection',
    attrs: { type: 'button', hidden: count === 0 },
  });
  clearButton.addEventListener('click', () => handlers.clearSelection());
  const rows = [
    ...folder.folders.map(f =>
      driveRow(
        f.id,
        f.name,
        'application/vnd.google-apps.folder',
        undefined,
        undefined,
        selection,
        handlers
      )
    ),
    ...folder.files.map(file =>
      driveRow(
        file.id,
        file.name,
        file.mimeType,
        file.description,
        file.marking,
        selection,
        handlers,
        file
      )
    ),
  ];
  return h(
    'div',
    { className: 'rc-drive-pane', testId: 'drive-folder', attrs: { 'data-id': folder.id } },
    [
      paneBar([
        breadcrumb,
        h('span', {
          className: 'rc-selection-count',
          text: selectionText(count),
          attrs: { 'aria-live': 'polite' },
        }),
        clearButton,
      ]),
      rows.length
        ? h('table', { className: 'rc-drive-list' }, [
            h('thead', {}, [
              h('tr', {}, [
                h('th', { className: 'rc-drive-check', attrs: { scope: 'col' } }, [
                  h('span', { className: 'rc-visually-hidden', text: 'Selected' }),
                ]),
                h('th', { text: 'Name', attrs: { scope: 'col' } }),
                h('th', { text: 'Type', attrs: { scope: 'col' } }),
              ]),
            ]),
            h('tbody', {}, rows),
          ])
        : renderMessage(folder.name, 'This folder is empty.'),
    ]
  );
}

function selectionText(count: number): string {
  return count ? `${count} selected` : '';
}

/** Shows a new selection in a drawn folder without redrawing it, so focus stays where it is. */
export function updateDriveSelection(pane: HTMLElement, selection: ReadonlySet<string>): void {
  for (const row of pane.querySelectorAll<HTMLElement>('.rc-drive-row')) {
    const selected = selection.has(row.dataset.id ?? '');
    row.classList.toggle('rc-selected', selected);
    row.setAttribute('aria-selected', String(selected));
    const checkbox = row.querySelector<HTMLInputElement>('input[type=checkbox]');
    if (checkbox) checkbox.checked = selected;
  }
  const count = pane.querySelector('.rc-selection-count');
  if (count) count.textContent = selectionText(selection.size);
  const clearButton = pane.querySelector<HTMLElement>('[data-testid=clear-selection]');
  if (clearButton) clearButton.hidden = selection.size === 0;
}

function driveRow(
  id: string,
  name: string,
  mimeType: string,
  description: string | undefined,
  knownMarking: string | undefined,
  selection: ReadonlySet<string>,
  handlers: DriveHandlers,
  file?: DriveFile
): HTMLElement {
  const kind = fileKind(mimeType);
  const split = splitMarking(name);
  const marking = knownMarking || split.marking;
  const title = split.marking ? split.title : name;
  const selected = selection.has(id);
  const checkbox = h('input', {
    className: 'rc-checkbox',
    testId: `select-${id}`,
    attrs: { type: 'checkbox', 'aria-label': `Select ${name}` },
  });
  checkbox.checked = selected;
  checkbox.addEventListener('change', () => handlers.toggle(id, checkbox.checked));
  const nameButton = h(
    'button',
    {
      className: 'rc-drive-name',
      testId: `file-${id}`,
      attrs: { type: 'button', title: description || undefined },
    },
    [kindIcon(kind), h('span', { text: title })]
  );
  nameButton.addEventListener('click', event => {
    if (event.ctrlKey || event.metaKey) handlers.toggle(id, !checkbox.checked);
    else handlers.selectOnly(id);
  });
  if (kind === 'folder') nameButton.addEventListener('dblclick', () => handlers.openFolder(id));
  const openFolder =
    kind === 'folder'
      ? h('button', {
          className: 'rc-link-button',
          text: 'Open',
          testId: `open-folder-${id}`,
          attrs: { type: 'button', 'aria-label': `Open folder ${name}` },
        })
      : null;
  openFolder?.addEventListener('click', () => handlers.openFolder(id));
  const openElsewhere = file ? handlers.openInHost?.(file) : null;
  const openButton = openElsewhere
    ? h('button', {
        className: 'rc-link-button',
        text: `Open in ${kind === 'document' ? 'Docs' : 'Sheets'}`,
        attrs: { type: 'button' },
      })
    : null;
  if (openButton && openElsewhere) openButton.addEventListener('click', openElsewhere);
  const openText =
    file && handlers.openText && isTextFile(file.name, file.mimeType)
      ? h('button', {
          className: 'rc-link-button',
          text: 'Open as text',
          testId: `open-text-${id}`,
          attrs: { type: 'button', 'aria-label': `Open ${name} as text` },
        })
      : null;
  if (openText && file) openText.addEventListener('click', () => handlers.openText?.(file));
  return h(
    'tr',
    {
      className: `rc-drive-row${selected ? ' rc-selected' : ''}`,
      testId: `drive-row-${id}`,
      attrs: { 'aria-selected': String(selected), 'data-id': id },
    },
    [
      h('td', { className: 'rc-drive-check' }, [checkbox]),
      h('td', { className: 'rc-drive-name-cell' }, [
        nameButton,
        marking ? markingChip(marking) : null,
      ]),
      h('td', { className: 'rc-drive-type' }, [
        h('span', { text: FILE_KIND_LABELS[kind] }),
        openFolder,
        openButton,
        openText,
      ]),
    ]
  );
}

/** A text file from Drive, shown as text: whatever it holds is never read as HTML. */
export function renderTextFile(file: TextFile, back: () => void): HTMLElement {
  return h(
    'div',
    { className: 'rc-text-pane', testId: 'text-file', attrs: { 'data-id': file.id } },
    [
      paneBar([
        backButton('Folder', back),
        kindIcon('file'),
        h('h2', { className: 'rc-pane-title', text: file.name }),
        h('span', { className: 'rc-text-type', text: file.mimeType }),
      ]),
      h('pre', { className: 'rc-text-content', testId: 'text-content', text: file.text }),
      file.truncated
        ? h('p', { className: 'rc-sheet-more', text: 'The rest of the file is not shown.' })
        : null,
    ]
  );
}

// ---- Gmail -----------------------------------------------------------------------------------

const LONDON = 'Europe/London';

/** A date as the inbox lists it, e.g. 15 Dec 2016. */
function listDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: LONDON,
  });
}

/** A date as a message header shows it, e.g. Thu 15 Dec 2016, 16:42. */
function fullDate(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: LONDON,
  });
}

/** The subject without its marking, and the marking as a chip. */
function subjectParts(subject: string): { title: string; chip: HTMLElement | null } {
  const { marking, title } = splitSubjectMarking(subject || '(no subject)');
  return { title: title || '(no subject)', chip: marking ? markingChip(marking) : null };
}

/** A Gmail user label (e.g. Records/Captured), as a chip by the subject. */
function labelChip(name: string): HTMLElement {
  return h('span', {
    className: 'rc-mail-label',
    text: name,
    testId: `label-${name}`,
    attrs: { title: `Label: ${name}` },
  });
}

export function renderInbox(entries: InboxEntry[], open: (id: string) => void): HTMLElement {
  if (!entries.length) return renderMessage('Inbox', 'No emails in this inbox.');
  return h('div', { className: 'rc-item-list-pane rc-inbox-pane', testId: 'inbox' }, [
    h('h2', { className: 'rc-pane-title', text: 'Inbox' }),
    h(
      'ul',
      { className: 'rc-item-list rc-inbox' },
      entries.map(entry => {
        const { title, chip } = subjectParts(entry.subject);
        const row = h(
          'button',
          {
            className: `rc-mail-row${entry.unread ? ' rc-mail-row--unread' : ''}`,
            testId: `message-${entry.id}`,
            attrs: {
              type: 'button',
              'aria-label': `${entry.unread ? 'Unread, ' : ''}${entry.from}: ${entry.subject}, ${listDate(entry.date)}`,
            },
          },
          [
            h('span', { className: 'rc-mail-from' }, [
              h('span', { className: 'rc-mail-from-name', text: entry.from }),
              entry.count > 1
                ? h('span', { className: 'rc-mail-count', text: String(entry.count) })
                : null,
            ]),
            h('span', { className: 'rc-mail-summary' }, [
              chip,
              ...(entry.userLabels ?? []).map(labelChip),
              h('span', { className: 'rc-mail-subject', text: title }),
              entry.snippet
                ? h('span', { className: 'rc-mail-snippet', text: ` – ${entry.snippet}` })
                : null,
            ]),
            h('span', { className: 'rc-mail-date', text: listDate(entry.date) }),
          ]
        );
        row.addEventListener('click', () => open(entry.id));
        return h('li', {}, [row]);
      })
    ),
  ]);
}

function addressLine(label: string, addresses: string[]): HTMLElement | null {
  if (!addresses.length) return null;
  return h('div', { className: 'rc-mail-address' }, [
    h('span', { className: 'rc-mail-address-label', text: label }),
    h('span', { text: addresses.join(', ') }),
  ]);
}

function attachmentChip(attachment: EmailAttachment): HTMLElement {
  const kind = fileKind(attachment.mimeType);
  return h(
    'li',
    {
      className: 'rc-mail-attachment',
      testId: `attachment-${attachment.name}`,
      attrs: { title: `${attachment.name} (${attachment.mimeType})` },
    },
    [
      kindIcon(kind),
      h('span', { className: 'rc-mail-attachment-name', text: attachment.name }),
      h('span', {
        className: 'rc-mail-attachment-size',
        text: attachment.inline
          ? `inline image · ${formatSize(attachment.size)}`
          : formatSize(attachment.size),
      }),
    ]
  );
}

/** Another message of the conversation, collapsed to one line: a click opens it. */
function collapsedMessage(
  message: EmailView['thread'][number],
  open: (id: string) => void
): HTMLElement {
  const row = h(
    'button',
    {
      className: `rc-mail-collapsed${message.unread ? ' rc-mail-row--unread' : ''}`,
      testId: `thread-message-${message.id}`,
      attrs: { type: 'button' },
    },
    [
      h('span', { className: 'rc-mail-from-name', text: message.from }),
      h('span', { className: 'rc-mail-snippet', text: message.snippet }),
      h('span', { className: 'rc-mail-date', text: listDate(message.date) }),
    ]
  );
  row.addEventListener('click', () => open(message.id));
  return row;
}

export function renderEmail(
  email: EmailView,
  back: () => void,
  open: (id: string) => void
): HTMLElement {
  const { title, chip } = subjectParts(email.subject);
  const at = Math.max(
    0,
    email.thread.findIndex(m => m.id === email.id)
  );
  const sender = email.from.replace(/\s*<[^>]*>$/, '') || email.from;
  const files = email.attachments.filter(a => !a.inline);
  const inline = email.attachments.filter(a => a.inline);
  const message = h(
    'article',
    { className: 'rc-mail-message', attrs: { 'aria-label': 'Message' } },
    [
      h('header', { className: 'rc-mail-head' }, [
        h('span', {
          className: 'rc-mail-avatar',
          text: (sender.match(/[A-Za-z0-9]/)?.[0] ?? '?').toUpperCase(),
          attrs: { 'aria-hidden': 'true' },
        }),
        h('div', { className: 'rc-mail-people' }, [
          h('div', { className: 'rc-mail-address rc-mail-sender' }, [
            h('span', { className: 'rc-mail-address-label', text: 'From' }),
            h('strong', { text: email.from || '(unknown sender)' }),
          ]),
          addressLine('To', email.to),
          addressLine('Cc', email.cc),
        ]),
        h('time', {
          className: 'rc-mail-when',
          text: fullDate(email.date),
          attrs: { datetime: new Date(email.date).toISOString() },
        }),
      ]),
      h('div', {
        className: 'rc-mail-body',
        testId: 'email-body',
        text: email.body || '(no text)',
      }),
      files.length || inline.length
        ? h('section', { className: 'rc-mail-files', attrs: { 'aria-label': 'Attachments' } }, [
            h('h3', {
              className: 'rc-mail-files-title',
              text: files.length
                ? `${files.length} attachment${files.length === 1 ? '' : 's'}`
                : 'Inline images',
            }),
            h(
              'ul',
              { className: 'rc-mail-attachments' },
              [...files, ...inline].map(attachmentChip)
            ),
          ])
        : null,
    ]
  );
  return h('div', { className: 'rc-mail-pane', testId: 'email', attrs: { 'data-id': email.id } }, [
    paneBar([
      backButton('Inbox', back),
      kindIcon('email'),
      h('h2', { className: 'rc-pane-title', text: title }),
      chip,
      ...(email.userLabels ?? []).map(labelChip),
    ]),
    h('div', { className: 'rc-mail-canvas' }, [
      email.thread.length > 1
        ? h('p', {
            className: 'rc-mail-thread-note',
            text: `${email.thread.length} messages in this conversation`,
          })
        : null,
      ...email.thread.slice(0, at).map(m => collapsedMessage(m, open)),
      message,
      ...email.thread.slice(at + 1).map(m => collapsedMessage(m, open)),
    ]),
  ]);
}
