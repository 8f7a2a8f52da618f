import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { emitResult, say } from '../../output.js';

interface Options {
  owner?: string;
  clerk?: string;
  apply?: boolean;
}

export function register(parent: Command, kit: Kit): void {
  const cmd = parent
    .command('roles')
    .option('--owner <name>', kit.t('opt.roles.owner'))
    .option('--clerk <name>', kit.t('opt.roles.clerk'))
    .option('--apply', kit.t('opt.roles.apply'));
  kit.describe(cmd, 'db.roles').action(
    kit.action<Options>(async (ctx, opts) => {
      const { applyRoles, roleNames, rolesScript } = await import('../../../services/roles.js');
      const names = roleNames(opts);
      if (opts.apply) {
        const r = await applyRoles(ctx.options.dbPath, names, kit.sys.env);
        say(ctx, 'roles.applied', { url: r.url, ...names });
        await emitResult(ctx, { applied: true, ...names });
        return;
      }
      const statements = rolesScript(names);
      if (ctx.options.json) {
        await emitResult(ctx, { ...names, statements });
        return;
      }
      ctx.io.out(`${ctx.t('roles.sqlHeader', { ...names }).replace(/^/gm, '-- ')}\n\n${statements.map((s) => `${s};\n`).join('\n')}`);
    }),
  );
}
