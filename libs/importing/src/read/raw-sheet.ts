/** A table as read from a file or sheet, before its header is interpreted. */
export interface RawSheet {
  source: string;
  /** Non-empty rows with their 1-based row number; row 1 is the header when present. */
  rows: { row: number; cells: string[] }[];
}

export const isBlank = (cells: string[]): boolean => cells.every((cell) => cell.trim() === '');
