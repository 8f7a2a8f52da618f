import type { Registrar } from '../../kit.js';
import * as create from './create.js';
import * as list from './list.js';
import * as revoke from './revoke.js';
import * as record from './record.js';

/**
 * The verbs of `thidua recognise`. `create` is the default: `thidua recognise --year 2025 --award LDTT`
 * issues the decision; `thidua recognise list` lists what was granted; `thidua recognise record` records a
 * decision taken above the school.
 */
export const verbs: Registrar[] = [create, list, revoke, record];
