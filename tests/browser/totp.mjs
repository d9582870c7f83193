// Two-step codes as an authenticator app computes them (RFC 6238: HMAC-SHA-1, six digits,
// 30-second steps), for the browser tests' sign-ins. A code is accepted once per person, so
// each person's last step is remembered here and the next sign-in uses a later one (waiting
// for the clock when the steps around now are used).
import { createHmac } from 'node:crypto';

// the key of the demo accounts whose role requires two-step verification (server/src/seeds)
export const DEMO_KEY = 'DEMOKEYOFOUTAGEDESKMAKERUNTWO2FA';

function base32(key) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of key.replace(/\s+/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

export function codeAt(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32(key)).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

const lastStep = new Map();

// The code `email` should type now: the current step's, or a later one if that was used.
export async function nextCode(email, key) {
  const now = () => Math.floor(Date.now() / 30_000);
  let step = Math.max(now(), (lastStep.get(email) ?? -1) + 1);
  // the server accepts one step ahead; further ahead, wait until it is near
  while (step > now() + 1) await new Promise((r) => setTimeout(r, 1_000));
  lastStep.set(email, step);
  return codeAt(key, step);
}

// Answers the second step of a sign-in, if the page asks for it.
export async function secondStep(page, email, key = DEMO_KEY) {
  if (!/\/login\/two-step/.test(page.url())) return false;
  await page.locator('#code').fill(await nextCode(email, key));
  await page.locator('form.narrow-form button[type=submit]').click();
  await page.waitForLoadState('load');
  return true;
}
