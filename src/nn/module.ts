/**
 * The base class of every layer and network, as PyTorch's `torch.nn.Module` (chapter
 * 08-training): a module maps an input tensor to an output tensor with `forward(x)` and owns
 * trainable parameters θ (leaf tensors with `requiresGrad: true`) that an optimizer updates.
 *
 * Parameters and sub-modules are found the way PyTorch finds them: by looking at the module's
 * own fields. A field holding a Tensor with `requiresGrad` is a parameter, a field holding a
 * Module is a child (arrays of them work too), so a network written as
 *
 * ```ts
 * class Net extends Module {
 *   hidden = new Linear(2, 16, { rng: r });
 *   out = new Linear(16, 3, { rng: r });
 *   forward(x: Tensor): Tensor { return this.out.forward(this.hidden.forward(x).relu()); }
 * }
 * ```
 *
 * has `parameters()` = [hidden.weight, hidden.bias, out.weight, out.bias] with no registration.
 */
import { Tensor } from '../tensor';
import { dropGrad } from '../tensor/tensor';
import { expected } from '../util/validate';

export abstract class Module {
  /** Computes the output of the module for the input `x`. */
  abstract forward(x: Tensor): Tensor;

  /** The same as `forward(x)` (PyTorch calls a module as `module(x)`). */
  call(x: Tensor): Tensor {
    return this.forward(x);
  }

  /**
   * The module's own parameters (not its children's), with their field names. By default every
   * field holding a Tensor with `requiresGrad` (or an array of them); override to change that.
   */
  ownParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [key, value] of fields(this)) {
      if (isParameter(value)) out.push([key, value]);
      else if (Array.isArray(value)) {
        value.forEach((item: unknown, i: number) => {
          if (isParameter(item)) out.push([`${key}.${i}`, item]);
        });
      }
    }
    return out;
  }

  /** The direct sub-modules with their names: every field holding a Module (or an array of them). */
  children(): [string, Module][] {
    const out: [string, Module][] = [];
    for (const [key, value] of fields(this)) {
      if (value instanceof Module) out.push([key, value]);
      else if (Array.isArray(value)) {
        value.forEach((item: unknown, i: number) => {
          if (item instanceof Module) out.push([`${key}.${i}`, item]);
        });
      }
    }
    return out;
  }

  /**
   * Every parameter of this module and of its sub-modules, recursively, each tensor once (a layer
   * used twice contributes its parameters once), named by its path, e.g. `0.weight`.
   */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seenTensors = new Set<Tensor>();
    const seenModules = new Set<Module>();
    const visit = (module: Module, prefix: string): void => {
      if (seenModules.has(module)) return;
      seenModules.add(module);
      for (const [name, p] of module.ownParameters()) {
        if (seenTensors.has(p)) continue;
        seenTensors.add(p);
        out.push([prefix + name, p]);
      }
      for (const [name, child] of module.children()) visit(child, `${prefix}${name}.`);
    };
    visit(this, '');
    return out;
  }

  /** Every parameter θ, recursively, each once: what an optimizer is given, `new Adam(net.parameters())`. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** The number of trainable numbers: Σ over parameters of their sizes. */
  numParameters(): number {
    let n = 0;
    for (const p of this.parameters()) n += p.size;
    return n;
  }

  /** Forgets every parameter's gradient (sets `.grad` to null), as `optimizer.zeroGrad()` does. */
  zeroGrad(): void {
    for (const p of this.parameters()) dropGrad(p);
  }

  /** The name printed by `toString()`: the class name. */
  get typeName(): string {
    return this.constructor.name;
  }

  /** The settings printed inside the parentheses, e.g. `inFeatures=2, outFeatures=64`. */
  extraRepr(): string {
    return '';
  }

  /**
   * The module as PyTorch prints it: `Linear(inFeatures=2, outFeatures=3)` for a leaf,
   * children one per line, indented, for a container:
   *
   * ```text
   * Sequential(
   *   (0): Linear(inFeatures=2, outFeatures=64)
   *   (1): ReLU()
   * )
   * ```
   */
  toString(): string {
    const extra = this.extraRepr();
    const children = this.children();
    if (children.length === 0) return `${this.typeName}(${extra})`;
    const lines = extra === '' ? [] : extra.split('\n');
    for (const [name, child] of children) lines.push(`(${name}): ${child.toString()}`);
    return `${this.typeName}(\n  ${lines.join('\n').replace(/\n/g, '\n  ')}\n)`;
  }
}

function isParameter(value: unknown): value is Tensor {
  return value instanceof Tensor && value.requiresGrad;
}

function fields(module: Module): [string, unknown][] {
  return Object.entries(module as unknown as Record<string, unknown>);
}

/** Checks that a module's input is a Tensor. @internal */
export function checkInput(where: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) {
    const hint = Array.isArray(x) || x instanceof Float64Array ? '; make one with tensor(...)' : '';
    throw new TypeError(expected(where, 'input', 'a Tensor', x) + hint);
  }
  return x;
}
