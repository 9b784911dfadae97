import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends';
import * as lib from '../../src';
import { Tensor, tensor } from '../../src';
import { expectClose, flat, torchCases } from '../fixtures/torch-cases';

describeEachBackend('losses match PyTorch 1.13 (float64)', () => {
  it('has reference cases', () => expect(torchCases.losses.length).toBeGreaterThan(0));
  torchCases.losses.forEach((c, i) => {
    it(`#${i} ${c.fn} reduction=${c.reduction}${c.labelSmoothing ? ` labelSmoothing=${c.labelSmoothing}` : ''}`, () => {
      const fn = lib[c.fn] as (input: Tensor, target: unknown, options: object) => Tensor;
      const options = c.labelSmoothing === undefined ? { reduction: c.reduction } : { reduction: c.reduction, labelSmoothing: c.labelSmoothing };
      const out = fn(tensor(c.input), c.target, options);
      expectClose(out.data, c.out, 1e-9, c.fn);
      if (c.reduction === 'none') expect(out.size).toBe(flat(c.out).length);
      else expect(out.shape).toEqual([]);
    });
  });
});

describeEachBackend('softmax and logSoftmax match PyTorch over the last axis', () => {
  it('has reference rows', () => expect(torchCases.softmax.length).toBeGreaterThan(0));
  torchCases.softmax.forEach((c, i) => {
    it(`case ${i}`, () => {
      expectClose(lib.softmax(tensor(c.input)).data, c.softmax, 1e-9, 'softmax');
      expectClose(lib.logSoftmax(tensor(c.input)).data, c.logSoftmax, 1e-9, 'logSoftmax');
    });
  });
});
