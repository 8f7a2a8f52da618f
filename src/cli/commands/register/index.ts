import type { Registrar } from '../../kit.js';
import * as title from './title.js';
import * as initiative from './initiative.js';
import * as list from './list.js';
import * as importFile from './import.js';
import * as withdraw from './withdraw.js';

/** The verbs of `thidua register`, in the order help lists them. */
export const verbs: Registrar[] = [title, initiative, list, importFile, withdraw];
