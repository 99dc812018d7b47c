// The emulator page: a Workspace-like shell (host switcher, user picker, main pane per host) with
// the add-on's side panel, a developer panel and a trainer panel. Every add-on run goes through
// POST /api/run; the card panel (cards.ts) draws what comes back.
import {
  api,
  type DriveFile,
  type DriveFolder,
  type DriveItemInfo,
  type HostApp,
  type HostKey,
  type RunRequest,
  type Session,
  type TextFile,
} from './api';
import { messageCard } from './card-model';
import { type ActionRequest, type CardPanel, createCardPanel, type MenuItem } from './cards';
import { clear, h, openInNewTab } from './dom';
import {
  renderDocument,
  renderDriveFolder,
  renderEmail,
  renderInbox,
  renderItemList,
  renderMessage,
  renderSpreadsheet,
  renderTextFile,
  updateDriveSelection,
} from './main-pane';
import { createDevPanel, createTrainerPanel } from './panels';

const HOSTS: { key: HostKey; label: string; app: HostApp }[] = [
  { key: 'docs', label: 'Docs', app: 'DOCS' },
  { key: 'sheets', label: 'Sheets', app: 'SHEETS' },
  { key: 'drive', label: 'Drive', app: 'DRIVE' },
  { key: 'gmail', label: 'Gmail', app: 'GMAIL' },
];

const FOLDER_TYPE = 'application/vnd.google-apps.folder';

/** Drive runs its itemsSelected trigger once the user pauses, not on every tick. */
const SELECTION_SETTLE_MS = 300;

type OpenableHost = 'docs' | 'sheets' | 'gmail';

interface AppState {
  session: Session;
  host: HostKey;
  open: Record<OpenableHost, string | null>;
  sheetTabs: Map<string, number>;
  /** Drive starts at the user's root; null when the user has no Drive. */
  drive: {
    folderId: string | null;
    folder: DriveFolder | null;
    selection: string[];
    /** A text file opened from the folder, shown in place of it. */
    text?: TextFile | null;
  };
  /** Bumped per sidebar run: a slower, older answer must not replace a newer one. */
  sidebarRun: number;
  /** Bumped per main-pane load, for the same reason. */
  mainLoad: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function start(root: HTMLElement): Promise<void> {
  let session: Session;
  try {
    session = await api.session();
  } catch (error) {
    root.append(renderMessage('The emulator is not answering', messageOf(error)));
    return;
  }
  const state: AppState = {
    session,
    host: 'docs',
    open: { docs: null, sheets: null, gmail: null },
    sheetTabs: new Map(),
    drive: { folderId: session.hosts.drive.rootId, folder: null, selection: [] },
    sidebarRun: 0,
    mainLoad: 0,
  };
  let selectionTimer: number | undefined;
  const hostFromHash = HOSTS.find(host => `#${host.key}` === window.location.hash);
  if (hostFromHash) state.host = hostFromHash.key;

  const addon = session.addon;
  document.title = `${addon.name}: Workspace emulator`;
  if (addon.primaryColor)
    document.documentElement.style.setProperty('--rc-addon-color', addon.primaryColor);
  if (addon.secondaryColor)
    document.documentElement.style.setProperty('--rc-button-color', addon.secondaryColor);

  const panel: CardPanel = createCardPanel({
    addonName: addon.name,
    primaryColor: addon.primaryColor,
    onAction: runAction,
    onFileScopeRequest: grantFileScope,
    onDriveFileScopeRequest: ids =>
      runInSidebar(
        { host: 'DRIVE', trigger: 'itemsSelected', selection: ids.map(id => ({ id })) },
        true
      ),
    universalActions: universalMenu,
    // A card's link to a Doc, Sheet or Drive folder the emulator has opens it here.
    openLink: link => {
      const here = openLinkHere(link.url);
      if (here) here();
      else openInNewTab(link.url);
    },
  });

  // ---- layout ----------------------------------------------------------------------------------

  const hostButtons = HOSTS.map(host => {
    const button = h('button', {
      className: 'rc-host-button',
      text: host.label,
      testId: `host-${host.key}`,
      attrs: { type: 'button', 'aria-pressed': String(host.key === state.host) },
    });
    button.addEventListener('click', () => switchHost(host.key));
    return button;
  });
  const userPicker = h('select', {
    className: 'rc-user-picker',
    testId: 'user-picker',
    attrs: { id: 'rc-user' },
  });
  userPicker.addEventListener('change', () => void switchUser(userPicker.value));
  const trainerToggle = h('button', {
    className: 'rc-shell-button rc-trainer-toggle',
    text: 'Trainer',
    testId: 'trainer-toggle',
    attrs: { type: 'button', 'aria-pressed': 'false', 'aria-controls': 'trainer' },
  });
  const topBar = h('header', { className: 'rc-topbar' }, [
    h('span', {
      className: 'rc-topbar-logo',
      text: (addon.name[0] ?? '?').toUpperCase(),
      attrs: { 'aria-hidden': 'true' },
    }),
    h('span', { className: 'rc-topbar-title' }, [
      h('strong', { text: addon.name }),
      h('span', { className: 'rc-topbar-subtitle', text: 'Workspace emulator' }),
    ]),
    h(
      'nav',
      { className: 'rc-host-switcher', attrs: { 'aria-label': 'Workspace app' } },
      hostButtons
    ),
    h('span', { className: 'rc-topbar-spacer' }),
    h('label', { className: 'rc-user-label', text: 'Signed in as', attrs: { for: 'rc-user' } }),
    userPicker,
    trainerToggle,
  ]);
  const main = h('main', {
    className: 'rc-main',
    testId: 'main',
    attrs: { 'aria-label': 'Workspace' },
  });
  const sidebar = h(
    'aside',
    {
      className: 'rc-sidebar',
      testId: 'sidebar',
      attrs: { 'aria-label': `${addon.name} side panel` },
    },
    [panel.element]
  );
  const trainer = createTrainerPanel({ afterRestart: reloadEverything });
  const devPanel = createDevPanel({
    // A time-driven run answers nothing to show (no card, no notification): redraw what it may
    // have changed, the open item or list and the sidebar's card, as if the user came back to it.
    afterTriggerRun: () => {
      void trainer.refresh();
      void refreshMain();
      void runContextTrigger();
    },
    reset: async () => {
      await api.reset();
      await reloadEverything();
    },
  });
  trainerToggle.addEventListener('click', () => {
    trainer.setVisible(!trainer.visible);
    trainerToggle.setAttribute('aria-pressed', String(trainer.visible));
  });
  root.append(
    topBar,
    h('div', { className: 'rc-workspace' }, [trainer.element, main, sidebar]),
    devPanel.element
  );

  drawUsers();
  await showHost();
  void devPanel.refresh();

  // ---- context: what the add-on sees of the open item ------------------------------------------

  function hostApp(): HostApp {
    return HOSTS.find(host => host.key === state.host)!.app;
  }

  function openId(): string | null {
    return state.host === 'drive' ? null : state.open[state.host];
  }

  /**
   * The item part of a run request: the open file, or Drive's selection. Whether the file scope
   * was granted is left to the server, which remembers each user's grants.
   */
  function itemContext(): Pick<RunRequest, 'item' | 'selection'> {
    if (state.host === 'drive') return { selection: state.drive.selection.map(id => ({ id })) };
    const id = openId();
    return id ? { item: { id } } : {};
  }

  function addonRunsIn(host: HostKey): boolean {
    return state.session.addon.hosts.map(name => name.toLowerCase()).includes(host);
  }

  // ---- sidebar runs ------------------------------------------------------------------------------

  async function runInSidebar(
    request: RunRequest,
    replace: boolean,
    loadIndicator = 'SPINNER'
  ): Promise<void> {
    const run = ++state.sidebarRun;
    await panel.run(async () => {
      try {
        const result = await api.run(request);
        if (run !== state.sidebarRun) return;
        if (result.error) panel.showError(result.error, { replace });
        else panel.applyResponse(result.response, { replace });
      } catch (error) {
        if (run === state.sidebarRun) panel.showError(messageOf(error), { replace });
      }
    }, loadIndicator);
    afterExecution();
  }

  function afterExecution(): void {
    void devPanel.refresh();
    void trainer.refresh();
  }

  async function runAction(request: ActionRequest): Promise<void> {
    await runInSidebar(
      {
        host: hostApp(),
        function: request.function,
        parameters: request.parameters,
        form: request.form,
        ...itemContext(),
      },
      false,
      // The panel already shows the action's own loading indicator.
      'NONE'
    );
    await refreshMain();
  }

  async function grantFileScope(): Promise<void> {
    const id = openId();
    if (!id) return;
    await runInSidebar(
      { host: hostApp(), trigger: 'fileScopeGranted', item: { id }, granted: true },
      true
    );
  }

  function universalMenu(): MenuItem[] {
    // Docs and Sheets run the add-on only with a file open.
    const editor = state.host === 'docs' || state.host === 'sheets';
    if (!addonRunsIn(state.host) || (editor && !openId())) return [];
    return (state.session.addon.universalActions ?? []).map(action => ({
      label: action.label,
      run: () => {
        if (action.runFunction) {
          void runInSidebar(
            {
              host: hostApp(),
              trigger: 'universal',
              function: action.runFunction,
              ...itemContext(),
            },
            false
          ).then(refreshMain);
        } else if (action.openLink) openInNewTab(action.openLink);
      },
    }));
  }

  /**
   * Runs what the host runs for the current view: the homepage, Drive's items-selected trigger,
   * or Gmail's contextual trigger for the open message.
   */
  async function runContextTrigger(): Promise<void> {
    const label = HOSTS.find(host => host.key === state.host)!.label;
    if (!addonRunsIn(state.host)) {
      state.sidebarRun++;
      panel.applyResponse(
        messageCard(`Not in ${label}`, `${addon.name} does not run in ${label} yet.`),
        { replace: true }
      );
      return;
    }
    if (state.host === 'drive') {
      const selection = itemContext().selection ?? [];
      await runInSidebar(
        selection.length
          ? { host: 'DRIVE', trigger: 'itemsSelected', selection }
          : { host: 'DRIVE', trigger: 'homepage' },
        true
      );
      return;
    }
    if (state.host === 'gmail') {
      const id = openId();
      await runInSidebar(
        id
          ? { host: 'GMAIL', trigger: 'message', item: { id } }
          : { host: 'GMAIL', trigger: 'homepage' },
        true
      );
      return;
    }
    if (!openId()) {
      state.sidebarRun++;
      const what = state.host === 'docs' ? 'document' : 'spreadsheet';
      panel.applyResponse(messageCard(`No ${what} open`, `Open a ${what} to use ${addon.name}.`), {
        replace: true,
      });
      return;
    }
    await runInSidebar({ host: hostApp(), trigger: 'homepage', ...itemContext() }, true);
  }

  // ---- main pane ---------------------------------------------------------------------------------

  function show(element: HTMLElement, keepScroll: boolean): void {
    const top = main.scrollTop;
    // A redraw keeps keyboard focus on the same control when it is still there.
    const focused = main.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.testid
      : undefined;
    clear(main);
    main.append(element);
    if (keepScroll) main.scrollTop = top;
    if (focused) main.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
  }

  /** Draws the main pane for the current host; `keepScroll` when only the content changed. */
  async function drawMain(keepScroll = false): Promise<void> {
    const load = ++state.mainLoad;
    const current = (): boolean => load === state.mainLoad;
    const fail = (title: string, error: unknown, back: () => void): void => {
      if (current())
        show(renderMessage(title, messageOf(error), { label: 'Back', run: back }), false);
    };
    const sessionHosts = state.session.hosts;
    switch (state.host) {
      case 'docs': {
        const id = state.open.docs;
        if (!id) {
          show(renderItemList('Documents', 'document', sessionHosts.docs, openItem), keepScroll);
          return;
        }
        try {
          const doc = await api.document(id);
          if (current()) show(renderDocument(doc, closeItem), keepScroll);
        } catch (error) {
          fail('This document cannot be opened', error, closeItem);
        }
        return;
      }
      case 'sheets': {
        const id = state.open.sheets;
        if (!id) {
          const badges: Record<string, string> = state.session.registerId
            ? { [state.session.registerId]: 'Register' }
            : {};
          show(
            renderItemList('Spreadsheets', 'spreadsheet', sessionHosts.sheets, openItem, badges),
            keepScroll
          );
          return;
        }
        try {
          const sheet = await api.spreadsheet(id);
          if (!current()) return;
          const firstVisible = Math.max(
            0,
            sheet.tabs.findIndex(tab => !tab.hidden)
          );
          const tab = state.sheetTabs.get(id) ?? firstVisible;
          const selectTab = (index: number): void => {
            state.sheetTabs.set(id, index);
            void drawMain();
          };
          show(
            renderSpreadsheet(
              sheet,
              tab,
              selectTab,
              closeItem,
              openLinkHere,
              (t, r, c, v) => void editCell(id, t, r, c, v)
            ),
            keepScroll
          );
        } catch (error) {
          fail('This spreadsheet cannot be opened', error, closeItem);
        }
        return;
      }
      case 'drive': {
        const text = state.drive.text;
        if (text) {
          show(renderTextFile(text, closeText), keepScroll);
          return;
        }
        const folderId = state.drive.folderId;
        if (!folderId) {
          show(renderMessage('Drive', 'This user has no Drive.'), keepScroll);
          return;
        }
        try {
          const folder = await api.folder(folderId);
          if (!current()) return;
          state.drive.folder = folder;
          drawDrive(keepScroll);
        } catch (error) {
          const root = state.session.hosts.drive.rootId;
          fail('This folder cannot be opened', error, () => root && openFolder(root));
        }
        return;
      }
      case 'gmail': {
        const id = state.open.gmail;
        if (!id) {
          show(renderInbox(sessionHosts.gmail ?? [], openItem), keepScroll);
          return;
        }
        try {
          const email = await api.email(id);
          if (current()) show(renderEmail(email, closeItem, openItem), keepScroll);
        } catch (error) {
          fail('This email cannot be opened', error, closeItem);
        }
        return;
      }
    }
  }

  function drawDrive(keepScroll: boolean): void {
    const folder = state.drive.folder;
    if (!folder) return;
    show(
      renderDriveFolder(folder, new Set(state.drive.selection), {
        openFolder,
        toggle: (id, selected) => {
          const rest = state.drive.selection.filter(other => other !== id);
          setSelection(selected ? [...rest, id] : rest);
        },
        selectOnly: id => setSelection([id]),
        clearSelection: () => setSelection([]),
        openInHost: openFromDrive,
        openText: file => void openText(file.id),
      }),
      keepScroll
    );
  }

  /** Opens a text file of the folder (a package's CSV, say) in place of the folder. */
  async function openText(id: string): Promise<void> {
    try {
      state.drive.text = await api.textFile(id);
    } catch (error) {
      panel.notify(`Error: ${messageOf(error)}`, 'error');
      return;
    }
    await drawMain();
    void trainer.refresh();
  }

  function closeText(): void {
    state.drive.text = null;
    void drawMain();
  }

  /**
   * The signed-in user edits a cell (ticks a checkbox): Sheets writes it as them, or refuses it
   * with its own message. Either way the grid is drawn again from what the sheet now holds.
   */
  async function editCell(
    id: string,
    tab: string,
    row: number,
    column: number,
    value: string | boolean
  ): Promise<void> {
    try {
      await api.editCell(id, { tab, row, column, value });
    } catch (error) {
      panel.notify(messageOf(error), 'error');
    }
    await drawMain(true);
    void trainer.refresh();
  }

  function setSelection(ids: string[]): void {
    const before = state.drive.selection.join('|');
    state.drive.selection = ids;
    const pane = main.querySelector<HTMLElement>('[data-testid=drive-folder]');
    if (pane) updateDriveSelection(pane, new Set(ids));
    else drawDrive(true);
    if (before === ids.join('|')) return;
    window.clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => void runContextTrigger(), SELECTION_SETTLE_MS);
  }

  function openFolder(id: string): void {
    const hadSelection = state.drive.selection.length > 0;
    state.drive.folderId = id;
    state.drive.selection = [];
    state.drive.text = null;
    void drawMain();
    // With nothing selected any more, Drive shows the homepage again.
    if (hadSelection) void runContextTrigger();
  }

  function openFromDrive(file: Pick<DriveFile, 'id'>): (() => void) | null {
    const sessionHosts = state.session.hosts;
    const target: OpenableHost | null = sessionHosts.docs.some(doc => doc.id === file.id)
      ? 'docs'
      : sessionHosts.sheets.some(sheet => sheet.id === file.id)
        ? 'sheets'
        : null;
    if (!target) return null;
    return () => {
      state.open[target] = file.id;
      void switchHost(target);
    };
  }

  /**
   * A Docs, Sheets or Drive link to an item the emulator has: open it in its host; a Drive file
   * or folder opens in Drive, at the folder holding it with the file selected.
   */
  function openLinkHere(url: string): (() => void) | null {
    // Drive and editor links (…/d/<id>/…), and the form Document.getUrl() gives (open?id=<id>).
    const id =
      /\/(?:d|folders)\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ??
      /^https:\/\/(?:docs|drive)\.google\.com\/open\?id=([A-Za-z0-9_-]+)/.exec(url)?.[1];
    if (!id) return null;
    const inHost = openFromDrive({ id });
    if (inHost) return inHost;
    if (/^https:\/\/drive\.google\.com\/\S+$/.test(url)) return () => void showInDrive(id);
    if (!/^https:\/\/docs\.google\.com\/(?:document\/d|spreadsheets\/d|open)\b/.test(url))
      return null;
    // Made since the page loaded (a report the add-on has just written): ask the emulator again.
    return () =>
      void reloadSession().then(() => {
        const opened = openFromDrive({ id });
        if (opened) opened();
        else openInNewTab(url);
      });
  }

  async function showInDrive(id: string): Promise<void> {
    let item: DriveItemInfo;
    try {
      item = await api.driveItem(id);
    } catch (error) {
      panel.notify(`Error: ${messageOf(error)}`, 'error');
      return;
    }
    const isFolder = item.mimeType === FOLDER_TYPE;
    const folderId = isFolder ? item.id : item.folderId;
    if (!folderId) {
      panel.notify(`You cannot open the folder that holds ${item.name}`, 'error');
      return;
    }
    state.drive = { folderId, folder: null, selection: isFolder ? [] : [item.id] };
    await switchHost('drive');
  }

  /**
   * After an action: fetch the open item again so that its new marking shows, or the list (an
   * inbox's labels, a document's new name) when nothing is open.
   */
  async function refreshMain(): Promise<void> {
    if (state.host !== 'drive' && !openId()) await reloadSession();
    await drawMain(true);
  }

  function openItem(id: string): void {
    if (state.host === 'drive') return;
    state.open[state.host] = id;
    void drawMain();
    void runContextTrigger();
  }

  async function closeItem(): Promise<void> {
    if (state.host === 'drive') return;
    state.open[state.host] = null;
    // Back at the list: names may have changed (markings, new files).
    await reloadSession();
    void drawMain();
    void runContextTrigger();
  }

  // ---- host and user ----------------------------------------------------------------------------

  async function showHost(): Promise<void> {
    for (const [index, host] of HOSTS.entries())
      hostButtons[index].setAttribute('aria-pressed', String(host.key === state.host));
    main.dataset.host = state.host;
    await Promise.all([drawMain(), runContextTrigger()]);
  }

  async function switchHost(host: HostKey): Promise<void> {
    if (host !== state.host) {
      state.host = host;
      history.replaceState(null, '', `#${host}`);
    }
    await showHost();
  }

  function drawUsers(): void {
    clear(userPicker);
    for (const user of state.session.users) {
      const option = h('option', {
        text: `${user.name} <${user.email}>`,
        attrs: { value: user.email },
      });
      option.selected = user.email === state.session.user;
      userPicker.append(option);
    }
  }

  async function reloadSession(): Promise<void> {
    try {
      state.session = await api.session();
      drawUsers();
    } catch (error) {
      panel.notify(`Error: ${messageOf(error)}`, 'error');
    }
  }

  async function switchUser(email: string): Promise<void> {
    const previousUser = state.session.user;
    try {
      await api.switchUser(email);
    } catch (error) {
      panel.notify(`Error: ${messageOf(error)}`, 'error');
      drawUsers();
      return;
    }
    await reloadSession();
    // What the new user can see differs: close items they may not have, start Drive at the root.
    state.drive = { folderId: state.session.hosts.drive.rootId, folder: null, selection: [] };
    for (const host of ['docs', 'sheets'] as const) {
      const id = state.open[host];
      const visible = state.session.hosts[host].some(item => item.id === id);
      if (!visible) state.open[host] = null;
    }
    // A mailbox is one person's: another's open email is never theirs.
    if (state.session.user !== previousUser) state.open.gmail = null;
    await showHost();
  }

  /** After a reset or a restarted walkthrough: a fresh Workspace, perhaps another user. */
  async function reloadEverything(): Promise<void> {
    await reloadSession();
    state.open = { docs: null, sheets: null, gmail: null };
    state.sheetTabs.clear();
    state.drive = { folderId: state.session.hosts.drive.rootId, folder: null, selection: [] };
    await showHost();
    afterExecution();
  }
}

const root = document.getElementById('app');
if (root) void start(root);
