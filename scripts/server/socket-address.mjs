/*
 * Preloaded into the portal's server process (`node --import` by `npm start`): every HTTP request
 * gets `x-portal-socket-address`, the address of the TCP peer, written over whatever the client
 * sent under that name. Next.js gives route handlers, server actions and the proxy no access to the
 * socket, and its own X-Forwarded-For only fills in the socket address when the client sent none,
 * so without this a client could name any address it likes. lib/server/request-context.ts reads the
 * header only when PORTAL_SOCKET_ADDRESS_HEADER says this file is loaded.
 */
import http from 'node:http';

const HEADER = 'x-portal-socket-address';
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
  if (event === 'request' && request && request.headers) {
    const address = request.socket && request.socket.remoteAddress;
    if (address) request.headers[HEADER] = address;
    else delete request.headers[HEADER];
  }
  return emit.call(this, event, request, ...rest);
};

process.env.PORTAL_SOCKET_ADDRESS_HEADER = '1';
