/**
 * Topological order of a scalar computation graph (chapter 05-backpropagation): the order in which
 * `backward()` visits the nodes, walked from the end. The algorithm (shared with the Tensor
 * engine) is in src/util/topo.ts.
 */
import type { Value } from './value';
import { topologicalOrder } from '../util/topo';

/**
 * Every node reachable from `root`, each exactly once, children before the nodes that use them;
 * `root` is the last entry. The same order as micrograd's recursive `build_topo`, without
 * recursion, so a graph of any depth works.
 */
export function topologicalSort(root: Value): Value[] {
  return topologicalOrder(root, (v) => v.children);
}
