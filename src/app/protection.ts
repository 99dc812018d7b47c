// Protected register tabs: every tab of the register is protected so that only the records team
// (the records administrators, the active members of the "Records team" tab) and the account the
// register service runs as can change it. Staff keep view access, and their declarations reach
// the register through the register service. When the team changes, the records team syncs the
// protections again.
import { saveConfig } from '../adapters/properties';
import type { RegisterConfig } from '../adapters/properties';
import { TABS } from '../domain/register-schema';
import type { TabKey } from '../domain/register-schema';
import type { Workplace } from './deployment';
import { isProtectionError, messageOf, UserFacingError } from './errors';
import { requireTeamMember, teamEmails } from './records-team';

/** Every tab whose data the records team owns (the hidden Settings tab is protected at setup). */
export const PROTECTED_TABS: TabKey[] = [
  'register',
  'audit',
  'disposals',
  'holds',
  'team',
  'queue',
  'filePlan',
  'retention',
  'businessUnits',
  'dashboard',
  'lessons',
  'suggestions',
  'leavers',
];

export const PROTECTION_DESCRIPTION =
  'Records Capture: only the records team and the register service change this tab';

/** Who may edit the protected tabs: the records team and the register service's account. */
export function protectionEditors(w: Workplace): string[] {
  const deployer = w.config.registerService?.deployer ?? '';
  return [...new Set([...teamEmails(w), deployer].map(e => e.trim().toLowerCase()))].filter(e =>
    /@/.test(e)
  );
}

export interface ProtectionReport {
  protectedTabs: string[];
  /** Tabs an older register does not have yet (the records team's tools add them). */
  missingTabs: string[];
  editors: string[];
}

/** Whether the protections were last synced with the team as it is now. */
export function protectionsCurrent(w: Workplace, editors = protectionEditors(w)): boolean {
  const synced = w.config.registerService?.protectionEditors;
  if (!synced) return false;
  return synced.length === editors.length && editors.every(e => synced.includes(e));
}

/**
 * Protects every register tab for the records team and the register service (creating the
 * protection, or bringing its editors up to date), and turns domain-wide editing off. Needs the
 * register service first: with the tabs protected, staff declarations can only go through it.
 */
export function syncProtections(w: Workplace, now: Date): ProtectionReport {
  requireTeamMember(w, 'the register’s protections');
  const service = w.config.registerService;
  if (!service) {
    throw new UserFacingError(
      'Set up the register service first: once the register is protected, staff declarations can only reach it through the service. Nothing was changed.',
      'Register service needed'
    );
  }
  const editors = protectionEditors(w);
  const report: ProtectionReport = { protectedTabs: [], missingTabs: [], editors };
  try {
    for (const key of PROTECTED_TABS) {
      const name = TABS[key].name;
      const sheet = w.register.spreadsheet.getSheetByName(name);
      if (!sheet) {
        report.missingTabs.push(name);
        continue;
      }
      const protection =
        sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ??
        sheet.protect().setDescription(PROTECTION_DESCRIPTION);
      const current = protection.getEditors().map(u => u.getEmail().toLowerCase());
      const stale = current.filter(e => !editors.includes(e));
      // The spreadsheet's owner and the person running this stay editors whatever is asked.
      if (stale.length) protection.removeEditors(stale);
      const missing = editors.filter(e => !current.includes(e));
      if (missing.length) protection.addEditors(missing);
      if (protection.canDomainEdit()) protection.setDomainEdit(false);
      report.protectedTabs.push(name);
    }
  } catch (error) {
    if (isProtectionError(error) || /permission/i.test(messageOf(error))) {
      throw new UserFacingError(
        `Your account cannot change the register's protections (${messageOf(error)}). The register's owner or a records administrator who is already an editor of them must do it. Protections done so far: ${report.protectedTabs.join(', ') || 'none'}.`,
        'Cannot change protections'
      );
    }
    throw error;
  }
  SpreadsheetApp.flush();
  const config: RegisterConfig = {
    ...w.config,
    registerService: {
      ...service,
      protectedAt: now.toISOString(),
      protectedBy: w.user,
      protectionEditors: editors,
    },
  };
  saveConfig(config);
  w.config = config;
  return report;
}
