import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as list from './list.js';
import * as edit from './edit.js';
import * as retire from './retire.js';

/** The verbs of `thidua unit`, in the order help lists them. */
export const verbs: Registrar[] = [add, list, edit, retire];
