// A jest reporter that saves the run's totals to test-output/jest-results.json.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class JestTotals {
  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '..', 'test-output');
    mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests } = results;
    writeFileSync(
      join(dir, 'jest-results.json'),
      JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests })
    );
  }
}

module.exports = JestTotals;
