// The REST calls the viewer makes. Every failure becomes an ApiError carrying the server's `detail`
// (the server answers every error as {"detail","status","title"}).

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function call(path, { method = 'GET', json, form, token } = {}) {
  const headers = { Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    body = new URLSearchParams(form);
  }
  if (token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.detail) || `Request failed (HTTP ${response.status})`);
  }
  return data;
}

export function register(username, password) {
  return call('/auth/register', { method: 'POST', json: { username, password } });
}

/** Replaces the caller's password (a temporary one too); answers a new token, since the old ones stop working. */
export function changePassword(token, currentPassword, newPassword) {
  return call('/auth/password', {
    method: 'POST',
    token,
    json: { current_password: currentPassword, new_password: newPassword },
  });
}

/** A watch-only guest token: {access_token, username, role: "guest", expires_in}. */
export function guest() {
  return call('/auth/guest', { method: 'POST' });
}

export function login(username, password) {
  return call('/auth/login', { method: 'POST', form: { username, password } });
}

/** The gift catalogue: [{id, name, coins}]. */
export function gifts() {
  return call('/api/gifts');
}

/** The channel's latest visible chat and gift events, oldest first. */
export async function recent(channel, limit = 50) {
  const data = await call(`/api/recent?limit=${limit}&channel=${encodeURIComponent(channel)}`);
  return data.events || [];
}

/**
 * Who has a role in the channel: {owner, moderators} (usernames; owner null when the admins own it), or nobody when
 * the channel is not listed.
 */
export async function channelRoles(channel) {
  const data = await call('/api/channels');
  const found = (data.channels || []).find((c) => c.name === channel);
  return { owner: found?.owner ?? null, moderators: found?.moderators ?? [] };
}

/** The channel's figures now ({viewer_count, gift_count, toxic_pct}), so badges need not wait for the next push. */
export function metrics(channel) {
  return call(`/metrics?channel=${encodeURIComponent(channel)}`);
}

export function sendGift(token, channel, giftId, amount = 1) {
  return call('/api/gift', { method: 'POST', token, json: { gift_id: giftId, amount, channel } });
}
