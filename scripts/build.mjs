// Builds the Apps Script bundle: src/ → build/Code.js (one IIFE plus a top-level function per
// export, which is what Apps Script can call by name) and build/appsscript.json. Also builds the
// fakes into build/fakes.js for the tests, the benchmark and the local emulator; .claspignore
// keeps that file from being pushed.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
const GLOBAL = 'RecordsCapture';

const common = {
  bundle: true,
  format: 'iife',
  // Apps Script's V8 cannot parse private (#) or static class fields: ES2020 lowers them.
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const product = await build({
  ...common,
  entryPoints: [join(root, 'src/main.ts')],
  globalName: GLOBAL,
});
const code = product.outputFiles[0].text;

// Load the bundle into a bare V8 context: it must not touch any service or global when loaded
// (Apps Script runs every file on every execution), and it tells us what it exports.
const sandbox = vm.createContext({});
vm.runInContext(code, sandbox, { filename: 'Code.js' });
const exported = vm.runInContext(
  `Object.keys(${GLOBAL}).filter(k => typeof ${GLOBAL}[k] === 'function')`,
  sandbox
);

const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));
const named = manifestFunctions(manifest);
const missing = named.filter(n => !exported.includes(n));
if (missing.length) {
  throw new Error(
    `appsscript.json names functions the bundle does not export: ${missing.join(', ')}`
  );
}

const stubs = exported
  .map(name => `function ${name}(e) {\n  return ${GLOBAL}.${name}(e);\n}`)
  .join('\n');
writeFileSync(
  join(out, 'Code.js'),
  `${code}\n// Entry points Apps Script calls by name.\n${stubs}\n`
);
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));

const fakes = await build({
  ...common,
  entryPoints: [join(root, 'fakes/sandbox.ts')],
  globalName: '__RecordsCaptureFakes',
});
writeFileSync(join(out, 'fakes.js'), fakes.outputFiles[0].text);

const size = statSync(join(out, 'Code.js')).size;
console.log(
  `build/Code.js: ${(size / 1024).toFixed(1)} KB, ${exported.length} entry points (${exported.join(', ')})`
);

/** Every function the manifest makes Apps Script call. */
function manifestFunctions(m) {
  const names = [];
  const visit = value => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'runFunction' || key === 'onTriggerFunction') && typeof v === 'string')
          names.push(v);
        else visit(v);
      }
    }
  };
  visit(m.addOns ?? {});
  return [...new Set(names)];
}

// The local emulator's page: the browser code bundled for the browser, with its HTML and CSS.
const web = join(out, 'web');
mkdirSync(web, { recursive: true });
await build({
  entryPoints: [join(root, 'emulator/web/app.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  outfile: join(web, 'app.js'),
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) {
  copyFileSync(join(root, 'emulator/web', file), join(web, file));
}
