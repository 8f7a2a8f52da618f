import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as list from './list.js';
import * as exp from './export.js';

/** The verbs of `thidua spread`, in the order help lists them. */
export const verbs: Registrar[] = [add, list, exp];
