/** Feature catalogues, merged into vi.ts and en.ts: each feature keeps its messages beside the others. */
import * as registration from './registration.js';
import * as progress from './progress.js';
import * as records from './records.js';
import * as foster from './foster.js';
import * as status from './status.js';
import * as nominate from './nominate.js';
import * as council from './council.js';
import * as review from './review.js';
import * as ballot from './ballot.js';
import * as recognise from './recognise.js';
import * as terminal from './terminal.js';
import * as spread from './spread.js';
import * as certificate from './certificate.js';
import * as commend from './commend.js';
import * as report from './report.js';
import * as format from './format.js';
import * as authority from './authority.js';
import * as legal from './legal.js';
import * as sign from './sign.js';
import * as safety from './safety.js';
import * as drafts from './drafts.js';
import * as exchange from './exchange.js';
import * as server from './server.js';

export const partsVi = { ...registration.vi, ...progress.vi, ...records.vi, ...foster.vi, ...status.vi, ...nominate.vi, ...council.vi, ...review.vi, ...ballot.vi, ...recognise.vi, ...terminal.vi, ...spread.vi, ...certificate.vi, ...commend.vi, ...report.vi, ...format.vi, ...authority.vi, ...legal.vi, ...sign.vi, ...safety.vi, ...drafts.vi, ...exchange.vi, ...server.vi };
export const partsEn: Record<keyof typeof partsVi, string> = { ...registration.en, ...progress.en, ...records.en, ...foster.en, ...status.en, ...nominate.en, ...council.en, ...review.en, ...ballot.en, ...recognise.en, ...terminal.en, ...spread.en, ...certificate.en, ...commend.en, ...report.en, ...format.en, ...authority.en, ...legal.en, ...sign.en, ...safety.en, ...drafts.en, ...exchange.en, ...server.en };
