// The message box: send with the button or Enter; disabled while muted (with a countdown), while slow mode makes
// us wait, and while there is no live connection.

export class Composer {
  constructor({ form, input, send, countdown }, onSend) {
    this.input = input;
    this.sendButton = send;
    this.countdown = countdown;
    this.connected = false;
    this.blockedUntil = 0;
    this.blockLabel = '';
    this.timer = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text || !this.#canSend()) return;
      if (onSend(text)) input.value = '';
    });
    this.#update();
  }

  setConnected(connected) {
    this.connected = connected;
    this.#update();
  }

  /** Muted until `until` (a Date): input disabled, a countdown shown. */
  mute(until) {
    this.#blockUntil(until.getTime(), 'Muted');
  }

  unmute() {
    this.blockedUntil = 0;
    this.#update();
  }

  /** Slow mode: wait `seconds` before the next message. */
  wait(seconds) {
    this.#blockUntil(Date.now() + seconds * 1000, 'Slow mode');
  }

  /** Kicked or banned: the box stays off until the page is reloaded. */
  disable(placeholder) {
    this.connected = false;
    this.input.placeholder = placeholder;
    this.#update();
  }

  #blockUntil(at, label) {
    this.blockedUntil = at;
    this.blockLabel = label;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.#update(), 250);
    this.#update();
  }

  #canSend() {
    return this.connected && Date.now() >= this.blockedUntil;
  }

  #update() {
    const remainingMs = this.blockedUntil - Date.now();
    const blocked = remainingMs > 0;
    if (!blocked) {
      clearInterval(this.timer);
      this.timer = null;
    }
    const enabled = this.connected && !blocked;
    this.input.disabled = !enabled;
    this.sendButton.disabled = !enabled;
    this.countdown.hidden = !blocked;
    this.countdown.textContent = blocked ? `${this.blockLabel}: you can chat again in ${clock(remainingMs)}` : '';
  }
}

function clock(ms) {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return `${minutes}:${seconds}`;
}
