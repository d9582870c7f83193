// Drives Outage Desk in headless Debian Chromium, as a person would: sign in, file, review,
// publish, read it in public, download the PDF — once hydrated (JavaScript on), and the
// filing step again with JavaScript off.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

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
async function accessible(page, what) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  check(found.length === 0, `${what}: accessibility violations: ${found.join('; ')}`);
}

async function signIn(page, email) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel(/이메일|Email/).fill(email);
  await page.getByLabel(/비밀번호|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /로그인|Sign in/ }).click();
  await page.waitForLoadState('load');
}

async function fillInitial(page, title, { users = '1200000' } = {}) {
  await page.fill('#title', title);
  await page.fill('#services_affected', '메신저\n로그인');
  await page.fill('#onset_at', '2026-01-10T09:00');
  await page.fill('#detected_at', '2026-01-10T09:07');
  await page.fill('#description', '전원 장애 #read("/etc/passwd") ] * $');
  await page.selectOption('#cause_category', 'POWER');
  await page.fill('#emergency_measures', '예비 데이터센터로 전환');
  await page.fill('#users_affected', users);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

const stamp = Date.now();
const title = `브라우저 테스트 장애 ${stamp}`;
let reference = '';

await test('JS on: pages hydrate and links navigate in the browser', async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => document.querySelector('script[type=module]') !== null);
  await page.waitForTimeout(1500); // let the wasm bundle load and hydrate
  await page.evaluate(() => { window.__stayed = 'yes'; });
  await page.locator('main a[href="/incidents"]').first().click();
  await page.waitForURL(`${BASE}/incidents`);
  await page.locator('h1').first().waitFor();
  check(await page.evaluate(() => window.__stayed) === 'yes', 'client-side navigation (no full reload) after hydration');
  check(errors.length === 0, `no page errors: ${errors.join('; ')}`);
});

await test('JS on: officer files an initial notification and gets reference and PDF', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'officer@pangyo-talk.example');
  check(page.url().endsWith('/filing'), `landed on /filing, got ${page.url()}`);
  await page.goto(`${BASE}/filing/new`);
  await page.waitForTimeout(800);
  await fillInitial(page, title);
  await page.getByRole('button', { name: /최초 보고 제출|Submit initial/ }).click();
  await page.waitForURL(/\/filing\/filings\/OD-\d{4}-\d{6}-01\?received=1/);
  reference = (await page.locator('.panel-reference').innerText()).trim();
  check(/^OD-\d{4}-\d{6}-01$/.test(reference), `reference shown: ${reference}`);
  const pdf = await ctx.request.get(`${BASE}/filing/filings/${reference}/pdf`);
  check(pdf.status() === 200, 'PDF downloads');
  check((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'it is a PDF');
});

await test('JS on: reviewer publishes; the public sees it, in English too', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'reviewer@msit.example');
  check(page.url().endsWith('/review'), `landed on /review, got ${page.url()}`);
  await page.getByRole('link', { name: reference }).click();
  await page.waitForURL(`**/review/filings/${reference}`);
  await page.getByRole('heading', { name: title }).waitFor();
  const pdf = await ctx.request.get(`${BASE}/review/filings/${reference}/pdf`);
  check(pdf.status() === 200, 'reviewer downloads the PDF');
  await page.fill('#headline_ko', `${title} 요약`);
  await page.fill('#headline_en', `Browser test outage summary ${stamp}`);
  await page.fill('#summary_ko', '전원 장애로 메신저가 중단되었습니다.');
  await page.fill('#summary_en', 'Messaging stopped after a power failure.');
  await page.getByRole('button', { name: /공개|Publish/ }).click();
  await page.waitForURL(/\/incidents\/OD-/);
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`${BASE}/incidents`);
  check(await anon.getByText(`${title} 요약`).count() === 1, 'listed publicly');
  await anon.getByRole('link', { name: 'English' }).click();
  await anon.waitForURL(/lang=en/);
  check(await anon.getByText(`Browser test outage summary ${stamp}`).count() === 1, 'English headline shown');
  check(await anon.locator('html').getAttribute('lang') === 'en', '<html lang="en">');
});

await test('JS off: a bad value keeps everything typed, then the filing goes through', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, 'officer@pangyo-talk.example');
  await page.goto(`${BASE}/filing/new`);
  const noJsTitle = `${title} (JS 없음)`;
  await fillInitial(page, noJsTitle, { users: 'about a million' });
  await page.getByRole('button', { name: /최초 보고 제출/ }).click();
  await page.waitForLoadState('load');
  check(await page.locator('.error-summary').count() === 1, 'error summary shown');
  check((await page.locator('#users_affected-error').innerText()).includes('정수'), 'message beside the field');
  check(await page.inputValue('#title') === noJsTitle, 'title kept');
  check((await page.inputValue('#description')).includes('#read("/etc/passwd")'), 'description kept');
  await page.fill('#users_affected', '1200000');
  await page.getByRole('button', { name: /최초 보고 제출/ }).click();
  await page.waitForURL(/received=1/);
  check(/^OD-/.test((await page.locator('.panel-reference').innerText()).trim()), 'confirmation with reference');
});

await test('accessibility: no axe-core violations on public, sign-in, form-with-errors and review pages', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${BASE}/`);
  await accessible(page, 'home');
  await page.goto(`${BASE}/incidents?lang=en`);
  await accessible(page, 'incidents (en)');
  await page.getByRole('link', { name: /Pangyo Talk/ }).first().click();
  await page.waitForURL(/\/incidents\/OD-/);
  await accessible(page, 'incident detail');
  await page.goto(`${BASE}/login?lang=ko`);
  await accessible(page, 'sign-in');
  await signIn(page, 'officer@pangyo-talk.example');
  await accessible(page, 'filing dashboard');
  await page.goto(`${BASE}/filing/new`);
  await page.locator('main').getByRole('button', { name: /최초 보고 제출/ }).click();
  await page.waitForLoadState('load');
  await accessible(page, 'filing form with errors');
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, 'lead@msit.example');
  await accessible(reviewer, 'review queue');
  await reviewer.getByRole('link', { name: reference }).click();
  await reviewer.waitForURL(`**/review/filings/${reference}`);
  await accessible(reviewer, 'review page');
});

await browser.close();
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
