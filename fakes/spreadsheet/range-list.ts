// RangeList (Sheet.getRangeList): several ranges of one sheet handled as one. setValue writes the
// same value into every cell of every range with one call, the way scripts mark many scattered
// rows at once. Every range is checked (access, protection, validation) before any is written.
import type { FakeContext } from '../core/context';
import type { CellState } from '../core/state';
import { requireEditable, sheetById, spreadsheetOf } from './access';
import { toStoredCell } from './cells';
import { setCell, trimTrailingRows } from './grid';
import { createRange } from './range';
import type { RangeRef } from './range';
import { checkValidation } from './validation';

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

type RangeListApi = Pick<RangeList, 'getRanges' | 'setValue'>;

export class FakeRangeList implements RangeListApi {
  private self!: RangeList;

  private constructor(
    private ctx: FakeContext,
    private refs: RangeRef[]
  ) {}

  static create(ctx: FakeContext, refs: RangeRef[]): RangeList {
    const raw = new FakeRangeList(
      ctx,
      refs.map(r => ({ ...r }))
    );
    raw.self = ctx.wrap(raw, 'SpreadsheetApp.RangeList') as unknown as RangeList;
    return raw.self;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.refs.map(ref => createRange(this.ctx, ref));
  }

  /** Sets every cell of every range to the value. */
  setValue(value: unknown): RangeList {
    const writes: { ref: RangeRef; cells: CellState[][] }[] = [];
    for (const ref of this.refs) {
      const sheet = sheetById(spreadsheetOf(this.ctx, ref.spreadsheetId), ref.sheetId);
      requireEditable(this.ctx, ref.spreadsheetId, sheet, {
        row: ref.row,
        column: ref.column,
        numRows: ref.numRows,
        numColumns: ref.numColumns,
      });
      const cells: CellState[][] = [];
      for (let i = 0; i < ref.numRows; i++) {
        const line: CellState[] = [];
        for (let j = 0; j < ref.numColumns; j++) {
          line.push(toStoredCell(value, sheet.columnFormats[ref.column - 1 + j] === '@'));
        }
        cells.push(line);
      }
      checkValidation(this.ctx, sheet, ref.row, ref.column, cells);
      writes.push({ ref, cells });
    }
    let written = 0;
    for (const { ref, cells } of writes) {
      const sheet = sheetById(spreadsheetOf(this.ctx, ref.spreadsheetId), ref.sheetId);
      cells.forEach((line, i) =>
        line.forEach((cell, j) => setCell(sheet, ref.row - 1 + i, ref.column - 1 + j, cell))
      );
      trimTrailingRows(sheet);
      written += ref.numRows * ref.numColumns;
    }
    this.ctx.execution.cellsWritten(written);
    return this.self;
  }
}
