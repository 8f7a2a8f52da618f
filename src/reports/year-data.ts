/** The data of a year that the annual, quarterly, province, period and benefits reports are built from (plain). */
import type { CommendEntry } from './commend.js';

export interface YearData {
  year: number;
  units: { code: string; name: string }[];
  /** Registrations in force, counted per unit (a person's unit, or the unit itself) and title. */
  registrations: { unit: string; unitName: string; award: string; awardName: string; count: number }[];
  initiatives: {
    code: string; kind: 'initiative' | 'research'; title: string; unit: string; unitName: string; status: string;
    registeredOn: string; statusOn: string; decidedOn: string | null;
  }[];
  /**
   * Per unit and month of the year, the monthly reports due (initiatives of the year or earlier,
   * registered by the month's end and running at it, or that reported for it) and made; counted, not listed.
   */
  reporting: { unit: string; unitName: string; month: string; due: number; made: number }[];
  /** Ratings counted per period (the year and its quarters) and level. */
  ratings: { period: string; rating: string; count: number }[];
  nominations: { id: number; subject: string; name: string; award: string; awardName: string; status: string; byUnitName: string | null }[];
  ballotResults: { nomination: number; agree: number; disagree: number; blank: number; base: number; passed: boolean }[];
  recognitions: {
    id: number; subject: string; name: string; kind: 'person' | 'unit'; unit: string; unitName: string; award: string; awardName: string;
    decision: string; decidedOn: string; bonus: number; succession: boolean;
    /** An initiative's (or research topic's) recognition, not a title: its code, and its title and kind. */
    initiative: string | null; work: { title: string; kind: 'initiative' | 'research' } | null;
    /** Decided above the school and recorded (`recognise record`): a title held, no money from the school. */
    recorded: boolean;
  }[];
  /** The four quarters' lists: frozen when final, else from the data. */
  commendations: { quarter: string; final: boolean; entries: CommendEntry[] }[];
  /** How exemplars were spread in the year (replication records). */
  dissemination: DisseminationRow[];
}

/** One replication record (`spread add`): who was spread, through which channel, when. */
export interface DisseminationRow {
  subject: string;
  name: string;
  channel: string;
  date: string;
  note: string | null;
}
