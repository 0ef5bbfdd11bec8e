import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../errors/codes.ts';
import { ERROR_CODES } from '../errors/codes.ts';
import { errorBody } from '../errors/errorHandler.ts';
import { localeOfHeaders } from '../i18n/locale.ts';

const ROUTING_CODES: Record<string, ErrorCode> = {
  FST_ERR_BAD_URL: 'MALFORMED_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'URL_TOO_LONG',
};

/**
 * Errors Fastify raises while routing, before any hook or the error handler runs. Its own answer
 * echoes the URL, which may carry a voucher or certificate code.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = ROUTING_CODES[error.code] ?? 'INTERNAL';
  return reply.status(ERROR_CODES[code].status).send(errorBody(code, localeOfHeaders(request.headers)));
}

/**
 * Errors on the socket before there is a request (headers too large, a request line that is not
 * HTTP, a client too slow). The language is read from whatever headers arrived.
 */
export function clientErrorHandler(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'REQUEST_TIMEOUT'
        : 'MALFORMED_REQUEST';
  const status = ERROR_CODES[code].status;
  const body = JSON.stringify(errorBody(code, localeOfHeaders(headersIn(err.rawPacket))));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

// Node hands over the bytes read so far as a Buffer (Fastify's type says otherwise).
function headersIn(packet: unknown): { cookie?: string; 'accept-language'?: string } {
  const text = Buffer.isBuffer(packet) ? packet.toString('latin1') : '';
  const header = (name: string) => new RegExp(`\\r\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(text)?.[1];
  return { cookie: header('cookie'), 'accept-language': header('accept-language') };
}
