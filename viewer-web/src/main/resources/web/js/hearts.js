// Floating hearts on tap: a local reaction, drawn only on this viewer's screen.
const COLOURS = ['#ff4d6d', '#ff85a1', '#ffb3c6', '#ffd166', '#c77dff'];
const LIFETIME_MS = 2200;
const MAX_HEARTS = 30;

export function floatHeart(layer, random = Math.random) {
  const heart = document.createElement('span');
  heart.className = 'floating-heart';
  heart.dataset.testid = 'floating-heart';
  heart.textContent = '♥';
  heart.style.setProperty('--drift', `${Math.round((random() - 0.5) * 80)}px`);
  heart.style.color = COLOURS[Math.floor(random() * COLOURS.length)];
  layer.append(heart);
  while (layer.children.length > MAX_HEARTS) layer.firstElementChild.remove();
  // a timer rather than animationend: with reduced motion there is no animation to end
  setTimeout(() => heart.remove(), LIFETIME_MS);
}
