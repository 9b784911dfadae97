/**
 * Topological order of a scalar computation graph (chapter 05-backpropagation).
 *
 * Backpropagation must visit a node only after every node that uses it has pushed its gradient
 * contribution into it. Listing the graph so that each node comes after all of its children
 * (inputs first, root last) and walking that list backwards gives exactly that order.
 */
import type { Value } from './value';

/**
 * Every node reachable from `root`, each exactly once, children before the nodes that use them;
 * `root` is the last entry.
 *
 * This is micrograd's recursive `build_topo` (a post-order depth-first search) written with an
 * explicit stack, so a graph of any depth (e.g. a chain of 100,000 adds) cannot overflow the
 * call stack. The order is the same one the recursive version produces.
 */
export function topologicalSort(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  // Parallel stacks: the node being expanded and the index of its next child to look at.
  const nodes: Value[] = [root];
  const next: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const i = next[top];
    if (i < node.children.length) {
      next[top] = i + 1;
      const child = node.children[i];
      if (!visited.has(child)) {
        visited.add(child);
        nodes.push(child);
        next.push(0);
      }
    } else {
      order.push(node);
      nodes.pop();
      next.pop();
    }
  }
  return order;
}
