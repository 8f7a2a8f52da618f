import type { Registrar } from '../../kit.js';
import * as list from './list.js';
import * as render from './render.js';
import * as check from './check.js';
import * as show from './show.js';

/** The verbs of `thidua document`, in the order help lists them. */
export const verbs: Registrar[] = [list, show, render, check];
