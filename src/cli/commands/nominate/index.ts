import type { Registrar } from '../../kit.js';
import * as create from './create.js';
import * as check from './check.js';
import * as amend from './amend.js';
import * as appraise from './appraise.js';
import * as withdraw from './withdraw.js';
import * as list from './list.js';

/**
 * The verbs of `thidua nominate`, in the order help lists them. `create` is the default: `thidua
 * nominate VC012 --award LDTT ...` creates a nomination, `thidua nominate check 5` checks one.
 */
export const verbs: Registrar[] = [create, check, amend, appraise, withdraw, list];
