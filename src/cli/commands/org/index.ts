import type { Registrar } from '../../kit.js';
import * as show from './show.js';
import * as set from './set.js';

/** The verbs of `thidua org`, in the order help lists them. */
export const verbs: Registrar[] = [show, set];
