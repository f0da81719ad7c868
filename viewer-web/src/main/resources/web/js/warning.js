// A moderator's warning ({"type":"warned"}): a banner over the composer until the viewer acknowledges it, which sends
// {"type":"acknowledge_warning"}; the server refuses the viewer's chat until then.

export class WarningBanner {
  constructor({ banner, text, button }, acknowledge) {
    this.banner = banner;
    this.text = text;
    button.addEventListener('click', () => {
      this.banner.hidden = true;
      acknowledge();
    });
  }

  show(reason) {
    this.text.textContent = reason ? `A moderator warned you: ${reason}` : 'A moderator warned you.';
    this.banner.hidden = false;
  }
}
