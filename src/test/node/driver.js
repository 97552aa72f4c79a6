// Seed 004's client, socket.io-client, driven by SocketIoClient.java.
// argv[2]: {"url", "token"?, "transports"?, "upgrade"?}. stdin: one command per
// line ({"emit","data","ack"?: id} or {"close": true}). stdout: one JSON line per
// thing the client hears: connect, connect_error, disconnect, upgrade, ping,
// event {event, args}, ack {id, args}.
const { io } = require('socket.io-client');
const readline = require('readline');

const options = JSON.parse(process.argv[2]);
const out = (line) => process.stdout.write(JSON.stringify(line) + '\n');
const socket = io(options.url, {
  auth: options.token === undefined ? undefined : { token: options.token },
  transports: options.transports,
  upgrade: options.upgrade,
  reconnection: false,
});
socket.io.on('open', () => {
  const engine = socket.io.engine;
  engine.on('upgrade', (transport) => out({ type: 'upgrade', transport: transport.name }));
  engine.on('ping', () => out({ type: 'ping' }));
});
socket.on('connect', () => out({ type: 'connect', id: socket.id, transport: socket.io.engine.transport.name }));
socket.on('connect_error', (error) => out({ type: 'connect_error', message: error.message }));
socket.on('disconnect', (reason) => out({ type: 'disconnect', reason }));
socket.onAny((event, ...args) => out({ type: 'event', event, args }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.close) {
    socket.disconnect();
    setTimeout(() => process.exit(0), 50);
  } else if (command.ack !== undefined) {
    socket.emit(command.emit, command.data, (...args) => out({ type: 'ack', id: command.ack, args }));
  } else {
    socket.emit(command.emit, command.data);
  }
});
process.stdin.on('end', () => process.exit(0));
