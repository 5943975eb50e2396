/*
 * WifiBilling admin console. Every call sends the admin API key kept in this tab's sessionStorage.
 * Routes and shapes: docs/api.md. Views switch on the URL hash (#dashboard, #plans, ...).
 */
(() => {
  'use strict';

  const KEY_STORAGE = 'wb-admin-key';
  const PAGE_SIZE = 50;
  const KENYA = 'Africa/Nairobi';
  const $ = (id) => document.getElementById(id);

  const state = { plans: [], routers: [], voucherOffset: 0, paymentOffset: 0, chart: null };

  /* ---------- HTTP ---------- */

  class ApiError extends Error {
    constructor(status, problem) {
      super(describeProblem(status, problem));
      this.status = status;
      this.problem = problem;
    }
  }

  function describeProblem(status, problem) {
    if (problem && problem.errors) {
      const fields = Object.keys(problem.errors);
      if (fields.length) {
        return fields.map((f) => `${f}: ${problem.errors[f].join(', ')}`).join('; ');
      }
    }
    return (problem && (problem.detail || problem.title)) || `HTTP ${status}`;
  }

  async function request(method, path, body) {
    const headers = { Authorization: `Bearer ${sessionStorage.getItem(KEY_STORAGE) || ''}` };
    const init = { method, headers };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      signOut('The admin API key was refused. Sign in again.');
      throw new ApiError(401, null);
    }
    return response;
  }

  async function api(method, path, body) {
    const response = await request(method, path, body);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    if (!response.ok) {
      throw new ApiError(response.status, data);
    }
    return data;
  }

  const items = (data) => (Array.isArray(data) ? data : (data && data.items) || []);

  function query(params) {
    const parts = Object.keys(params)
      .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
      .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`);
    return parts.length ? `?${parts.join('&')}` : '';
  }

  /* ---------- DOM helpers ---------- */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([name, value]) => {
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  /** Fills a table: columns = [{ title, value(row) → text|Node, class? }]. */
  function renderTable(table, columns, rows, empty) {
    table.replaceChildren(
      el('thead', null, el('tr', null, columns.map((c) => el('th', { class: c.class }, c.title)))),
      el('tbody', null, rows.length
        ? rows.map((row) => el('tr', null, columns.map((c) => el('td', { class: c.class }, c.value(row)))))
        : el('tr', null, el('td', { colspan: columns.length, class: 'note' }, empty || 'Nothing to show.'))));
  }

  function flash(message, bad) {
    const box = $('flash');
    box.textContent = message;
    box.className = bad ? 'flash bad' : 'flash';
    box.hidden = false;
    clearTimeout(flash.timer);
    flash.timer = setTimeout(() => { box.hidden = true; }, 6000);
  }

  function showError(id, error) {
    $(id).textContent = error.message || String(error);
    $(id).hidden = false;
  }

  const kes = (amount) => `KES ${Number(amount || 0).toLocaleString('en-KE')}`;
  const status = (value) => el('span', { class: `status ${value || ''}` }, value || '–');

  function when(value) {
    if (!value) return '–';
    try {
      return new Date(value).toLocaleString('en-GB', { timeZone: KENYA, dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      return String(value);
    }
  }

  function minutesText(minutes) {
    if (!minutes && minutes !== 0) return '–';
    if (minutes % 1440 === 0) return `${minutes / 1440} d`;
    if (minutes % 60 === 0) return `${minutes / 60} h`;
    return `${minutes} min`;
  }

  function secondsText(seconds) {
    if (seconds === undefined || seconds === null) return '–';
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return h ? `${h} h ${m} min` : `${m} min`;
  }

  function bytesText(bytes) {
    if (bytes === undefined || bytes === null) return '–';
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = Number(bytes);
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit += 1; }
    return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`;
  }

  /** Codes are easier to read and type in groups; the router pages and RADIUS ignore spaces. */
  function groupedCode(code) {
    const size = code.length % 5 === 0 ? 5 : 4;
    return (code.match(new RegExp(`.{1,${size}}`, 'g')) || [code]).join(' ');
  }

  function formValues(form) {
    const values = {};
    Array.from(form.elements).forEach((input) => {
      if (!input.name) return;
      values[input.name] = input.type === 'checkbox' ? input.checked : input.value.trim();
    });
    return values;
  }

  const numberOrNull = (text) => (text === '' || text === undefined || text === null ? null : Number(text));

  /* ---------- Sign-in and navigation ---------- */

  function signedIn() { return !!sessionStorage.getItem(KEY_STORAGE); }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    $('nav').hidden = true;
    $('sign-out').hidden = true;
    document.querySelectorAll('.view').forEach((v) => { v.hidden = true; });
    $('sign-in').hidden = false;
    if (message) showError('sign-in-error', new Error(message));
  }

  async function signIn(event) {
    event.preventDefault();
    $('sign-in-error').hidden = true;
    const key = $('key').value.trim();
    if (!key) return;
    // Checked against a real admin route before it is kept.
    const response = await fetch('/api/admin/dashboard', { headers: { Authorization: `Bearer ${key}` } }).catch(() => null);
    if (!response || !response.ok) {
      showError('sign-in-error', new Error(response && response.status === 401
        ? 'This key is not the admin API key.' : 'The portal did not answer. Try again.'));
      return;
    }
    sessionStorage.setItem(KEY_STORAGE, key);
    $('key').value = '';
    enter();
  }

  function enter() {
    $('sign-in').hidden = true;
    $('nav').hidden = false;
    $('sign-out').hidden = false;
    loadLookups().then(route);
  }

  const views = {
    dashboard: loadDashboard,
    plans: loadPlans,
    routers: loadRouters,
    vouchers: loadVouchers,
    payments: loadPayments,
    sessions: loadSessions,
  };

  function route() {
    if (!signedIn()) return;
    const name = (location.hash || '#dashboard').slice(1);
    const view = views[name] ? name : 'dashboard';
    document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== `view-${view}`; });
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', a.dataset.view === view));
    views[view]().catch((error) => { if (error.status !== 401) flash(error.message, true); });
  }

  /** Plans and routers fill the selects of several views. Routers may be missing on an older portal: not fatal. */
  async function loadLookups() {
    const [plans, routers] = await Promise.all([
      api('GET', '/api/admin/plans?limit=1000').then(items).catch(() => []),
      api('GET', '/api/admin/routers').then(items).catch(() => []),
    ]);
    state.plans = plans;
    state.routers = routers;
    document.querySelectorAll('select.plan-select').forEach((select) => fillSelect(select, plans, (p) => `${p.name} (${kes(p.price)})`));
    document.querySelectorAll('select.router-select').forEach((select) => fillSelect(select, routers, (r) => r.name));
  }

  function fillSelect(select, rows, label) {
    const keepAny = select.querySelector('option[value=""]');
    const chosen = select.value;
    select.replaceChildren(...(keepAny ? [keepAny] : []), ...rows.map((row) => el('option', { value: row.id }, label(row))));
    if (chosen) select.value = chosen;
  }

  const routerName = (id) => (state.routers.find((r) => r.id === id) || {}).name || id || '–';

  /* ---------- Dashboard ---------- */

  async function loadDashboard() {
    const [dashboard, byDay, byRouter, byPlan] = await Promise.all([
      api('GET', '/api/admin/dashboard'),
      api('GET', '/api/admin/reports/revenue?groupBy=day'),
      api('GET', '/api/admin/reports/revenue?groupBy=router'),
      api('GET', '/api/admin/reports/revenue?groupBy=plan'),
    ]);
    $('d-revenue').textContent = kes(dashboard.today.revenue);
    $('d-payments').textContent = dashboard.today.payments;
    $('d-sessions').textContent = dashboard.activeSessions;
    $('d-routers').textContent = `${dashboard.routers.enabled} / ${dashboard.routers.total}`;
    $('d-vouchers').textContent = `${dashboard.vouchers.active} / ${dashboard.vouchers.unused}`;
    drawRevenueChart(byDay);
    const columns = [
      { title: 'Name', value: (l) => l.label },
      { title: 'Payments', value: (l) => l.count, class: 'num' },
      { title: 'Revenue', value: (l) => kes(l.amount), class: 'num' },
    ];
    renderTable($('by-router'), columns, byRouter.lines, 'No payments in these 30 days.');
    renderTable($('by-plan'), columns, byPlan.lines, 'No payments in these 30 days.');
  }

  /** uPlot: revenue per Kenya day as bars, paid payments as a line on a second axis. */
  function drawRevenueChart(report) {
    const box = $('chart');
    const days = report.lines.map((l) => Date.parse(`${l.key}T00:00:00+03:00`) / 1000);
    // Days without payments get no dot (null), only a zero-height bar.
    const data = [days, report.lines.map((l) => l.amount), report.lines.map((l) => l.count || null)];
    $('chart-total').textContent = `${kes(report.total.amount)} from ${report.total.count} payments in these ${report.lines.length} days.`;
    const width = () => Math.max(280, box.clientWidth);
    if (state.chart) state.chart.destroy();
    state.chart = new uPlot({
      width: width(),
      height: 260,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), KENYA),
      scales: {
        // Half a day of room at each end, so the first and last bars are whole.
        x: { time: true, range: (u, min, max) => [min - 43200, max + 43200] },
        kes: { range: (u, min, max) => [0, Math.max(max, 10)] },
        n: { range: (u, min, max) => [0, Math.max(max, 5)] },
      },
      series: [
        { label: 'Day', value: '{D} {MMM}' },
        {
          label: 'Revenue (KES)', scale: 'kes', stroke: '#0b7a3b', fill: 'rgba(11,122,59,.35)',
          paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false },
        },
        { label: 'Payments', scale: 'n', stroke: '#c77700', paths: () => null, points: { show: true, size: 7, fill: '#c77700' } },
      ],
      axes: [
        {},
        { scale: 'kes', size: 60, values: (u, ticks) => ticks.map((v) => v.toLocaleString('en-KE')) },
        { scale: 'n', side: 1, grid: { show: false } },
      ],
    }, data, box);
    window.wbRevenueChart = state.chart; // for the browser tests and for anyone poking in devtools
    if (!drawRevenueChart.resizing) {
      drawRevenueChart.resizing = true;
      window.addEventListener('resize', () => { if (state.chart) state.chart.setSize({ width: width(), height: 260 }); });
    }
  }

  /* ---------- Plans ---------- */

  async function loadPlans() {
    state.plans = items(await api('GET', '/api/admin/plans?limit=1000'));
    renderTable($('plans-table'), [
      { title: 'Name', value: (p) => p.name },
      { title: 'Price', value: (p) => kes(p.price), class: 'num' },
      { title: 'Duration', value: (p) => minutesText(p.durationMinutes) },
      { title: 'Mode', value: (p) => p.mode },
      { title: 'Rate', value: (p) => p.rateLimit || '–' },
      { title: 'Data cap', value: (p) => (p.dataCapMb ? `${p.dataCapMb} MB` : '–') },
      { title: 'Devices', value: (p) => p.devices, class: 'num' },
      { title: 'Routers', value: (p) => (p.routerIds && p.routerIds.length ? p.routerIds.map(routerName).join(', ') : 'all') },
      { title: 'On sale', value: (p) => status(p.active ? 'active' : 'off') },
      {
        title: '',
        value: (p) => [
          el('button', { type: 'button', class: 'small secondary', onclick: () => editPlan(p) }, 'Edit'),
          el('button', { type: 'button', class: 'small secondary', onclick: () => setPlanActive(p, !p.active) }, p.active ? 'Deactivate' : 'Activate'),
          el('button', { type: 'button', class: 'small danger', onclick: () => deletePlan(p) }, 'Delete'),
        ],
      },
    ], state.plans, 'No plans yet.');
  }

  function editPlan(plan) {
    const form = $('plan-form');
    form.reset();
    form.dataset.id = plan ? plan.id : '';
    $('plan-form-title').textContent = plan ? `Edit ${plan.name}` : 'New plan';
    $('plan-error').hidden = true;
    if (plan) {
      ['name', 'price', 'durationMinutes', 'mode', 'rateLimit', 'dataCapMb', 'devices', 'sortOrder'].forEach((name) => {
        form.elements[name].value = plan[name] === null || plan[name] === undefined ? '' : plan[name];
      });
      form.elements.active.checked = plan.active;
    }
    const chosen = new Set((plan && plan.routerIds) || []);
    $('plan-router-list').replaceChildren(...(state.routers.length
      ? state.routers.map((r) => el('label', { class: 'check' },
        el('input', { type: 'checkbox', name: `router:${r.id}`, value: r.id, checked: chosen.has(r.id) }), r.name))
      : [el('p', { class: 'note' }, 'No routers registered: the plan is sold everywhere.')]));
    form.hidden = false;
    form.elements.name.focus();
  }

  function planBody(values, routerIds) {
    return {
      name: values.name,
      price: numberOrNull(values.price),
      durationMinutes: numberOrNull(values.durationMinutes),
      mode: values.mode || 'validity',
      rateLimit: values.rateLimit || null,
      dataCapMb: numberOrNull(values.dataCapMb),
      devices: numberOrNull(values.devices) || 1,
      active: values.active,
      sortOrder: numberOrNull(values.sortOrder) || 0,
      routerIds,
    };
  }

  async function savePlan(event) {
    event.preventDefault();
    const form = $('plan-form');
    const routerIds = Array.from(form.querySelectorAll('input[name^="router:"]:checked')).map((i) => i.value);
    const body = planBody(formValues(form), routerIds);
    try {
      const id = form.dataset.id;
      const saved = await api(id ? 'PUT' : 'POST', id ? `/api/admin/plans/${encodeURIComponent(id)}` : '/api/admin/plans', body);
      form.hidden = true;
      flash(`Plan "${saved.name}" saved.`);
      await loadLookups();
      await loadPlans();
    } catch (error) {
      showError('plan-error', error);
    }
  }

  async function setPlanActive(plan, active) {
    const body = { ...plan, active };
    await api('PUT', `/api/admin/plans/${encodeURIComponent(plan.id)}`, planBody(body, plan.routerIds || []))
      .then(() => flash(`Plan "${plan.name}" ${active ? 'is on sale again' : 'is off sale'}.`))
      .catch((error) => flash(error.message, true));
    await loadPlans();
  }

  async function deletePlan(plan) {
    if (!window.confirm(`Delete plan "${plan.name}"? Vouchers already sold keep their terms.`)) return;
    await api('DELETE', `/api/admin/plans/${encodeURIComponent(plan.id)}`)
      .then(() => flash(`Plan "${plan.name}" deleted.`))
      .catch((error) => flash(error.message, true));
    await loadLookups();
    await loadPlans();
  }

  /* ---------- Routers ---------- */

  async function loadRouters() {
    state.routers = items(await api('GET', '/api/admin/routers'));
    renderTable($('routers-table'), [
      { title: 'Name', value: (r) => r.name },
      { title: 'NAS-Identifier', value: (r) => r.nasIdentifier || '–' },
      { title: 'Address', value: (r) => r.address || '–' },
      { title: 'Site', value: (r) => r.site || '–' },
      { title: 'CoA port', value: (r) => r.coaPort, class: 'num' },
      { title: 'Msg-Auth', value: (r) => (r.requireMessageAuthenticator ? 'required' : 'optional') },
      { title: 'Enabled', value: (r) => status(r.enabled ? 'active' : 'off') },
      {
        title: '',
        value: (r) => [
          el('button', { type: 'button', class: 'small secondary', onclick: () => editRouter(r) }, 'Edit'),
          el('button', { type: 'button', class: 'small secondary', onclick: () => showScript(r) }, 'Script'),
        ],
      },
    ], state.routers, 'No routers yet. Add one, then run its script on the router.');
  }

  function editRouter(router) {
    const form = $('router-form');
    form.reset();
    form.dataset.id = router ? router.id : '';
    $('router-form-title').textContent = router ? `Edit ${router.name}` : 'New router';
    $('router-secret-note').hidden = !router;
    $('router-error').hidden = true;
    if (router) {
      ['name', 'nasIdentifier', 'address', 'coaPort', 'site'].forEach((name) => {
        form.elements[name].value = router[name] === null || router[name] === undefined ? '' : router[name];
      });
      form.elements.requireMessageAuthenticator.checked = router.requireMessageAuthenticator;
      form.elements.enabled.checked = router.enabled;
    }
    form.hidden = false;
    form.elements.name.focus();
  }

  async function saveRouter(event) {
    event.preventDefault();
    const form = $('router-form');
    const values = formValues(form);
    const body = {
      name: values.name,
      nasIdentifier: values.nasIdentifier || null,
      address: values.address || null,
      coaPort: numberOrNull(values.coaPort) || 3799,
      requireMessageAuthenticator: values.requireMessageAuthenticator,
      site: values.site || null,
      enabled: values.enabled,
    };
    if (values.secret) body.secret = values.secret;
    try {
      const id = form.dataset.id;
      const saved = await api(id ? 'PUT' : 'POST', id ? `/api/admin/routers/${encodeURIComponent(id)}` : '/api/admin/routers', body);
      form.hidden = true;
      flash(`Router "${saved.name}" saved.`);
      await loadLookups();
      await loadRouters();
      if (!id) await showScript(saved);
    } catch (error) {
      showError('router-error', error);
    }
  }

  async function showScript(router) {
    const response = await request('GET', `/api/admin/routers/${encodeURIComponent(router.id)}/script`);
    const text = await response.text();
    if (!response.ok) {
      let problem = null;
      try { problem = JSON.parse(text); } catch { problem = null; }
      flash(describeProblem(response.status, problem), true);
      return;
    }
    $('router-script-title').textContent = `Router script: ${router.name}`;
    $('router-script').textContent = text;
    $('router-script-panel').hidden = false;
    $('router-script-panel').scrollIntoView({ behavior: 'smooth' });
  }

  /* ---------- Vouchers ---------- */

  async function loadVouchers() {
    const filters = formValues($('voucher-filters'));
    const page = await api('GET', `/api/admin/vouchers${query({ ...filters, offset: state.voucherOffset, limit: PAGE_SIZE })}`);
    renderTable($('vouchers-table'), [
      { title: 'Code', value: (v) => v.code, class: 'mono' },
      { title: 'Status', value: (v) => status(v.status) },
      { title: 'Plan', value: (v) => (v.plan && v.plan.name) || '–' },
      { title: 'Source', value: (v) => v.source || '–' },
      { title: 'Created', value: (v) => when(v.createdAt) },
      { title: 'Expires', value: (v) => when(v.expiresAt) },
      { title: 'Time left', value: (v) => secondsText(v.remainingSeconds), class: 'num' },
      { title: 'Used', value: (v) => bytesText(v.usedBytes), class: 'num' },
      { title: 'Batch', value: (v) => v.batchId || '–' },
      {
        title: '',
        value: (v) => (v.status === 'revoked' ? null : [
          el('button', { type: 'button', class: 'small secondary', onclick: () => extendVoucher(v) }, 'Extend'),
          el('button', { type: 'button', class: 'small danger', onclick: () => revokeVoucher(v) }, 'Revoke'),
        ]),
      },
    ], items(page), 'No vouchers match.');
    renderPager($('vouchers-pager'), page, (offset) => { state.voucherOffset = offset; loadVouchers(); });
  }

  function renderPager(box, page, go) {
    const total = page.total || 0;
    const offset = page.offset || 0;
    const limit = page.limit || PAGE_SIZE;
    box.replaceChildren(
      el('span', null, total ? `${offset + 1}–${Math.min(offset + limit, total)} of ${total}` : '0 of 0'),
      el('button', { type: 'button', class: 'small secondary', disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, 'Previous'),
      el('button', { type: 'button', class: 'small secondary', disabled: offset + limit >= total, onclick: () => go(offset + limit) }, 'Next'));
  }

  async function revokeVoucher(voucher) {
    if (!window.confirm(`Revoke ${voucher.code}? Its open sessions are disconnected at once.`)) return;
    await api('POST', `/api/admin/vouchers/${encodeURIComponent(voucher.code)}/revoke`)
      .then(() => flash(`Voucher ${voucher.code} revoked.`))
      .catch((error) => flash(error.message, true));
    await loadVouchers();
  }

  async function extendVoucher(voucher) {
    const minutes = Number(window.prompt(`Add how many minutes to ${voucher.code}?`, '60'));
    if (!minutes) return;
    await api('POST', `/api/admin/vouchers/${encodeURIComponent(voucher.code)}/extend`, { minutes })
      .then(() => flash(`Voucher ${voucher.code} extended by ${minutes} minutes.`))
      .catch((error) => flash(error.message, true));
    await loadVouchers();
  }

  async function sellVoucher(event) {
    event.preventDefault();
    $('sell-error').hidden = true;
    $('sell-result').hidden = true;
    const values = formValues($('sell-form'));
    try {
      const voucher = await api('POST', '/api/admin/activate', {
        planId: values.planId, phone: values.phone || null, note: values.note || null,
      });
      $('sell-result').textContent = groupedCode(voucher.code);
      $('sell-result').hidden = false;
      $('sell-form').elements.phone.value = '';
      $('sell-form').elements.note.value = '';
      await loadVouchers();
    } catch (error) {
      showError('sell-error', error);
    }
  }

  async function createBatch(event) {
    event.preventDefault();
    $('batch-error').hidden = true;
    $('batch-result').hidden = true;
    const values = formValues($('batch-form'));
    try {
      const batch = await api('POST', '/api/admin/vouchers/batch', { planId: values.planId, count: numberOrNull(values.count) });
      // Same tab: a new tab would not share this tab's sessionStorage key.
      $('batch-print').href = `/admin/print.html?batch=${encodeURIComponent(batch.batchId)}`;
      $('batch-print').textContent = `Print the ${batch.vouchers ? batch.vouchers.length : ''} voucher cards of batch ${batch.batchId}`;
      $('batch-result').hidden = false;
      await loadVouchers();
    } catch (error) {
      showError('batch-error', error);
    }
  }

  /* ---------- Payments ---------- */

  /** A date picked in the form is a Kenya day: from its 00:00 (+03:00) to the next day's 00:00, the end excluded. */
  function kenyaDayStart(date, addDays) {
    if (!date) return '';
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + addDays);
    return `${day.toISOString().slice(0, 10)}T00:00:00+03:00`;
  }

  function paymentFilters() {
    const values = formValues($('payment-filters'));
    return {
      status: values.status,
      phone: values.phone,
      routerId: values.routerId,
      planId: values.planId,
      from: kenyaDayStart(values.from, 0),
      to: kenyaDayStart(values.to, 1),
    };
  }

  async function loadPayments() {
    const page = await api('GET', `/api/admin/payments${query({ ...paymentFilters(), offset: state.paymentOffset, limit: PAGE_SIZE })}`);
    renderTable($('payments-table'), [
      { title: 'Created', value: (p) => when(p.createdAt) },
      { title: 'Status', value: (p) => status(p.status) },
      { title: 'Phone', value: (p) => p.phone || '–', class: 'mono' },
      { title: 'Amount', value: (p) => kes(p.amount), class: 'num' },
      { title: 'Plan', value: (p) => (p.plan && p.plan.name) || p.planName || '–' },
      { title: 'Router', value: (p) => p.routerName || routerName(p.routerId) },
      { title: 'Receipt', value: (p) => p.mpesaReceipt || p.receipt || '–', class: 'mono' },
      { title: 'Voucher', value: (p) => p.voucherCode || (p.voucher && p.voucher.code) || '–', class: 'mono' },
    ], items(page), 'No payments match.');
    renderPager($('payments-pager'), page, (offset) => { state.paymentOffset = offset; loadPayments(); });
  }

  /** A link cannot carry the Authorization header, so the CSV is fetched and handed to the browser as a file. */
  async function exportPayments() {
    const response = await request('GET', `/api/admin/payments/export.csv${query(paymentFilters())}`);
    if (!response.ok) {
      flash(`Export failed: HTTP ${response.status}`, true);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: `payments-${new Date().toISOString().slice(0, 10)}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /* ---------- Sessions ---------- */

  async function loadSessions() {
    const sessions = items(await api('GET', '/api/admin/sessions?active=true'));
    renderTable($('sessions-table'), [
      { title: 'Voucher', value: (s) => s.voucherCode || '–', class: 'mono' },
      { title: 'Router', value: (s) => s.routerName || routerName(s.routerId) },
      { title: 'MAC', value: (s) => s.mac || '–', class: 'mono' },
      { title: 'IP', value: (s) => s.ip || '–', class: 'mono' },
      { title: 'Started', value: (s) => when(s.startedAt) },
      { title: 'Online', value: (s) => secondsText(s.sessionSeconds), class: 'num' },
      { title: 'Down', value: (s) => bytesText(s.outputBytes), class: 'num' },
      { title: 'Up', value: (s) => bytesText(s.inputBytes), class: 'num' },
      { title: 'Disconnect', value: (s) => status(s.disconnect && s.disconnect.state !== 'none' ? s.disconnect.state : null) },
      {
        title: '',
        value: (s) => el('button', { type: 'button', class: 'small danger', 'data-session': s.id, onclick: () => disconnect(s) }, 'Disconnect'),
      },
    ], sessions, 'No one is online.');
    const closed = items(await api('GET', '/api/admin/sessions?active=false&limit=50'));
    renderTable($('closed-sessions-table'), [
      { title: 'Voucher', value: (s) => s.voucherCode || '–', class: 'mono' },
      { title: 'Router', value: (s) => s.routerName || routerName(s.routerId) },
      { title: 'MAC', value: (s) => s.mac || '–', class: 'mono' },
      { title: 'Started', value: (s) => when(s.startedAt) },
      { title: 'Ended', value: (s) => when(s.stoppedAt) },
      { title: 'Online', value: (s) => secondsText(s.sessionSeconds), class: 'num' },
      { title: 'Data', value: (s) => bytesText(s.inputBytes + s.outputBytes), class: 'num' },
      { title: 'Why', value: (s) => s.terminateCause || '–' },
    ], closed, 'No session has ended yet.');
    return sessions;
  }

  async function disconnect(session) {
    if (!window.confirm(`Disconnect ${session.mac || session.voucherCode}?`)) return;
    try {
      await api('POST', `/api/admin/sessions/${encodeURIComponent(session.id)}/disconnect`);
      flash('Disconnect sent to the router; its answer appears in the Disconnect column.');
    } catch (error) {
      flash(error.message, true);
    }
    await watchDisconnect(session.id);
  }

  /** The router answers in the background (ACK, NAK or, after the retries, nothing): refresh until it is settled. */
  async function watchDisconnect(sessionId) {
    for (let round = 0; round < 20; round += 1) {
      const sessions = await loadSessions();
      const watched = sessions.find((s) => s.id === sessionId);
      const state = watched && watched.disconnect ? watched.disconnect.state : null;
      if (!watched || ['acked', 'nakked', 'timed-out'].includes(state) || $('view-sessions').hidden) return;
      await new Promise((resolve) => { setTimeout(resolve, 2000); });
    }
  }

  /* ---------- Start ---------- */

  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => signOut());
  window.addEventListener('hashchange', route);
  $('plan-new').addEventListener('click', () => editPlan(null));
  $('plan-form').addEventListener('submit', savePlan);
  $('router-new').addEventListener('click', () => editRouter(null));
  $('router-form').addEventListener('submit', saveRouter);
  $('router-script-copy').addEventListener('click', () => navigator.clipboard.writeText($('router-script').textContent)
    .then(() => flash('Script copied.'), () => flash('Select the text and copy it by hand.', true)));
  $('sell-form').addEventListener('submit', sellVoucher);
  $('batch-form').addEventListener('submit', createBatch);
  $('voucher-filters').addEventListener('submit', (e) => { e.preventDefault(); state.voucherOffset = 0; loadVouchers().catch((err) => flash(err.message, true)); });
  $('payment-filters').addEventListener('submit', (e) => { e.preventDefault(); state.paymentOffset = 0; loadPayments().catch((err) => flash(err.message, true)); });
  $('payments-csv').addEventListener('click', () => exportPayments().catch((err) => flash(err.message, true)));
  $('sessions-refresh').addEventListener('click', () => loadSessions().catch((err) => flash(err.message, true)));
  document.querySelectorAll('[data-cancel]').forEach((button) => button.addEventListener('click', () => { $(button.dataset.cancel).hidden = true; }));

  if (signedIn()) enter();
})();
