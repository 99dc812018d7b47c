// Record ids: REC-YYYY-NNNNNN, one sequence per calendar year, never reused.

export const RECORD_ID = /^REC-(\d{4})-(\d{6})$/;

export function formatRecordId(year: number, sequence: number): string {
  if (sequence < 1 || sequence > 999_999)
    throw new Error(`Record sequence out of range: ${sequence}`);
  return `REC-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseRecordId(id: string): { year: number; sequence: number } | null {
  const m = RECORD_ID.exec(id);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}
