/** The data of a year that the annual, quarterly, province, period and benefits reports are built from (plain). */
import type { CommendEntry } from './commend.js';

export interface YearData {
  year: number;
  units: { code: string; name: string }[];
  registrations: { subject: string; name: string; kind: 'person' | 'unit'; unit: string; unitName: string; award: string; awardName: string }[];
  initiatives: {
    code: string; kind: 'initiative' | 'research'; title: string; unit: string; unitName: string; status: string;
    registeredOn: string; statusOn: string; decidedOn: string | null;
  }[];
  /**
   * Monthly reports made in the year, per unit and month, by the initiatives of `reporting` due that
   * month (registered by its end and running at it); counted, not listed.
   */
  progress: { code: string; month: string }[];
  /** Initiatives that could report in the year (any year's, still running at some point in it). */
  reporting: { code: string; year: number; unit: string; unitName: string; status: string; registeredOn: string; statusOn: string }[];
  ratings: { person: string; name: string; unit: string; unitName: string; period: string; rating: string }[];
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
