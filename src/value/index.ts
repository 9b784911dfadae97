/**
 * Scalar autograd, micrograd-style (chapter 05-backpropagation): `Value`, its topological order,
 * and helpers to draw its computation graph.
 */
export { Value } from './value';
export type { Operand, ValueOptions } from './value';
export { topologicalSort } from './topo';
export { graphOf, toDot, DEFAULT_DOT_DIGITS, DEFAULT_DOT_RANKDIR } from './graph';
export type { Graph, GraphNode, GraphEdge, DotOptions } from './graph';
