// Preloaded into Microsoft 365 Agents Playground by `npm start` (node --import). The Playground listens on every
// network interface and has no option or variable to choose (it calls server.listen(port)), so anyone on the
// same network could chat as the local coordinator. This makes every TCP server in its process listen on
// loopback instead: 127.0.0.1, or ::1 when that is what it asked for.
import net from 'node:net';

const listen = net.Server.prototype.listen;
const isPort = (value: unknown) =>
  typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
const loopback = (host: unknown) => (host === '::1' ? '::1' : '127.0.0.1');

/** listen()'s arguments with the host made loopback; a Unix socket or an inherited handle is left alone. */
function onLoopback(args: unknown[]): unknown[] {
  const [first, second, ...rest] = args;
  if (first === undefined) return [0, '127.0.0.1', ...args.slice(1)];
  if (typeof first === 'function') return [0, '127.0.0.1', ...args];
  if (isPort(first))
    return typeof second === 'string'
      ? [first, loopback(second), ...rest]
      : [first, '127.0.0.1', ...args.slice(1)];
  const isTcp = typeof first === 'object' && first !== null && !('path' in first) && !('fd' in first);
  if (isTcp && !('_handle' in first))
    return [{ ...first, host: loopback((first as net.ListenOptions).host) }, ...args.slice(1)];
  return args;
}

net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  return listen.apply(this, onLoopback(args) as never);
};
