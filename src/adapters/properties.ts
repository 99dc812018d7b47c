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
