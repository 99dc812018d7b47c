// Product code (src/ and fakes/) is type-checked against ES2020 and the Apps Script types only,
// so Node and browser globals Apps Script lacks are compile errors, not run-time surprises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

function diagnosticsFor(source: string): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const file = join(root, 'src', '__probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = name => (name === file ? source : read(name));
  host.fileExists = name => name === file || ts.sys.fileExists(name);
  const program = ts.createProgram([file], { ...parsed.options, noUnusedLocals: false }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the Apps Script type boundary', () => {
  it.each([
    'setTimeout(() => 1, 10);',
    "const x = require('fs');",
    'process.exit(1);',
    "Buffer.from('x');",
    'new TextEncoder();',
    "new URL('https://example.gov.uk/');",
    "fetch('https://example.gov.uk/');",
  ])('rejects %s in product code', source => {
    expect(diagnosticsFor(`export {}; ${source}`).join('\n')).toMatch(
      /Cannot find name|is not defined/
    );
  });

  it('accepts the Apps Script services and ES2020', () => {
    expect(
      diagnosticsFor(
        "export const t = Utilities.formatDate(new Date(), 'GMT', 'yyyy'); export const f = [1].flatMap(x => [x]);"
      )
    ).toEqual([]);
  });

  it('uses the same configuration that `npm run typecheck` uses for src/', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.typecheck).toContain('tsc -p tsconfig.json');
  });
});
