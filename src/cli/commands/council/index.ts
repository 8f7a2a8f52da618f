import type { Registrar } from '../../kit.js';
import * as set from './set.js';
import * as show from './show.js';

/** The verbs of `thidua council`, in the order help lists them. */
export const verbs: Registrar[] = [set, show];
