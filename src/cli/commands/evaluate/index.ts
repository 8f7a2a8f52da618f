import type { Registrar } from '../../kit.js';
import * as set from './set.js';
import * as importRatings from './import.js';
import * as list from './list.js';

/** The verbs of `thidua evaluate`, in the order help lists them. */
export const verbs: Registrar[] = [set, importRatings, list];
