import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as list from './list.js';
import * as show from './show.js';
import * as edit from './edit.js';
import * as importFile from './import.js';

/** The verbs of `thidua person`, in the order help lists them. */
export const verbs: Registrar[] = [add, list, show, edit, importFile];
