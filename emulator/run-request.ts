// A POST /api/run body: checked field by field, then turned into the function to call and the
// Google-shaped event it receives, as the host would send it.
import type { WorkspaceState } from '../fakes/core/state';
import { MIME } from '../fakes/drive/access';
import { actionEvent, driveEvent, editorEvent, gmailEvent, homepageEvent } from '../fakes/events';
import type { AddonEventJson, FormValue } from '../fakes/events';
import { HOST_APPS, TRIGGER_KINDS } from './addon';
import type { AddOn, HostApp, TriggerKind } from './addon';
import { ownMessage } from './gmail-views';
import { HttpError } from './http';
import { openableItem } from './views';

export interface RunRequest {
  host: HostApp;
  trigger?: TriggerKind;
  function?: string;
  item?: { id: string };
  selection?: { id: string }[];
  parameters?: Record<string, string>;
  form?: Record<string, FormValue>;
  granted?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isItemRef(value: unknown): value is { id: string } {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '';
}

function isFormValue(value: unknown): value is FormValue {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.every(v => typeof v === 'string');
  return isRecord(value) && typeof value.date === 'number' && Number.isFinite(value.date);
}

const bad = (message: string) => new HttpError(400, message);

export function parseRunRequest(body: unknown): RunRequest {
  if (!isRecord(body)) throw bad('The body must be a JSON object');
  const { host, trigger, item, selection, parameters, form, granted } = body;
  const name = body.function;
  if (!HOST_APPS.includes(host as HostApp)) {
    throw bad(`host must be one of ${HOST_APPS.join(', ')}`);
  }
  if (trigger !== undefined && !TRIGGER_KINDS.includes(trigger as TriggerKind)) {
    throw bad(`trigger must be one of ${TRIGGER_KINDS.join(', ')}`);
  }
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw bad('function must be a function name');
  }
  if (trigger === undefined && name === undefined) throw bad('Give a trigger or a function');
  if (trigger === 'universal' && name === undefined) {
    throw bad('A universal action names its function');
  }
  if (trigger !== undefined && trigger !== 'universal' && name !== undefined) {
    throw bad('Give either a trigger or a function, not both');
  }
  if (item !== undefined && !isItemRef(item)) throw bad('item must be {id}');
  if (selection !== undefined && !(Array.isArray(selection) && selection.every(isItemRef))) {
    throw bad('selection must be a list of {id}');
  }
  if (
    parameters !== undefined &&
    !(isRecord(parameters) && Object.values(parameters).every(v => typeof v === 'string'))
  ) {
    throw bad('parameters must map names to strings');
  }
  if (form !== undefined && !(isRecord(form) && Object.values(form).every(isFormValue))) {
    throw bad('form values must be a string, a list of strings or {date}');
  }
  if (granted !== undefined && typeof granted !== 'boolean')
    throw bad('granted must be true or false');
  if ((host === 'DOCS' || host === 'SHEETS') && item === undefined) {
    throw bad(`${host} runs with the open file: give item`);
  }
  if (trigger === 'message' && (host !== 'GMAIL' || item === undefined)) {
    throw bad('The message trigger runs in GMAIL with the open email: give item');
  }
  return body as unknown as RunRequest;
}

/** The function a request runs: a manifest trigger's, a universal action's, or the one named. */
export function functionFor(addon: AddOn, request: RunRequest): string {
  const trigger = request.trigger;
  if (trigger === 'universal') {
    const name = request.function!;
    if (!addon.universalFunctions().includes(name)) {
      throw new HttpError(404, `No universal action runs ${name}`);
    }
    return name;
  }
  if (trigger) {
    const name = addon.triggerFunction(request.host, trigger);
    if (!name) throw new HttpError(404, `The add-on has no ${trigger} trigger in ${request.host}`);
    return name;
  }
  return request.function!;
}

export interface EventContext {
  state: WorkspaceState;
  user: string;
  /** Whether the user granted the add-on the open Doc or Sheet. */
  hasGrant(fileId: string): boolean;
}

/** The event the host sends: the host's own, plus parameters and form for a card action. */
export function eventFor(request: RunRequest, context: EventContext): AddonEventJson {
  const base = hostEvent(request, context);
  if (request.trigger) return base;
  return actionEvent(base, request.parameters ?? {}, request.form ?? {});
}

function hostEvent(request: RunRequest, { state, user, hasGrant }: EventContext): AddonEventJson {
  switch (request.host) {
    case 'DOCS':
    case 'SHEETS': {
      const id = request.item!.id;
      const item = openableItem(state, id, user);
      const expected = request.host === 'DOCS' ? MIME.document : MIME.spreadsheet;
      if (!item || item.mimeType !== expected) {
        throw new HttpError(
          404,
          `No ${request.host === 'DOCS' ? 'document' : 'spreadsheet'} ${id} open to ${user}`
        );
      }
      const granted = request.granted ?? hasGrant(id);
      return editorEvent(request.host, { id, title: item.name }, granted);
    }
    case 'DRIVE': {
      const selected = (request.selection ?? []).map(ref => {
        const item = openableItem(state, ref.id, user);
        if (!item) throw new HttpError(404, `No Drive item ${ref.id} open to ${user}`);
        return { id: item.id, title: item.name, mimeType: item.mimeType };
      });
      if (request.trigger === 'itemsSelected' && !selected.length) {
        throw bad('itemsSelected needs a selection');
      }
      return selected.length ? driveEvent(selected) : homepageEvent('DRIVE');
    }
    case 'GMAIL': {
      // Gmail's homepage is what shows with no message open: its event names none.
      if (!request.item || request.trigger === 'homepage') return homepageEvent('GMAIL');
      const message = ownMessage(state, request.item.id, user);
      if (!message) throw new HttpError(404, `No email ${request.item.id} in ${user}'s mailbox`);
      return gmailEvent({ messageId: message.id, threadId: message.threadId, owner: user });
    }
  }
}
