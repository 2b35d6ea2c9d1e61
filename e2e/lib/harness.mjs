// Shared helpers of the browser tests: Debian's Chromium through playwright-core (which downloads
// no browser), axe-core accessibility checks and phone/desktop screenshots.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.INTERRA_E2E_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const SCREENSHOTS = process.env.INTERRA_E2E_SCREENSHOTS
  ?? path.resolve(here, '../../target/e2e-screenshots');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const PASSWORD = 'interra-demo-2026';
export const ADMIN = 'admin@demo.interra.be';
export const COORDINATOR = 'coordinator@demo.interra.be';
export const COACH = 'coach@demo.interra.be';

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts headless Chromium with a fresh profile directory; returns { context, close }. */
export async function launch({ viewport = DESKTOP } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interra-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
  });
  const errors = [];
  // Anything the server's Content-Security-Policy blocked: the app must work under it, so
  // every session fails when it closes with one of these.
  const cspViolations = [];
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    if (m.type() === 'error' && !/status of (401|404|409|422|403)/.test(m.text())) {
      errors.push(`console.error: ${m.text()}`);
    }
  });
  return {
    context,
    page,
    errors,
    cspViolations,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      assert.deepEqual(cspViolations, [], 'the Content-Security-Policy blocked something');
    },
  };
}

/** Opens `path` and waits until the app has rendered a top-level heading. */
export async function open(page, urlPath) {
  await page.goto(`${BASE_URL}${urlPath}`, { waitUntil: 'load' });
  await page.locator('main h1').first().waitFor();
}

/** The visible text of the page's main heading, once it matches `expected`. */
export async function expectHeading(page, expected) {
  await page.locator('main h1', { hasText: expected }).first().waitFor();
}

/** Fills and sends the sign-in form already on screen (tests of the form itself use this). */
export async function signIn(page, email, password = PASSWORD) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('main form button[type=submit]').click();
}

/**
 * A browser signed in as `email` through the sign-in page, on the home page: what every test
 * that starts signed in uses. Returns the session of {@link launch}.
 */
export async function signedIn(email, { password = PASSWORD, viewport = DESKTOP } = {}) {
  const s = await launch({ viewport });
  try {
    await open(s.page, '/login');
    await signIn(s.page, email, password);
    await expectHeading(s.page, 'Bonjour');
  } catch (e) {
    await s.close();
    throw e;
  }
  return s;
}

/** An access token for `email`, for setting data up through the API. */
export async function accessToken(email, password = PASSWORD) {
  const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, `sign-in of ${email}: ${text}`);
  return JSON.parse(text).access_token;
}

/** Runs axe-core on the current page; serious or critical violations fail the test. */
export async function checkA11y(page, screen) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an inline
  // <script> tag would be refused, as it should be).
  if (!hasAxe) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.filter((v) => !blocking.includes(v));
  for (const v of minor) {
    console.log(`# axe (${screen}) ${v.impact}: ${v.id} — ${v.help} (${v.nodes.length} node(s))`);
  }
  const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
    .slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`).join('\n');
  assert.equal(blocking.length, 0, `axe found serious/critical violations on ${screen}:\n${report}`);
  return result;
}

/** Screenshots the current page at phone and desktop widths, then restores the viewport. */
export async function screenshots(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Whether `summary` shows a disclosure marker, and the marker's transform (it turns when open). */
export async function disclosureMarker(summary) {
  return summary.evaluate((el) => {
    const before = getComputedStyle(el, '::before');
    const own = getComputedStyle(el);
    const drawn = before.content !== 'none' && before.content !== 'normal'
      && (parseFloat(before.borderInlineStartWidth) > 0 || parseFloat(before.width) > 0);
    const native = own.display === 'list-item' && own.listStyleType !== 'none';
    return { shown: drawn || native, transform: before.transform };
  });
}
