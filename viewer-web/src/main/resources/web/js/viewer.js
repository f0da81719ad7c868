// What the stream page does with each server event. Kept apart from the DOM wiring (app.js) so that tests can feed
// it the golden protocol fixtures: `(await import('/static/js/app.js')).viewer.receive(event)`.
// Unknown event types and fields are ignored, as the protocol asks of clients.

export class Viewer {
  constructor({ chat, gifts, composer, badges, warning, pin }) {
    this.chat = chat;
    this.warning = warning;
    this.pin = pin;
    this.gifts = gifts;
    this.composer = composer;
    this.badges = badges;
    this.giftCount = 0;
  }

  receive(event) {
    switch (event.type) {
      case 'chat':
        this.chat.show(event);
        break;
      case 'gift':
        this.gifts.show(event);
        this.#setGiftCount(this.giftCount + 1);
        break;
      case 'metrics':
        this.badges.viewers.textContent = String(event.viewer_count);
        this.#setGiftCount(event.gift_count);
        break;
      case 'muted':
        this.composer.mute(new Date(event.muted_until));
        this.chat.notice(event.reason ? `You are muted: ${event.reason}` : 'You are muted', 'warning');
        break;
      case 'unmuted':
        this.composer.unmute();
        this.chat.notice(event.message || 'You can chat again');
        break;
      case 'error':
        this.#error(event);
        break;
      case 'message_deleted':
        this.chat.remove(event.id);
        break;
      case 'messages_cleared':
        this.chat.clearUser(event.user);
        break;
      case 'warned':
        this.warning?.show(event.reason);
        break;
      case 'message_pinned':
        this.pin?.show(event);
        break;
      case 'message_unpinned':
        this.pin?.hide();
        break;
      default:
        break; // welcome, pong and moderator-only events need nothing here
    }
  }

  /** Catch-up from /api/recent: messages merge by id; gifts count once and are not animated. */
  catchUp(events) {
    for (const event of events) {
      if (event.type === 'chat') this.chat.show(event);
      else if (event.type === 'gift') this.gifts.record(event);
    }
  }

  #error(event) {
    if (event.error === 'slow_mode' && event.retry_after_seconds) {
      this.composer.wait(event.retry_after_seconds);
    }
    this.chat.notice(event.detail || event.error, 'error');
  }

  #setGiftCount(count) {
    this.giftCount = count;
    this.badges.gifts.textContent = String(count);
  }
}
