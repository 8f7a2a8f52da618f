import type { Registrar } from '../../kit.js';
import * as annual from './annual.js';
import * as quarterly from './quarterly.js';
import * as progress from './progress.js';
import * as province from './province.js';
import * as period from './period.js';
import * as benefits from './benefits.js';
import * as received from './received.js';

/** The verbs of `thidua report`: each builds one report and renders it in the chosen format. */
export const verbs: Registrar[] = [annual, quarterly, progress, province, period, benefits, received];
