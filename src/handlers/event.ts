// Reading Google's event objects (V8 shape: `commonEventObject`, with string parameters and
// `stringInputs.value` arrays). An untouched widget may be missing from formInputs altogether.
import type { Host } from '../cards/common';
import type { ItemRef } from '../app/declare';

export type AddonEvent = GoogleAppsScript.Addons.EventObject;

interface FormInput {
  stringInputs?: { value?: string[] };
  dateInput?: { msSinceEpoch?: string | number };
  dateTimeInput?: { msSinceEpoch?: string | number };
}

function inputs(e: AddonEvent): Record<string, FormInput> {
  return ((e.commonEventObject as unknown as { formInputs?: Record<string, FormInput> })
    ?.formInputs ?? {}) as Record<string, FormInput>;
}

export function hostOf(e: AddonEvent): Host {
  return asHost(String(e.commonEventObject?.hostApp ?? ''));
}

/** The host a button was rendered for (its `host` parameter), or the event's own. */
export function hostParameter(e: AddonEvent): Host {
  return parameter(e, 'host') ? asHost(parameter(e, 'host')) : hostOf(e);
}

function asHost(value: string): Host {
  const host = value.toUpperCase();
  return host === 'DOCS' || host === 'SHEETS' || host === 'DRIVE' || host === 'GMAIL'
    ? host
    : 'OTHER';
}

export function parameters(e: AddonEvent): Record<string, string> {
  return (e.commonEventObject?.parameters ?? {}) as Record<string, string>;
}

export function parameter(e: AddonEvent, name: string): string {
  return parameters(e)[name] ?? '';
}

export function formStrings(e: AddonEvent, name: string): string[] {
  return (inputs(e)[name]?.stringInputs?.value ?? []).map(String);
}

export function formString(e: AddonEvent, name: string): string {
  return formStrings(e, name)[0] ?? '';
}

export function formDate(e: AddonEvent, name: string): Date | null {
  const input = inputs(e)[name];
  const ms = input?.dateInput?.msSinceEpoch ?? input?.dateTimeInput?.msSinceEpoch;
  if (ms === undefined || ms === '') return null;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) return null;
  // A date picker's value is a day: keep the UTC date, drop any time of day.
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const DOC_MIME = 'application/vnd.google-apps.document';
const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/** The open Doc or Sheet, once the user has granted the add-on access to it. */
export function editorFile(e: AddonEvent): { granted: boolean; item: ItemRef | null } {
  const host = hostOf(e);
  const file = (host === 'DOCS' ? e.docs : host === 'SHEETS' ? e.sheets : undefined) as
    { id?: string; title?: string; addonHasFileScopePermission?: boolean } | undefined;
  if (!file?.id) return { granted: !!file?.addonHasFileScopePermission, item: null };
  return {
    granted: true,
    item: {
      id: file.id,
      title: file.title ?? '',
      mimeType: host === 'DOCS' ? DOC_MIME : SHEET_MIME,
    },
  };
}

/** The items selected in Drive (folders are reported separately: a folder is not a record). */
export function driveSelection(e: AddonEvent): { files: ItemRef[]; folders: string[] } {
  const items =
    (e.drive as unknown as { selectedItems?: { id: string; title: string; mimeType: string }[] })
      ?.selectedItems ?? [];
  const files: ItemRef[] = [];
  const folders: string[] = [];
  for (const item of items) {
    if (item.mimeType === 'application/vnd.google-apps.folder') folders.push(item.title);
    else files.push({ id: item.id, title: item.title, mimeType: item.mimeType });
  }
  return { files, folders };
}
