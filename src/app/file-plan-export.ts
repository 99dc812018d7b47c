// The file plan and retention schedules as a Microsoft Purview file-plan import CSV, written to
// the records folder, so the department can take its plan to another platform.
import { writeTextFile } from '../adapters/drive-export';
import { toCsv } from '../domain/csv';
import { PURVIEW_HEADERS, purviewLabels, purviewProblems, purviewRow } from '../domain/purview';
import type { Workplace } from './deployment';
import { messageOf, UserFacingError } from './errors';
import { requireTeamMember, teamEmails } from './records-team';

export interface FilePlanExport {
  fileId: string;
  url: string;
  name: string;
  labels: number;
  skipped: { series: string; reason: string }[];
  /** Event types to create in Purview before importing. */
  eventTypes: string[];
}

export function exportFilePlan(w: Workplace, now: Date): FilePlanExport {
  requireTeamMember(w, 'the file plan export');
  // Read afresh: the cached copy may be older than edits made in the register's tabs.
  const reference = w.register.readReferenceData();
  const { labels, skipped, eventTypes } = purviewLabels(
    reference.series,
    reference.schedules,
    teamEmails(w)
  );
  const problems = purviewProblems(labels);
  if (problems.length) {
    // The labels are built to pass every rule: a problem here is a fault to report, not to ship.
    throw new UserFacingError(
      `The file plan could not be exported in a form Purview accepts: ${problems.slice(0, 3).join('; ')}. Nothing was written.`,
      'File plan not exported'
    );
  }
  const day = Utilities.formatDate(now, Session.getScriptTimeZone(), 'yyyy-MM-dd');
  const name = `Purview file plan ${day}.csv`;
  let folder: GoogleAppsScript.Drive.Folder;
  try {
    folder = DriveApp.getFolderById(w.config.rootFolderId);
  } catch (error) {
    throw new UserFacingError(
      `The records folder cannot be opened (${messageOf(error)}). Ask your records administrator to check it is shared with you. Nothing was written.`,
      'Records folder not available'
    );
  }
  const file = writeTextFile(
    folder,
    name,
    toCsv(PURVIEW_HEADERS, labels.map(purviewRow)),
    'text/csv'
  );
  return {
    fileId: file.getId(),
    url: file.getUrl(),
    name,
    labels: labels.length,
    skipped,
    eventTypes,
  };
}
