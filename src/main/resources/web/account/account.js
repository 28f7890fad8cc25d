// The account pages that mailed links open: confirm an address, choose a new password, stop a kind of mail. The
// token comes from the page's address and goes to the API in a JSON body; nothing else is stored in the browser.
// Texts come from /i18n/account.LANG.json in the language of ?lang= in the address, else the browser's, else
// English; the page's HTML holds the English texts, so it reads right even if the bundle does not load.
(function () {
  'use strict';
  const LANGUAGES = ['en', 'tr'];
  const query = new URLSearchParams(window.location.search);
  const token = query.get('token') || '';
  const status = document.getElementById('status');
  const language = [query.get('lang')].concat(Array.from(navigator.languages || []))
    .map(function (tag) { return (tag || '').split('-')[0].toLowerCase(); })
    .find(function (tag) { return LANGUAGES.indexOf(tag) >= 0; }) || 'en';
  let english = {};
  let strings = {};

  function load(lang) {
    return fetch('/i18n/account.' + lang + '.json')
      .then(function (response) { return response.json(); })
      .catch(function () { return {}; });
  }

  /** The text for a key, {name} replaced by vars[name]; English when the language lacks it. */
  function t(key, vars) {
    const message = strings[key] || english[key] || key;
    return message.replace(/\{(\w+)\}/g, function (_, name) { return vars && vars[name] != null ? vars[name] : ''; });
  }

  /** Puts the language's texts into every element marked data-i18n (the title too). */
  function translatePage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(function (element) {
      const key = element.dataset.i18n;
      if (strings[key] || english[key]) {
        element.textContent = t(key);
      }
    });
  }

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

  function failure(result) {
    return result.answer && result.answer.message ? result.answer.message : t('failed');
  }

  async function verify() {
    const result = await postJson('/api/v1/auth/verify', { token: token });
    if (result.ok) {
      say(t('verify.done', { name: result.answer.user.displayName }), false);
      // A sign-up confirmed by mail names the article it started on (signed into the link, on the site's origins).
      const back = result.answer.returnUrl;
      if (back && /^https?:\/\//.test(back)) {
        const link = document.createElement('a');
        link.id = 'return';
        link.href = back;
        link.textContent = t('verify.back');
        status.after(document.createElement('p').appendChild(link).parentNode);
      }
    } else {
      say(failure(result), true);
    }
  }

  function reset() {
    const form = document.getElementById('reset-form');
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      const password = form.elements.password.value;
      if (password !== form.elements.repeat.value) {
        say(t('reset.differ'), true);
        return;
      }
      const result = await postJson('/api/v1/auth/password-reset/confirm', { token: token, password: password });
      if (result.ok) {
        form.hidden = true;
        say(t('reset.done'), false);
      } else {
        say(failure(result), true);
      }
    });
  }

  // The reset form's handler goes on at once, so an early submit never sends the password in the address.
  const page = document.body.dataset.page;
  if (page === 'reset') {
    reset();
  }
  Promise.all([load('en'), language === 'en' ? {} : load(language)]).then(function (bundles) {
    english = bundles[0];
    strings = bundles[1];
    translatePage();
    if (page === 'verify') {
      verify();
    }
  });
}());
