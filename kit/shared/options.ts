/** Parsing command-line values (commander): bad input fails with the option, what it needs and what it got. */
import { InvalidArgumentError } from 'commander';

/** A parser for an integer option of at least `min`, e.g. `integerOption('--jobs', 1)`. */
export function integerOption(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be an integer >= ${min}, received ${JSON.stringify(value)}`);
    }
    return n;
  };
}

/** A comma-separated list option (`mse,autograd`), blanks dropped. */
export function listOption(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
