import type { Registrar } from '../../kit.js';
import * as add from './add.js';
import * as task from './task.js';
import * as done from './done.js';
import * as end from './end.js';
import * as list from './list.js';

/** The verbs of `thidua foster`, in the order help lists them. */
export const verbs: Registrar[] = [add, task, done, end, list];
