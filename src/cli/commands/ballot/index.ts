import type { Registrar } from '../../kit.js';
import * as open from './open.js';
import * as paper from './paper.js';
import * as tally from './tally.js';
import * as close from './close.js';
import * as recount from './recount.js';
import * as show from './show.js';
import * as list from './list.js';
import * as minutes from './minutes.js';

/** The verbs of `thidua ballot`, in the order of a council meeting. */
export const verbs: Registrar[] = [open, paper, tally, close, recount, show, list, minutes];
