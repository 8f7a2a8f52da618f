import type { Registrar } from '../../kit.js';
import * as backup from './backup.js';
import * as check from './check.js';
import * as copy from './copy.js';
import * as info from './info.js';
import * as roles from './roles.js';

/** The verbs of `thidua db`, in the order help lists them. */
export const verbs: Registrar[] = [backup, check, info, copy, roles];
