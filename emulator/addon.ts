// The add-on the emulator runs: a manifest (appsscript.json) and script files. By default the
// product's build (build/appsscript.json with build/Code.js); with --addon, any folder holding
// an appsscript.json and .js files written against the public Apps Script reference.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emptyCounts } from '../fakes/core/execution';
import type { WebAppAccess, WebAppExecuteAs, WorkspaceState } from '../fakes/core/state';
import { BUILD_DIR, Workspace } from '../fakes/harness/workspace';
import type { RunOptions, RunResult } from '../fakes/harness/workspace';

/** The hosts the emulator shows. */
export type HostApp = 'DOCS' | 'SHEETS' | 'DRIVE' | 'GMAIL';
export const HOST_APPS: readonly HostApp[] = ['DOCS', 'SHEETS', 'DRIVE', 'GMAIL'];

/** `message`: Gmail's contextual trigger, run when a message is opened. */
export type ManifestTrigger = 'homepage' | 'fileScopeGranted' | 'itemsSelected' | 'message';
export type TriggerKind = ManifestTrigger | 'universal';
const MANIFEST_TRIGGERS: readonly ManifestTrigger[] = [
  'homepage',
  'fileScopeGranted',
  'itemsSelected',
  'message',
];
export const TRIGGER_KINDS: readonly TriggerKind[] = [...MANIFEST_TRIGGERS, 'universal'];

interface ManifestFunction {
  runFunction?: string;
  enabled?: boolean;
}

export interface UniversalAction {
  label: string;
  runFunction?: string;
  openLink?: string;
}

interface HostManifest {
  homepageTrigger?: ManifestFunction;
  onFileScopeGrantedTrigger?: ManifestFunction;
  onItemsSelectedTrigger?: ManifestFunction;
  /** Gmail only. */
  contextualTriggers?: { onTriggerFunction?: string }[];
}

export interface Manifest {
  timeZone?: string;
  /** The project's web app settings (appsscript.json `webapp`). */
  webapp?: { access?: WebAppAccess; executeAs?: WebAppExecuteAs };
  addOns?: {
    common?: {
      name?: string;
      logoUrl?: string;
      layoutProperties?: { primaryColor?: string; secondaryColor?: string };
      homepageTrigger?: ManifestFunction;
      universalActions?: UniversalAction[];
    };
  } & Partial<Record<'docs' | 'sheets' | 'drive' | 'gmail', HostManifest>>;
}

export interface AddOnInfo {
  name: string;
  logoUrl: string;
  primaryColor: string;
  /** Lower-case host names, as in the manifest: docs, sheets, drive, gmail. */
  hosts: string[];
  universalActions: UniversalAction[];
}

const MANIFEST = 'appsscript.json';
const MANIFEST_KEY: Record<
  Exclude<ManifestTrigger, 'message'>,
  'homepageTrigger' | 'onFileScopeGrantedTrigger' | 'onItemsSelectedTrigger'
> = {
  homepage: 'homepageTrigger',
  fileScopeGranted: 'onFileScopeGrantedTrigger',
  itemsSelected: 'onItemsSelectedTrigger',
};

export interface AddOnOptions {
  /** A folder with an appsscript.json and .js files; the product's build when absent. */
  addonDir?: string;
  /** Where build/fakes.js (and, for the product, appsscript.json and Code.js) are. */
  buildDir?: string;
}

export class AddOn {
  readonly buildDir: string;
  readonly addonDir: string | null;
  private cachedManifest: { signature: string; manifest: Manifest } | null = null;
  private cachedFunctions: { signature: string; names: Set<string> } | null = null;

  constructor(options: AddOnOptions = {}) {
    this.buildDir = options.buildDir ?? BUILD_DIR;
    this.addonDir = options.addonDir ?? null;
    const manifest = this.manifestPath();
    if (!existsSync(manifest)) {
      throw new Error(
        this.addonDir
          ? `No ${MANIFEST} in ${this.addonDir}`
          : `No ${manifest}: build the add-on first (npm run build)`
      );
    }
    if (!existsSync(join(this.buildDir, 'fakes.js'))) {
      throw new Error(`No fakes.js in ${this.buildDir}: build first (npm run build)`);
    }
  }

  /** The manifest, read again whenever the file changes (a rebuild while the emulator runs). */
  manifest(): Manifest {
    const path = this.manifestPath();
    const signature = fileSignature(path);
    if (this.cachedManifest?.signature !== signature) {
      let manifest: Manifest;
      try {
        manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
      } catch (e) {
        throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
      }
      this.cachedManifest = { signature, manifest };
    }
    return this.cachedManifest.manifest;
  }

  info(): AddOnInfo {
    const addOns = this.manifest().addOns ?? {};
    const common = addOns.common ?? {};
    const declared = (['docs', 'sheets', 'drive', 'gmail'] as const).filter(h => addOns[h]);
    return {
      name: common.name ?? 'Add-on',
      logoUrl: common.logoUrl ?? '',
      primaryColor: common.layoutProperties?.primaryColor ?? '#1a73e8',
      // A manifest naming no host would show nowhere; show it in the editors and Drive so it
      // can be tried at all.
      hosts: declared.length ? [...declared] : ['docs', 'sheets', 'drive'],
      universalActions: (common.universalActions ?? []).map(a => ({ ...a })),
    };
  }

  /**
   * The function a manifest trigger runs in a host: the host's own homepage trigger, else the
   * common one; Gmail's first contextual trigger for an opened message; null when the manifest
   * has none (or has turned the host's homepage off).
   */
  triggerFunction(host: HostApp, kind: ManifestTrigger): string | null {
    const addOns = this.manifest().addOns ?? {};
    const hostManifest = addOns[host.toLowerCase() as 'docs'];
    if (kind === 'message') {
      if (host !== 'GMAIL') return null;
      return hostManifest?.contextualTriggers?.[0]?.onTriggerFunction ?? null;
    }
    const own = hostManifest?.[MANIFEST_KEY[kind]];
    if (own) return own.enabled === false ? null : (own.runFunction ?? null);
    if (kind !== 'homepage') return null;
    const common = addOns.common?.homepageTrigger;
    return common && common.enabled !== false ? (common.runFunction ?? null) : null;
  }

  /** Every trigger function per host and kind, universal actions included. */
  triggers(): Record<HostApp, Partial<Record<ManifestTrigger, string>> & { universal: string[] }> {
    const universal = this.universalFunctions();
    const out = {} as Record<
      HostApp,
      Partial<Record<ManifestTrigger, string>> & { universal: string[] }
    >;
    for (const host of HOST_APPS) {
      const kinds: Partial<Record<ManifestTrigger, string>> = {};
      for (const kind of MANIFEST_TRIGGERS) {
        const name = this.triggerFunction(host, kind);
        if (name) kinds[kind] = name;
      }
      out[host] = { ...kinds, universal };
    }
    return out;
  }

  universalFunctions(): string[] {
    return (this.manifest().addOns?.common?.universalActions ?? [])
      .map(a => a.runFunction)
      .filter((name): name is string => typeof name === 'string');
  }

  /** The add-on's top-level functions (what Apps Script can call by name). */
  functionNames(): Set<string> {
    const signature = this.scriptFiles().map(fileSignature).join('|');
    if (this.cachedFunctions?.signature !== signature) {
      const names = new Set(this.workspace(undefined).functionNames());
      this.cachedFunctions = { signature, names };
    }
    return this.cachedFunctions.names;
  }

  hasFunction(name: string): boolean {
    return this.functionNames().has(name);
  }

  /** Runs `name` as one execution over `state`; a script that fails to load is its error. */
  run(state: WorkspaceState, name: string, event: unknown, options: RunOptions): RunResult {
    try {
      return this.workspace(state).run(name, event, options);
    } catch (e) {
      // Errors from the script's own realm are not instances of this realm's Error.
      const error = e as { name?: unknown; message?: unknown } | null;
      const message =
        error && typeof error === 'object' && 'message' in error
          ? `${String(error.name ?? 'Error')}: ${String(error.message)}`
          : String(e);
      return { json: null, counts: emptyCounts(), calls: [], log: [], error: message, webApps: [] };
    }
  }

  private workspace(state: WorkspaceState | undefined): Workspace {
    return new Workspace(state, {
      buildDir: this.buildDir,
      ...(this.addonDir ? { addonDir: this.addonDir } : {}),
    });
  }

  private manifestPath(): string {
    return join(this.addonDir ?? this.buildDir, MANIFEST);
  }

  /** The files the harness loads as the add-on's code, in its order. */
  private scriptFiles(): string[] {
    if (!this.addonDir) return [join(this.buildDir, 'Code.js')];
    return walk(this.addonDir).filter(path => path.endsWith('.js'));
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function fileSignature(path: string): string {
  try {
    const stat = statSync(path);
    return `${path}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    return `${path}:missing`;
  }
}
