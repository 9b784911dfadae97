/**
 * The Jupyter messaging protocol's wire format (version 5.3), as tslab speaks it.
 *
 * A message on a socket is a list of frames:
 * `[...routing ids, "<IDS|MSG>", hmac, header, parent_header, metadata, content, ...buffers]`,
 * where `hmac` is the hex HMAC-SHA256 of the four JSON frames under the connection key.
 * https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/** The delimiter between the routing prefix and the signed frames. */
export const DELIMITER = '<IDS|MSG>';
/** The protocol version the runner announces; tslab 1.0.22 answers with 5.3. */
export const PROTOCOL_VERSION = '5.3';

export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

export interface JupyterMessage {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** Hex HMAC-SHA256 of the JSON frames; the empty key means "unsigned" (the spec's rule). */
export function sign(key: string, frames: readonly string[]): string {
  if (key === '') return '';
  const hmac = createHmac('sha256', key);
  for (const frame of frames) hmac.update(frame);
  return hmac.digest('hex');
}

/** A fresh header for a request of this session. */
export function newHeader(msgType: string, session: string): MessageHeader {
  return {
    msg_id: randomBytes(16).toString('hex'),
    msg_type: msgType,
    session,
    username: 'descent',
    date: new Date().toISOString(),
    version: PROTOCOL_VERSION,
  };
}

/** The frames to send for `message` (no routing prefix: a DEALER socket adds its own). */
export function encode(key: string, message: JupyterMessage): string[] {
  const body = [
    JSON.stringify(message.header),
    JSON.stringify(message.parent_header),
    JSON.stringify(message.metadata),
    JSON.stringify(message.content),
  ];
  return [DELIMITER, sign(key, body), ...body];
}

/**
 * Parses received frames, checking the signature.
 * @throws Error when the delimiter is missing or the signature does not match.
 */
export function decode(key: string, frames: readonly Buffer[]): JupyterMessage {
  const at = frames.findIndex((f) => f.toString() === DELIMITER);
  if (at < 0 || frames.length < at + 6) {
    throw new Error(`Jupyter message: expected "${DELIMITER}" followed by 5 frames, received ${frames.length} frames`);
  }
  const hmac = frames[at + 1].toString();
  const body = frames.slice(at + 2, at + 6).map((f) => f.toString('utf8'));
  // Compared in constant time, and the expected signature is never printed: an error message must
  // not hand whoever sent a forged message the signature it needed.
  const expected = Buffer.from(sign(key, body), 'utf8');
  const received = Buffer.from(hmac, 'utf8');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new Error(`Jupyter message: bad signature (${received.length} characters): it does not match the session key`);
  }
  return {
    header: JSON.parse(body[0]) as MessageHeader,
    parent_header: JSON.parse(body[1]) as Partial<MessageHeader>,
    metadata: JSON.parse(body[2]) as Record<string, unknown>,
    content: JSON.parse(body[3]) as Record<string, unknown>,
  };
}
