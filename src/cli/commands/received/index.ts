import type { Registrar } from '../../kit.js';
import * as list from './list.js';

/** The verbs of `thidua received`: what the schools sent a provincial office. */
export const verbs: Registrar[] = [list];
