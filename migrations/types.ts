import type { Kysely } from 'kysely';

/** One schema step. `up` runs inside the transaction that also records it. */
export interface Migration {
  id: string;
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(trx: Kysely<any>, now: string): Promise<void>;
}
