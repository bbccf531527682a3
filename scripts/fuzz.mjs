// `npm run fuzz [-- --seed N --scale K]`: the property tests (and the hostile inputs) of
// test/reliability for longer (scale × the CI run counts, default 20) with a
// random seed, printed first so that any failure can be replayed:
//   FUZZ_SEED=<seed> FUZZ_SCALE=<scale> npx vitest run test/reliability/properties.test.ts
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seed = Number(arg('seed') ?? process.env.FUZZ_SEED ?? randomInt(2 ** 31 - 1));
const scale = Number(arg('scale') ?? process.env.FUZZ_SCALE ?? 20);
const files = ['test/reliability/properties.test.ts', 'test/reliability/repair.test.ts', 'test/reliability/hostile.test.ts'];
console.log(`fuzz: seed ${seed}, scale ${scale}`);
console.log(`replay: FUZZ_SEED=${seed} FUZZ_SCALE=${scale} npx vitest run ${files.join(' ')}`);
const r = spawnSync('npx', ['vitest', 'run', ...files, '--testTimeout', String(600000 * Math.max(1, scale / 20))], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_SCALE: String(scale) },
});
console.log(`fuzz: seed ${seed}, scale ${scale}: ${r.status === 0 ? 'no failure' : 'FAILED'}`);
process.exit(r.status ?? 1);
