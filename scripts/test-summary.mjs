// Prints the test totals as one plain line ("N passed, N failed") after jest has written them.
import { readFileSync } from 'node:fs';

const results = JSON.parse(
  readFileSync(new URL('../test-output/jest-results.json', import.meta.url), 'utf8')
);
console.log(
  `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`
);
