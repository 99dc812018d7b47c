// Listing recently changed files with one Drive query (advanced Drive service, v3).
import { UserFacingError } from '../app/errors';

export interface RecentFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  modifiedAt: Date;
  description: string;
  url: string;
  /** The user may edit it (declaring marks the file, so only editors can). */
  canEdit: boolean;
}

const FIELDS =
  'files(id,name,mimeType,parents,modifiedTime,description,webViewLink,capabilities/canEdit)';

/** One page of files matching `query`, most recently modified first. */
export function listRecentFiles(query: string, pageSize: number): RecentFile[] {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError(
      'The advanced Drive service is not enabled for this deployment. The administrator must enable "Drive API" (v3) under Services in the Apps Script project.',
      'Deployment incomplete'
    );
  }
  const page = Drive.Files!.list({
    q: query,
    orderBy: 'modifiedTime desc',
    pageSize,
    fields: FIELDS,
  });
  return (page.files ?? []).map(f => ({
    id: f.id ?? '',
    name: f.name ?? '',
    mimeType: f.mimeType ?? '',
    parents: f.parents ?? [],
    modifiedAt: new Date(f.modifiedTime ?? 0),
    description: f.description ?? '',
    url: f.webViewLink ?? '',
    canEdit: f.capabilities?.canEdit ?? false,
  }));
}
