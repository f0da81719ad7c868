// One chat connection: /ws/{username}?token=...&channel=..., reconnecting with exponential backoff. A reconnect sends
// since=<event_id of the last event seen>, so the server first replays what we missed (on any node of a cluster).
// What each close code means is documented in the server's CloseCode enum; here we only decide whether to retry.
//
// States reported to onState(state, detail):
//   connecting     a socket is opening
//   live           the server's welcome arrived; detail.resumed: the server replays what we missed since the last
//                  event we saw (so a catch-up from /api/recent is not needed)
//   reconnecting   waiting detail.retryInMs before the next attempt
//   kicked         4001: a moderator removed us; no automatic reconnect (the user may rejoin)
//   banned         4003: no reconnect
//   rejected       1008 (token expired/invalid), 4004 (no such channel), 4011 (account changed: log in again),
//                  4029 (abusive): no reconnect
//   closed         we closed it ourselves

export const CloseCode = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  POLICY_VIOLATION: 1008,
  TRY_AGAIN_LATER: 1013,
  KICKED: 4001,
  BANNED: 4003,
  UNKNOWN_CHANNEL: 4004,
  SLOW_CONSUMER: 4008,
  IDLE_TIMEOUT: 4009,
  TOO_MANY_CONNECTIONS: 4010,
  ACCOUNT_CHANGED: 4011,
  CHANNEL_ROLE_CHANGED: 4012,
  ABUSIVE: 4029,
});

const FINAL = new Map([
  [CloseCode.KICKED, 'kicked'],
  [CloseCode.BANNED, 'banned'],
  [CloseCode.POLICY_VIOLATION, 'rejected'],
  [CloseCode.UNKNOWN_CHANNEL, 'rejected'],
  [CloseCode.ACCOUNT_CHANGED, 'rejected'],
  [CloseCode.ABUSIVE, 'rejected'],
]);

export const BACKOFF = Object.freeze({ firstMs: 500, maxMs: 15000 });
// Browsers cannot send WebSocket pings; an application ping keeps the server's idle sweep (90 s) away.
const PING_EVERY_MS = 25000;

/** Delay before attempt n (0-based): doubling from firstMs up to maxMs, with up to 30 % random jitter below. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempt);
  return Math.round(ceiling * (0.7 + 0.3 * random()));
}

export class ChatSocket {
  constructor({ username, token, channel, onEvent, onState }) {
    this.url = socketUrl(username, token, channel);
    this.lastEventId = null;
    this.onEvent = onEvent;
    this.onState = onState;
    this.attempt = 0;
    this.ws = null;
    this.retryTimer = null;
    this.pingTimer = null;
    this.stopped = false;
  }

  connect() {
    this.stopped = false;
    clearTimeout(this.retryTimer);
    this.onState('connecting', { attempt: this.attempt });
    const resuming = this.lastEventId !== null;
    const ws = new WebSocket(resuming ? `${this.url}&since=${encodeURIComponent(this.lastEventId)}` : this.url);
    this.resuming = resuming;
    this.ws = ws;
    ws.onmessage = (message) => this.#received(message.data);
    ws.onclose = (event) => this.#closed(ws, event);
  }

  /** Sends a client command; false when not connected. */
  send(command) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(command));
    return true;
  }

  /** Closes for good (logout, leaving the page). */
  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.ws) this.ws.close(CloseCode.NORMAL, 'bye');
    this.onState('closed', {});
  }

  #received(data) {
    let parsed;
    try {
      parsed = JSON.parse(data);
    } catch {
      return; // the server only sends JSON; ignore anything else rather than break the page
    }
    for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
      if (event.type === 'welcome') {
        this.attempt = 0;
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), PING_EVERY_MS);
        this.onState('live', { role: event.role, resumed: this.resuming });
      }
      if (typeof event.event_id === 'string') this.lastEventId = event.event_id;
      this.onEvent(event);
    }
  }

  #closed(ws, event) {
    if (ws !== this.ws) return;
    clearInterval(this.pingTimer);
    if (this.stopped) return;
    const final = FINAL.get(event.code);
    if (final) {
      this.stopped = true;
      this.onState(final, { code: event.code, reason: event.reason });
      return;
    }
    const retryInMs = backoffDelay(this.attempt++);
    this.onState('reconnecting', { retryInMs, code: event.code });
    this.retryTimer = setTimeout(() => this.connect(), retryInMs);
  }
}

function socketUrl(username, token, channel) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams({ token, channel });
  return `${scheme}//${location.host}/ws/${encodeURIComponent(username)}?${query}`;
}
