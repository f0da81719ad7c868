// The login page (/login): log in or register, then go to the stream. Errors show the server's `detail` inline.
import * as api from './api.js';
import { currentSession, saveSession } from './session.js';

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const params = new URLSearchParams(location.search);
const next = params.get('next')?.startsWith('/app') ? params.get('next') : '/app';

if (currentSession()) {
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
      const answer = await call(byTestId(`${kind}-username`).value.trim(), byTestId(`${kind}-password`).value);
      saveSession(answer);
      location.replace(next);
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      submit.disabled = false;
    }
  });
}
