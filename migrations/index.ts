/** The ordered, static list of migrations. Never edit a released one: add the next. */
import type { Engine, Migration } from './types.js';
import { migration0001 } from './0001-base.js';
import { migration0002 } from './0002-year-records.js';
import { migration0003 } from './0003-councils-nominations.js';
import { migration0004 } from './0004-ballots-documents.js';
import { migration0005 } from './0005-spread.js';
import { migration0006 } from './0006-indexes.js';
import { migration0007 } from './0007-commend.js';
import { migration0008 } from './0008-legal-sources.js';
import { migration0009 } from './0009-ballot-minutes.js';
import { migration0012 } from './0012-judgements.js';
import { migration0013 } from './0013-signatures.js';
import { migration0014 } from './0014-authority.js';
import { migration0015 } from './0015-received.js';
import { migration0017 } from './0017-recipients.js';

export type { Engine, Migration };
export const migrations: Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0012, migration0013, migration0014, migration0015, migration0017];
