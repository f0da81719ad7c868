// The channel's pinned message ({"type":"message_pinned"}), shown above the chat until {"type":"message_unpinned"}.
// Text only, like every server string on this page.

export class PinBanner {
  constructor({ banner, user, text }) {
    this.banner = banner;
    this.user = user;
    this.text = text;
  }

  show(event) {
    this.user.textContent = event.user;
    this.text.textContent = event.message;
    this.banner.hidden = false;
  }

  hide() {
    this.banner.hidden = true;
  }
}
