// Installs the fake Apps Script services as globals of one execution (a sandbox's global object,
// or any object standing in for it). Each execution gets fresh service objects over the shared
// Workspace state, as each Apps Script execution starts with nothing but its stored data.
import { createCacheService } from './cache';
import { createCardService } from './card-service';
import { createCharts } from './charts';
import { createContentService } from './content-service';
import { createContext } from './core/context';
import { Execution } from './core/execution';
import type { ExecutionOptions } from './core/execution';
import { NotEmulatedError } from './core/instrument';
import type { WorkspaceState } from './core/state';
import { createDocumentApp } from './document';
import { createAdvancedDrive, createDriveApp } from './drive';
import { createGmailApp } from './gmail';
import { createAdvancedGmail } from './gmail-api';
import { createLockService } from './lock';
import { createPropertiesService } from './properties';
import { createScriptApp } from './script-app';
import { createSession } from './session';
import { createSpreadsheetApp } from './spreadsheet';
import { createUrlFetchApp } from './url-fetch';
import type { WebAppRunner } from './url-fetch/web-app';
import { createUtilities } from './utilities';

export interface InstallOptions extends ExecutionOptions {
  /** Where console and Logger output goes, besides the execution's own log. */
  log?: (line: string) => void;
  /**
   * The add-on manifest's oauthScopes, for services that check them (GmailApp: which messages a
   * script reaches without the open message's token; the Gmail API, through the advanced service
   * or UrlFetchApp; UrlFetchApp itself). Absent: every scope counts as granted.
   */
  oauthScopes?: string[];
  /** Runs the script's web app as an execution of its own, when UrlFetchApp calls it. */
  webApps?: WebAppRunner;
}

/** Apps Script services a Workspace add-on may call that these fakes do not emulate. */
export const NOT_EMULATED = [
  'MailApp',
  'CalendarApp',
  'SlidesApp',
  'FormApp',
  'HtmlService',
  'XmlService',
  'Maps',
  'LanguageApp',
  'GroupsApp',
  'ContactsApp',
  'Jdbc',
  'BigQuery',
  'Sheets',
  'Docs',
  'Slides',
];

export function installFakes(
  target: Record<string, unknown>,
  state: WorkspaceState,
  options: InstallOptions
): Execution {
  const execution = new Execution(state, options);
  const ctx = createContext(state, execution);
  const write = (level: string, args: unknown[]) => {
    const line = `${level} ${args.map(a => (typeof a === 'string' ? a : describe(a))).join(' ')}`;
    execution.log.push(line);
    state.log.push(line);
    if (state.log.length > 500) state.log.splice(0, state.log.length - 500);
    options.log?.(line);
  };
  Object.assign(target, {
    SpreadsheetApp: createSpreadsheetApp(ctx),
    DriveApp: createDriveApp(ctx),
    Drive: createAdvancedDrive(ctx),
    DocumentApp: createDocumentApp(ctx),
    Charts: createCharts(ctx),
    GmailApp: createGmailApp(ctx, { scopes: options.oauthScopes }),
    Gmail: createAdvancedGmail(ctx, { scopes: options.oauthScopes }),
    UrlFetchApp: createUrlFetchApp(ctx, {
      scopes: options.oauthScopes,
      webApps: options.webApps,
    }),
    ContentService: createContentService(ctx),
    CardService: createCardService(ctx),
    LockService: createLockService(ctx),
    PropertiesService: createPropertiesService(ctx),
    CacheService: createCacheService(ctx),
    Session: createSession(ctx),
    Utilities: createUtilities(ctx),
    ScriptApp: createScriptApp(ctx, { scopes: options.oauthScopes }),
    Logger: { log: (...args: unknown[]) => write('INFO', args) },
    console: {
      log: (...args: unknown[]) => write('INFO', args),
      info: (...args: unknown[]) => write('INFO', args),
      warn: (...args: unknown[]) => write('WARNING', args),
      error: (...args: unknown[]) => write('ERROR', args),
    },
    Date: virtualDate(target.Date as DateConstructor | undefined, () => state.now),
  });
  for (const name of NOT_EMULATED) target[name] = notEmulated(name);
  return execution;
}

/** `new Date()` and `Date.now()` read the Workspace's clock, so runs repeat and time can be set. */
function virtualDate(base: DateConstructor | undefined, now: () => number): DateConstructor {
  const RealDate = base ?? Date;
  const VirtualDate = function (this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target) as Date;
  } as unknown as DateConstructor;
  Object.defineProperty(VirtualDate, 'prototype', { value: RealDate.prototype });
  Object.assign(VirtualDate, { now, UTC: RealDate.UTC, parse: RealDate.parse });
  return VirtualDate;
}

function notEmulated(service: string): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'toJSON' || prop === 'then') return undefined;
        throw new NotEmulatedError(`not emulated: ${service}.${prop}`);
      },
    }
  );
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value) return String((value as Error).stack);
  try {
    // JSON has no text for undefined or a function: name them rather than drop them.
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
