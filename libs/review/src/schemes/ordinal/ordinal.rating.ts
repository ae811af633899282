/** A grade on the ward's own scale (S/A/B/C/D, 1–5 …), configured per cycle in its OrdinalScale. */
export interface OrdinalRating {
  scheme: 'ordinal';
  grade: string;
  /** 備考: required for the grades the scale lists in reasonRequired. */
  note?: string;
}
