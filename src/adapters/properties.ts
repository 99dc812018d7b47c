// The deployment's configuration (shared by every user) and each user's remembered choices,
// kept in PropertiesService.

export interface RegisterConfig {
  registerId: string;
  registerUrl: string;
  rootFolderId: string;
  /** Records team members: they administer the register and receive access to filed records. */
  administrators: string[];
  /** Optional Google Group of the records team, added to OFFICIAL-SENSITIVE records kept in place. */
  recordsTeamGroup: string;
  setUpBy: string;
  setUpAt: string;
  /** The register service staff declarations go through; absent: everyone writes directly. */
  registerService?: RegisterServiceConfig;
}

/** The web app that writes staff declarations to the protected register (records team's authority). */
export interface RegisterServiceConfig {
  /** Its /exec URL. */
  url: string;
  /** Whose authority it runs with (the account that deployed it). */
  deployer: string;
  savedBy: string;
  savedAt: string;
  /** When the register's tabs were last protected, by whom, and for which editors. */
  protectedAt?: string;
  protectedBy?: string;
  protectionEditors?: string[];
}

export interface UserPreferences {
  businessUnit: string;
  recentSeries: string[];
}

const CONFIG_KEY = 'records-capture.config';
/** Set by the deployer in the script's properties: who may set up the register. */
export const ADMINISTRATORS_KEY = 'records-capture.administrators';
const PREFERENCES_KEY = 'records-capture.preferences';
const SEQUENCE_PREFIX = 'records-capture.sequence.';

export function readDeployment(): { config: RegisterConfig | null; administrators: string[] } {
  const all = PropertiesService.getScriptProperties().getProperties();
  const config = parseJson<RegisterConfig>(all[CONFIG_KEY]);
  const listed = (all[ADMINISTRATORS_KEY] ?? '')
    .split(/[,;\s]+/)
    .map(s => s.trim().toLowerCase())
    .filter(Boolean);
  return {
    config,
    administrators: config ? unique([...listed, ...config.administrators]) : listed,
  };
}

export function saveConfig(config: RegisterConfig): void {
  PropertiesService.getScriptProperties().setProperty(CONFIG_KEY, JSON.stringify(config));
}

export function readPreferences(): UserPreferences {
  const saved = parseJson<Partial<UserPreferences>>(
    PropertiesService.getUserProperties().getProperty(PREFERENCES_KEY)
  );
  return { businessUnit: saved?.businessUnit ?? '', recentSeries: saved?.recentSeries ?? [] };
}

export function savePreferences(preferences: UserPreferences): void {
  PropertiesService.getUserProperties().setProperty(PREFERENCES_KEY, JSON.stringify(preferences));
}

/** The highest record number reserved so far for `year` (0 before the first). */
export function reservedUpTo(year: number): number {
  return Number(PropertiesService.getScriptProperties().getProperty(SEQUENCE_PREFIX + year) ?? '0');
}

/**
 * Reserves `count` consecutive record numbers for `year`. Call only while holding the script
 * lock: the read and the write must not interleave with another execution's.
 */
export function reserveSequence(year: number, count: number): number {
  const props = PropertiesService.getScriptProperties();
  const key = SEQUENCE_PREFIX + year;
  const last = Number(props.getProperty(key) ?? '0');
  props.setProperty(key, String(last + count));
  return last + 1;
}

function parseJson<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

// ---------------------------------------------------------------------------------------------
// Values larger than one property.

/**
 * Characters per piece. PropertiesService refuses a value over 9 KB (platform-facts §1.1; one
 * measurement puts the real figure near 8,066 bytes, unconfirmed), and pieces are ASCII (see
 * asciiJson), so 8,000 characters are 8,000 bytes.
 */
export const PIECE_CHARS = 8_000;
/**
 * The most a large value may take: half of the store's 500 KB (keys and values together,
 * platform-facts §1.1), so the deployment's other settings always have room.
 */
export const MAX_LARGE_JSON_CHARS = 250_000;

type Store = GoogleAppsScript.Properties.Properties;

/** Pieces each key had when this execution last read or wrote it (see saveLargeJson). */
const knownPieces: Record<string, number> = {};

const pieceKey = (key: string, index: number) => `${key}#${index}`;

/** JSON with every non-ASCII character escaped (\uXXXX), so a character is a byte. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
}

/**
 * Saves `value` as JSON in pieces of at most PIECE_CHARS under `key#0`, `key#1`…, with their
 * count under `key`, in one setProperties call, so a reader sees either the old value or the new
 * one whole. Pieces a shorter value no longer needs are blanked in the same call (when this
 * execution knows of them; any others are ignored, as the count says how many to read). Throws
 * when the value is larger than MAX_LARGE_JSON_CHARS.
 */
export function saveLargeJson(store: Store, key: string, value: unknown): void {
  const text = asciiJson(value);
  if (text.length > MAX_LARGE_JSON_CHARS) {
    throw new Error(
      `${key} is too large to keep (${text.length} characters; at most ${MAX_LARGE_JSON_CHARS})`
    );
  }
  const count = Math.max(1, Math.ceil(text.length / PIECE_CHARS));
  const values: Record<string, string> = { [key]: String(count) };
  for (let i = 0; i < count; i++) {
    values[pieceKey(key, i)] = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
  }
  for (let i = count; i < (knownPieces[key] ?? 0); i++) values[pieceKey(key, i)] = '';
  store.setProperties(values);
  knownPieces[key] = count;
}

/**
 * The value saved by saveLargeJson, read with one getProperties call; null when there is none
 * or it cannot be read. A value saved whole under `key` (before it needed pieces) reads too.
 */
export function readLargeJson<T>(store: Store, key: string): T | null {
  const all = store.getProperties();
  const head = all[key];
  if (head === undefined || head === '') return null;
  if (!/^\d+$/.test(head)) return parseJson<T>(head);
  const count = Number(head);
  knownPieces[key] = count;
  let text = '';
  for (let i = 0; i < count; i++) {
    const piece = all[pieceKey(key, i)];
    if (piece === undefined) return null;
    text += piece;
  }
  return parseJson<T>(text);
}

/** Removes the value and all its pieces, blanked ones included. */
export function deleteLargeJson(store: Store, key: string): void {
  const prefix = `${key}#`;
  for (const k of store.getKeys()) {
    if (k === key || k.startsWith(prefix)) store.deleteProperty(k);
  }
  delete knownPieces[key];
}
