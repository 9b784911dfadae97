import { describe, expect, it } from 'vitest';
import { decode, DELIMITER, encode, newHeader, sign } from '../../kit/notebooks/protocol';

describe('Jupyter wire protocol', () => {
  it('signs with HMAC-SHA256 (RFC 4231 test case 2)', () => {
    expect(sign('Jefe', ['what do ya ', 'want for nothing?']))
      .toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('leaves messages unsigned when the key is empty', () => {
    expect(sign('', ['{}'])).toBe('');
  });

  it('decodes what it encodes, after a routing prefix', () => {
    const header = newHeader('execute_request', 'session-1');
    const frames = encode('k', { header, parent_header: {}, metadata: {}, content: { code: '1 + 1' } });
    expect(frames[0]).toBe(DELIMITER);
    const m = decode('k', [Buffer.from('routing-id'), ...frames.map((f) => Buffer.from(f))]);
    expect(m.header.msg_id).toBe(header.msg_id);
    expect(m.content).toEqual({ code: '1 + 1' });
  });

  it('rejects a message signed with another key', () => {
    const frames = encode('right', { header: newHeader('x', 's'), parent_header: {}, metadata: {}, content: {} });
    const expected = sign('wrong', frames.slice(2, 6));
    let message = '';
    try {
      decode('wrong', frames.map((f) => Buffer.from(f)));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('Jupyter message: bad signature (64 characters): it does not match the session key');
    expect(message).not.toContain(expected);
  });

  it('rejects frames without the delimiter', () => {
    expect(() => decode('k', [Buffer.from('a'), Buffer.from('b')])).toThrow(`expected "${DELIMITER}" followed by 5 frames, received 2 frames`);
  });
});
