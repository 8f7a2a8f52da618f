import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../domain/errors.js';
import { yearFlag } from '../flags.js';
import { need } from '../prompter.js';
import { emitResult, say } from '../output.js';
import { mayReplace } from '../docs.js';

interface Options {
  out?: string;
  year?: string;
  p12?: string;
  passwordEnv?: string;
  pkcs11?: string;
  slot?: string;
  pinEnv?: string;
  visible?: boolean;
  force?: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * A secret from the environment variable a flag names, checked now (before any work); or, with
 * nobody to ask, a usage error; or a prompt that does not echo, asked only when the key is opened.
 * The secret is never a flag's value, so the command line kept in the audit trail holds none.
 */
function secretSource(ctx: Context, env: Record<string, string | undefined>, flag: string, name: string | undefined, ask: () => string): () => Promise<string> {
  if (name !== undefined) {
    if (!ENV_NAME.test(name)) throw new UsageError('sign.envName', { flag });
    const value = env[name];
    if (value === undefined || value === '') throw new UsageError('sign.envUnset', { name, flag });
    return async () => value;
  }
  if (!ctx.options.interactive) throw new UsageError('usage.missingFlag', { flag });
  return () => ctx.prompter.password(ask());
}

export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('sign')
    .argument('<document>', kit.t('arg.sign.document'))
    .option('--out <file.pdf>', kit.t('opt.sign.out'))
    .option('--year <year>', kit.t('opt.sign.year'))
    .option('--p12 <file>', kit.t('opt.sign.p12'))
    .option('--password-env <name>', kit.t('opt.sign.passwordEnv'))
    .option('--pkcs11 <library>', kit.t('opt.sign.pkcs11'))
    .option('--slot <n>', kit.t('opt.sign.slot'))
    .option('--pin-env <name>', kit.t('opt.sign.pinEnv'))
    .option('--visible', kit.t('opt.sign.visible'))
    .option('--force', kit.t('opt.force'));
  kit.describe(cmd, 'sign').action(
    kit.action<Options>(async (ctx, opts, [document]) => {
      if (!!opts.p12 === !!opts.pkcs11) throw new UsageError('sign.keyChoice');
      const env = kit.sys.env;
      let key: import('../../services/sign.js').KeySource;
      if (opts.p12) {
        const file = opts.p12;
        key = { kind: 'pkcs12', file, password: secretSource(ctx, env, '--password-env', opts.passwordEnv, () => ctx.t('prompt.sign.password', { file })) };
      } else {
        const library = opts.pkcs11!;
        if (opts.slot === undefined) throw new UsageError('sign.slotNeeded', { library });
        const s = opts.slot.trim();
        if (!/^(\d{1,12}|0x[0-9a-f]{1,12})$/i.test(s)) throw new UsageError('sign.badSlot', { value: opts.slot });
        key = { kind: 'pkcs11', library, slot: Number(s), pin: secretSource(ctx, env, '--pin-env', opts.pinEnv, () => ctx.t('prompt.sign.pin')) };
      }
      const out = await need(ctx, opts.out, '--out', 'prompt.sign.out');
      const [{ signDocument }, { stampTime }] = await Promise.all([import('../../services/sign.js'), import('../../reports/docs/signature.js')]);
      const r = await signDocument(ctx, {
        document,
        year: yearFlag(opts.year),
        out,
        force: mayReplace(ctx, opts),
        visible: !!opts.visible,
        key,
        env,
        async render(model) {
          const { renderDocx } = await import('../../render/docx/index.js');
          return renderDocx(model);
        },
      });
      say(ctx, 'sign.done', {
        symbol: r.document.symbol, title: r.document.title, name: r.signer.name, serial: r.signer.serial, issuer: r.signer.issuer,
        time: stampTime(new Date(r.signedAt)), file: r.file, sha256: r.sha256,
      });
      if (r.printedSigner) say(ctx, 'sign.printedSigner', { name: r.signer.name, printed: r.printedSigner });
      await emitResult(ctx, r);
    }),
  );
}
