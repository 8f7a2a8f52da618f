import type { Registrar } from '../../kit.js';
import * as list from './list.js';
import * as set from './set.js';
import * as titles from './titles.js';
import * as criteria from './criteria.js';
import * as bonus from './bonus.js';

/** The verbs of `thidua rules`, in the order help lists them. */
export const verbs: Registrar[] = [list, set, titles, criteria, bonus];
