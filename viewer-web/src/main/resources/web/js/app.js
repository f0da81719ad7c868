// The stream page (/app): wires the DOM, the socket and the REST calls together.
import * as api from './api.js';
import { ChatView, roleOf } from './chat.js';
import { Composer } from './composer.js';
import { GiftShow, GiftTray } from './gifts.js';
import { floatHeart } from './hearts.js';
import { clearSession, currentSession, goToLogin, guestSession, hadSession } from './session.js';
import { ChatSocket, CloseCode } from './socket.js';
import { WarningBanner } from './warning.js';
import { PinBanner } from './pin.js';
import { showConnection } from './status.js';
import { Viewer } from './viewer.js';

const CHANNEL_NAME = /^[a-z0-9_-]{1,32}$/;
const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

async function start() {
  const stale = hadSession();
  let session = currentSession();
  if (!session && stale) {
    goToLogin('expired');
    return null;
  }
  if (!session) {
    // no account: watch and read as a guest; the box to write in becomes a prompt to log in
    try {
      session = guestSession(await api.guest());
    } catch {
      goToLogin(null);
      return null;
    }
  }
  const guest = session.role === 'guest';
  const requested = new URLSearchParams(location.search).get('channel');
  const channel = requested && CHANNEL_NAME.test(requested) ? requested : 'main';

  byTestId('streamer-name').textContent = `@${channel}`;
  byTestId('current-user').textContent = guest ? 'Guest' : session.username;
  if (guest) {
    byTestId('chat-form').hidden = true;
    byTestId('gift-tray').hidden = true;
    byTestId('logout').textContent = 'Log in';
    byTestId('change-password').hidden = true;
    const prompt = byTestId('login-prompt');
    prompt.hidden = false;
    byTestId('login-to-chat').href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
  }

  const card = byTestId('user-card');
  let roles = { owner: null, moderators: [] };
  const chat = new ChatView(byTestId('chat-list'), byTestId('new-messages'), session.username, (username) => {
    const role = roleOf(roles, username);
    byTestId('user-card-name').textContent = username;
    const label = byTestId('user-card-role');
    label.dataset.role = role;
    label.textContent = role === 'owner' ? 'Channel owner' : role === 'moderator' ? 'Moderator' : '';
    card.hidden = false;
  });
  byTestId('user-card-close').addEventListener('click', () => {
    card.hidden = true;
  });
  // who owns and moderates the channel: badges in chat and on user cards; read again on every (re)connect, since a
  // role change in the channel makes the server close our socket (4012) and we reconnect
  const loadRoles = () =>
    api.channelRoles(channel).then(
      (found) => {
        roles = found;
        chat.setRoles(found);
      },
      () => {},
    );
  const gifts = new GiftShow(byTestId('gift-bursts'), byTestId('top-gifters'));
  const composer = new Composer(
    {
      form: byTestId('chat-form'),
      input: byTestId('chat-input'),
      send: byTestId('chat-send'),
      countdown: byTestId('mute-countdown'),
    },
    (text) => socket.send({ type: 'chat', message: text }),
  );
  const warning = new WarningBanner(
    { banner: byTestId('warning-banner'), text: byTestId('warning-text'), button: byTestId('warning-acknowledge') },
    () => socket.send({ type: 'acknowledge_warning' }),
  );
  const pin = new PinBanner({ banner: byTestId('pin-banner'), user: byTestId('pin-user'), text: byTestId('pin-text') });
  const viewer = new Viewer({
    chat,
    gifts,
    composer,
    warning,
    pin,
    badges: { viewers: byTestId('viewer-count-value'), gifts: byTestId('gift-total-value') },
  });
  const banner = byTestId('session-banner');
  const status = byTestId('connection-status');

  const tray = new GiftTray(byTestId('gift-tray'), async (gift, button) => {
    button.disabled = true;
    try {
      await api.sendGift(session.token, channel, gift.id, 1);
    } catch (e) {
      if (e.status === 401) return leave('expired');
      chat.notice(`Gift not sent: ${e.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  });
  api.gifts().then(
    (catalogue) => tray.render(catalogue),
    (e) => chat.notice(`Gifts are unavailable: ${e.message}`, 'error'),
  );

  const hearts = byTestId('heart-layer');
  byTestId('heart-button').addEventListener('click', () => floatHeart(hearts));
  byTestId('stream-card').addEventListener('pointerdown', (e) => {
    if (e.target.closest('button')) return;
    floatHeart(hearts);
  });

  const socket = new ChatSocket({
    username: session.username,
    token: session.token,
    channel,
    onEvent: (event) => viewer.receive(event),
    onState: (state, detail) => {
      showConnection(status, state, detail);
      composer.setConnected(state === 'live');
      if (state === 'live') {
        banner.hidden = true;
        // after a reconnect the server replays what we missed (since=); the first time, /api/recent fills the chat
        loadRoles()
          .then(() => (detail.resumed ? [] : api.recent(channel)))
          .then((events) => viewer.catchUp(events), () => {});
        api.metrics(channel).then((figures) => viewer.receive({ ...figures, type: 'metrics' }), () => {});
      } else if (state === 'kicked') {
        endSession('A moderator removed you from the chat.', detail.reason, true);
      } else if (state === 'banned') {
        endSession('You are banned from this channel.', detail.reason, false);
      } else if (state === 'rejected') {
        // 1008: the token expired, was revoked or is not ours; 4011: the account changed (role, password, disabled),
        // so the token no longer works; anything else final is a protocol problem
        if (detail.code === CloseCode.POLICY_VIOLATION || detail.code === CloseCode.ACCOUNT_CHANGED) {
          return guest ? location.reload() : leave('expired');
        }
        if (detail.code === CloseCode.UNKNOWN_CHANNEL) {
          return endSession('This channel does not exist.', detail.reason, false);
        }
        endSession('The server closed the connection.', detail.reason, false);
      }
    },
  });

  function endSession(title, reason, canRejoin) {
    composer.disable(title);
    tray.setEnabled(false);
    byTestId('session-banner-title').textContent = title;
    byTestId('session-banner-reason').textContent = reason || '';
    byTestId('rejoin').hidden = !canRejoin;
    banner.hidden = false;
    banner.focus();
  }

  function leave(reason) {
    socket.close();
    if (guest && reason === 'expired') {
      location.reload(); // a guest token ran out: take a fresh one and go on watching
      return;
    }
    clearSession();
    goToLogin(guest ? null : reason);
  }

  byTestId('rejoin').addEventListener('click', () => {
    banner.hidden = true;
    tray.setEnabled(true);
    socket.connect();
  });
  byTestId('logout').addEventListener('click', () => leave());
  // the token's own expiry: leave before the server starts refusing us
  setTimeout(() => leave('expired'), Math.min(session.expiresAt - Date.now(), 2 ** 31 - 1));

  socket.connect();
  return viewer;
}

export const viewer = await start();
