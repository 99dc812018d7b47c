// What "Verify audit log" costs on a long log: one card action, the log read in chunks and hashed
// in the script. Runnable alone: `npx tsx bench/audit.ts` (after `npm run build`).
import { actionEvent, homepageEvent } from '../fakes/events';
import { textOf } from '../fakes/card-service/query';
import { fillAuditLog } from '../test/support/big-register';
import { department, DRO } from '../test/support/department';

export function benchAuditCheck(): void {
  console.log('\nVerify audit log (one press, records team home)');
  console.log('  audit rows   calls   spreadsheet reads   cells read   modelled s   result');
  for (const rows of [20_000, 100_000]) {
    const ws = department();
    fillAuditLog(ws, rows);
    const result = ws.run('onVerifyAuditLog', actionEvent(homepageEvent('SHEETS'), {}), {
      user: DRO,
    });
    const text = textOf(result.json);
    const verdict = /intact/.test(text) ? 'intact, in one press' : text.slice(0, 60);
    console.log(
      `  ${String(rows).padStart(10)}  ${String(result.counts.serviceCalls).padStart(6)}  ${String(result.counts.byKey['SpreadsheetApp.Range.getValues'] ?? 0).padStart(18)}  ${String(result.counts.cellsRead ?? '').padStart(11)}  ${(result.counts.modelledMs / 1000).toFixed(1).padStart(11)}   ${verdict}`
    );
  }
}

if (require.main === module) benchAuditCheck();
