// The file plan: function → series (FUNC-ACT-NN). Series own a retention schedule; business units
// own folders but are not levels of the plan, so the plan survives machinery-of-government changes.

export interface Series {
  code: string;
  title: string;
  /** Three-letter function code, the first part of the series code. */
  functionCode: string;
  retentionCode: string;
  /** Drive folder holding the series' records, created when first needed. */
  folderId: string;
  active: boolean;
}

export interface BusinessUnit {
  code: string;
  name: string;
  /** Private offices capture records on behalf of a minister or senior official. */
  privateOffice: boolean;
}

export const SERIES_CODE = /^[A-Z]{3}-[A-Z]{3}-\d{2}$/;

export const FUNCTIONS: Record<string, string> = {
  GOV: 'Governance',
  FIN: 'Finance',
  HRM: 'Human resources',
  POL: 'Policy',
  MIN: 'Ministerial and private office',
  LEG: 'Legal',
  COM: 'Communications',
  KIM: 'Knowledge and information management',
  EST: 'Estates',
  CPM: 'Commercial and procurement',
  PRJ: 'Projects and programmes',
};

export function functionOf(seriesCode: string): string {
  return seriesCode.slice(0, 3);
}

export interface SeriesSuggestionInput {
  series: Series[];
  /** Series whose folder holds the item now, if any. */
  folderSeries: string | null;
  /** The user's recent choices, most recent first. */
  recent: string[];
}

/**
 * Series in the order the declare form offers them: the item's own folder first, then the user's
 * recent choices, then the rest of the plan by code.
 */
export function orderSeries(input: SeriesSuggestionInput): Series[] {
  const active = input.series.filter(s => s.active);
  const rank = (code: string) => {
    if (code === input.folderSeries) return -1;
    const recent = input.recent.indexOf(code);
    return recent >= 0 ? recent : Number.MAX_SAFE_INTEGER;
  };
  return active
    .map(s => ({ s, r: rank(s.code) }))
    .sort((a, b) => a.r - b.r || a.s.code.localeCompare(b.s.code))
    .map(x => x.s);
}

/** Keeps the last few series a user chose, most recent first. */
export function rememberSeries(recent: string[], chosen: string, keep = 5): string[] {
  return [chosen, ...recent.filter(code => code !== chosen)].slice(0, keep);
}
