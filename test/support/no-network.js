// Preloaded (node --require) into a tool that must work offline: any attempt to open a
// network connection or resolve a name is written to $C2G_NETWORK_ATTEMPTS and refused.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const record = (what) => fs.appendFileSync(process.env.C2G_NETWORK_ATTEMPTS, `${what}\n`);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' ? args[0] : { port: args[0], host: args[1] };
  if (!options.path) {
    record(`connect ${options.host ?? 'localhost'}:${options.port}`);
    throw new Error('network access is not allowed here');
  }
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = (host) => {
    record(`dns ${host}`);
    throw new Error('network access is not allowed here');
  };
}
