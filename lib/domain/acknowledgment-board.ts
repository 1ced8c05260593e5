import type { TAckObligation, TAckState, TDepartmentKind } from '@/lib/domain/acknowledgments';

export interface TBoardUnit {
  id: string;
  name: string;
  kind: TDepartmentKind;
  depth: number;
}

export interface TBoardCounts {
  done: number;
  open: number;
  overdue: number;
}

export interface TBoardDocument extends TBoardCounts {
  slug: string;
  title: string;
  number: number;
  edition: number | null;
}

export interface TBoardUnitRow extends TBoardCounts {
  unitId: string;
  name: string;
}

/** Progress of one 部 over time: the share acknowledged at the end of each day (0–1). */
export interface TBoardSeries {
  unitId: string;
  name: string;
  points: { day: string; share: number }[];
}

export interface TAcknowledgmentBoard {
  scope: 'city' | 'unit';
  /** the unit the scope starts from (a 課長's 課, a 部長's 部); null for the city */
  scopeUnitName: string | null;
  units: TBoardUnit[];
  filter: { unit: string | null; state: TAckState | null; document: string | null };
  documents: TBoardDocument[];
  /** per 部 (city) or per unit directly below the scope's unit */
  byUnit: TBoardUnitRow[];
  /** people and their state, as filtered (capped: `truncated` says so) */
  people: TAckObligation[];
  truncated: boolean;
  /** false for the whole city: people are listed once a unit is chosen */
  peopleListed: boolean;
  /** city scope only */
  series: TBoardSeries[] | null;
  today: string;
}
