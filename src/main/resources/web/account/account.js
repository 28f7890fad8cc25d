// The account pages that mailed links open: confirm an address, choose a new password. The token comes from the
// page's address and goes to the API in a JSON body; nothing else is stored in the browser.
(function () {
  'use strict';
  const token = new URLSearchParams(window.location.search).get('token') || '';
  const status = document.getElementById('status');

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
  }

  async function postJson(path, body) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin'
    });
    let answer = null;
    try {
      answer = await response.json();
    } catch (ignored) {
      answer = null;
    }
    return { ok: response.ok, answer: answer };
  }

  async function verify() {
    const result = await postJson('/api/v1/auth/verify', { token: token });
    if (result.ok) {
      say('Thank you, ' + result.answer.user.displayName + ': your e-mail address is confirmed.', false);
    } else {
      say(result.answer && result.answer.message ? result.answer.message : 'That did not work; try again later.',
        true);
    }
  }

  function reset() {
    const form = document.getElementById('reset-form');
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      const password = form.elements.password.value;
      if (password !== form.elements.repeat.value) {
        say('The two passwords differ.', true);
        return;
      }
      const result = await postJson('/api/v1/auth/password-reset/confirm', { token: token, password: password });
      if (result.ok) {
        form.hidden = true;
        say('Your password is changed. Log in with it wherever you comment.', false);
      } else {
        say(result.answer && result.answer.message ? result.answer.message : 'That did not work; try again later.',
          true);
      }
    });
  }

  const page = document.body.dataset.page;
  if (page === 'verify') {
    verify();
  } else if (page === 'reset') {
    reset();
  }
}());
