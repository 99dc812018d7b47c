// Card action: check the audit log's hash chain.
import { verifyAuditLog } from '../app/audit-verify';
import { requireWorkplace } from '../app/deployment';
import { auditCheckCard } from '../cards/audit-card';
import { parameter } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

/** Leaves time within the 30-second card limit to answer. */
const CHECK_BUDGET_MS = 20_000;

export function onVerifyAuditLog(e: AddonEvent): GoogleAppsScript.Card_Service.ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const result = verifyAuditLog(w, new Date(), CHECK_BUDGET_MS, parameter(e, 'resume') === 'yes');
    const toast = !result.complete
      ? 'Part of the log checked'
      : result.ok
        ? 'Audit log intact'
        : `Audit log altered at row ${result.firstBadRow}`;
    return CardService.newActionResponseBuilder()
      .setNavigation(
        CardService.newNavigation().pushCard(auditCheckCard(result, w.config.registerUrl))
      )
      .setNotification(CardService.newNotification().setText(toast))
      .build();
  });
}
