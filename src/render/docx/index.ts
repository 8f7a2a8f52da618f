/** Word documents from their models (domain/documents.ts): one model, or many as one print file. */
import type { DocModel } from '../../domain/documents.js';
import { buildDocument } from './layout.js';
import { packDocument } from './pack.js';

export async function renderDocx(models: DocModel | DocModel[]): Promise<Buffer> {
  const list = Array.isArray(models) ? models : [models];
  if (list.length === 0) throw new Error('renderDocx: no document');
  return packDocument(buildDocument(list), list[0].date);
}
export { mergeDocx } from './merge.js';
