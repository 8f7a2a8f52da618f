import type { Registrar } from '../../kit.js';
import * as apply from './apply.js';
import * as score from './score.js';
import * as decide from './decide.js';
import * as list from './list.js';
import * as overdue from './overdue.js';
import * as show from './show.js';

/** The verbs of `thidua review`, in the order help lists them. */
export const verbs: Registrar[] = [apply, score, decide, list, show, overdue];
