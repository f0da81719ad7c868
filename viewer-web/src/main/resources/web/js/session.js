// The logged-in session, kept in localStorage so a reload or a second tab stays logged in.
// Contract: a session is {token, username, role, expiresAt} where expiresAt is epoch milliseconds computed from the
// server's expires_in when the token was issued. An expired session is removed and reported as absent.

const KEY = 'safestream.session';

/** Stores the answer of POST /auth/login or /auth/register and returns the session. */
export function saveSession(tokenResponse, now = Date.now()) {
  const session = {
    token: tokenResponse.access_token,
    username: tokenResponse.username,
    role: tokenResponse.role,
    expiresAt: now + tokenResponse.expires_in * 1000,
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** A session for a guest token: kept in memory only, so a reload asks for a fresh one. */
export function guestSession(tokenResponse, now = Date.now()) {
  return {
    token: tokenResponse.access_token,
    username: tokenResponse.username,
    role: tokenResponse.role,
    expiresAt: now + tokenResponse.expires_in * 1000,
  };
}

/** The stored session, or null when there is none or it has expired. */
export function currentSession(now = Date.now()) {
  let session;
  try {
    session = JSON.parse(localStorage.getItem(KEY));
  } catch {
    session = null;
  }
  if (!session || !session.token || !session.username || !(session.expiresAt > now)) {
    clearSession();
    return null;
  }
  return session;
}

/** Whether a session was stored, expired or not (so the login page can say "your session has ended"). */
export function hadSession() {
  return localStorage.getItem(KEY) !== null;
}

export function clearSession() {
  localStorage.removeItem(KEY);
}

/** Leaves for the login page; `reason` (e.g. "expired") is shown there. */
export function goToLogin(reason) {
  const query = new URLSearchParams();
  if (reason) query.set('reason', reason);
  const next = location.pathname + location.search;
  if (location.pathname === '/app') query.set('next', next);
  const search = query.toString();
  location.replace('/login' + (search ? '?' + search : ''));
}
