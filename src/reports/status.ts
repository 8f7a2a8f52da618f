/**
 * The model of `thidua status`: what is due on a day, as sections. It lives below the services so
 * that each step (ballots, nominations, recognitions, review…) provides its section builder without
 * importing the status report, and the status report imports them: no circle.
 */

export type StatusValue = string | number | null | string[];

/** How a column of a section shows: plain, an ISO date, a YYYY-MM month, a list of codes, a message (`status.what.<value>`). */
export type StatusColumnKind = 'text' | 'date' | 'month' | 'list' | 'message';

export interface StatusColumn {
  /** The item field shown. */
  field: string;
  /** Message key of the header. */
  header: string;
  kind?: StatusColumnKind;
}

export interface StatusSection {
  /** Stable name scripts rely on (`--json`); the heading is the message `status.section.<key>`. */
  key: string;
  /** Parameters of the heading (for example the month). */
  params?: Record<string, string | number>;
  columns: StatusColumn[];
  items: Record<string, StatusValue>[];
}

/** One section of the status: asked of the database (`Trx`, the services' transaction) on a day; null when nothing is due. */
export type SectionBuilder<Trx> = (trx: Trx, today: string) => Promise<StatusSection | null>;

export interface StatusReport {
  today: string;
  /** Only the sections with something due. */
  sections: StatusSection[];
}
