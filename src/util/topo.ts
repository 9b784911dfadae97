/**
 * Topological order of a computation graph (chapter 05-backpropagation), shared by the scalar
 * `Value` engine and the `Tensor` engine.
 *
 * Backpropagation must visit a node only after every node that uses it has pushed its gradient
 * contribution into it. Listing the graph so that each node comes after all of its inputs (inputs
 * first, root last) and walking that list backwards gives exactly that order.
 *
 * This is micrograd's recursive `build_topo` (a post-order depth-first search) written with an
 * explicit stack, so a graph of any depth (e.g. a chain of 100,000 adds) cannot overflow the call
 * stack. The order is the same one the recursive version produces.
 */

/**
 * Every node reachable from `root` through `inputsOf` (skipping inputs that `follow` rejects), each
 * exactly once, inputs before the nodes that use them; `root` is the last entry.
 */
export function topologicalOrder<T>(root: T, inputsOf: (node: T) => readonly T[], follow?: (input: T) => boolean): T[] {
  const order: T[] = [];
  const visited = new Set<T>([root]);
  // Parallel stacks: the node being expanded and the index of its next input to look at.
  const nodes: T[] = [root];
  const next: number[] = [0];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const inputs = inputsOf(node);
    const i = next[top];
    if (i < inputs.length) {
      next[top] = i + 1;
      const input = inputs[i];
      if (!visited.has(input) && (follow === undefined || follow(input))) {
        visited.add(input);
        nodes.push(input);
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
