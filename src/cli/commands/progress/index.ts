import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as list from './list.js';
import * as missing from './missing.js';

/** The verbs of `thidua progress`, in the order help lists them. */
export const verbs: Registrar[] = [add, list, missing];
