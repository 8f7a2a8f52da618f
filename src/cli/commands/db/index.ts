import type { Registrar } from '../../kit.js';
import * as backup from './backup.js';
import * as check from './check.js';
import * as info from './info.js';

/** The verbs of `thidua db`, in the order help lists them. */
export const verbs: Registrar[] = [backup, check, info];
