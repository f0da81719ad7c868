// The chat overlay: one list item per message id, newest at the bottom.
// Contracts:
// - Text is only ever set with textContent, never parsed as HTML.
// - A message is shown once per id: the author's own echo, a catch-up copy from /api/recent and a later approval
//   (held -> delivered) all update the same item.
// - At most MAX_MESSAGES items are kept; older ones are dropped from the DOM and from the index.
// - Auto-scroll sticks to the bottom unless the reader scrolled up; then a "new messages" pill counts what arrived.

export const MAX_MESSAGES = 200;
const STICKY_PX = 48;

/** A user's role in the channel as a badge: 'owner', 'moderator' or '' (see roleOf). */
export function roleOf(roles, username) {
  const name = String(username).toLowerCase();
  if (roles.owner && roles.owner.toLowerCase() === name) return 'owner';
  if (roles.moderators.some((m) => m.toLowerCase() === name)) return 'moderator';
  return '';
}

const BADGE_TEXT = { owner: 'owner', moderator: 'mod', '': '' };

export class ChatView {
  constructor(list, pill, self, onUser = () => {}) {
    this.list = list;
    this.pill = pill;
    this.self = self;
    this.onUser = onUser;
    this.roles = { owner: null, moderators: [] };
    this.byId = new Map();
    /** Ids a moderator removed: a late copy (catch-up) must not bring them back. */
    this.removed = new Set();
    this.unseen = 0;
    list.addEventListener('scroll', () => {
      if (this.#nearBottom()) this.#clearPill();
    });
    pill.addEventListener('click', () => {
      this.list.scrollTop = this.list.scrollHeight;
      this.#clearPill();
    });
  }

  /** The channel's roles ({owner, moderators}); messages shown from now on carry the authors' badges. */
  setRoles(roles) {
    this.roles = roles;
  }

  /** Shows or updates a chat event ({"type":"chat",...}). */
  show(event) {
    if (this.removed.has(event.id)) return;
    const existing = this.byId.get(event.id);
    if (existing) {
      render(existing, event, this.self, this.roles, this.onUser);
      return;
    }
    const item = document.createElement('li');
    item.className = 'chat-message';
    item.dataset.testid = 'chat-message';
    item.dataset.id = event.id;
    item.dataset.user = event.user;
    render(item, event, this.self, this.roles, this.onUser);
    this.#insert(item, event.id);
    this.byId.set(event.id, item);
  }

  /** A moderator deleted a message ({"type":"message_deleted"}): it leaves the screen, for its author too. */
  remove(id) {
    this.#forget(id);
    this.byId.get(id)?.remove();
    this.byId.delete(id);
  }

  /** A moderator cleared a user's messages ({"type":"messages_cleared"}): all of them leave the screen. */
  clearUser(username) {
    for (const [id, item] of [...this.byId]) {
      if (item.dataset.user === username) this.remove(id);
    }
  }

  #forget(id) {
    this.removed.add(id);
    if (this.removed.size > MAX_MESSAGES) this.removed.delete(this.removed.values().next().value);
  }

  /** A line from the viewer itself (mute notices, errors); not a chat message. */
  notice(text, kind = 'info') {
    const item = document.createElement('li');
    item.className = `chat-notice chat-notice-${kind}`;
    item.dataset.testid = 'chat-notice';
    item.textContent = text;
    this.#insert(item, null);
  }

  #insert(item, id) {
    const stick = this.#nearBottom();
    // ids increase; a catch-up copy older than what is shown goes before the first newer message
    let before = null;
    if (id !== null) {
      for (let node = this.list.lastElementChild; node; node = node.previousElementSibling) {
        if (node.dataset.id === undefined) continue;
        if (Number(node.dataset.id) < id) break;
        before = node;
      }
    }
    this.list.insertBefore(item, before);
    this.#trim();
    if (stick) {
      this.list.scrollTop = this.list.scrollHeight;
    } else {
      this.unseen++;
      this.pill.textContent = this.unseen === 1 ? '1 new message ↓' : `${this.unseen} new messages ↓`;
      this.pill.hidden = false;
    }
  }

  #trim() {
    while (this.list.children.length > MAX_MESSAGES) {
      const oldest = this.list.firstElementChild;
      if (oldest.dataset.id !== undefined) this.byId.delete(Number(oldest.dataset.id));
      oldest.remove();
    }
  }

  #nearBottom() {
    const { scrollHeight, scrollTop, clientHeight } = this.list;
    return scrollHeight - scrollTop - clientHeight < STICKY_PX;
  }

  #clearPill() {
    this.unseen = 0;
    this.pill.hidden = true;
  }
}

/** The state a chat event puts its message in, as seen by `self`. */
export function messageState(event) {
  if (event.blocked) return 'blocked';
  if (event.held) return 'held';
  if (event.toxic) return 'flagged';
  return 'delivered';
}

function render(item, event, self, roles, onUser) {
  const state = messageState(event);
  item.dataset.state = state;
  item.classList.toggle('own', event.user === self);
  item.classList.toggle('highlighted', Boolean(event.highlighted));
  item.replaceChildren();

  const role = roleOf(roles, event.user);
  const badge = document.createElement('span');
  badge.className = 'role-badge';
  badge.dataset.testid = 'role-badge';
  badge.dataset.role = role;
  badge.textContent = BADGE_TEXT[role];
  const user = document.createElement('button');
  user.type = 'button';
  user.className = 'chat-user';
  user.dataset.testid = 'chat-user';
  user.textContent = event.user;
  user.addEventListener('click', () => onUser(event.user));
  const text = document.createElement('span');
  text.className = 'chat-text';
  text.textContent = event.message;
  item.append(badge, user, ' ', text);

  const status = statusText(state, event);
  if (status) {
    const note = document.createElement('span');
    note.className = 'chat-status';
    note.dataset.testid = 'chat-status';
    note.textContent = status;
    item.append(note);
  }
}

function statusText(state, event) {
  const why = event.explanation?.detail || event.reason;
  switch (state) {
    case 'blocked':
      return why ? `Not delivered: ${why}` : 'Not delivered';
    case 'held':
      return 'Awaiting review: only you can see this until a moderator approves it';
    case 'flagged':
      return 'Flagged by moderation';
    default:
      return event.highlighted ? 'Highlighted by a moderator' : '';
  }
}
