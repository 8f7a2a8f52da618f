import type { Registrar } from '../../kit.js';
import * as head from './head.js';
import * as list from './list.js';
import * as verify from './verify.js';

/** The verbs of `thidua audit`, in the order help lists them. */
export const verbs: Registrar[] = [list, verify, head];
