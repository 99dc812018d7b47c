// UK Government Security Classifications (2023/24) as this system holds them: OFFICIAL only, with
// the -SENSITIVE marking, handling instructions and descriptors. SECRET and TOP SECRET need
// assured systems (e.g. Rosa) and are refused. Sources: research/features.md §4.

export const HELD_CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type HeldClassification = (typeof HELD_CLASSIFICATIONS)[number];

export const REFUSED_CLASSIFICATIONS = ['SECRET', 'TOP SECRET'] as const;
export type RefusedClassification = (typeof REFUSED_CLASSIFICATIONS)[number];

/** Handling instructions (GSCP 2023). `<ORGANISATION> USE ONLY` takes the department's name. */
export const HANDLING_INSTRUCTIONS = [
  'RECIPIENTS ONLY',
  'HMG USE ONLY',
  'EMBARGOED',
  'FOR PUBLIC RELEASE',
] as const;

/** Descriptors (GSCP 2023, plus the 2014 LOCSEN core descriptor still in use). */
export const DESCRIPTORS = [
  'PERSONAL DATA',
  'LEGAL PROFESSIONAL PRIVILEGE',
  'LEGAL',
  'MARKET SENSITIVE',
  'COMMERCIAL',
  'HR/MANAGEMENT',
  'LOCSEN',
] as const;

export const NATIONAL_CAVEATS = ['UK EYES ONLY'] as const;

/** Legacy GPMS markings (pre-2014) that must be re-marked under the current scheme. */
export const LEGACY_MARKINGS = ['UNCLASSIFIED', 'PROTECT', 'RESTRICTED', 'CONFIDENTIAL'] as const;

export interface Marking {
  classification: HeldClassification;
  handlingInstructions: string[];
  descriptors: string[];
  caveats: string[];
}

/** Where SECRET and TOP SECRET material belongs, shown whenever it is refused. */
export const HIGHER_CLASSIFICATION_GUIDANCE =
  'This system holds OFFICIAL information only. SECRET and TOP SECRET material must be created, ' +
  "stored and registered on the department's assured higher-classification systems (for SECRET, " +
  'the Rosa capability). Do not upload it here: remove it from Google Drive and contact your ' +
  'security adviser or the Departmental Records Officer.';

export function isHeldClassification(value: string): value is HeldClassification {
  return (HELD_CLASSIFICATIONS as readonly string[]).includes(value);
}

export function isRefusedClassification(value: string): value is RefusedClassification {
  return (REFUSED_CLASSIFICATIONS as readonly string[]).includes(value);
}

/** The marking as written on items: `OFFICIAL-SENSITIVE RECIPIENTS ONLY - PERSONAL DATA`. */
export function formatMarking(marking: Marking): string {
  const parts: string[] = [marking.classification];
  const handling = marking.handlingInstructions.join(' ');
  if (handling) parts[0] = `${marking.classification} ${handling}`;
  if (marking.descriptors.length) parts.push(marking.descriptors.join(' - '));
  if (marking.caveats.length) parts.push(marking.caveats.join(' - '));
  return parts.join(' - ');
}

/** Descriptors and handling instructions only apply to OFFICIAL-SENSITIVE information. */
export function normaliseMarking(marking: Marking): Marking {
  if (marking.classification === 'OFFICIAL') {
    return { classification: 'OFFICIAL', handlingInstructions: [], descriptors: [], caveats: [] };
  }
  return {
    classification: marking.classification,
    handlingInstructions: unique(marking.handlingInstructions),
    descriptors: unique(marking.descriptors),
    caveats: unique(marking.caveats),
  };
}

export interface MarkingScan {
  /** The current-scheme marking found, if any (the highest one when several appear). */
  found: Marking | null;
  /** SECRET or TOP SECRET found: the item must not be held here. */
  refused: RefusedClassification | null;
  /** Legacy GPMS words found (PROTECT, RESTRICTED, CONFIDENTIAL, UNCLASSIFIED). */
  legacy: string[];
}

/**
 * Looks for protective markings in text that carries them (title, header, footer, first and last
 * lines). Markings are written in capitals, so only upper-case words count: "the secret of
 * success" is not a marking, "SECRETARIAT" is not SECRET.
 */
export function scanForMarkings(texts: string[]): MarkingScan {
  const text = texts.join('\n');
  const word = (pattern: string) => new RegExp(`(^|[^A-Z-])${pattern}(?![A-Z])`);
  let refused: RefusedClassification | null = null;
  if (word('TOP SECRET').test(text)) refused = 'TOP SECRET';
  else if (/(^|[^A-Z-])SECRET(?![A-Z])/.test(text.replace(/TOP SECRET/g, ''))) refused = 'SECRET';

  let found: Marking | null = null;
  const sensitive = /(^|[^A-Z])OFFICIAL[-\s]SENSITIVE(?![A-Z])/.test(text);
  if (sensitive || word('OFFICIAL').test(text)) {
    found = normaliseMarking({
      classification: sensitive ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
      handlingInstructions: HANDLING_INSTRUCTIONS.filter(h => word(h).test(text)),
      // LEGAL alone, not the start of LEGAL PROFESSIONAL PRIVILEGE.
      descriptors: DESCRIPTORS.filter(d =>
        word(d === 'LEGAL' ? 'LEGAL(?! PROFESSIONAL)' : d).test(text)
      ),
      caveats: NATIONAL_CAVEATS.filter(c => word(c).test(text)),
    });
  }
  const legacy = LEGACY_MARKINGS.filter(l => word(l).test(text));
  return { found, refused, legacy };
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => v && values.indexOf(v) === i);
}
