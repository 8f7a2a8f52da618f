/** Feature catalogues, merged into vi.ts and en.ts: each feature keeps its messages beside the others. */
import * as registration from './registration.js';
import * as progress from './progress.js';
import * as records from './records.js';
import * as foster from './foster.js';
import * as status from './status.js';

export const partsVi = { ...registration.vi, ...progress.vi, ...records.vi, ...foster.vi, ...status.vi };
export const partsEn: Record<keyof typeof partsVi, string> = { ...registration.en, ...progress.en, ...records.en, ...foster.en, ...status.en };
