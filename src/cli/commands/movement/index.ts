import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as list from './list.js';

/** The verbs of `thidua movement`, in the order help lists them. */
export const verbs: Registrar[] = [add, list];
