/* Loads every voucher of ?batch=<batchId> (pages of 1000) and lays them out as cards. */
(() => {
  'use strict';

  const KEY_STORAGE = 'wb-admin-key';
  const $ = (id) => document.getElementById(id);
  const batchId = new URLSearchParams(location.search).get('batch') || '';

  function minutesText(minutes) {
    if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? 'day' : 'days'}`;
    if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
    return `${minutes} minutes`;
  }

  // Groups of 5 (or 4) are easier to read out and type; the login pages drop the spaces.
  function groupedCode(code) {
    const size = code.length % 5 === 0 ? 5 : 4;
    return (code.match(new RegExp(`.{1,${size}}`, 'g')) || [code]).join(' ');
  }

  function fail(message) {
    $('error').textContent = message;
    $('error').hidden = false;
  }

  function card(voucher) {
    const plan = voucher.plan || {};
    const node = document.createElement('article');
    node.className = 'card';
    const head = document.createElement('div');
    head.className = 'plan';
    head.append(Object.assign(document.createElement('span'), { textContent: plan.name || 'Wi-Fi voucher' }));
    head.append(Object.assign(document.createElement('span'), { textContent: plan.price !== undefined ? `KES ${plan.price}` : '' }));
    node.append(head);
    if (plan.durationMinutes) {
      node.append(Object.assign(document.createElement('div'), { className: 'terms', textContent: `Internet for ${minutesText(plan.durationMinutes)}` }));
    }
    node.append(Object.assign(document.createElement('div'), { className: 'code', textContent: groupedCode(voucher.code) }));
    node.append(Object.assign(document.createElement('div'), {
      className: 'how',
      textContent: 'Join the Wi-Fi, open any page, enter this code. / Ingiza nambari hii.',
    }));
    return node;
  }

  async function load() {
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (!batchId) {
      fail('No batch given: open this page from the admin console after creating a batch.');
      return;
    }
    if (!key) {
      $('key-form').hidden = false;
      return;
    }
    const vouchers = [];
    for (let offset = 0; ; offset += 1000) {
      const response = await fetch(`/api/admin/vouchers?batchId=${encodeURIComponent(batchId)}&offset=${offset}&limit=1000`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      if (response.status === 401) {
        sessionStorage.removeItem(KEY_STORAGE);
        $('key-form').hidden = false;
        fail('The admin API key was refused.');
        return;
      }
      if (!response.ok) {
        fail(`Could not load the batch (HTTP ${response.status}).`);
        return;
      }
      const page = await response.json();
      vouchers.push(...page.items);
      if (!page.items.length || vouchers.length >= page.total) break;
    }
    if (!vouchers.length) {
      fail(`Batch ${batchId} has no vouchers.`);
      return;
    }
    // Oldest first: the order they were created in, so a sheet reads like the batch.
    vouchers.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || a.code.localeCompare(b.code));
    $('cards').replaceChildren(...vouchers.map(card));
    $('summary').textContent = `${vouchers.length} vouchers, batch ${batchId}`;
    $('print').disabled = false;
  }

  $('print').addEventListener('click', () => window.print());
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $('key').value.trim());
    $('key-form').hidden = true;
    $('error').hidden = true;
    load().catch((error) => fail(error.message));
  });
  load().catch((error) => fail(error.message));
})();
