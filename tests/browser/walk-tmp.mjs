import { chromium } from 'playwright-core';
import { nextCode, DEMO_KEY } from './totp.mjs';
const BASE = process.env.BASE_URL;
const out = '/tmp/walk';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const p = await ctx.newPage();
await p.goto(`${BASE}/rules`);
await p.screenshot({ path: `${out}/r1-rules.png`, fullPage: true });
await p.goto(`${BASE}/login`);
await p.locator('#email').fill('officer@pangyo-talk.example');
await p.locator('#password').fill('demo-password-2026');
await p.locator('form.narrow-form button[type=submit]').click();
await p.waitForLoadState('load');
await p.goto(`${BASE}/filing`);
const links = await p.locator('main a[href^="/filing/incidents/OD-"]').evaluateAll(a => a.map(x => x.getAttribute('href')));
console.log(links);
for (const [i, l] of links.slice(0, 2).entries()) {
  await p.goto(`${BASE}${l}`);
  await p.screenshot({ path: `${out}/r2-incident-${i}.png`, fullPage: true });
}
await p.goto(`${BASE}/filing/organisation`);
await p.screenshot({ path: `${out}/r3-org.png`, fullPage: true });
await browser.close();
