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

export interface ChainPosition {
  /** Hash of the last row checked (GENESIS before the first chained row). */
  previous: string;
  /** Whether the chain has started: rows written before the log was chained have no hashes. */
  started: boolean;
  /** Rows checked so far, and those written before the chain began. */
  rowsChecked: number;
  unchainedRows: number;
}

export const CHAIN_START: ChainPosition = {
  previous: GENESIS,
  started: false,
  rowsChecked: 0,
  unchainedRows: 0,
};

/**
 * Checks `rows` (sheet order, the first at sheet row `firstSheetRow`) continuing from `position`,
 * so a long log can be checked in pieces. Rows before `chainStartsAt` (written before the log was
 * chained) are counted, not failed; from that row on every row must follow the chain. Without a
 * known start, the first row that has hashes starts the chain.
 */
export function verifyChainFrom(
  rows: RegisterEntry[],
  firstSheetRow: number,
  position: ChainPosition,
  sha256: Hasher,
  chainStartsAt?: number
): { check: ChainCheck; position: ChainPosition } {
  let { previous, started, rowsChecked, unchainedRows } = position;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const sheetRow = firstSheetRow + i;
    const storedPrevious = String(row.previousHash ?? '');
    const storedHash = String(row.hash ?? '');
    const beforeStart =
      chainStartsAt !== undefined ? sheetRow < chainStartsAt : !storedPrevious && !storedHash;
    if (!started && beforeStart) {
      unchainedRows++;
      rowsChecked++;
      continue;
    }
    started = true;
    const fail = (problem: string) => ({
      check: { ok: false, rowsChecked, firstBadRow: sheetRow, problem },
      position: { previous, started, rowsChecked, unchainedRows },
    });
    if (storedPrevious !== previous) {
      return fail(
        `Row ${sheetRow} does not follow row ${sheetRow - 1}: a row was deleted, inserted or changed here.`
      );
    }
    if (storedHash !== rowHash(previous, row, sha256)) {
      return fail(`Row ${sheetRow} was altered after it was written.`);
    }
    previous = storedHash;
    rowsChecked++;
  }
  return {
    check: { ok: true, rowsChecked, firstBadRow: null, problem: '' },
    position: { previous, started, rowsChecked, unchainedRows },
  };
}

/** Walks the log from its first data row; `rows` are audit entries in sheet order from row 2. */
export function verifyChain(rows: RegisterEntry[], sha256: Hasher, chainStartsAt = 2): ChainCheck {
  return verifyChainFrom(rows, 2, CHAIN_START, sha256, chainStartsAt).check;
}
