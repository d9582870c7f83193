// Onboarding as a ministry runs it, in Chromium, with the server handing e-mail to a real
// SMTP server (tests/support/smtp_sink.py, whose messages land in MAIL_DIR): the system
// administrator adds an organisation and invites its admin; the admin follows the e-mailed
// link, chooses a password, signs in and invites an officer, who does the same; a reviewer
// asks the demo operator a question and its officer receives the e-mail and follows it.
import { readdirSync, readFileSync } from 'node:fs';
import { nextCode, secondStep } from './totp.mjs';

const MAIL_DIR = process.env.MAIL_DIR;

function mails() {
  if (!MAIL_DIR) return [];
  return readdirSync(MAIL_DIR).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(`${MAIL_DIR}/${f}`, 'utf8')));
}

// The newest e-mail to `address` whose text has `marker` (and whose subject matches `subject`,
// when given: an incident's link is also in its deadline reminders).
async function mailTo(address, marker, check, subject = /./) {
  for (let i = 0; i < 100; i++) {
    const found = mails().filter((m) => m.to.includes(address) && m.text.includes(marker) && subject.test(m.subject));
    if (found.length) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 200));
  }
  check(false, `an e-mail to ${address} containing ${marker}`);
}

function linkIn(mail, check) {
  const m = mail.text.match(/https?:\/\/\S+\/login\/invitation\/[0-9a-f]{64}/);
  check(m, `an invitation link in: ${mail.text}`);
  return m[0];
}

async function choosePassword(browser, link, password, check) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(link);
  await page.locator('#new_password').fill(password);
  await page.locator('#confirm_password').fill(password);
  await page.locator('form.narrow-form button[type=submit]').click();
  await page.waitForURL(/\/login\?joined=1/);
  check(await page.locator('.notice').count() === 1, 'the sign-in page says the account is ready');
  // the link works once
  await page.goto(link);
  check(/더 이상 쓸 수 없습니다|no longer works/.test(await page.locator('h1').innerText()), 'a used link is dead');
  await ctx.close();
}

async function signInWith(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form.narrow-form button[type=submit]').click();
  await page.waitForLoadState('load');
}

export async function onboarding({ browser, BASE, check, signIn, accessible }) {
  check(MAIL_DIR, 'MAIL_DIR is set (scripts/browser-tests.sh starts the SMTP server)');
  const stamp = Date.now().toString(36);
  const slug = `seoul-cloud-${stamp}`;
  const adminEmail = `admin-${stamp}@seoul-cloud.example`;
  const officerEmail = `officer-${stamp}@seoul-cloud.example`;
  const password = 'onboarding password 2026';

  // the system administrator adds the organisation
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, 'admin@outage-desk.example');
  await page.goto(`${BASE}/admin/organisations`);
  await accessible(page, 'the organisations page');
  const fields = {
    slug, name_ko: '서울클라우드', name_en: 'Seoul Cloud', legal_name_ko: '서울클라우드 주식회사',
    legal_name_en: 'Seoul Cloud Co., Ltd.', biz_reg_no: '220-81-00000', contact_name: '상황실',
    contact_phone: '02-123-4567', contact_email: `noc-${stamp}@seoul-cloud.example`,
    admin_name: '최관리', admin_email: adminEmail,
  };
  for (const [k, v] of Object.entries(fields)) await page.locator(`#${k}`).fill(v);
  await page.locator('form[action="/admin/organisations"][method="post"] button[type=submit]').click();
  await page.waitForURL(new RegExp(`/admin/organisations/${slug}\\?created=1`));
  check((await page.locator('main').innerText()).includes(adminEmail), 'the invited admin is listed');
  await ctx.close();

  // the admin follows the e-mailed link, chooses a password, signs in, invites an officer
  const invite = await mailTo(adminEmail, '/login/invitation/', check);
  await choosePassword(browser, linkIn(invite, check), password, check);
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signInWith(admin, BASE, adminEmail, password);
  check(/\/filing/.test(admin.url()), `the new admin lands on the filing desk: ${admin.url()}`);
  // the admin sets up two-step verification (optional for their role): the QR page's key
  // goes into "the app" (computed here), its code turns it on, recovery codes are shown once
  await admin.goto(`${BASE}/account/two-step`);
  await admin.locator('form[action="/account/two-step/start"] button[type=submit]').click();
  await admin.waitForURL(/\/account\/two-step#setup/);
  await admin.locator('img.qr-code').waitFor();
  check(await admin.locator('img.qr-code').evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code is drawn');
  await accessible(admin, 'the two-step set-up page');
  const key = (await admin.locator('.setup-key').innerText()).replace(/\s+/g, '');
  const confirm = admin.locator('form[action="/account/two-step/confirm"]');
  await confirm.locator('#code').fill(await nextCode(adminEmail, key));
  await confirm.locator('button[type=submit]').click();
  await admin.waitForLoadState('load');
  check(await admin.locator('.code-list li').count() === 10, 'ten recovery codes are shown once');
  await accessible(admin, 'the recovery codes page');
  await adminCtx.close();
  // from now on signing in asks for a code from the app
  const againCtx = await browser.newContext();
  const again = await againCtx.newPage();
  await signInWith(again, BASE, adminEmail, password);
  check(/\/login\/two-step/.test(again.url()), `a code is asked after the password: ${again.url()}`);
  await accessible(again, 'the second step of signing in');
  await secondStep(again, adminEmail, key);
  check(/\/filing/.test(again.url()), `signed in with the code: ${again.url()}`);
  await again.goto(`${BASE}/filing/organisation`);
  const adminPage = again;
  await adminPage.locator('details.add-record:has(form#member) > summary').click();
  await adminPage.locator('#member_name').fill('정담당');
  await adminPage.locator('#member_email').fill(officerEmail);
  await adminPage.locator('#member_role').selectOption('operator_officer');
  await adminPage.locator('form#member button[type=submit]').click();
  await adminPage.waitForURL(/invited=1/);
  await againCtx.close();

  const officerInvite = await mailTo(officerEmail, '/login/invitation/', check);
  await choosePassword(browser, linkIn(officerInvite, check), password, check);
  const officerCtx = await browser.newContext();
  const officer = await officerCtx.newPage();
  await signInWith(officer, BASE, officerEmail, password);
  check(/\/filing/.test(officer.url()), 'the new officer signs in');
  await officerCtx.close();

  // a reviewer asks the demo operator a question; its officer is e-mailed and follows the link
  const revCtx = await browser.newContext();
  const reviewer = await revCtx.newPage();
  await signIn(reviewer, 'reviewer@msit.example');
  await reviewer.goto(`${BASE}/review`);
  const caseLink = reviewer.locator('a[href^="/review/incidents/OD-"]').first();
  const href = await caseLink.getAttribute('href');
  const reference = href.split('/').pop();
  await reviewer.goto(`${BASE}${href}`);
  const ask = reviewer.locator(`form[action="${href}/requests"]`);
  await ask.locator('textarea[name="question"]').fill('장애 당시 트래픽 그래프를 제출해 주십시오.');
  const due = new Date(Date.now() + 5 * 86400e3 + 9 * 3600e3).toISOString().slice(0, 16);
  await ask.locator('input[name="due"]').fill(due);
  await ask.locator('button[type=submit]').click();
  await reviewer.waitForLoadState('load');
  await revCtx.close();
  const asked = await mailTo('officer@pangyo-talk.example', `/filing/incidents/${reference}`, check,
    /자료제출 요청|Request for information/);
  check(/자료제출 요청|Request for information/.test(asked.subject), `subject: ${asked.subject}`);
  const link = asked.text.match(/https?:\/\/\S+\/filing\/incidents\/OD-\d{4}-\d{6}/)[0];
  const pangyo = await browser.newContext();
  const p = await pangyo.newPage();
  await signIn(p, 'officer@pangyo-talk.example');
  check(await p.locator('.bell-count').count() === 1, 'the bell shows unread notifications');
  await p.goto(link);
  check((await p.locator('main').innerText()).includes('트래픽 그래프'), 'the e-mailed link opens the question');
  await p.goto(`${BASE}/account/notifications`);
  await accessible(p, 'the notifications page');
  await pangyo.close();
}
