// Google-shaped event objects for triggers and card actions (V8 runtime shape, platform-facts
// §2.3): string parameters, `stringInputs.value` arrays, string `msSinceEpoch`, the legacy mirrors,
// and `docs.id` / `sheets.id` only once the file scope has been granted.
import { currentMessageToken } from './gmail/access';

export type HostApp = 'DOCS' | 'SHEETS' | 'DRIVE' | 'GMAIL' | 'CALENDAR' | 'SLIDES';

export interface AddonEventJson {
  commonEventObject: {
    hostApp: HostApp;
    platform: 'WEB';
    userLocale?: string;
    timeZone?: { id: string; offset: string };
    parameters?: Record<string, string>;
    formInputs?: Record<string, FormInputJson>;
  };
  docs?: EditorFileJson;
  sheets?: EditorFileJson;
  drive?: { activeCursorItem?: DriveItemJson; selectedItems: DriveItemJson[] };
  gmail?: { messageId: string; threadId: string; accessToken: string };
  messageMetadata?: { messageId: string; accessToken: string };
  formInput?: Record<string, string>;
  formInputs?: Record<string, string[]>;
  parameters?: Record<string, string>;
  clientPlatform?: string;
  [key: string]: unknown;
}

export interface EditorFileJson {
  addonHasFileScopePermission: boolean;
  id?: string;
  title?: string;
}

export interface DriveItemJson {
  id: string;
  title: string;
  mimeType: string;
  iconUrl: string;
  addonHasFileScopePermission: boolean;
}

export type FormInputJson =
  | { stringInputs: { value: string[] } }
  | { dateInput: { msSinceEpoch: string } }
  | { dateTimeInput: { msSinceEpoch: string; hasDate: boolean; hasTime: boolean } };

/** A form value as a test or the emulator has it: text, several texts, or a date. */
export type FormValue = string | string[] | { date: number };

function common(hostApp: HostApp): AddonEventJson['commonEventObject'] {
  return {
    hostApp,
    platform: 'WEB',
    userLocale: 'en-GB',
    timeZone: { id: 'Europe/London', offset: '0' },
  };
}

export function homepageEvent(hostApp: HostApp): AddonEventJson {
  return { commonEventObject: common(hostApp), clientPlatform: 'web' };
}

/** Docs or Sheets: `granted` false leaves out the file's id and title, as Google does. */
export function editorEvent(
  hostApp: 'DOCS' | 'SHEETS',
  file: { id: string; title: string },
  granted = true
): AddonEventJson {
  const editor: EditorFileJson = granted
    ? { addonHasFileScopePermission: true, id: file.id, title: file.title }
    : { addonHasFileScopePermission: false };
  return {
    commonEventObject: common(hostApp),
    [hostApp === 'DOCS' ? 'docs' : 'sheets']: editor,
    clientPlatform: 'web',
  };
}

export function driveEvent(
  items: { id: string; title: string; mimeType: string }[]
): AddonEventJson {
  const selected = items.map(i => ({
    ...i,
    iconUrl: `https://drive-thirdparty.googleusercontent.com/16/type/${i.mimeType}`,
    addonHasFileScopePermission: true,
  }));
  return {
    commonEventObject: common('DRIVE'),
    drive: { activeCursorItem: selected[0], selectedItems: selected },
    clientPlatform: 'web',
  };
}

/**
 * The event of a Gmail contextual trigger (a message opened with the add-on's sidebar): the
 * `gmail` object with the message, thread and the per-message access token the add-on hands to
 * `GmailApp.setCurrentMessageAccessToken`, and the legacy `messageMetadata` mirror.
 */
export function gmailEvent(message: {
  messageId: string;
  threadId: string;
  /** Whose Gmail shows the message; ids are per mailbox, so the event itself does not carry it. */
  owner?: string;
}): AddonEventJson {
  const accessToken = currentMessageToken(message.messageId);
  return {
    commonEventObject: common('GMAIL'),
    gmail: { messageId: message.messageId, threadId: message.threadId, accessToken },
    messageMetadata: { messageId: message.messageId, accessToken },
    clientPlatform: 'web',
  };
}

/** The event a card action receives: the host's event plus parameters and form inputs. */
export function actionEvent(
  base: AddonEventJson,
  parameters: Record<string, string> = {},
  form: Record<string, FormValue> = {}
): AddonEventJson {
  for (const [key, value] of Object.entries(parameters)) {
    if (typeof value !== 'string') throw new Error(`Action parameter ${key} is not a string`);
  }
  const formInputs: Record<string, FormInputJson> = {};
  const legacyOne: Record<string, string> = {};
  const legacyAll: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'object' && !Array.isArray(value)) {
      formInputs[name] = { dateInput: { msSinceEpoch: String(value.date) } };
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    // Unticked checkboxes and empty inputs are absent from the event.
    if (!values.length) continue;
    formInputs[name] = { stringInputs: { value: values } };
    legacyOne[name] = values[0];
    legacyAll[name] = values;
  }
  return {
    ...base,
    commonEventObject: { ...base.commonEventObject, parameters, formInputs },
    parameters,
    formInput: legacyOne,
    formInputs: legacyAll,
  };
}
