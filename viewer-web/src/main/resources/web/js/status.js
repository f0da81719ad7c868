// The connection badge. data-state carries the socket state (see socket.js) for styling and tests.
const LABELS = {
  connecting: () => 'Connecting…',
  live: () => 'Live',
  reconnecting: (d) => `Reconnecting in ${Math.max(1, Math.round(d.retryInMs / 1000))} s…`,
  kicked: () => 'Removed',
  banned: () => 'Banned',
  rejected: () => 'Disconnected',
  closed: () => 'Offline',
};

export function showConnection(element, state, detail = {}) {
  element.dataset.state = state;
  element.textContent = (LABELS[state] || (() => state))(detail);
}
