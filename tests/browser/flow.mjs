// Drives Outage Desk in headless Debian Chromium, as a person would: sign in, file, review,
// publish, read it in public, download the PDF — once hydrated (JavaScript on), and the
// filing step again with JavaScript off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { apiPages } from './api.mjs';
import { wholeCase } from './case.mjs';
import { layout } from './layout.mjs';
import { onboarding } from './onboarding.mjs';
import { secondStep } from './totp.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const PASSWORD = 'demo-password-2026';
let passed = 0;
let failed = 0;

function check(cond, what) {
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function test(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${e.stack ?? e}`);
  }
}

// Runs axe-core (WCAG 2.1 A/AA rules) on the current page; any violation fails the test.
// Evaluated through the DevTools protocol: an inline <script> tag would be refused by the
// page's Content-Security-Policy, as it should be.
async function accessible(page, what) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  // and, from axe's best practices, that all content sits in landmarks with one main
  const landmarks = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'rule', values: ['region', 'landmark-one-main', 'landmark-no-duplicate-banner'] } }));
  const found = [...result.violations, ...landmarks.violations].map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  check(found.length === 0, `${what}: accessibility violations: ${found.join('; ')}`);
}

async function signIn(page, email) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel(/이메일|Email/).fill(email);
  await page.getByLabel(/비밀번호|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /로그인|Sign in/ }).click();
  await page.waitForLoadState('load');
  // the signatory, reviewer, lead and system admin are asked for a code (demo key)
  await secondStep(page, email);
}

const SAVE = /저장하고 작업 목록으로|Save and return/;

async function openIncident(page, title) {
  await page.goto(`${BASE}/filing/new`);
  await page.fill('#title', title);
  await page.getByRole('button', { name: /사고 등록|Open incident/ }).click();
  await page.waitForURL(/\/filing\/incidents\/OD-\d{4}-\d{6}$/);
  return page.url().split('/').pop();
}

// Pages whose context runs no JavaScript: nothing hydrates there.
const scriptless = new WeakSet();
async function pageWithoutScript() {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  scriptless.add(page);
  return page;
}

// Opens a section of the draft; with JavaScript on, waits until the browser has taken the
// form over (before that, typing reaches neither the live check nor the leave guard).
async function openSection(page, ref, slug) {
  await page.goto(`${BASE}/filing/incidents/${ref}/draft/${slug}`);
  if (!scriptless.has(page)) await page.locator('form[data-hydrated]').waitFor({ timeout: 15_000 });
}

// Opens a section of the draft, lets `fill` answer it, saves, and checks where it lands.
async function saveSection(page, ref, slug, fill, { expectErrors = false } = {}) {
  await openSection(page, ref, slug);
  await fill(page);
  await page.getByRole('button', { name: SAVE }).click();
  if (expectErrors) {
    await page.waitForURL(new RegExp(`/draft/${slug}\\?saved=1`));
  } else {
    await page.waitForURL(new RegExp(`/filing/incidents/${ref}\\?saved=${slug}`));
  }
}

// One box at a time: concurrent clicks can land on a box that scrolled into another's place.
async function tick(page, name, ...codes) {
  for (const c of codes) await page.check(`input[name="${name}"][value="${c}"]`);
}

// A realistic multi-service outage: a colocated data centre loses power.
const INITIAL = {
  summary: async (p, title) => {
    await p.fill('#title', title);
    await tick(p, 'regimes', 'KR_FA38', 'KR_TBA33', 'EU_NIS2');
    await p.selectOption('#status', 'ongoing');
    await p.fill('#services_affected', '메신저\n계정 로그인\n페이');
    await tick(p, 'functions_affected', 'login', 'messaging', 'payments');
    await p.fill('#downstream_dependents', '우리 계정으로 로그인하는 철도 예매 앱');
    await p.fill('#description', '임차 데이터센터 전원 차단 #read("/etc/passwd") ] * $');
  },
  times: async (p) => {
    await p.fill('#onset_at', '2026-11-01T15:19');
    await p.fill('#detected_at', '2026-11-01T15:23');
    await p.selectOption('#detection_source', 'monitoring');
  },
  impact: async (p) => {
    await tick(p, 'impact_type', 'complete_unavailability');
    await p.fill('#users_affected', '12,000,000');
    await p.selectOption('#estimation_basis', 'measured');
    await p.fill('#service_users', '30000000');
  },
  cause: async (p) => {
    await p.selectOption('#cause_category', 'POWER');
    await tick(p, 'suspected_malicious', 'no');
    await tick(p, 'third_party_involved', 'yes');
    await p.selectOption('#third_party_role', 'data_centre');
  },
  response: async (p) => {
    await p.fill('#emergency_measures', '대체 데이터센터로 전환');
    await p.fill('#recovery_plan', '로그인부터 순차 복구');
  },
  redundancy: async (p) => {
    await tick(p, 'failover_attempted', 'yes');
    await tick(p, 'failover_succeeded', 'no');
  },
  notice: async (p) => {
    await tick(p, 'notice_sent', 'yes');
    await p.fill('#notice_sent_at', '2026-11-01T15:50');
    await tick(p, 'notice_channels', 'sns', 'press');
    await tick(p, 'notice_contents', 'fact', 'cause', 'response', 'contact');
  },
};

async function fillInitial(page, ref, title) {
  for (const [slug, fill] of Object.entries(INITIAL)) {
    await saveSection(page, ref, slug, (p) => fill(p, title));
  }
}

// The signatory reviews the answers and submits; returns the filing reference.
async function signAndSubmit(page, ref, version) {
  await page.goto(`${BASE}/filing/incidents/${ref}/draft/check`);
  await page.fill('#signatory_title', '준법감시인');
  await page.check('#attest');
  await page.getByRole('button', { name: /제출|Submit/ }).last().click();
  await page.waitForURL(new RegExp(`/filing/filings/${ref}-0${version}\\?received=1`));
  return (await page.locator('.panel-reference').innerText()).trim();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const stamp = Date.now();
const title = `브라우저 테스트 장애 ${stamp}`;
let reference = '';
let incidentRef = '';

await test('JS on: pages hydrate and links navigate in the browser', async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // the sign-in page hydrates (public pages are sent without script: see the next test)
  await page.goto(`${BASE}/login`);
  await page.waitForFunction(() => document.querySelector('script[type=module]') !== null);
  await page.waitForTimeout(1500); // let the wasm bundle load and hydrate
  await page.evaluate(() => { window.__stayed = 'yes'; });
  await page.locator('header a[href="/incidents"]').first().click();
  await page.waitForURL(`${BASE}/incidents`);
  await page.locator('h1').first().waitFor();
  check(await page.evaluate(() => window.__stayed) === 'yes', 'client-side navigation (no full reload) after hydration');
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
});

await test('public pages: readable without script, light on a first visit, cached and searchable', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = [];
  page.on('requestfinished', async (request) => {
    const s = await request.sizes().catch(() => null);
    if (s) sizes.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  await page.goto(`${BASE}/?lang=ko`);
  await page.waitForLoadState('networkidle');
  check(await page.locator('script[type=module]').count() === 0, 'no application script on a public page');
  check(!sizes.some((s) => /\.wasm|\.js$/.test(s.url)), `no script or WebAssembly downloaded: ${sizes.map((s) => s.url).join(', ')}`);
  const first = sizes.reduce((n, s) => n + s.bytes, 0);
  check(first <= 300 * 1024, `a first visit transfers ${first} bytes (at most 300 KB)`);
  console.log(`  first visit to / transferred ${first} bytes in ${sizes.length} requests`);
  // the stylesheet is linked by its content version, compressed, and kept for a year
  const css = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
  check(/^\/pkg\/outage-desk\.css\?v=[0-9a-f]{16}$/.test(css || ''), `the stylesheet is versioned: ${css}`);
  const cssAnswer = await page.request.get(`${BASE}${css}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  const cssHeaders = cssAnswer.headers();
  check(/immutable/.test(cssHeaders['cache-control'] || ''), `a versioned file is immutable: ${cssHeaders['cache-control']}`);
  check(['br', 'gzip'].includes(cssHeaders['content-encoding']), `the stylesheet is sent compressed: ${cssHeaders['content-encoding']}`);
  const plain = await page.request.get(`${BASE}/pkg/outage-desk.css`);
  check(/no-cache/.test(plain.headers()['cache-control'] || ''), 'an unversioned address is revalidated');
  // a summary, its operator's record, the search with a filter, all without script
  await page.goto(`${BASE}/incidents?q=${encodeURIComponent('판교톡')}`);
  check(await page.locator('.incident-list li').count() >= 1, 'the search finds the demo operator');
  const operator = await page.locator('.incident-list a[href^="/operators/"]').first().getAttribute('href');
  await page.goto(`${BASE}${operator}`);
  check(await page.locator('svg.chart').count() === 1, 'the operator record draws its chart');
  await accessible(page, 'operator record');
  await page.goto(`${BASE}/incidents`);
  await page.locator('#duration').selectOption('gt3d');
  await page.locator('form.search-panel button[type=submit]').click();
  await page.waitForURL(/duration=gt3d/);
  await accessible(page, 'incident search with a filter');
  await page.goto(`${BASE}/open-data`);
  await accessible(page, 'open data');
  await context.close();
});

await test('CSP: a script slipped into the HTML does not run, the page still hydrates, nothing is reported', async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  const violations = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  // as if escaping had failed: an inline script and an inline handler in the served page
  // (in <head>, which hydration does not walk, so only the policy can stop them)
  await page.route(`${BASE}/login`, async (route) => {
    const response = await route.fetch();
    const injected = '<head><script>window.__injected = 1</script>'
      + '<link rel="stylesheet" href="/pkg/outage-desk.css" onload="window.__handler = 1">';
    const body = (await response.text()).replace('<head>', injected);
    await route.fulfill({ response, body });
  });
  await page.goto(`${BASE}/login/reset`);
  await page.waitForTimeout(1500);
  check(violations.length === 0, `no violations on a clean page: ${violations.join('; ')}`);
  await page.goto(`${BASE}/login`);
  await page.waitForTimeout(1500);
  check(await page.evaluate(() => window.__injected) === undefined, 'the injected inline script did not run');
  check(await page.evaluate(() => window.__handler) === undefined, 'the injected handler did not run');
  check(violations.some((v) => /script/i.test(v)), 'the browser reports the refused script');
  // and the real application still hydrated: client-side navigation keeps window state
  await page.evaluate(() => { window.__stayed = 'yes'; });
  await page.locator('a.site-name').first().click();
  await page.waitForURL(`${BASE}/`);
  check(await page.evaluate(() => window.__stayed) === 'yes', 'hydrated under the policy');
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
});

await test('JS on: initial notification, interim update and final report of a multi-service outage', async () => {
  const officerCtx = await browser.newContext();
  const officer = await officerCtx.newPage();
  const errors = [];
  officer.on('pageerror', (e) => errors.push(String(e)));
  await signIn(officer, 'officer@pangyo-talk.example');
  check(officer.url().endsWith('/filing'), `landed on /filing, got ${officer.url()}`);
  incidentRef = await openIncident(officer, title);
  await fillInitial(officer, incidentRef, title);
  check(await officer.locator('.task-list .tag', { hasText: '완료' }).count() === 7, 'every required section completed');
  check(await officer.locator('.task-list .tag', { hasText: '이 단계에서는 선택' }).count() === 2, 'the rest not needed yet');
  const signatory = await (await browser.newContext()).newPage();
  await signIn(signatory, 'signatory@pangyo-talk.example');
  const v1 = await signAndSubmit(signatory, incidentRef, 1);
  check(v1 === `${incidentRef}-01`, `version 1: ${v1}`);
  const pdf = await officerCtx.request.get(`${BASE}/filing/filings/${v1}/pdf`);
  check(pdf.status() === 200 && (await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'PDF downloads');

  // interim update: progress and a timeline
  await officer.goto(`${BASE}/filing/incidents/${incidentRef}`);
  await officer.getByRole('button', { name: /중간 보고 작성/ }).click();
  await officer.waitForURL(new RegExp(`/filing/incidents/${incidentRef}$`));
  await saveSection(officer, incidentRef, 'times', async (p) => {
    check(await p.inputValue('#onset_at') === '2026-11-01T15:19', 'carried forward');
    await p.fill('#timeline\\.0\\.at', '2026-11-01T15:23');
    await p.selectOption('#timeline\\.0\\.kind', 'detect');
    await p.fill('#timeline\\.0\\.text', '전원 경보');
  });
  await saveSection(officer, incidentRef, 'response', (p) => p.fill('#pct_services_restored', '40'));
  await saveSection(officer, incidentRef, 'summary', (p) => p.selectOption('#severity', 'alert'));
  await saveSection(officer, incidentRef, 'impact', async (p) => {
    // the browser runs the same checks as the server while typing
    await p.fill('#users_affected', '40000000');
    await p.locator('#users_affected').blur();
    await p.locator('.live-problems li').first().waitFor({ timeout: 5000 });
    check((await p.locator('.live-problems').innerText()).includes('서비스 이용자 수보다 많을 수 없습니다'), 'live check');
    await p.fill('#users_affected', '14000000');
    await tick(p, 'data_loss', 'no');
  });
  await signAndSubmit(signatory, incidentRef, 2);

  // final report
  await officer.goto(`${BASE}/filing/incidents/${incidentRef}`);
  await officer.getByRole('button', { name: /최종 보고 작성/ }).click();
  await officer.waitForURL(new RegExp(`/filing/incidents/${incidentRef}$`));
  await saveSection(officer, incidentRef, 'summary', (p) => p.selectOption('#status', 'restored'));
  await saveSection(officer, incidentRef, 'times', (p) => p.fill('#restored_at', '2026-11-02T03:00'));
  await saveSection(officer, incidentRef, 'response', (p) => p.fill('#pct_services_restored', '100'));
  await saveSection(officer, incidentRef, 'cause', async (p) => {
    await tick(p, 'detailed_causes', 'hw_physical_damage', 'third_party_failure');
    await p.fill('#cause_narrative', '배터리실 화재로 전원 차단; 운영 도구 단일 데이터센터');
    await tick(p, 'assets_affected', 'power', 'ops_tools');
  });
  await saveSection(officer, incidentRef, 'redundancy', async (p) => {
    await tick(p, 'data_replicated', 'yes');
    await tick(p, 'service_multi_dc', 'yes');
    await tick(p, 'ops_tools_multi_dc', 'no');
    await p.fill('#rto_target_min', '120');
    await p.fill('#rto_actual_min', '701');
  });
  await saveSection(officer, incidentRef, 'compensation', (p) => p.fill('#compensation_scheme', '유료 이용 기간 3배 연장'));
  await saveSection(officer, incidentRef, 'prevention', async (p) => {
    await p.fill('#prevention\\.0\\.measure', '운영 도구 3중화');
    await p.fill('#prevention\\.0\\.owner', '인프라실');
    await p.fill('#prevention\\.0\\.due', '2027-03-31');
    await p.selectOption('#prevention\\.0\\.status', 'in_progress');
  });
  reference = await signAndSubmit(signatory, incidentRef, 3);

  // the versions compare field by field
  await officer.goto(`${BASE}/filing/incidents/${incidentRef}/compare?from=1&to=3`);
  const rows = await officer.locator('tbody tr').allInnerTexts();
  check(rows.some((r) => r.includes('12,000,000') && r.includes('14,000,000')), `users affected changed: ${rows.join(' | ')}`);
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
});

await test('JS on: a Save clicked as the last problem is fixed is not lost; unsaved edits ask before leaving', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signIn(page, 'officer@pangyo-talk.example');
  const ref = await openIncident(page, '저장 클릭 확인');
  await openSection(page, ref, 'redundancy');
  await page.fill('#rto_target_min', '-10');
  await page.fill('#rto_actual_min', '-5');
  await page.locator('#rto_actual_min').blur();
  await page.locator('.live-problems li').first().waitFor({ timeout: 5000 });
  // at the bottom of the page, fix the values and click Save while the field still has focus
  await page.fill('#rto_target_min', '30');
  await page.locator('#rto_target_min').blur();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.fill('#rto_actual_min', '45');
  const save = page.getByRole('button', { name: SAVE });
  const before = await save.boundingBox();
  await save.click();
  await page.waitForURL(new RegExp(`/filing/incidents/${ref}\\?saved=redundancy`), { timeout: 10000 });
  check(before !== null, 'the Save button was on screen');

  // an edit not saved yet: leaving asks first, and staying keeps it
  await openSection(page, ref, 'summary');
  await page.fill('#description', '아직 저장하지 않은 설명');
  let asked = '';
  page.once('dialog', (d) => { asked = d.type(); d.dismiss(); });
  await page.getByRole('link', { name: /작업 목록으로 돌아가기|Back to the task list/ }).click();
  await page.waitForTimeout(500);
  check(asked === 'confirm', `leaving asked first (${asked || 'no dialog'})`);
  check(page.url().endsWith('/draft/summary'), `stayed on the page: ${page.url()}`);
  check(await page.inputValue('#description') === '아직 저장하지 않은 설명', 'the edit is still there');
  // saving is not asked about
  await page.getByRole('button', { name: SAVE }).click();
  await page.waitForURL(new RegExp(`/draft/summary\\?saved=1|/filing/incidents/${ref}\\?saved=summary`));
});

await test('JS on: a whole review case, from assessment to publication and closure', async () => {
  await wholeCase({ browser, BASE, reference, check, signIn, accessible });
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`${BASE}/incidents`);
  await anon.getByRole('link', { name: 'English' }).click();
  await anon.waitForURL(/lang=en/);
  check(await anon.locator('html').getAttribute('lang') === 'en', '<html lang="en">');
});

await test('JS off: a bad value keeps everything typed, then the initial notification is filed', async () => {
  const page = await pageWithoutScript();
  await signIn(page, 'officer@pangyo-talk.example');
  const noJsTitle = `${title} (JS 없음)`;
  const ref = await openIncident(page, noJsTitle);
  await fillInitial(page, ref, noJsTitle);
  await saveSection(page, ref, 'impact', async (p) => {
    await p.fill('#users_affected', 'about a million');
    await p.fill('#regions', '수도권');
  }, { expectErrors: true });
  check(await page.locator('.error-summary').count() === 1, 'error summary shown');
  check((await page.locator('#users_affected-error').innerText()).includes('정수'), 'message beside the field');
  check(await page.inputValue('#users_affected') === 'about a million', 'bad value kept as typed');
  check(await page.inputValue('#regions') === '수도권', 'the rest kept');
  await page.goto(`${BASE}/filing/incidents/${ref}/draft/summary`);
  check((await page.inputValue('#description')).includes('#read("/etc/passwd")'), 'other sections kept');
  await saveSection(page, ref, 'impact', (p) => p.fill('#users_affected', '1200000'));
  const signatory = await pageWithoutScript();
  await signIn(signatory, 'signatory@pangyo-talk.example');
  const filed = await signAndSubmit(signatory, ref, 1);
  check(filed === `${ref}-01`, `confirmation with reference ${filed}`);
});

await test('accessibility: no axe-core violations on public, sign-in, form-with-errors and review pages', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/`);
  await accessible(page, 'home');
  await page.goto(`${BASE}/incidents?lang=en`);
  await accessible(page, 'incidents (en)');
  await page.locator('.incident-list h3 a').first().click();
  await page.waitForURL(/\/incidents\/OD-/);
  await accessible(page, 'incident detail');
  await page.locator('main a[href^="/operators/"]').first().click();
  await page.waitForURL(/\/operators\//);
  check(await page.locator('svg.chart').count() >= 1, 'the operator record has its chart');
  await accessible(page, 'operator record');
  await page.goto(`${BASE}/incidents?lang=ko&cause=POWER&year=2025`);
  check(await page.locator('.incident-list h3 a').count() >= 1, 'the filtered list finds the demo fire');
  await accessible(page, 'incidents filtered (ko)');
  await page.goto(`${BASE}/open-data`);
  await accessible(page, 'open data');
  await page.goto(`${BASE}/rules`);
  check(await page.locator('.rule-version').count() >= 8, 'every rule set names its version');
  await accessible(page, 'the rules');
  await page.goto(`${BASE}/login?lang=ko`);
  await accessible(page, 'sign-in');
  await signIn(page, 'officer@pangyo-talk.example');
  await accessible(page, 'filing dashboard');
  await page.goto(`${BASE}/filing/new`);
  await page.locator('main').getByRole('button', { name: /사고 등록/ }).click();
  await page.waitForLoadState('load');
  await accessible(page, 'new incident with errors');
  await page.goto(`${BASE}/filing/incidents/${incidentRef}`);
  await accessible(page, 'incident page');
  await page.goto(`${BASE}/filing/incidents/${incidentRef}/compare?from=1&to=2`);
  await accessible(page, 'version comparison');
  const draftRef = await openIncident(page, `${title} (a11y)`);
  await saveSection(page, draftRef, 'impact', (p) => p.fill('#users_affected', 'many'), { expectErrors: true });
  await accessible(page, 'draft section with errors');
  await page.goto(`${BASE}/filing/incidents/${draftRef}/draft/check`);
  await accessible(page, 'check your answers');
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@pangyo-talk.example');
  await admin.goto(`${BASE}/filing/organisation`);
  check(await admin.getByText('판교톡 메신저').count() > 0, 'demo services listed');
  await admin.locator('details.add-record summary').first().click();
  await accessible(admin, 'organisation profile (admin)');
  await admin.goto(`${BASE}/account/sessions`);
  check(await admin.getByText('지금 이 세션').count() === 1, 'this session is marked on "Your sessions"');
  await accessible(admin, 'your sessions');
  await admin.goto(`${BASE}/account/password`);
  await admin.getByRole('button', { name: /비밀번호 변경/ }).click();
  await admin.waitForLoadState('load');
  check(await admin.locator('.error-summary').count() === 1, 'password form errors shown');
  await accessible(admin, 'password change with errors');
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, 'lead@msit.example');
  await accessible(reviewer, 'review queue');
  await reviewer.getByRole('link', { name: reference }).click();
  await reviewer.waitForURL(`**/review/filings/${reference}`);
  await accessible(reviewer, 'review page');
  await reviewer.goto(`${BASE}/review/overview`);
  await accessible(reviewer, 'ministry overview');
  await reviewer.goto(`${BASE}/review/incidents/OD-2025-000001`);
  await accessible(reviewer, 'closed demo case');
});

await test('onboarding: an organisation, its admin and officer join by e-mailed links; a question reaches the officer by e-mail', async () => {
  await onboarding({ browser, BASE, check, signIn, accessible });
});

await test('layout: no page scrolls sideways at 360 px; dates and navigation keep to their line at 1280 px', async () => {
  await layout({ browser, BASE, check, signIn, incidentRef, reference });
});

await test('api: a token made on the account page files through /api/v1 and stops when revoked; /api/docs; a webhook', async () => {
  await apiPages({ browser, BASE, check, signIn, accessible });
});

await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
