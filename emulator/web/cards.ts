// The card renderer: google.apps.card.v1 JSON → DOM, drawn like the Workspace side panel. It owns
// the panel's toolbar (back arrow, ⋮ menu), the card stack, the loading indicator and the toast;
// the shell supplies what an action does (onAction) and feeds responses back (applyResponse).
import type {
  ActionJson,
  ButtonJson,
  CardHeaderJson,
  CardJson,
  DateTimePickerJson,
  DecoratedTextJson,
  GridItemJson,
  GridJson,
  IconJson,
  ImageComponentJson,
  ImageJson,
  OnClickJson,
  OpenLinkJson,
  SectionJson,
  SelectionInputJson,
  SwitchControlJson,
  TextInputJson,
  TextParagraphJson,
} from '../../fakes/card-service/json';
import {
  type ButtonStyle,
  type CardHtmlNode,
  type ChipListJson,
  type FormValues,
  type InputDescription,
  type PickerType,
  type StackEntry,
  cardEntry,
  collectForm,
  colorToCss,
  describeAction,
  describeButton,
  describeIcon,
  describeWidget,
  errorCard,
  GRID_ITEM_PARAMETER,
  missingRequired,
  navigate,
  parseCardHtml,
  pickerInputType,
  pickerMs,
  pickerValue,
  reduceResponse,
  safeHref,
  splitCollapsible,
  validateText,
  widgetTestId,
} from './card-model';
import { type Child, clear, h, openInNewTab, uniqueId } from './dom';

/** What the shell receives when the user triggers a card action. */
export interface ActionRequest {
  function: string;
  parameters: Record<string, string>;
  form: FormValues;
  loadIndicator: string;
}

export interface MenuItem {
  label: string;
  disabled?: boolean;
  run(): void;
}

export interface CardPanelOptions {
  addonName: string;
  /** The manifest's layoutProperties.primaryColor: the add-on's mark in the toolbar. */
  primaryColor?: string;
  /** Runs the action (e.g. POST /api/run) and feeds its answer to applyResponse. */
  onAction(request: ActionRequest): Promise<void>;
  /** An action answered `editorFileScopeRequest`: the user grants access to the open file. */
  onFileScopeRequest?(): void | Promise<void>;
  /** An action answered `driveItemsSelectedRequest` for these Drive items. */
  onDriveFileScopeRequest?(ids: string[]): void | Promise<void>;
  /** The host's universal actions, listed after the card's own in the ⋮ menu. */
  universalActions?(): MenuItem[];
  /** How a link opens; by default a new tab. */
  openLink?(link: OpenLinkJson): void;
}

export interface CardPanel {
  /** The panel: toolbar, card, loading indicator and toast. Put it in the sidebar. */
  readonly element: HTMLElement;
  /**
   * Shows what a trigger or an action returned: a card, `{cards}`, render actions (navigation,
   * notification, link) or a file-scope request. `replace` (for triggers) starts a new stack;
   * otherwise cards are pushed.
   */
  applyResponse(json: unknown, options?: { replace?: boolean }): void;
  /** Apps Script's error look: a toast "Error: …" and an error card. */
  showError(message: string, options?: { replace?: boolean }): void;
  /** A toast at the bottom of the panel, dismissed after a few seconds. */
  notify(text: string, tone?: 'info' | 'error'): void;
  /** Shows the loading indicator while `task` runs (unless `loadIndicator` is NONE). */
  run<T>(task: () => Promise<T>, loadIndicator?: string): Promise<T>;
  /** Number of cards on the stack (the back arrow shows above 1). */
  depth(): number;
  /** The card on top of the stack, if it is a card (not a list of headers). */
  currentCard(): CardJson | null;
}

const TOAST_MS = 5000;

/** Per rendered card: its inputs, so that an action can collect the form. */
interface CardView {
  element: HTMLElement;
  heading: HTMLElement | null;
  inputs: InputBinding[];
  card: CardJson | null;
}

interface InputBinding {
  name: string;
  read(): InputDescription;
  /** The value's problem, if any (validation rules of a text input). */
  validate?(): string | null;
  /** Shows or clears a problem; returns the element to focus. */
  showProblem(message: string | null): HTMLElement;
}

/** What widget renderers need from the card they are in. */
interface CardScope {
  view: CardView;
  activate(
    onClick: OnClickJson | undefined,
    anchor: HTMLElement,
    extra?: Record<string, string>
  ): void;
  fire(action: ActionJson, extra?: Record<string, string>): void;
}

export function createCardPanel(options: CardPanelOptions): CardPanel {
  let stack: StackEntry[] = [];
  const views = new WeakMap<StackEntry, CardView>();
  let pending = 0;
  let toastTimer: number | undefined;
  let closeOpenMenu: (() => void) | null = null;

  const backButton = h('button', {
    className: 'rc-toolbar-button rc-back',
    text: '←',
    testId: 'back',
    attrs: { type: 'button', 'aria-label': 'Back', title: 'Back', hidden: true },
  });
  const moreButton = h('button', {
    className: 'rc-toolbar-button rc-more',
    text: '⋮',
    testId: 'more-options',
    attrs: {
      type: 'button',
      'aria-label': 'More options',
      title: 'More options',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      hidden: true,
    },
  });
  const logo = h('span', {
    className: 'rc-toolbar-logo',
    text: (options.addonName.trim()[0] ?? '?').toUpperCase(),
    attrs: { 'aria-hidden': 'true' },
  });
  if (options.primaryColor) logo.style.backgroundColor = options.primaryColor;
  const toolbar = h('div', { className: 'rc-toolbar' }, [
    backButton,
    logo,
    h('span', { className: 'rc-toolbar-name', text: options.addonName }),
    moreButton,
  ]);
  const progress = h(
    'div',
    {
      className: 'rc-progress',
      attrs: { role: 'progressbar', 'aria-label': 'Loading', hidden: true },
    },
    [h('div', { className: 'rc-progress-bar' })]
  );
  const scrim = h('div', { className: 'rc-scrim', attrs: { hidden: true } });
  const viewport = h('div', { className: 'rc-viewport', attrs: { 'aria-busy': 'false' } });
  const toast = h('div', {
    className: 'rc-toast',
    testId: 'toast',
    attrs: { role: 'status', 'aria-live': 'polite', hidden: true },
  });
  const element = h('div', { className: 'rc-panel' }, [toolbar, progress, viewport, scrim, toast]);

  backButton.addEventListener('click', () => {
    stack = navigate(stack, { popCard: true });
    render();
  });
  moreButton.addEventListener('click', () => {
    if (closeOpenMenu) closeOpenMenu();
    else openMenu(moreButton, menuItems());
  });
  toast.addEventListener('click', () => hideToast());

  function menuItems(): MenuItem[] {
    const top = stack[stack.length - 1];
    const view = top ? views.get(top) : undefined;
    const own =
      top?.kind === 'card' && view
        ? (top.card.cardActions ?? []).map(action => ({
            label: action.actionLabel,
            run: () => scopeOf(view).activate(action.onClick, moreButton),
          }))
        : [];
    return [...own, ...(options.universalActions?.() ?? [])];
  }

  // ---- menus -------------------------------------------------------------------------------

  function openMenu(anchor: HTMLElement, items: MenuItem[]): void {
    closeOpenMenu?.();
    if (!items.length) return;
    const menu = h('div', { className: 'rc-menu', testId: 'menu', attrs: { role: 'menu' } });
    const buttons = items.map(item => {
      const button = h('button', {
        className: 'rc-menu-item',
        text: item.label,
        testId: `menu-${item.label}`,
        attrs: { type: 'button', role: 'menuitem', tabindex: -1, disabled: item.disabled },
      });
      button.addEventListener('click', () => {
        close();
        item.run();
      });
      return button;
    });
    menu.append(...buttons);
    const enabled = (): HTMLButtonElement[] => buttons.filter(b => !b.disabled);
    const move = (by: number): void => {
      const list = enabled();
      if (!list.length) return;
      const at = list.indexOf(document.activeElement as HTMLButtonElement);
      list[(at + by + list.length) % list.length].focus();
    };
    menu.addEventListener('keydown', event => {
      if (event.key === 'ArrowDown') move(1);
      else if (event.key === 'ArrowUp') move(-1);
      else if (event.key === 'Home') enabled()[0]?.focus();
      else if (event.key === 'End') enabled().slice(-1)[0]?.focus();
      else if (event.key === 'Escape') {
        close();
        anchor.focus();
      } else if (event.key === 'Tab') close();
      else return;
      event.preventDefault();
    });
    const onOutside = (event: MouseEvent): void => {
      if (!menu.contains(event.target as Node) && event.target !== anchor) close();
    };
    function close(): void {
      menu.remove();
      anchor.setAttribute('aria-expanded', 'false');
      document.removeEventListener('mousedown', onOutside, true);
      closeOpenMenu = null;
    }
    closeOpenMenu = close;
    const panelBox = element.getBoundingClientRect();
    const anchorBox = anchor.getBoundingClientRect();
    menu.style.top = `${anchorBox.bottom - panelBox.top}px`;
    menu.style.right = `${Math.max(0, panelBox.right - anchorBox.right)}px`;
    element.append(menu);
    anchor.setAttribute('aria-expanded', 'true');
    document.addEventListener('mousedown', onOutside, true);
    enabled()[0]?.focus();
  }

  // ---- toast, loading --------------------------------------------------------------------

  function hideToast(): void {
    toast.hidden = true;
    toast.textContent = '';
    window.clearTimeout(toastTimer);
  }

  function notify(text: string, tone: 'info' | 'error' = 'info'): void {
    window.clearTimeout(toastTimer);
    toast.textContent = text;
    toast.classList.toggle('rc-toast--error', tone === 'error');
    toast.hidden = false;
    toastTimer = window.setTimeout(hideToast, TOAST_MS);
  }

  let visibleLoads = 0;
  /** Inert content loses focus: where it was, to give it back when loading ends. */
  let focusBeforeLoad: HTMLElement | null = null;
  function setLoading(delta: number): void {
    const wasBusy = visibleLoads > 0;
    visibleLoads = Math.max(0, visibleLoads + delta);
    const busy = visibleLoads > 0;
    if (busy && !wasBusy) {
      const active = document.activeElement;
      focusBeforeLoad = active instanceof HTMLElement && viewport.contains(active) ? active : null;
    }
    progress.hidden = !busy;
    scrim.hidden = !busy;
    viewport.setAttribute('aria-busy', String(busy));
    viewport.inert = busy;
    if (!busy && wasBusy && focusBeforeLoad) {
      const top = stack[stack.length - 1];
      const target = focusBeforeLoad.isConnected
        ? focusBeforeLoad
        : (top && views.get(top)?.heading) || null;
      focusBeforeLoad = null;
      if (!document.activeElement || document.activeElement === document.body) target?.focus();
    }
  }

  async function run<T>(task: () => Promise<T>, loadIndicator = 'SPINNER'): Promise<T> {
    const visible = loadIndicator !== 'NONE';
    pending += 1;
    if (visible) setLoading(1);
    try {
      return await task();
    } finally {
      pending -= 1;
      if (visible) setLoading(-1);
    }
  }

  // ---- actions ---------------------------------------------------------------------------

  function openLink(link: OpenLinkJson): void {
    const url = safeHref(link.url);
    if (!url) {
      notify(`Error: cannot open ${link.url}`, 'error');
      return;
    }
    if (options.openLink) options.openLink({ ...link, url });
    else openInNewTab(url);
  }

  function scopeOf(view: CardView): CardScope {
    const fire = (action: ActionJson, extra: Record<string, string> = {}): void => {
      // One action at a time, as the real panel blocks the card while one runs.
      if (pending > 0) return;
      const form = collectForm(view.inputs.map(input => input.read()));
      const problems = new Map<InputBinding, string>();
      for (const input of view.inputs) {
        const problem = input.validate?.() ?? null;
        if (problem) problems.set(input, problem);
      }
      const names = [...new Set(view.inputs.map(input => input.name))];
      for (const name of missingRequired(action, form, names)) {
        for (const input of view.inputs.filter(i => i.name === name && !problems.has(i)))
          problems.set(input, 'Required');
      }
      let first: HTMLElement | null = null;
      for (const input of view.inputs) {
        const target = input.showProblem(problems.get(input) ?? null);
        if (problems.has(input)) first ??= target;
      }
      if (first) {
        first.focus();
        notify('Check the highlighted fields', 'error');
        return;
      }
      const model = describeAction(action, extra);
      void run(
        () =>
          options.onAction({
            function: model.function,
            parameters: model.parameters,
            form,
            loadIndicator: model.loadIndicator,
          }),
        model.loadIndicator
      ).catch(error => notify(`Error: ${messageOf(error)}`, 'error'));
    };
    const activate = (
      onClick: OnClickJson | undefined,
      anchor: HTMLElement,
      extra: Record<string, string> = {}
    ): void => {
      if (!onClick) return;
      if (onClick.action) fire(onClick.action, extra);
      else if (onClick.openLink) openLink(onClick.openLink);
      else if (onClick.openDynamicLinkAction) fire(onClick.openDynamicLinkAction, extra);
      else {
        const overflow = (onClick as { overflowMenu?: { items?: OverflowItemJson[] } })
          .overflowMenu;
        if (overflow) {
          openMenu(
            anchor,
            (overflow.items ?? []).map(item => ({
              label: item.text ?? '',
              disabled: item.disabled === true,
              run: () => activate(item.onClick, anchor),
            }))
          );
        }
      }
    };
    return { view, fire, activate };
  }

  // ---- stack and rendering ---------------------------------------------------------------

  function viewFor(entry: StackEntry): CardView {
    let view = views.get(entry);
    if (!view) {
      view =
        entry.kind === 'card' ? renderCard(entry.card, scopeOf) : renderCardList(entry.cards, open);
      views.set(entry, view);
    }
    return view;
  }

  function open(card: CardJson): void {
    stack = [...stack, cardEntry(card)];
    render();
  }

  function render(): void {
    closeOpenMenu?.();
    const focusWasInside = element.contains(document.activeElement);
    clear(viewport);
    const top = stack[stack.length - 1];
    backButton.hidden = stack.length <= 1;
    moreButton.hidden = menuItemsCount(top) === 0;
    if (!top) return;
    const view = viewFor(top);
    viewport.append(view.element);
    // The toast sits above a fixed footer, never over its buttons.
    element.classList.toggle('rc-panel--footer', !!view.element.querySelector('.rc-card-footer'));
    // While loading, the card is inert; setLoading moves focus once it ends.
    if (focusWasInside && visibleLoads === 0) (view.heading ?? view.element).focus();
  }

  function menuItemsCount(top: StackEntry | undefined): number {
    const own = top?.kind === 'card' ? (top.card.cardActions?.length ?? 0) : 0;
    return own + (options.universalActions?.().length ?? 0);
  }

  function applyResponse(json: unknown, { replace = false } = {}): void {
    if (json === null || json === undefined) {
      // An action that returns nothing leaves the card as it is; a trigger must return a card.
      if (replace) showError('The add-on returned no card', { replace });
      return;
    }
    const outcome = reduceResponse(stack, json, replace ? 'replace' : 'push');
    if (!outcome.recognised) {
      showError('The add-on returned something that is not a card or an action response', {
        replace,
      });
      return;
    }
    stack = outcome.stack;
    render();
    if (outcome.notification) notify(outcome.notification);
    if (outcome.link) openLink(outcome.link);
    if (outcome.requestFileScope) void options.onFileScopeRequest?.();
    if (outcome.driveFileScopeIds)
      void options.onDriveFileScopeRequest?.(outcome.driveFileScopeIds);
  }

  function showError(message: string, { replace = false } = {}): void {
    const entry = cardEntry(errorCard(message));
    stack = replace ? [entry] : [...stack, entry];
    render();
    notify(`Error: ${message}`, 'error');
  }

  return {
    element,
    applyResponse,
    showError,
    notify,
    run,
    depth: () => stack.length,
    currentCard: () => {
      const top = stack[stack.length - 1];
      return top?.kind === 'card' ? top.card : null;
    },
  };
}

interface OverflowItemJson {
  text?: string;
  disabled?: boolean;
  onClick?: OnClickJson;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- card HTML -------------------------------------------------------------------------------

function htmlNodes(nodes: CardHtmlNode[]): Node[] {
  return nodes.map(node => {
    switch (node.kind) {
      case 'text':
        return document.createTextNode(node.text);
      case 'break':
        return h('br');
      case 'style':
        return h(node.tag, {}, htmlNodes(node.children));
      case 'font': {
        const span = h('span', {}, htmlNodes(node.children));
        if (node.color) span.style.color = node.color;
        return span;
      }
      case 'link':
        return node.href
          ? h('a', { attrs: { href: node.href, target: '_blank', rel: 'noopener noreferrer' } }, [
              ...htmlNodes(node.children),
            ])
          : h('span', {}, htmlNodes(node.children));
    }
    return document.createTextNode('');
  });
}

/** Card text (the HTML subset) as DOM nodes; never parsed by the browser as HTML. */
function cardText(
  tag: 'div' | 'span' | 'h3',
  className: string,
  html: string,
  id?: string
): HTMLElement {
  return h(tag, { className, attrs: { id } }, htmlNodes(parseCardHtml(html)));
}

// ---- cards -----------------------------------------------------------------------------------

function renderCardList(cards: CardJson[], open: (card: CardJson) => void): CardView {
  const heading = h('h2', {
    className: 'rc-visually-hidden',
    text: 'Cards',
    attrs: { tabindex: -1 },
  });
  const list = h(
    'ul',
    { className: 'rc-card-list' },
    cards.map(card => {
      const button = h('button', { className: 'rc-card-list-item', attrs: { type: 'button' } }, [
        h('span', { className: 'rc-card-title', text: card.header?.title ?? card.name ?? 'Card' }),
        card.header?.subtitle
          ? h('span', { className: 'rc-card-subtitle', text: card.header.subtitle })
          : null,
      ]);
      button.addEventListener('click', () => open(card));
      return h('li', {}, [button]);
    })
  );
  const element = h('div', { className: 'rc-card rc-card--list', testId: 'card-list' }, [
    h('div', { className: 'rc-card-scroll' }, [heading, list]),
  ]);
  return { element, heading, inputs: [], card: null };
}

function renderCard(card: CardJson, scopeOf: (view: CardView) => CardScope): CardView {
  const element = h('article', {
    className: 'rc-card',
    testId: 'card',
    attrs: { 'data-card-name': card.name },
  });
  const view: CardView = { element, heading: null, inputs: [], card };
  const scope = scopeOf(view);
  const scroll = h('div', { className: 'rc-card-scroll' });
  if (card.header) {
    const header = renderHeader(card.header);
    view.heading = header.querySelector('h2');
    scroll.append(header);
  }
  const noDividers =
    (card as { sectionDividerStyle?: string }).sectionDividerStyle === 'NO_DIVIDER';
  (card.sections ?? []).forEach((section, index) => {
    if (index > 0 && !noDividers) scroll.append(h('hr', { className: 'rc-section-divider' }));
    scroll.append(renderSection(section, scope));
  });
  element.append(scroll);
  if (card.fixedFooter) {
    const footer = h('div', { className: 'rc-card-footer', testId: 'fixed-footer' });
    const { primaryButton, secondaryButton } = card.fixedFooter;
    if (secondaryButton) footer.append(renderButton(secondaryButton, 'OUTLINED', scope));
    if (primaryButton) footer.append(renderButton(primaryButton, 'FILLED', scope));
    element.append(footer);
  }
  if (!view.heading) {
    view.heading = h('h2', {
      className: 'rc-visually-hidden',
      text: card.name ?? 'Card',
      attrs: { tabindex: -1 },
    });
    element.prepend(view.heading);
  }
  return view;
}

function renderHeader(header: CardHeaderJson): HTMLElement {
  const image = header.imageUrl
    ? imageElement(header.imageUrl, header.imageAltText ?? '', 'rc-card-header-image')
    : null;
  if (image && header.imageType === 'CIRCLE') image.classList.add('rc-circle');
  return h('header', { className: 'rc-card-header' }, [
    image,
    h('div', { className: 'rc-card-header-text' }, [
      h('h2', {
        className: `rc-card-title${header.subtitle ? '' : ' rc-card-title--alone'}`,
        text: header.title,
        attrs: { tabindex: -1 },
      }),
      header.subtitle ? h('div', { className: 'rc-card-subtitle', text: header.subtitle }) : null,
    ]),
  ]);
}

function renderSection(section: SectionJson, scope: CardScope): HTMLElement {
  const headerId = section.header ? uniqueId('rc-section') : undefined;
  const element = h('section', {
    className: 'rc-section',
    testId: 'section',
    attrs: { 'aria-labelledby': headerId },
  });
  if (section.header) element.append(cardText('h3', 'rc-section-header', section.header, headerId));
  const widgets = Array.isArray(section.widgets) ? (section.widgets as unknown[]) : [];
  const { shown, hidden } = splitCollapsible(section, widgets);
  element.append(...shown.map(widget => renderWidget(widget, scope)));
  if (hidden.length) {
    const moreId = uniqueId('rc-more');
    const more = h('div', { className: 'rc-section-more', attrs: { id: moreId, hidden: true } }, [
      ...hidden.map(widget => renderWidget(widget, scope)),
    ]);
    const toggle = h('button', {
      className: 'rc-show-more',
      text: 'Show more',
      testId: 'show-more',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': moreId },
    });
    toggle.addEventListener('click', () => {
      more.hidden = !more.hidden;
      toggle.textContent = more.hidden ? 'Show more' : 'Show less';
      toggle.setAttribute('aria-expanded', String(!more.hidden));
    });
    element.append(more, toggle);
  }
  return element;
}

// ---- widgets ---------------------------------------------------------------------------------

function renderWidget(widget: unknown, scope: CardScope): HTMLElement {
  const model = describeWidget(widget);
  let element: HTMLElement;
  try {
    switch (model.type) {
      case 'textParagraph':
        element = renderTextParagraph(model.json);
        break;
      case 'decoratedText':
        element = renderDecoratedText(model.json, scope);
        break;
      case 'buttonList':
        element = h(
          'div',
          { className: 'rc-button-list' },
          (model.json.buttons ?? []).map(button => renderButton(button, 'OUTLINED', scope))
        );
        break;
      case 'textInput':
        element = renderTextInput(model.json, scope);
        break;
      case 'selectionInput':
        element = renderSelectionInput(model.json, scope);
        break;
      case 'dateTimePicker':
        element = renderDateTimePicker(model.json, scope);
        break;
      case 'divider':
        element = h('hr', { className: 'rc-divider' });
        break;
      case 'image':
        element = renderImage(model.json, scope);
        break;
      case 'grid':
        element = renderGrid(model.json, scope);
        break;
      case 'chipList':
        element = renderChipList(model.json, scope);
        break;
      case 'unknown':
        element = placeholder(model.typeName, 'is not drawn by the emulator');
        break;
    }
  } catch (error) {
    element = placeholder(model.type, `could not be drawn: ${messageOf(error)}`);
  }
  element.classList.add('rc-widget');
  element.dataset.testid = widgetTestId(model);
  if (model.type !== 'unknown' && model.preview) {
    element.classList.add('rc-has-badge');
    element.append(
      h('span', { className: 'rc-preview-badge', text: 'preview', attrs: { title: model.preview } })
    );
  }
  return element;
}

function placeholder(typeName: string, reason: string): HTMLElement {
  return h('div', { className: 'rc-unknown', attrs: { role: 'note' } }, [
    h('strong', { text: typeName }),
    ` ${reason}`,
  ]);
}

function renderTextParagraph(json: TextParagraphJson): HTMLElement {
  const text = cardText('div', 'rc-text', json.text ?? '');
  const element = h('div', { className: 'rc-text-paragraph' }, [text]);
  const maxLines = json.maxLines ?? 0;
  if (maxLines > 0) {
    text.id = uniqueId('rc-text');
    text.classList.add('rc-clamped');
    text.style.setProperty('--rc-max-lines', String(maxLines));
    const toggle = h('button', {
      className: 'rc-show-more',
      text: 'Show more',
      attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': text.id },
    });
    toggle.addEventListener('click', () => {
      const clamped = text.classList.toggle('rc-clamped');
      toggle.textContent = clamped ? 'Show more' : 'Show less';
      toggle.setAttribute('aria-expanded', String(!clamped));
    });
    element.append(toggle);
    // Only text that overflows its lines needs the toggle; that is known once laid out.
    requestAnimationFrame(() => {
      if (text.isConnected && text.scrollHeight <= text.clientHeight) toggle.hidden = true;
    });
  }
  return element;
}

function iconElement(icon: IconJson, className: string, decorative = false): HTMLElement {
  const model = describeIcon(icon);
  const element = h('span', {
    className: `rc-icon ${className}`,
    text: model.glyph,
    attrs: { title: model.label || model.source },
  });
  if (decorative || !model.label) element.setAttribute('aria-hidden', 'true');
  else {
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', model.label);
  }
  if (icon.imageType === 'CIRCLE') element.classList.add('rc-circle');
  return element;
}

/** Runs `activate` on click and on Enter/Space, for elements that act as buttons. */
function makeClickable(element: HTMLElement, role: 'button' | 'link', activate: () => void): void {
  element.classList.add('rc-clickable');
  element.setAttribute('role', role);
  element.tabIndex = 0;
  element.addEventListener('click', event => {
    // A link inside the text opens itself.
    if ((event.target as Element).closest('a')) return;
    activate();
  });
  element.addEventListener('keydown', event => {
    if (event.key === 'Enter' || (event.key === ' ' && role === 'button')) {
      event.preventDefault();
      activate();
    }
  });
}

function renderDecoratedText(json: DecoratedTextJson, scope: CardScope): HTMLElement {
  const textId = uniqueId('rc-decorated');
  const body = h('div', { className: 'rc-decorated-body' }, [
    json.topLabel ? cardText('div', 'rc-top-label', json.topLabel) : null,
    cardText('div', `rc-decorated-text${json.wrapText ? ' rc-wrap' : ''}`, json.text ?? '', textId),
    json.bottomLabel ? cardText('div', 'rc-bottom-label', json.bottomLabel) : null,
  ]);
  if (json.onClick) {
    const onClick = json.onClick;
    makeClickable(body, onClick.openLink ? 'link' : 'button', () => scope.activate(onClick, body));
  }
  let control: Child = null;
  if (json.switchControl) control = renderSwitchControl(json.switchControl, textId, scope);
  else if (json.button) control = renderButton(json.button, 'OUTLINED', scope);
  else if (json.endIcon) control = iconElement(json.endIcon, 'rc-end-icon');
  return h('div', { className: 'rc-decorated' }, [
    json.startIcon ? iconElement(json.startIcon, 'rc-start-icon') : null,
    body,
    control ? h('div', { className: 'rc-decorated-control' }, [control]) : null,
  ]);
}

/** A checkbox drawn as an M3 switch (role=switch) or left as a checkbox. */
function toggleInput(
  asSwitch: boolean,
  attrs: Record<string, string | undefined>
): {
  input: HTMLInputElement;
  element: HTMLElement;
} {
  const input = h('input', {
    className: asSwitch ? 'rc-switch-input' : 'rc-checkbox',
    attrs: { type: 'checkbox', role: asSwitch ? 'switch' : undefined, ...attrs },
  });
  if (!asSwitch) return { input, element: input };
  const element = h('span', { className: 'rc-switch' }, [
    input,
    h('span', { className: 'rc-switch-track', attrs: { 'aria-hidden': 'true' } }, [
      h('span', { className: 'rc-switch-handle' }),
    ]),
  ]);
  return { input, element };
}

function renderSwitchControl(
  json: SwitchControlJson,
  labelledBy: string,
  scope: CardScope
): HTMLElement {
  const asSwitch = json.controlType !== 'CHECK_BOX' && json.controlType !== 'CHECKBOX';
  const { input, element } = toggleInput(asSwitch, {
    'aria-labelledby': labelledBy,
    name: json.name,
    value: json.value ?? '',
  });
  input.dataset.testid = `input-${json.name}`;
  input.checked = json.selected === true;
  const label = h('label', { className: 'rc-switch-label' }, [element]);
  scope.view.inputs.push({
    name: json.name,
    read: () => ({ kind: 'choice', name: json.name, selected: input.checked ? [input.value] : [] }),
    showProblem: message => {
      input.setAttribute('aria-invalid', String(message !== null));
      return input;
    },
  });
  const onChange = json.onChangeAction;
  if (onChange) input.addEventListener('change', () => scope.fire(onChange));
  return label;
}

function buttonClass(style: ButtonStyle, kind: 'text' | 'image'): string {
  return `rc-button rc-button--${style.toLowerCase().replace('_', '-')} rc-button--${kind}`;
}

function renderButton(json: ButtonJson, defaultStyle: ButtonStyle, scope: CardScope): HTMLElement {
  const model = describeButton(json, defaultStyle);
  const button = h('button', {
    className: buttonClass(model.style, model.kind),
    testId: model.testId,
    attrs: {
      type: 'button',
      disabled: model.disabled,
      'aria-label': model.kind === 'image' || json.altText ? model.accessibleName : undefined,
      title: json.altText || (model.kind === 'image' ? model.accessibleName : undefined),
    },
  });
  if (model.icon) button.append(iconElement(model.icon, 'rc-button-icon', model.kind === 'text'));
  if (model.text) button.append(h('span', { className: 'rc-button-text', text: model.text }));
  if (model.background) {
    button.style.backgroundColor = model.background;
    button.style.color = model.foreground ?? '';
  }
  button.addEventListener('click', () => scope.activate(json.onClick, button));
  return button;
}

/** The parts of a labelled form field: label above, control, hint and problem below. */
function field(
  control: HTMLElement,
  id: string,
  label: string | undefined,
  hint: string | undefined
): {
  element: HTMLElement;
  problem: HTMLElement;
  showProblem(message: string | null): HTMLElement;
} {
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = `${id}-problem`;
  control.id = id;
  control.setAttribute('aria-describedby', [hintId, problemId].filter(Boolean).join(' '));
  const problem = h('div', {
    className: 'rc-field-problem',
    attrs: { id: problemId, hidden: true },
  });
  const element = h('div', { className: 'rc-field' }, [
    label ? h('label', { className: 'rc-field-label', text: label, attrs: { for: id } }) : null,
    control,
    hint ? h('div', { className: 'rc-field-hint', text: hint, attrs: { id: hintId } }) : null,
    problem,
  ]);
  const showProblem = (message: string | null): HTMLElement => {
    problem.hidden = message === null;
    problem.textContent = message ?? '';
    element.classList.toggle('rc-invalid', message !== null);
    if (message === null) control.removeAttribute('aria-invalid');
    else control.setAttribute('aria-invalid', 'true');
    return control;
  };
  return { element, problem, showProblem };
}

function renderTextInput(json: TextInputJson, scope: CardScope): HTMLElement {
  const id = uniqueId('rc-input');
  const multiline = json.type === 'MULTIPLE_LINE' && !json.initialSuggestions;
  const inputMode: Record<string, string> = {
    INTEGER: 'numeric',
    FLOAT: 'decimal',
    EMAIL: 'email',
  };
  const control: HTMLInputElement | HTMLTextAreaElement = multiline
    ? h('textarea', { className: 'rc-input rc-textarea', attrs: { rows: 3 } })
    : h('input', {
        className: 'rc-input',
        attrs: { type: 'text', inputmode: inputMode[json.validation?.inputType ?? ''] },
      });
  control.name = json.name;
  control.value = json.value ?? '';
  control.dataset.testid = `input-${json.name}`;
  if (!json.label) control.setAttribute('aria-label', json.hintText || json.name);
  const parts = field(control, id, json.label, json.hintText);
  const suggestions = json.initialSuggestions?.items ?? [];
  if (suggestions.length) {
    const listId = `${id}-suggestions`;
    control.setAttribute('list', listId);
    parts.element.append(
      h(
        'datalist',
        { attrs: { id: listId } },
        suggestions.map(item => h('option', { attrs: { value: item.text } }))
      )
    );
  }
  const limit = json.validation?.characterLimit;
  if (limit && limit > 0) {
    const counter = h('div', { className: 'rc-field-counter', attrs: { 'aria-hidden': 'true' } });
    const count = (): void => {
      counter.textContent = `${[...control.value].length} / ${limit}`;
    };
    count();
    control.addEventListener('input', count);
    parts.element.append(counter);
  }
  const validate = (): string | null => validateText(control.value, json.validation);
  // Once a problem shows, it clears as soon as the value is fixed.
  control.addEventListener('input', () => {
    if (parts.element.classList.contains('rc-invalid')) parts.showProblem(validate());
  });
  scope.view.inputs.push({
    name: json.name,
    read: () => ({ kind: 'text', name: json.name, value: control.value }),
    validate,
    showProblem: parts.showProblem,
  });
  const onChange = json.onChangeAction;
  if (onChange) control.addEventListener('change', () => scope.fire(onChange));
  return parts.element;
}

function renderSelectionInput(json: SelectionInputJson, scope: CardScope): HTMLElement {
  const items = Array.isArray(json.items) ? json.items : [];
  if (json.type === 'RADIO_BUTTON' || json.type === 'CHECK_BOX' || json.type === 'SWITCH')
    return renderChoiceGroup(json, items, scope);
  if (json.type === 'MULTI_SELECT') return renderMultiSelect(json, items, scope);

  const id = uniqueId('rc-select');
  const select = h(
    'select',
    { className: 'rc-select', attrs: { name: json.name } },
    items.map(item => h('option', { text: item.text, attrs: { value: item.value } }))
  );
  select.dataset.testid = `input-${json.name}`;
  const chosen = items.findIndex(item => item.selected);
  select.selectedIndex = chosen >= 0 ? chosen : items.length ? 0 : -1;
  if (!json.label) select.setAttribute('aria-label', json.name);
  const parts = field(select, id, json.label, undefined);
  scope.view.inputs.push({
    name: json.name,
    read: () =>
      select.selectedIndex >= 0
        ? { kind: 'dropdown', name: json.name, value: select.value }
        : { kind: 'choice', name: json.name, selected: [] },
    showProblem: parts.showProblem,
  });
  const onChange = json.onChangeAction;
  if (onChange) select.addEventListener('change', () => scope.fire(onChange));
  return parts.element;
}

function renderChoiceGroup(
  json: SelectionInputJson,
  items: SelectionInputJson['items'],
  scope: CardScope
): HTMLElement {
  const group = uniqueId(`rc-${json.name}`);
  const problemId = `${group}-problem`;
  const fieldset = h('fieldset', {
    className: `rc-choice-group rc-choice-group--${json.type.toLowerCase().replace('_', '-')}`,
    testId: `input-${json.name}`,
    attrs: { 'aria-describedby': problemId },
  });
  fieldset.append(
    h('legend', {
      className: json.label ? 'rc-field-label' : 'rc-visually-hidden',
      text: json.label ?? json.name,
    })
  );
  const inputs = items.map(item => {
    let input: HTMLInputElement;
    let control: HTMLElement;
    if (json.type === 'RADIO_BUTTON') {
      input = h('input', {
        className: 'rc-radio',
        attrs: { type: 'radio', name: group, value: item.value },
      });
      control = input;
    } else {
      ({ input, element: control } = toggleInput(json.type === 'SWITCH', {
        name: json.name,
        value: item.value,
      }));
    }
    input.checked = item.selected === true;
    input.dataset.value = item.value;
    const text = h('span', { className: 'rc-choice-text', text: item.text });
    fieldset.append(
      h(
        'label',
        { className: 'rc-choice' },
        json.type === 'SWITCH' ? [text, control] : [control, text]
      )
    );
    const onChange = json.onChangeAction;
    if (onChange) input.addEventListener('change', () => scope.fire(onChange));
    return input;
  });
  const problem = h('div', {
    className: 'rc-field-problem',
    attrs: { id: problemId, hidden: true },
  });
  fieldset.append(problem);
  scope.view.inputs.push({
    name: json.name,
    read: () => ({
      kind: 'choice',
      name: json.name,
      selected: inputs.filter(input => input.checked).map(input => input.value),
    }),
    showProblem: message => {
      problem.hidden = message === null;
      problem.textContent = message ?? '';
      fieldset.classList.toggle('rc-invalid', message !== null);
      return inputs[0] ?? fieldset;
    },
  });
  return fieldset;
}

function renderMultiSelect(
  json: SelectionInputJson,
  items: SelectionInputJson['items'],
  scope: CardScope
): HTMLElement {
  const max = json.multiSelectMaxSelectedItems ?? 3;
  const selected = new Set(items.filter(item => item.selected).map(item => item.value));
  const fieldset = h('fieldset', {
    className: 'rc-choice-group rc-multiselect',
    testId: `input-${json.name}`,
  });
  const legend = h('legend', {
    className: json.label ? 'rc-field-label' : 'rc-visually-hidden',
    text: json.label ?? json.name,
  });
  const chips = h('div', { className: 'rc-multiselect-chips' });
  const adder = h('select', {
    className: 'rc-select',
    attrs: { 'aria-label': `Add to ${json.label ?? json.name}` },
  });
  const problem = h('div', { className: 'rc-field-problem', attrs: { hidden: true } });
  fieldset.append(legend, chips, adder, problem);

  const draw = (): void => {
    clear(chips);
    for (const item of items.filter(i => selected.has(i.value))) {
      const remove = h('button', {
        className: 'rc-chip-remove',
        text: '×',
        attrs: { type: 'button', 'aria-label': `Remove ${item.text}` },
      });
      remove.addEventListener('click', () => {
        selected.delete(item.value);
        changed();
      });
      chips.append(
        h('span', { className: 'rc-chip rc-chip--input', attrs: { 'data-value': item.value } }, [
          h('span', { text: item.text }),
          remove,
        ])
      );
    }
    clear(adder);
    const full = selected.size >= max;
    adder.append(
      h('option', { text: full ? `At most ${max} selected` : 'Add…', attrs: { value: '' } }),
      ...items
        .filter(item => !selected.has(item.value))
        .map(item =>
          h('option', {
            text: item.bottomText ? `${item.text} — ${item.bottomText}` : item.text,
            attrs: { value: item.value },
          })
        )
    );
    adder.disabled = full;
  };
  const changed = (): void => {
    draw();
    if (json.onChangeAction) scope.fire(json.onChangeAction);
  };
  adder.addEventListener('change', () => {
    if (!adder.value) return;
    selected.add(adder.value);
    changed();
    adder.focus();
  });
  draw();
  scope.view.inputs.push({
    name: json.name,
    read: () => ({
      kind: 'choice',
      name: json.name,
      selected: items.filter(i => selected.has(i.value)).map(i => i.value),
    }),
    showProblem: message => {
      problem.hidden = message === null;
      problem.textContent = message ?? '';
      fieldset.classList.toggle('rc-invalid', message !== null);
      return adder;
    },
  });
  return fieldset;
}

function renderDateTimePicker(json: DateTimePickerJson, scope: CardScope): HTMLElement {
  const type: PickerType = ['DATE_ONLY', 'TIME_ONLY'].includes(json.type)
    ? json.type
    : 'DATE_AND_TIME';
  const initial = json.valueMsEpoch !== undefined ? Number(json.valueMsEpoch) : NaN;
  // Unset, the offset is the user's own time zone (card.proto, timezoneOffsetDate).
  const offset = (): number =>
    json.timezoneOffsetDate ??
    -new Date(Number.isFinite(initial) ? initial : Date.now()).getTimezoneOffset();
  const input = h('input', {
    className: 'rc-input rc-date-input',
    attrs: { type: pickerInputType(type), name: json.name },
  });
  input.dataset.testid = `input-${json.name}`;
  if (Number.isFinite(initial)) input.value = pickerValue(initial, type, offset());
  if (!json.label) input.setAttribute('aria-label', json.name);
  const parts = field(input, uniqueId('rc-date'), json.label, undefined);
  scope.view.inputs.push({
    name: json.name,
    read: () => ({ kind: 'date', name: json.name, ms: pickerMs(input.value, type, offset()) }),
    showProblem: parts.showProblem,
  });
  const onChange = json.onChangeAction;
  if (onChange) input.addEventListener('change', () => scope.fire(onChange));
  return parts.element;
}

/**
 * An image. The emulator runs offline and loads nothing from the web: only same-origin and
 * data: images are drawn; others become a labelled placeholder that names the address.
 */
function imageElement(url: string | undefined, alt: string, className: string): HTMLElement {
  const local =
    !!url && (/^data:image\//i.test(url) || (url.startsWith('/') && !url.startsWith('//')));
  if (local) return h('img', { className: `rc-image ${className}`, attrs: { src: url, alt } });
  return h(
    'span',
    {
      className: `rc-image rc-image-placeholder ${className}`,
      attrs: {
        role: 'img',
        'aria-label': alt || 'Image',
        title: url ? `Image not loaded (offline): ${url}` : 'Image',
      },
    },
    [h('span', { className: 'rc-image-glyph', text: '▨', attrs: { 'aria-hidden': 'true' } }), alt]
  );
}

function renderImage(json: ImageJson, scope: CardScope): HTMLElement {
  const image = imageElement(json.imageUrl, json.altText ?? '', 'rc-image-widget');
  if (!json.onClick) return h('div', { className: 'rc-image-block' }, [image]);
  const button = h(
    'button',
    {
      className: 'rc-image-block rc-image-button',
      attrs: { type: 'button', 'aria-label': json.altText || 'Image' },
    },
    [image]
  );
  const onClick = json.onClick;
  button.addEventListener('click', () => scope.activate(onClick, button));
  return button;
}

function applyBorder(element: HTMLElement, border: GridJson['borderStyle']): void {
  if (border?.type !== 'STROKE') return;
  element.style.border = `1px solid ${border.strokeColor ? colorToCss(border.strokeColor) : 'var(--rc-outline-variant)'}`;
  if (border.cornerRadius !== undefined) element.style.borderRadius = `${border.cornerRadius}px`;
}

function gridImage(component: ImageComponentJson | undefined): HTMLElement {
  const image = imageElement(component?.imageUri, component?.altText ?? '', 'rc-grid-image');
  const crop = component?.cropStyle;
  if (crop?.type === 'CIRCLE') image.classList.add('rc-circle');
  else if (crop?.type === 'RECTANGLE_4_3') image.style.aspectRatio = '4 / 3';
  else if (crop?.type === 'RECTANGLE_CUSTOM' && crop.aspectRatio)
    image.style.aspectRatio = String(crop.aspectRatio);
  applyBorder(image, component?.borderStyle);
  return image;
}

function renderGrid(json: GridJson, scope: CardScope): HTMLElement {
  // Google does not say how many columns the side panel uses by default; 2 is a guess.
  const columns = Math.max(1, Math.min(json.columnCount ?? 2, 6));
  const grid = h('div', { className: 'rc-grid', attrs: { role: 'list' } });
  grid.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  for (const item of json.items ?? []) grid.append(renderGridItem(item, json, scope));
  return h('div', { className: 'rc-grid-widget' }, [
    json.title ? h('div', { className: 'rc-grid-title', text: json.title }) : null,
    grid,
  ]);
}

function renderGridItem(item: GridItemJson, grid: GridJson, scope: CardScope): HTMLElement {
  const text = h('span', { className: 'rc-grid-text' }, [
    item.title ? h('span', { className: 'rc-grid-item-title', text: item.title }) : null,
    item.subtitle ? h('span', { className: 'rc-grid-item-subtitle', text: item.subtitle }) : null,
  ]);
  const image = gridImage(item.image);
  const parts = item.layout === 'TEXT_ABOVE' ? [text, image] : [image, text];
  const testId = `grid-item-${item.id ?? item.title ?? ''}`;
  const onClick = grid.onClick;
  const element = onClick
    ? h('button', { className: 'rc-grid-item', testId, attrs: { type: 'button' } }, parts)
    : h('div', { className: 'rc-grid-item', testId }, parts);
  if (onClick)
    element.addEventListener('click', () =>
      scope.activate(onClick, element, { [GRID_ITEM_PARAMETER]: item.id ?? '' })
    );
  applyBorder(element, grid.borderStyle);
  return h('div', { className: 'rc-grid-cell', attrs: { role: 'listitem' } }, [element]);
}

function renderChipList(json: ChipListJson, scope: CardScope): HTMLElement {
  const scrollable = json.layout === 'HORIZONTAL_SCROLLABLE';
  return h(
    'div',
    { className: `rc-chip-list${scrollable ? ' rc-chip-list--scroll' : ''}` },
    (json.chips ?? []).map(chip => {
      const label = chip.label ?? '';
      const button = h(
        'button',
        {
          className: 'rc-chip',
          testId: `button-${label || chip.altText || 'chip'}`,
          attrs: {
            type: 'button',
            disabled: chip.disabled === true,
            'aria-label': chip.altText || undefined,
          },
        },
        [chip.icon ? iconElement(chip.icon, 'rc-chip-icon', true) : null, label]
      );
      button.addEventListener('click', () => scope.activate(chip.onClick, button));
      return button;
    })
  );
}
