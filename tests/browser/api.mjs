// The machine interface as its first users meet it in a browser: an officer makes an API token
// on the account page (shown once), the token works against /api/v1 and stops at revocation;
// the API reference at /api/docs loads with its own assets under its CSP; an organisation's
// admin registers a webhook and sees its signing secret once. Screenshots go to $SHOTS if set.
export async function apiPages({ browser, BASE, check, signIn, accessible }) {
  const shot = async (page, name) => {
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${name}.png`, fullPage: true });
  };
  const call = (token) => fetch(`${BASE}/api/v1/incidents`, { headers: { Authorization: `Bearer ${token}` } });

  const officerCtx = await browser.newContext();
  const officer = await officerCtx.newPage();
  await signIn(officer, 'officer@pangyo-talk.example');
  await officer.goto(`${BASE}/account/api-tokens`);
  await accessible(officer, 'API tokens page');
  await officer.getByLabel(/토큰 이름|Token name/).fill('장애 대응 봇 <incident bot>');
  await officer.getByLabel(/보고서 작성|File drafts/).check();
  await officer.getByLabel(/유효 기간|Expires after/).selectOption('30');
  await officer.getByRole('button', { name: /토큰 만들기|Make token/ }).click();
  await officer.waitForLoadState('load');
  const token = await officer.locator('#fresh-token').inputValue();
  check(/^od_[a-z0-9]{10}_[A-Za-z0-9]{40}$/.test(token), `a token is shown once: ${token}`);
  await accessible(officer, 'API tokens page with a new token');
  await shot(officer, 'api-tokens-fresh');
  check((await call(token)).status === 200, 'the token reads the incidents');
  check((await call(`${token.slice(0, -1)}x`)).status === 401, 'a changed token does not');

  // read again: listed by its prefix, never shown again
  await officer.goto(`${BASE}/account/api-tokens`);
  check(!(await officer.content()).includes(token), 'the token is not on the page again');
  check((await officer.locator('code', { hasText: token.slice(0, 13) }).count()) === 1, 'its prefix is listed');
  // revoking asks first, then the token stops working
  await officer.locator('summary', { hasText: /폐기…|Revoke…/ }).first().click();
  await officer.getByRole('button', { name: /토큰 폐기|Revoke token/ }).click();
  await officer.waitForURL('**/account/api-tokens?revoked=1');
  check((await call(token)).status === 401, 'a revoked token is refused');
  await shot(officer, 'api-tokens-revoked');
  await officerCtx.close();

  // the reference: Swagger UI from our own files, nothing blocked by the policy
  const docsCtx = await browser.newContext();
  const docs = await docsCtx.newPage();
  const violations = [];
  docs.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text()); });
  const outside = [];
  docs.on('request', (r) => { if (!r.url().startsWith(BASE)) outside.push(r.url()); });
  await docs.goto(`${BASE}/api/docs/`);
  await docs.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
  check((await docs.locator('.opblock').count()) >= 20, 'every operation is listed');
  check(violations.length === 0, `no CSP violations: ${violations.join('; ')}`);
  check(outside.length === 0, `nothing loaded from elsewhere: ${outside.join(', ')}`);
  await shot(docs, 'api-docs');
  await docsCtx.close();

  // an organisation admin registers a webhook; the secret is shown once
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, 'admin@pangyo-talk.example');
  await admin.goto(`${BASE}/filing/organisation`);
  await admin.getByRole('link', { name: /^웹훅$|^Webhooks$/ }).click();
  await admin.waitForURL('**/filing/organisation/webhooks');
  await accessible(admin, 'webhooks page');
  await admin.getByLabel(/받을 주소|Endpoint address/).fill('http://hooks.example.com/outage');
  await admin.getByRole('button', { name: /웹훅 등록|Register webhook/ }).click();
  await admin.waitForLoadState('load');
  check(await admin.locator('#url-error').isVisible(), 'plain http is refused beside the field');
  check(await admin.locator('#events-error').isVisible(), 'and no event chosen');
  check((await admin.getByLabel(/받을 주소|Endpoint address/).inputValue()) === 'http://hooks.example.com/outage', 'what was typed stays');
  await admin.getByLabel(/받을 주소|Endpoint address/).fill('https://hooks.example.com/outage');
  await admin.locator('#event_request_asked').check();
  await admin.locator('#event_measure_issued').check();
  await admin.getByRole('button', { name: /웹훅 등록|Register webhook/ }).click();
  await admin.waitForLoadState('load');
  const secret = await admin.locator('#fresh-secret').inputValue();
  check(/^whsec_[A-Za-z0-9]{40}$/.test(secret), 'the signing secret is shown once');
  await accessible(admin, 'webhooks page with an endpoint');
  await shot(admin, 'webhooks');
  await adminCtx.close();
}
