/**
 * A section of `status` as a service builds it: the report's section builder (reports/status.ts)
 * over the services' transaction. The steps import this, never services/status.ts: no circle.
 */
import type { Tx } from './database.js';
import type { SectionBuilder as Builder } from '../reports/status.js';

export type SectionBuilder = Builder<Tx>;
