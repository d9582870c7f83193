// Layout at phone and desktop widths (issue #11, item 14): no page scrolls sideways at 360 px
// (a wide table scrolls inside its own box), the incident page fits 390 px, the clock table's
// dates keep to their line at 1280 px and the operator's header navigation to one line. Every
// page is also photographed, full length, into $SCREENSHOTS (default target/screenshots) for a
// person to look at.
import { mkdirSync } from 'node:fs';

/// How far the page reaches sideways beyond the viewport, in CSS pixels.
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/// Lines a cell's text takes: the distinct line boxes of its content (the cell itself is as
/// tall as its row).
async function lines(locator) {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
    return tops.size;
  });
}

export async function layout({ browser, BASE, check, signIn, incidentRef, reference }) {
  const dir = process.env.SCREENSHOTS ?? 'target/screenshots';
  mkdirSync(dir, { recursive: true });
  const incident = reference.replace(/-\d{2}$/, '');
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`${BASE}/incidents`);
  const published = await anon.locator('main a[href^="/incidents/OD-"]').first().getAttribute('href');
  const pages = [
    [null, 'home', '/'],
    [null, 'incidents', '/incidents'],
    [null, 'public-incident', published],
    [null, 'sign-in', '/login'],
    [null, 'rules', '/rules'],
    [null, 'operator-record', '/operators/pangyo-talk'],
    [null, 'open-data', '/open-data'],
    ['officer@pangyo-talk.example', 'dashboard', '/filing'],
    ['officer@pangyo-talk.example', 'incident', `/filing/incidents/${incidentRef}`],
    ['officer@pangyo-talk.example', 'version', `/filing/filings/${reference}`],
    ['officer@pangyo-talk.example', 'new-incident', '/filing/new'],
    ['officer@pangyo-talk.example', 'sessions', '/account/sessions'],
    ['lead@msit.example', 'two-step', '/account/two-step'],
    ['admin@outage-desk.example', 'admin', '/admin'],
    ['admin@outage-desk.example', 'staff', '/admin/staff'],
    ['admin@pangyo-talk.example', 'organisation', '/filing/organisation'],
    ['lead@msit.example', 'queue', '/review'],
    ['lead@msit.example', 'review-filing', `/review/filings/${reference}`],
    ['lead@msit.example', 'case', `/review/incidents/${incident}`],
    ['lead@msit.example', 'assess-duties', `/review/incidents/${incident}/duties`],
    ['lead@msit.example', 'summary', `/review/incidents/${incident}/summary`],
    ['lead@msit.example', 'close', `/review/incidents/${incident}/close`],
    ['lead@msit.example', 'overview', '/review/overview'],
  ];
  const wide = [];
  for (const width of [360, 1280]) {
    const signedIn = {};
    for (const [who, name, path] of pages) {
      const key = who ?? 'anonymous';
      if (!signedIn[key]) {
        signedIn[key] = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
        if (who) await signIn(signedIn[key], who);
      }
      const page = signedIn[key];
      await page.goto(`${BASE}${path}`);
      await page.screenshot({ path: `${dir}/${width}-${name}.png`, fullPage: true });
      const beyond = await overflow(page);
      if (beyond > 0) wide.push(`${name} at ${width} px: ${beyond} px too wide`);
    }
    if (width === 1280) {
      // the operator's header navigation is one line; the clock table's due dates too
      const officer = signedIn['officer@pangyo-talk.example'];
      await officer.goto(`${BASE}/filing/incidents/${incidentRef}`);
      const nav = await officer.locator('.site-nav').boundingBox();
      const link = await officer.locator('.site-nav a').first().boundingBox();
      check(nav && link && nav.height < link.height * 1.8, `header navigation on one line (${nav?.height} px)`);
      // every date in the Due and Done columns is one unbroken line, and the table fits
      const dates = officer.locator('#clocks-title ~ .table-scroll td.when .date');
      check(await dates.count() > 4, 'dates in the clock table');
      for (let i = 0; i < await dates.count(); i++) {
        const n = await dates.nth(i).evaluate((el) => el.getClientRects().length);
        check(n === 1, `date ${i + 1} on one line (${n}): ${await dates.nth(i).innerText()}`);
      }
      const table = await officer.locator('#clocks-title ~ .table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
      check(table <= 0, `the clock table fits at 1280 px (${table} px over)`);
      const cells = officer.locator('#clocks-title ~ .table-scroll td.when');
      for (let i = 0; i < await cells.count(); i++) {
        const n = await lines(cells.nth(i));
        check(n <= 3, `due/done cell ${i + 1} takes ${n} lines: ${await cells.nth(i).innerText()}`);
      }
    }
  }
  // at 390 px the incident page fits, with the clocks' Due and Status columns reachable
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, 'officer@pangyo-talk.example');
  await phone.goto(`${BASE}/filing/incidents/${incidentRef}`);
  check(await overflow(phone) <= 0, `the incident page fits 390 px (${await overflow(phone)} px over)`);
  const status = phone.locator('#clocks-title ~ .table-scroll tbody tr').first().locator('td').last();
  await status.scrollIntoViewIfNeeded();
  const box = await status.boundingBox();
  check(box && box.x >= 0 && box.x + box.width <= 391, `the clock's status is on screen (${JSON.stringify(box)})`);
  await phone.screenshot({ path: `${dir}/390-incident.png`, fullPage: true });
  check(wide.length === 0, `pages wider than the screen: ${wide.join('; ')}`);
}
