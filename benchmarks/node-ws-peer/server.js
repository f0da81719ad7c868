'use strict';
// Minimal Node.js broadcast chat server with the npm `ws` package: the baseline SafeStream is compared with in
// docs/benchmarks.md. It speaks just enough of SafeStream's protocol for `safestream-server loadtest --no-auth`:
//   ws://HOST:PORT/ws/<user>?token=ignored  ->  {"type":"welcome",...} on connect
//   {"type":"chat","message":"..."}         ->  {"type":"chat","id":..,"user":..,"message":..,...} to every client
// No auth, no moderation, no storage, no batching, no per-client outbox limit: the idiomatic `ws` broadcast loop.
//
// Usage: node server.js [port]     (or PORT=8001 node server.js; default 8001)

const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 8001);
const host = process.env.HOST || '127.0.0.1';

const server = http.createServer((req, res) => {
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
let nextId = 0;

server.on('upgrade', (req, socket, head) => {
  const path = new URL(req.url, 'http://peer').pathname;
  const match = /^\/ws\/([^/]+)$/.exec(path);
  if (!match) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.user = decodeURIComponent(match[1]);
    wss.emit('connection', ws, req);
  });
});

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'welcome', user: ws.user, channel: 'main', role: 'guest', batched: false }));
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      return;
    }
    let command;
    try {
      command = JSON.parse(data.toString());
    } catch {
      ws.send('{"type":"error","error":"malformed_json","detail":"frame is not valid JSON"}');
      return;
    }
    if (command.type !== 'chat' || typeof command.message !== 'string') {
      return;
    }
    const json = JSON.stringify({
      type: 'chat',
      id: ++nextId,
      user: ws.user,
      message: command.message,
      toxic: false,
      score: 0,
      ts: new Date().toISOString(),
      channel: 'main',
    });
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) {
        client.send(json);
      }
    }
  });
});

server.listen(port, host, () => {
  console.log(`node-ws-peer listening on ws://${host}:${port}/ws/<user> (pid ${process.pid})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const client of wss.clients) {
      client.terminate();
    }
    server.close(() => process.exit(0));
  });
}
