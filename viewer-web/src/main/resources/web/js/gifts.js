// Gifts: the tray viewers send from, the bursts everyone sees, the combo counter and the top-gifters list.
// Contracts:
// - A burst names the sender and the amount; the same sender sending the same gift again within COMBO_WINDOW_MS
//   updates that burst's combo counter instead of stacking a new one.
// - Gifts replayed from /api/recent (catch-up) count towards top gifters once (deduplicated by sender, gift, amount
//   and time) and are not animated.

export const COMBO_WINDOW_MS = 4000;
const BURST_VISIBLE_MS = 4000;
const MAX_BURSTS = 3;
const MAX_REMEMBERED = 500;
const TOP_GIFTERS = 3;

const EMOJI = {
  Rose: '🌹',
  Heart: '💖',
  Star: '⭐',
  'Ice Cream': '🍦',
  Rocket: '🚀',
  Crown: '👑',
  Lion: '🦁',
  Universe: '🌌',
};

export function giftEmoji(name) {
  return EMOJI[name] || '🎁';
}

export class GiftTray {
  /** onSend(gift) is called with a catalogue entry when the viewer picks it. */
  constructor(container, onSend) {
    this.container = container;
    this.onSend = onSend;
  }

  render(catalogue) {
    this.container.replaceChildren(
      ...catalogue.map((gift) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'gift-option';
        button.dataset.testid = 'gift-option';
        button.dataset.giftId = gift.id;
        button.setAttribute('aria-label', `Send ${gift.name} (${gift.coins} coins)`);
        const icon = document.createElement('span');
        icon.className = 'gift-icon';
        icon.setAttribute('aria-hidden', 'true');
        icon.textContent = giftEmoji(gift.name);
        const label = document.createElement('span');
        label.className = 'gift-label';
        label.textContent = `${gift.name} · ${gift.coins}`;
        button.append(icon, label);
        button.addEventListener('click', () => this.onSend(gift, button));
        return button;
      }),
    );
  }

  setEnabled(enabled) {
    for (const button of this.container.querySelectorAll('button')) button.disabled = !enabled;
  }
}

export class GiftShow {
  constructor(layer, leaderboard, now = () => Date.now()) {
    this.layer = layer;
    this.leaderboard = leaderboard;
    this.now = now;
    this.coinsBySender = new Map();
    this.seen = new Set();
    this.lastBurst = null;
  }

  /** A live gift event: counted and animated. */
  show(event) {
    if (!this.record(event)) return;
    const key = `${event.from}|${event.gift_id}|${event.simulated ? 'simulated' : ''}`;
    const now = this.now();
    const last = this.lastBurst;
    if (last && last.key === key && now - last.at < COMBO_WINDOW_MS && last.element.isConnected) {
      last.combo++;
      last.at = now;
      last.total += event.amount;
      updateBurst(last);
      restartTimer(last);
      return;
    }
    const burst = { key, at: now, combo: 1, total: event.amount, event, element: createBurst(event) };
    this.layer.append(burst.element);
    while (this.layer.children.length > MAX_BURSTS) this.layer.firstElementChild.remove();
    updateBurst(burst);
    restartTimer(burst);
    this.lastBurst = burst;
  }

  /** Counts a gift towards top gifters once; false when it was already counted. */
  record(event) {
    const id = `${event.ts}|${event.from}|${event.gift_id}|${event.amount}`;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > MAX_REMEMBERED) this.seen.delete(this.seen.values().next().value);
    if (event.simulated) return true; // the server's simulator: shown, labelled, never a top gifter
    this.coinsBySender.set(event.from, (this.coinsBySender.get(event.from) || 0) + (event.coins || 0));
    this.#renderLeaderboard();
    return true;
  }

  #renderLeaderboard() {
    const top = [...this.coinsBySender.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_GIFTERS);
    this.leaderboard.replaceChildren(
      ...top.map(([name, coins]) => {
        const item = document.createElement('li');
        const who = document.createElement('span');
        who.className = 'gifter-name';
        who.textContent = name;
        const amount = document.createElement('span');
        amount.className = 'gifter-coins';
        amount.textContent = `${coins} 🪙`;
        item.append(who, amount);
        return item;
      }),
    );
    this.leaderboard.hidden = top.length === 0;
  }
}

function createBurst(event) {
  const element = document.createElement('div');
  element.className = 'gift-burst';
  element.dataset.testid = 'gift-burst';
  const icon = document.createElement('span');
  icon.className = 'gift-burst-icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = giftEmoji(event.gift_name);
  const text = document.createElement('span');
  text.className = 'gift-burst-text';
  const combo = document.createElement('span');
  combo.className = 'gift-combo';
  combo.dataset.testid = 'gift-combo';
  element.append(icon, text, combo);
  return element;
}

function updateBurst(burst) {
  const { event, element } = burst;
  element.querySelector('.gift-burst-text').textContent =
    `${event.from} sent ${event.gift_name || 'a gift'} ×${burst.total}${event.simulated ? ' (simulated)' : ''}`;
  const combo = element.querySelector('.gift-combo');
  combo.textContent = burst.combo > 1 ? `combo ×${burst.combo}` : '';
  combo.hidden = burst.combo < 2;
  if (burst.combo > 1) {
    // restart the pop animation on each repeat
    combo.classList.remove('pop');
    void combo.offsetWidth;
    combo.classList.add('pop');
  }
}

function restartTimer(burst) {
  clearTimeout(burst.timer);
  burst.timer = setTimeout(() => burst.element.remove(), BURST_VISIBLE_MS);
}
