/** The machine a benchmark ran on: CPU model, logical cores, Node version, OS. */
import * as fs from 'fs';
import * as os from 'os';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
}

function cpuModel(): string {
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.split(':')[1].trim();
  } catch {
    // not Linux: fall through to os.cpus()
  }
  const cpus = os.cpus();
  return cpus.length > 0 ? cpus[0].model.trim() : 'unknown';
}

export function machine(): Machine {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { cpu: cpuModel(), cores, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}` };
}
