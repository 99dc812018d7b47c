// The register service's web app entry points (doPost, doGet), and the card actions that set the
// service up and protect the register.
import { requireWorkplace } from '../app/deployment';
import { syncProtections } from '../app/protection';
import {
  configureRegisterService,
  serveRegisterRequest,
  serviceHealth,
} from '../app/register-service';
import { messageOf, UserFacingError } from '../app/errors';
import { notify, update } from '../cards/common';
import { registerCard } from '../cards/setup-card';
import { formString, parameter } from './event';
import type { AddonEvent } from './event';
import { respond } from './respond';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

/** What a web app's doPost receives (the fields used here). */
export interface WebAppEvent {
  postData?: { contents?: string; type?: string };
  parameter?: Record<string, string>;
}

function json(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(
    ContentService.MimeType.JSON
  );
}

/** The register service: one request (JSON in the body), one JSON answer. */
export function doPost(e: WebAppEvent): GoogleAppsScript.Content.TextOutput {
  return json(serveRegisterRequest(e?.postData?.contents ?? '', new Date()));
}

/** The service's health: its name, version and whose authority it runs with. */
export function doGet(_e: WebAppEvent): GoogleAppsScript.Content.TextOutput {
  return json(serviceHealth());
}

/** Register card: saves (or clears) the register service's address, then protects the register. */
export function onSaveRegisterService(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const now = new Date();
    const wasProtected = !!w.config.registerService?.protectedAt;
    const config = configureRegisterService(w, formString(e, 'registerServiceUrl'), now);
    let toast = config.registerService
      ? `Register service saved: it writes as ${config.registerService.deployer}`
      : wasProtected
        ? 'Register service removed: staff cannot declare while the tabs stay protected (remove the protections in Sheets, or save a service again)'
        : 'Register service removed: everyone writes to the register directly';
    if (config.registerService) {
      try {
        const report = syncProtections(w, now);
        toast += `; ${report.protectedTabs.length} tabs protected`;
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        toast += `; tabs not protected: ${messageOf(error)}`;
      }
    }
    return update(registerCard(w.config, w.register.headroom(), true), toast);
  });
}

/** Protects the register's tabs for the records team as it is now (after the team changes). */
export function onSyncProtections(e: AddonEvent): ActionResponse {
  return respond(() => {
    const w = requireWorkplace();
    const report = syncProtections(w, new Date());
    const toast = `${report.protectedTabs.length} tabs protected for ${report.editors.length} editors${report.missingTabs.length ? `; not in this register yet: ${report.missingTabs.join(', ')}` : ''}`;
    return parameter(e, 'card') === 'register'
      ? update(registerCard(w.config, w.register.headroom(), true), toast)
      : notify(toast);
  });
}
