import type { Kysely } from 'kysely';

/** The engines a migration is written for. */
export type Engine = 'sqlite' | 'postgres';

/**
 * One schema step. `ddl` carries the schema change written once for each engine: the same tables,
 * columns (in the same order), keys, indexes and rules (test/integration/engines-schema.test.ts
 * compares them). `up` then changes data through kysely's builder, the same on both engines. The
 * step and its record run in one transaction.
 */
export interface Migration {
  id: string;
  description: string;
  ddl: Record<Engine, readonly string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up?(trx: Kysely<any>, now: string): Promise<void>;
}
