/*
 * WifiBilling buy page. Plain ES5 + fetch (cheap phones, captive-portal pop-ups); no libraries.
 * Flow: plans of this router -> phone -> POST /api/payments/pay -> poll GET /api/payments/{id} -> voucher shown large
 * -> form POST to the router's link-login-only (CHAP hash when the router sent chap-id, else PAP).
 */
(function () {
  'use strict';

  var TEXT = {
    en: {
      title: 'Buy internet time', choosePlan: 'Choose a plan', loading: 'Loading plans…', retry: 'Try again',
      phone: 'M-Pesa phone number', pay: 'Pay with M-Pesa', enterPin: 'Enter your M-Pesa PIN on your phone',
      seconds: 'seconds', waitNote: 'We are waiting for M-Pesa to confirm your payment.',
      stillWaiting: 'Still waiting for M-Pesa. If you paid, use "Already paid?" below with the receipt from the SMS.',
      slowLink: 'The connection is slow; still checking…',
      notPaid: 'Payment not completed', paid: 'Your voucher is ready', yourCode: 'Your voucher code',
      keepCode: 'Write it down: it logs you in again until your time is over.',
      connecting: 'Connecting you to the internet…', noRouter: 'Type this code on the Wi-Fi login page to connect.',
      connectNow: 'Connect now', alreadyPaid: 'Already paid?',
      recoverNote: 'Enter the phone that paid and the M-Pesa receipt from the SMS.', receipt: 'M-Pesa receipt',
      findVoucher: 'Find my voucher', haveVoucher: 'Have a voucher code?', voucherCode: 'Voucher code', connect: 'Connect',
      demo: 'Demo mode: payments are simulated and no money is taken.',
      phoneExample: 'For example 0712 345 678', phoneBad: 'Enter a Safaricom number such as 0712 345 678 or 254712345678',
      phoneOk: 'M-Pesa number: ', choose: 'Choose a plan first.',
      noPlans: 'No plans are on sale here right now. Use a voucher code if you have one.',
      unknownHotspot: 'This Wi-Fi is not set up for M-Pesa payments yet. Use a voucher code if you have one.',
      network: 'Could not reach the payment service. Check the connection and try again.',
      tooMany: 'Too many attempts. Wait a minute and try again.',
      recoverNotFound: 'We found no payment with this phone number and receipt. Check both and try again.',
      receiptBad: 'Enter the receipt code from the M-Pesa SMS, for example QGR7ABC12D.',
      codeBad: 'Check the code: 8 to 16 letters and digits.', failedGeneric: 'The payment did not go through.',
      hour: ['hour', 'hours'], day: ['day', 'days'], minute: ['minute', 'minutes'], device: ['device', 'devices'],
      upTo: 'up to ', uptime: 'connected time only', data: ' data', other: 'Kiswahili',
      routerSaid: 'Wi-Fi login failed: '
    },
    sw: {
      title: 'Nunua muda wa intaneti', choosePlan: 'Chagua kifurushi', loading: 'Tunapakia vifurushi…', retry: 'Jaribu tena',
      phone: 'Nambari ya simu ya M-Pesa', pay: 'Lipa kwa M-Pesa', enterPin: 'Weka PIN yako ya M-Pesa kwenye simu yako',
      seconds: 'sekunde', waitNote: 'Tunasubiri M-Pesa ithibitishe malipo yako.',
      stillWaiting: 'Bado tunasubiri M-Pesa. Ikiwa umelipa, tumia "Umeshalipa?" hapa chini na risiti ya SMS.',
      slowLink: 'Mtandao ni wa polepole; bado tunaangalia…',
      notPaid: 'Malipo hayajakamilika', paid: 'Vocha yako iko tayari', yourCode: 'Nambari yako ya vocha',
      keepCode: 'Iandike: itakuingiza tena hadi muda wako uishe.',
      connecting: 'Tunakuunganisha kwenye intaneti…', noRouter: 'Andika nambari hii kwenye ukurasa wa kuingia wa Wi-Fi.',
      connectNow: 'Unganisha sasa', alreadyPaid: 'Umeshalipa?',
      recoverNote: 'Weka nambari ya simu iliyolipa na risiti ya M-Pesa kutoka kwenye SMS.', receipt: 'Risiti ya M-Pesa',
      findVoucher: 'Tafuta vocha yangu', haveVoucher: 'Una nambari ya vocha?', voucherCode: 'Nambari ya vocha', connect: 'Unganisha',
      demo: 'Hali ya majaribio: malipo ni ya kuigiza na hakuna pesa itakayotozwa.',
      phoneExample: 'Kwa mfano 0712 345 678', phoneBad: 'Weka nambari ya Safaricom kama 0712 345 678 au 254712345678',
      phoneOk: 'Nambari ya M-Pesa: ', choose: 'Chagua kifurushi kwanza.',
      noPlans: 'Hakuna vifurushi vinavyouzwa hapa kwa sasa. Tumia nambari ya vocha ikiwa unayo.',
      unknownHotspot: 'Wi-Fi hii bado haijawekwa kwa malipo ya M-Pesa. Tumia nambari ya vocha ikiwa unayo.',
      network: 'Imeshindwa kufikia huduma ya malipo. Angalia mtandao kisha ujaribu tena.',
      tooMany: 'Majaribio mengi mno. Subiri dakika moja kisha ujaribu tena.',
      recoverNotFound: 'Hatukupata malipo ya nambari hii ya simu na risiti hii. Angalia zote mbili kisha ujaribu tena.',
      receiptBad: 'Weka nambari ya risiti kutoka kwenye SMS ya M-Pesa, kwa mfano QGR7ABC12D.',
      codeBad: 'Angalia nambari: herufi na tarakimu 8 hadi 16.', failedGeneric: 'Malipo hayakufanikiwa.',
      hour: ['saa', 'saa'], day: ['siku', 'siku'], minute: ['dakika', 'dakika'], device: ['kifaa', 'vifaa'],
      upTo: 'hadi ', uptime: 'muda wa kuunganishwa tu', data: ' za data', other: 'English',
      routerSaid: 'Kuingia kwenye Wi-Fi kumeshindwa: '
    }
  };

  var PIN_SECONDS = 120;        // the STK prompt lives about a minute; M-Pesa may answer a little later
  var POLL_MS = 3000;
  var GIVE_UP_MS = 6 * 60 * 1000; // after this the reconciler has settled it; the page stops asking
  var LOGIN_DELAY_MS = 1500;    // long enough to see the code before the router page replaces this one

  var query = parseQuery(location.search);
  var lang = chooseLanguage();
  var plans = [];
  var chosenPlanId = null;
  var payment = null;           // { id, started, timer, countdown, lastStatus }
  var failure = null;           // message of the last failed payment ({en, sw} or text)

  function $(id) { return document.getElementById(id); }
  function t(key) { return TEXT[lang][key]; }
  function show(id, visible) { $(id).hidden = !visible; }

  // Text that follows the language toggle: the key stays on the element.
  function setText(id, key) {
    $(id).setAttribute('data-t', key);
    $(id).textContent = t(key);
  }

  function parseQuery(search) {
    var out = {}, parts = search.replace(/^\?/, '').split('&'), i, pair;
    for (i = 0; i < parts.length; i++) {
      if (!parts[i]) { continue; }
      pair = parts[i].split('=');
      try {
        out[decodeURIComponent(pair[0])] = decodeURIComponent((pair.slice(1).join('=') || '').replace(/\+/g, ' '));
      } catch (e) {
        // A malformed escape in one value must not stop the page.
      }
    }
    return out;
  }

  function chooseLanguage() {
    var saved = null;
    try { saved = localStorage.getItem('wb-lang'); } catch (e) { /* storage blocked */ }
    if (saved === 'en' || saved === 'sw') { return saved; }
    return /^sw/i.test(navigator.language || '') ? 'sw' : 'en';
  }

  function applyLanguage() {
    var nodes = document.querySelectorAll('[data-t]'), i;
    document.documentElement.lang = lang;
    for (i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-t'));
    }
    $('lang').textContent = t('other');
    $('lang').lang = lang === 'en' ? 'sw' : 'en';
    renderPlans();
    validatePhone();
    if (failure !== null) { $('failed-reason').textContent = localised(failure) || t('failedGeneric'); }
    // The router's own message ($(error)) is English RouterOS text; only the lead-in is translated.
    if (query.error) { $('router-error').textContent = t('routerSaid') + query.error; }
  }

  // The API's messages are either text or { en, sw }.
  function localised(message) {
    if (!message) { return ''; }
    return typeof message === 'string' ? message : (message[lang] || message.en || '');
  }

  /* ---------- HTTP ---------- */

  function api(method, path, body) {
    var init = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: response.status, ok: response.ok, data: data };
      });
    });
  }

  // What a problem-details answer says, for a person: the first field error, else the detail or title.
  function problemText(answer) {
    var p = answer.data || {}, field;
    if (answer.status === 429) { return t('tooMany'); }
    if (p.errors) {
      for (field in p.errors) {
        if (Object.prototype.hasOwnProperty.call(p.errors, field) && p.errors[field] && p.errors[field].length) {
          return field + ': ' + p.errors[field][0];
        }
      }
    }
    return localised(p.message) || p.detail || p.title || t('network');
  }

  /* ---------- Plans ---------- */

  function loadPlans() {
    var path = '/api/plans' + (query.identity ? '?router=' + encodeURIComponent(query.identity) : '');
    show('plans-retry', false);
    setText('plans-status', 'loading');
    show('plans-status', true);
    api('GET', path).then(function (answer) {
      if (answer.status === 404) {
        plansUnavailable('unknownHotspot');
      } else if (!answer.ok || !answer.data) {
        setText('plans-status', 'network');
        show('plans-retry', true);
      } else if (!answer.data.length) {
        plansUnavailable('noPlans');
      } else {
        plans = answer.data;
        if (plans.length === 1) { chosenPlanId = plans[0].id; }
        show('plans-status', false);
        renderPlans();
        updatePayButton();
      }
    }, function () {
      setText('plans-status', 'network');
      show('plans-retry', true);
    });
  }

  function plansUnavailable(key) {
    setText('plans-status', key);
    show('pay-form', false);
    $('cash').open = true;
  }

  function renderPlans() {
    var box = $('plans'), i, plan, label, input, what, price;
    box.innerHTML = '';
    for (i = 0; i < plans.length; i++) {
      plan = plans[i];
      label = document.createElement('label');
      label.className = 'plan' + (plan.id === chosenPlanId ? ' chosen' : '');
      input = document.createElement('input');
      input.type = 'radio';
      input.name = 'plan';
      input.value = plan.id;
      input.checked = plan.id === chosenPlanId;
      input.onchange = choosePlan;
      what = document.createElement('span');
      what.className = 'what';
      what.appendChild(span('name', plan.name));
      what.appendChild(span('terms', planTerms(plan)));
      price = span('price', 'KES ' + plan.price);
      label.appendChild(input);
      label.appendChild(what);
      label.appendChild(price);
      box.appendChild(label);
    }
  }

  function span(className, text) {
    var s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function choosePlan(event) {
    chosenPlanId = event.target.value;
    renderPlans();
    updatePayButton();
  }

  function planTerms(plan) {
    var parts = [duration(plan.durationMinutes)], speed;
    if (plan.rateLimit) {
      // Mikrotik-Rate-Limit is upload/download from the router's side; the customer cares about download.
      speed = /^\S*\/(\d+)([kMG]?)/.exec(plan.rateLimit) || /^(\d+)([kMG]?)/.exec(plan.rateLimit);
      if (speed) { parts.push(t('upTo') + megabits(speed[1], speed[2])); }
    }
    if (plan.dataCapMb) {
      parts.push((plan.dataCapMb >= 1000 && plan.dataCapMb % 1000 === 0 ? plan.dataCapMb / 1000 + ' GB' : plan.dataCapMb + ' MB') + t('data'));
    }
    if (plan.devices > 1) { parts.push(counted(plan.devices, 'device')); }
    if (plan.mode === 'uptime') { parts.push(t('uptime')); }
    return parts.join(' · ');
  }

  function megabits(value, unit) {
    var bits = Number(value) * (unit === 'k' ? 1e3 : unit === 'M' ? 1e6 : unit === 'G' ? 1e9 : 1);
    return bits >= 1e6 ? Math.round(bits / 1e5) / 10 + ' Mbps' : Math.round(bits / 1e3) + ' kbps';
  }

  function duration(minutes) {
    if (minutes % 1440 === 0) { return counted(minutes / 1440, 'day'); }
    if (minutes % 60 === 0) { return counted(minutes / 60, 'hour'); }
    return counted(minutes, 'minute');
  }

  // English puts the number first (2 hours); Swahili puts the noun first (saa 2).
  function counted(n, noun) {
    var word = t(noun)[n === 1 ? 0 : 1];
    return lang === 'sw' ? word + ' ' + n : n + ' ' + word;
  }

  /* ---------- Phone ---------- */

  // Mirrors the server's rule (PhoneNumber): 07/01 + 8 digits, 254 + 9, +254 + 9, or the 9 digits alone.
  function normalisePhone(text) {
    var m = /^(?:\+254|254|0)?([17]\d{8})$/.exec(String(text).replace(/[\s-]/g, ''));
    return m ? '254' + m[1] : null;
  }

  function validatePhone() {
    var text = $('phone').value, hint = $('phone-hint'), phone = normalisePhone(text), digits = text.replace(/\D/g, '');
    if (phone) {
      hint.className = 'hint ok';
      hint.textContent = t('phoneOk') + '0' + phone.substr(3, 3) + ' ' + phone.substr(6, 3) + ' ' + phone.substr(9);
    } else if (!text || (/^[\d\s+-]*$/.test(text) && digits.length < 9)) {
      hint.className = 'hint';
      hint.textContent = t('phoneExample');
    } else {
      hint.className = 'hint bad';
      hint.textContent = t('phoneBad');
    }
    updatePayButton();
    return phone;
  }

  function updatePayButton() {
    $('pay').disabled = !chosenPlanId || !normalisePhone($('phone').value) || payment !== null;
  }

  /* ---------- Paying ---------- */

  function pay(event) {
    var phone = validatePhone(), body;
    event.preventDefault();
    show('pay-error', false);
    if (!chosenPlanId) { return fail('pay-error', t('choose')); }
    if (!phone) { return $('phone').focus(); }
    body = { planId: chosenPlanId, phone: phone };
    if (query.mac) { body.mac = query.mac; }
    if (query.ip) { body.ip = query.ip; }
    if (query.identity) { body.router = query.identity; }
    $('pay').disabled = true;
    api('POST', '/api/payments/pay', body).then(function (answer) {
      if (answer.ok && answer.data && answer.data.paymentId) {
        remember(answer.data.paymentId);
        waitFor(answer.data.paymentId, new Date().getTime());
      } else {
        fail('pay-error', problemText(answer));
        updatePayButton();
      }
    }, function () {
      fail('pay-error', t('network'));
      updatePayButton();
    });
  }

  function fail(id, text) {
    $(id).textContent = text;
    show(id, true);
  }

  // A captive-portal pop-up may reload the page while the customer types the PIN: keep the payment to resume.
  function remember(paymentId) {
    try {
      if (paymentId) {
        sessionStorage.setItem('wb-payment', JSON.stringify({ id: paymentId, started: new Date().getTime() }));
      } else {
        sessionStorage.removeItem('wb-payment');
      }
    } catch (e) { /* storage blocked: no resume */ }
  }

  function remembered() {
    try { return JSON.parse(sessionStorage.getItem('wb-payment') || 'null'); } catch (e) { return null; }
  }

  function waitFor(paymentId, started) {
    payment = { id: paymentId, started: started, timer: null, countdown: null };
    failure = null;
    show('buy', false);
    show('failed', false);
    show('wait', true);
    setText('wait-note', 'waitNote');
    tick();
    payment.countdown = setInterval(tick, 1000);
    poll();
  }

  function tick() {
    var left = Math.max(0, PIN_SECONDS - Math.floor((new Date().getTime() - payment.started) / 1000));
    $('countdown').textContent = left;
    if (left === 0 && $('wait-note').getAttribute('data-t') !== 'stillWaiting') { setText('wait-note', 'stillWaiting'); }
  }

  function poll() {
    var current = payment;
    api('GET', '/api/payments/' + encodeURIComponent(current.id)).then(function (answer) {
      if (payment !== current) { return; }
      var p = answer.data || {};
      if (answer.ok && p.status === 'paid' && p.voucher && p.voucher.code) {
        finishWaiting();
        showVoucher(p.voucher.code);
      } else if (answer.ok && (p.status === 'failed' || p.status === 'cancelled' || p.status === 'timed-out')) {
        finishWaiting();
        showFailure(p.message || t('failedGeneric'), p.status !== 'cancelled');
      } else if (answer.status === 404) {
        finishWaiting();
        showFailure(problemText(answer), false);
      } else {
        pollAgain(current);
      }
    }, function () {
      if (payment !== current) { return; }
      setText('wait-note', 'slowLink');
      pollAgain(current);
    });
  }

  function pollAgain(current) {
    if (new Date().getTime() - current.started > GIVE_UP_MS) {
      finishWaiting();
      showFailure(t('stillWaiting'), true);
      return;
    }
    current.timer = setTimeout(poll, POLL_MS);
  }

  function finishWaiting() {
    if (payment) {
      clearTimeout(payment.timer);
      clearInterval(payment.countdown);
    }
    payment = null;
    remember(null);
    show('wait', false);
  }

  // maybePaid: the money may have left the phone (timed out, failed late), so the receipt recovery is opened for them.
  function showFailure(message, maybePaid) {
    failure = message;
    $('failed-reason').textContent = localised(message) || t('failedGeneric');
    show('failed', true);
    if (maybePaid) {
      $('recover').open = true;
      if (!$('recover-phone').value) { $('recover-phone').value = $('phone').value; }
    }
  }

  function retry() {
    failure = null;
    show('failed', false);
    show('buy', true);
    updatePayButton();
  }

  /* ---------- Voucher and router login ---------- */

  function showVoucher(code) {
    show('buy', false);
    show('failed', false);
    show('wait', false);
    $('voucher-code').textContent = code;
    show('voucher', true);
    show('recover', false);
    if (routerLoginUrl()) {
      show('connecting', true);
      show('connect-now', true);
      setTimeout(function () { loginToRouter(code); }, LOGIN_DELAY_MS);
    } else {
      show('no-router', true);
    }
  }

  // Only the router's own login servlet (RouterOS serves it at /login): a crafted link must not make this page
  // post a paid voucher to some other site.
  function routerLoginUrl() {
    var url = query['link-login-only'] || '';
    return /^https?:\/\/[^\/?#@]+\/login(?:[?#]|$)/i.test(url) ? url : null;
  }

  function isHex(text) { return /^(?:[0-9a-f]{2})+$/i.test(text || ''); }

  // username = code; password = lower-case hex MD5(chap-id + code + chap-challenge) for http-chap (RFC 1994 order),
  // the code itself for http-pap. chap-id and chap-challenge arrive hex-encoded from login.html.
  function loginToRouter(code) {
    var form = $('router-login'), url = routerLoginUrl(), chapId = query['chap-id'], challenge = query['chap-challenge'];
    if (!url) { return; }
    form.action = url;
    form.username.value = code;
    form.password.value = isHex(chapId) && isHex(challenge)
      ? hexMD5(hexToBinary(chapId) + code + hexToBinary(challenge))
      : code;
    form.dst.value = query['link-orig'] || '';
    form.submit();
  }

  // What customers type: lower case, spaces, dashes, O for 0, I or L for 1 (Crockford Base32, as the server reads it).
  function normaliseCode(text) {
    var code = String(text).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    return /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8,16}$/.test(code) ? code : null;
  }

  function useVoucher(event) {
    var code = normaliseCode($('code').value);
    event.preventDefault();
    show('voucher-error', false);
    if (!code) { return fail('voucher-error', t('codeBad')); }
    if (!routerLoginUrl()) { return fail('voucher-error', t('noRouter')); }
    loginToRouter(code);
  }

  function recover(event) {
    var phone = normalisePhone($('recover-phone').value), receipt = $('receipt').value.replace(/\s/g, '').toUpperCase();
    event.preventDefault();
    show('recover-error', false);
    if (!phone) { return fail('recover-error', t('phoneBad')); }
    if (!/^[A-Z0-9]{8,12}$/.test(receipt)) { return fail('recover-error', t('receiptBad')); }
    api('POST', '/api/payments/recover', { phone: phone, receipt: receipt }).then(function (answer) {
      if (answer.ok && answer.data && answer.data.voucher && answer.data.voucher.code) {
        finishWaiting();
        showVoucher(answer.data.voucher.code);
      } else if (answer.status === 404) {
        fail('recover-error', t('recoverNotFound'));
      } else {
        fail('recover-error', problemText(answer));
      }
    }, function () {
      fail('recover-error', t('network'));
    });
  }

  /* ---------- Start ---------- */

  function start() {
    var pending = remembered();
    $('lang').onclick = function () {
      lang = lang === 'en' ? 'sw' : 'en';
      try { localStorage.setItem('wb-lang', lang); } catch (e) { /* not remembered */ }
      applyLanguage();
    };
    $('phone').oninput = validatePhone;
    $('pay-form').onsubmit = pay;
    $('plans-retry').onclick = loadPlans;
    $('retry').onclick = retry;
    $('connect-now').onclick = function () { loginToRouter($('voucher-code').textContent); };
    $('voucher-form').onsubmit = useVoucher;
    $('recover-form').onsubmit = recover;
    show('router-error', !!query.error);
    applyLanguage();
    loadPlans();
    api('GET', '/api/portal/info').then(function (answer) {
      show('demo', !!(answer.ok && answer.data && answer.data.simulatedPayments));
    }, function () { /* no banner */ });
    if (pending && pending.id && new Date().getTime() - pending.started < GIVE_UP_MS) {
      waitFor(pending.id, pending.started);
    }
  }

  start();
})();
