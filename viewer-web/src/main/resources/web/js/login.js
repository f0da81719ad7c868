// The login page (/login): log in or register, then go to the stream. Errors show the server's `detail` inline.
import * as api from './api.js';
import { currentSession, saveSession } from './session.js';

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const params = new URLSearchParams(location.search);
const next = params.get('next')?.startsWith('/app') ? params.get('next') : '/app';

const session = currentSession();
if (session && params.get('change') === '1') {
  // "Change password" from the stream page: the current password is asked for
  showChangeForm(session.token, null, 'Enter your current password and the new one.');
} else if (session) {
  location.replace(next);
}
if (params.get('reason') === 'expired') {
  const notice = byTestId('login-notice');
  notice.textContent = 'Your session has ended. Log in again to join the chat.';
  notice.hidden = false;
}

wire('login', api.login);
wire('register', api.register);

function wire(kind, call) {
  const form = byTestId(`${kind}-form`);
  const error = byTestId(`${kind}-error`);
  const submit = byTestId(`${kind}-submit`);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    try {
      const password = byTestId(`${kind}-password`).value;
      const answer = await call(byTestId(`${kind}-username`).value.trim(), password);
      if (answer.must_change_password) {
        // an admin set a temporary password: this token may only replace it, so ask for the new one right here
        submit.disabled = false;
        showChangeForm(answer.access_token, password, 'Your password was reset by an admin. Choose your own to go on.');
        return;
      }
      saveSession(answer);
      location.replace(next);
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      submit.disabled = false;
    }
  });
}

/** Shows the change-password form; `current` is the temporary password just used, or null to ask for it. */
function showChangeForm(token, current, hint) {
  byTestId('change-section').hidden = false;
  byTestId('login-section').hidden = true;
  byTestId('register-section').hidden = true;
  byTestId('change-hint').textContent = hint;
  byTestId('change-current-label').hidden = current !== null;
  const form = byTestId('change-form');
  const error = byTestId('change-error');
  const submit = byTestId('change-submit');
  byTestId('change-new').focus();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    const fresh = byTestId('change-new').value;
    if (fresh !== byTestId('change-confirm').value) {
      error.textContent = 'The two new passwords differ.';
      error.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      const answer = await api.changePassword(token, current ?? byTestId('change-current').value, fresh);
      saveSession(answer);
      location.replace(next);
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      submit.disabled = false;
    }
  });
}
