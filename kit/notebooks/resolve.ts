/** Where the kit's notebook machinery finds tslab, its ZeroMQ binding and the project. */
import { createRequire } from 'module';
import { dirname, isAbsolute, join, resolve } from 'path';

/** The project root (the folder holding package.json, `notebooks/` and `exercises/`). */
export const ROOT = resolve(__dirname, '..', '..');
/** The folder of the course's notebooks. */
export const NOTEBOOKS_DIR = join(ROOT, 'notebooks');
/** Where `npm run notebooks` writes the executed copies. */
export const EXECUTED_DIR = join(ROOT, 'build', 'notebooks');

/** The environment variable naming the exercise folder (default `exercises/`; e.g. `solutions`). */
export const EXERCISES_ENV = 'DESCENT_EXERCISES';

/** The exercise folder: $DESCENT_EXERCISES (absolute or from the project root) or `exercises/`. */
export function exercisesDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[EXERCISES_ENV];
  if (!chosen) return join(ROOT, 'exercises');
  return isAbsolute(chosen) ? chosen : resolve(ROOT, chosen);
}

/** The tslab command's script (`tslab/bin/tslab`, a Node script), run with this Node: no PATH needed. */
export function tslabMain(): string {
  return join(dirname(require.resolve('tslab/package.json', { paths: [ROOT] })), 'bin', 'tslab');
}

/** The subset of a zeromq v6 socket the runner uses. */
export interface ZmqSocket {
  connect(address: string): void;
  send(frames: string[]): Promise<void>;
  receive(): Promise<Buffer[]>;
  close(): void;
  subscribe(...prefixes: string[]): void;
}
interface ZmqModule {
  Dealer: new (options?: { linger?: number }) => ZmqSocket;
  Subscriber: new (options?: { linger?: number }) => ZmqSocket;
}

/** tslab's own `zeromq` (resolved from tslab's folder, so it matches the kernel's binding). */
export function loadZeromq(): ZmqModule {
  const fromTslab = createRequire(require.resolve('tslab/package.json', { paths: [ROOT] }));
  return fromTslab('zeromq') as ZmqModule;
}
