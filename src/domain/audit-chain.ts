// The audit log as a hash chain: each row stores the hash of the row before it and a hash of its
// own content together with that previous hash, so a row altered, deleted or inserted anywhere
// breaks the chain from that row on.
import type { RegisterEntry } from './declaration';

/** Field order of an audit row's content in its hash. */
export const AUDIT_FIELDS = ['at', 'actor', 'action', 'recordId', 'fileId', 'details'] as const;

/** Hash of the empty log: the first row's previous hash. */
export const GENESIS = '0'.repeat(64);

type Hasher = (text: string) => string;

function canonical(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    // Seconds: a spreadsheet keeps date-times to the second reliably, not always to the millisecond.
    return String(Math.floor((value as Date).getTime() / 1000));
  }
  return String(value ?? '');
}

export function rowHash(previousHash: string, row: RegisterEntry, sha256: Hasher): string {
  return sha256([previousHash, ...AUDIT_FIELDS.map(f => canonical(row[f]))].join('\u001f'));
}

/** Fills in `previousHash` and `hash` of new audit rows, continuing from the last row's hash. */
export function chain(lastHash: string, rows: RegisterEntry[], sha256: Hasher): RegisterEntry[] {
  let previous = lastHash || GENESIS;
  return rows.map(row => {
    const hash = rowHash(previous, row, sha256);
    const linked = { ...row, previousHash: previous, hash };
    previous = hash;
    return linked;
  });
}

export interface ChainCheck {
  ok: boolean;
  rowsChecked: number;
  /** 1-based sheet row where the chain first breaks (header is row 1), or null. */
  firstBadRow: number | null;
  problem: string;
}

/** Walks the log from its first data row; `rows` are audit entries in sheet order from row 2. */
export function verifyChain(rows: RegisterEntry[], sha256: Hasher): ChainCheck {
  let previous = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const sheetRow = i + 2;
    if (String(row.previousHash ?? '') !== previous) {
      return {
        ok: false,
        rowsChecked: i,
        firstBadRow: sheetRow,
        problem: `Row ${sheetRow} does not follow row ${sheetRow - 1}: a row was deleted, inserted or changed here.`,
      };
    }
    if (String(row.hash ?? '') !== rowHash(previous, row, sha256)) {
      return {
        ok: false,
        rowsChecked: i,
        firstBadRow: sheetRow,
        problem: `Row ${sheetRow} was altered after it was written.`,
      };
    }
    previous = String(row.hash);
  }
  return { ok: true, rowsChecked: rows.length, firstBadRow: null, problem: '' };
}
