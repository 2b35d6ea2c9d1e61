// Browser tests of the home page and the impact reports (issue 17) against the demo data of
// `interra serve --demo`: a coordinator signs in and lands on what needs them this week, follows
// an item to where it is handled, opens the reports, changes the period, reads a chart and its
// table, downloads the CSV and the XLSX, and opens the funders' yearly report (print-styled,
// printed to an A4 PDF); a coach sees only what they accompany and no report; every new screen
// is axe-clean in French and Arabic at 360 px and 1280 px.
//
// These tests change nothing. They sign in as the second demo coordinator (app.test.mjs changes
// the first one's password).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL, COACH, DESKTOP, PHONE,
  accessToken, checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(new Date()));

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

/** A JSON GET of the API as `token`. */
async function get(path, token) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    headers: { Accept: 'application/json', 'Accept-Language': 'fr', Authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${text}`);
  return JSON.parse(text);
}

/** The number in a home card's title badge. */
async function badge(page, id) {
  const text = await page.locator(`#${id} h2 .count [aria-hidden=true]`).innerText();
  return Number(text.trim());
}

const LISTS = [
  ['home-promote', 'to_promote'],
  ['home-duos', 'duos_attention'],
  ['home-follow-ups', 'follow_ups_due'],
  ['home-signups', 'signups'],
  ['home-milestones', 'milestones_overdue'],
  ['home-interlab-calls', 'interlab_follow_ups_due'],
];

describe('reports: a coordinator', () => {
  let s;
  let token;
  before(async () => {
    token = await accessToken(COORDINATOR);
    s = await signedIn(COORDINATOR);
  });
  after(async () => { await s?.close(); });

  it('reports: lands on the home page with this week\'s items, and follows one', async () => {
    const p = s.page;
    assert.equal(new URL(p.url()).pathname, '/');
    await expectHeading(p, 'Bonjour, Els');
    const home = await get('/home', token);
    await p.locator('.home-grid').waitFor();
    assert.match(await p.locator('.week-of').innerText(), /^Semaine du /);
    // What the page lists is what the API answers for this user.
    assert.equal(await p.locator('.home-activity').count(), home.activities.length);
    for (const [id, list] of LISTS) {
      assert.equal(await badge(p, id), home[list].length, id);
      assert.equal(await p.locator(`#${id} li`).count(), home[list].length, id);
      if (home[list].length === 0) await p.locator(`#${id} .empty-note`).waitFor();
    }
    assert.equal(await badge(p, 'home-applications'), home.applications.length);
    const total = home.activities.length + LISTS.reduce((n, [, l]) => n + home[l].length, 0) + home.applications.length;
    assert.ok(total > 0, 'the demo gives the coordinator something to do this week');
    // The activities show their seats and mix.
    if (home.activities.length > 0) {
      const first = await p.locator('.home-activity').first().innerText();
      assert.match(first, /Places prises : \d+ sur \d+|Inscrit·es : \d+/);
      assert.match(first, /Mixité : \d+ primo-arrivant·es, \d+ habitant·es/);
    }
    await checkA11y(p, 'home (coordinator)');
    await screenshots(p, '80-home-coordinator');

    // An item leads to where it is handled.
    const link = p.locator('.home-card li a').first();
    const href = await link.getAttribute('href');
    assert.ok(href.startsWith('/'), href);
    await link.click();
    await p.waitForURL((u) => u.pathname === href.split('?')[0]);
    await p.locator('main h1').first().waitFor();
    assert.notEqual(new URL(p.url()).pathname, '/');
    noAppErrors(s);
  });

  it('reports: the account has its own page, linked from the header', async () => {
    const p = s.page;
    await p.locator('a.account-link').click();
    await expectHeading(p, 'Mon compte');
    assert.equal(new URL(p.url()).pathname, '/account');
    assert.match(await p.locator('main').innerText(), /coordinatrice\.duo@demo\.interra\.be/);
    await p.locator('#current_password').waitFor();
    await checkA11y(p, 'account');
  });

  it('reports: opens the reports, reads a chart and its table, changes the period', async () => {
    const p = s.page;
    const nav = p.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports']);
    await nav.locator('a', { hasText: 'Rapports' }).click();
    await expectHeading(p, "Rapports d'impact");
    await p.locator('.period-shown', { hasText: String(YEAR) }).waitFor();
    assert.match(await p.locator('.period-shown').innerText(), /^Du 1(er)? janvier \d{4} au 31 décembre \d{4}$/);
    assert.match(await p.locator('.suppression-note').innerText(), /moins de 5 personnes/);
    const tabs = p.locator('[role=tablist] [role=tab]');
    assert.deepEqual(await tabs.allInnerTexts(), ['Tout le monde', 'InterAct', 'Duo2Change', 'Formations', 'InterLab']);
    await p.locator('#panel-everyone .key-figures .stat').first().waitFor();
    assert.match(await p.locator('#panel-everyone .key-figures').innerText(), /Personnes touchées/);

    // InterAct: its charts, each with a data table.
    await p.locator('#tab-interact').click();
    assert.equal(await p.locator('#tab-interact').getAttribute('aria-selected'), 'true');
    const panel = p.locator('#panel-interact');
    await panel.waitFor({ state: 'visible' });
    assert.equal(await p.locator('#panel-everyone').isVisible(), false);
    const chart = panel.locator('figure.report-chart', { hasText: 'Séances, selon qui les anime' });
    await chart.locator('svg rect').first().waitFor({ state: 'attached' });
    assert.equal(await chart.locator('.chart-visual').getAttribute('aria-hidden'), 'true', 'the table speaks for the drawing');
    await chart.locator('summary').click();
    const rows = chart.locator('table.report-table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 4);
    assert.match(await chart.locator('table.report-table').innerText(), /Animées par un·e primo-arrivant·e/);
    await checkA11y(p, 'reports, InterAct tab');
    await screenshots(p, '81-reports-interact');

    // The arrow keys move between the tabs.
    await p.locator('#tab-interact').focus();
    await p.keyboard.press('ArrowRight');
    assert.equal(await p.locator('#tab-duo2change').getAttribute('aria-selected'), 'true');
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'tab-duo2change');

    // The first quarter instead of the year.
    await p.locator('#period-kind').selectOption('quarter');
    await p.locator('#period-quarter').selectOption('1');
    const asked = p.waitForResponse((r) => r.url().includes('/api/v1/reports/summary?') && r.url().includes('quarter=1'));
    await p.locator('.period-form button[type=submit]').click();
    assert.equal((await asked).status(), 200);
    await p.locator('.period-shown', { hasText: '31 mars' }).waitFor();
    // A month, with the month picker.
    await p.locator('#period-kind').selectOption('month');
    await p.locator('#period-month').fill(`${YEAR}-02`);
    await p.locator('#period-month').dispatchEvent('change');
    await p.locator('.period-form button[type=submit]').click();
    await p.locator('.period-shown', { hasText: 'février' }).waitFor();
    // Custom dates.
    await p.locator('#period-kind').selectOption('custom');
    await p.locator('#period-from').fill(`${YEAR}-01-01`);
    await p.locator('#period-from').dispatchEvent('change');
    await p.locator('#period-to').fill(`${YEAR}-03-31`);
    await p.locator('#period-to').dispatchEvent('change');
    await p.locator('.period-form button[type=submit]').click();
    await p.locator('.period-shown', { hasText: '31 mars' }).waitFor();
    assert.match(await p.locator('.period-shown').innerText(), /^Du 1(er)? janvier/);
    noAppErrors(s);
  });

  it('reports: downloads the CSV and the XLSX of the period shown', async () => {
    const p = s.page;
    const [csv, file] = await Promise.all([
      p.waitForResponse((r) => r.url().includes('/api/v1/reports/summary.csv')),
      p.waitForEvent('download'),
      p.locator('#download-csv').click(),
    ]);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    assert.match(csv.url(), /from=\d{4}-01-01&to=\d{4}-03-31/);
    // The file the user gets (Chromium's view of the response body decodes the text and drops
    // the byte-order mark, which Excel needs to read the accents).
    const body = await readFile(await file.path());
    assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
    const text = body.toString('utf8');
    assert.ok(text.split('\n').length > 10, 'one line per figure');
    assert.match(file.suggestedFilename(), /^interra-\d{4}-01-01-\d{4}-03-31\.csv$/);
    await p.locator('main [role=status]', { hasText: 'Le fichier a été téléchargé.' }).waitFor();

    const [excel] = await Promise.all([
      p.waitForResponse((r) => r.url().includes('/api/v1/reports/summary.csv') && r.url().includes('sep=semicolon')),
      p.waitForEvent('download'),
      p.locator('#download-csv-excel').click(),
    ]);
    assert.equal(excel.status(), 200);
    assert.match((await excel.body()).toString('utf8'), /;/);

    const [xlsx, xfile] = await Promise.all([
      p.waitForResponse((r) => r.url().includes('/api/v1/reports/summary.xlsx')),
      p.waitForEvent('download'),
      p.locator('#download-xlsx').click(),
    ]);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'], /spreadsheetml/);
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK', 'a zip workbook');
    assert.match(xfile.suggestedFilename(), /\.xlsx$/);
    const saved = await xfile.path();
    assert.ok(saved, 'the workbook reached the disk');
    noAppErrors(s);
  });

  it('reports: opens the yearly report for funders, which prints to A4', async () => {
    const p = s.page;
    await p.locator('#period-kind').selectOption('year');
    await p.locator('.period-form button[type=submit]').click();
    await p.locator('a.yearly-link').click();
    await expectHeading(p, `Rapport annuel ${YEAR}`);
    assert.equal(new URL(p.url()).searchParams.get('year'), String(YEAR));
    await p.locator('.yearly-report .key-figures .stat').first().waitFor();
    assert.match(await p.locator('.report-period').innerText(), /^Du 1(er)? janvier/);
    // Every programme, its tables shown (not folded) for the printed page.
    assert.equal(await p.locator('.yearly-report section.report-section > h2').count(), 6);
    assert.equal(await p.locator('.yearly-report details').count(), 0);
    await p.locator('.yearly-report figure.line-chart svg polyline, .yearly-report figure.line-chart table').first().waitFor();
    await checkA11y(p, 'yearly report');
    await screenshots(p, '82-yearly-report');

    // The button opens the browser's print dialog.
    await p.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await p.locator('button.print-button').click();
    assert.equal(await p.evaluate(() => window.__printed), 1);
    // Printed: no header, no buttons; an A4 PDF.
    await p.emulateMedia({ media: 'print' });
    assert.equal(await p.locator('header.site-header').isVisible(), false);
    assert.equal(await p.locator('button.print-button').isVisible(), false);
    assert.ok(await p.locator('.yearly-report h1').isVisible());
    const pdf = await p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    assert.ok(pdf.length > 20000, `a real document (${pdf.length} bytes)`);
    await p.emulateMedia({ media: 'screen' });

    // In Dutch for the Flemish funders.
    await p.locator('#lang-select').selectOption('nl');
    await expectHeading(p, `Jaarverslag ${YEAR}`);
    assert.match(await p.locator('.report-period').innerText(), /^Van 1 januari/);
    await p.locator('#lang-select').selectOption('fr');
    await expectHeading(p, `Rapport annuel ${YEAR}`);
    noAppErrors(s);
  });

  it('reports: the new screens are axe-clean in French and Arabic at 360 px and 1280 px', async () => {
    const p = s.page;
    const screens = [
      ['/', null],
      ['/account', null],
      ['/reports', null],
      [`/reports/yearly?year=${YEAR}`, null],
    ];
    for (const lang of ['fr', 'ar']) {
      await p.locator('#lang-select').selectOption(lang);
      await p.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const viewport of [PHONE, DESKTOP]) {
        await p.setViewportSize(viewport);
        for (const [path] of screens) {
          await open(p, path);
          await p.waitForFunction(() => !document.querySelector('main .loading'));
          if (lang === 'ar') assert.equal(await p.evaluate(() => document.documentElement.dir), 'rtl');
          // Nothing wider than the phone's screen.
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `${path} (${lang}, ${viewport.width} px) scrolls sideways by ${overflow} px`);
          await checkA11y(p, `${path} (${lang}, ${viewport.width} px)`);
        }
      }
    }
    await screenshots(p, '83-reports-ar');
    await p.locator('#lang-select').selectOption('fr');
    noAppErrors(s);
  });
});

describe('reports: a coach', () => {
  let s;
  before(async () => { s = await signedIn(COACH, { viewport: PHONE }); });
  after(async () => { await s?.close(); });

  it('reports: a coach sees only what they accompany, and no report', async () => {
    const p = s.page;
    const mine = await get('/home', await accessToken(COACH));
    const all = await get('/home', await accessToken(COORDINATOR));
    await p.locator('.home-grid').waitFor();
    assert.match(await p.locator('main').innerText(), /que vous accompagnez/);
    assert.equal(await p.locator('#home-applications').count(), 0, 'applications are for coordinators');
    assert.equal(await p.locator('.home-activity').count(), mine.activities.length);
    let fewer = mine.applications.length < all.applications.length;
    for (const [id, list] of LISTS) {
      assert.equal(await badge(p, id), mine[list].length, id);
      // Each item the coach sees is one the coordinator sees too.
      const ids = new Set(all[list].map((i) => `${i.id}${i.link}`));
      for (const item of mine[list]) assert.ok(ids.has(`${item.id}${item.link}`), `${list}: ${item.label}`);
      fewer ||= mine[list].length < all[list].length;
    }
    assert.ok(fewer, 'the coach sees less than the whole organisation');
    assert.equal(await p.locator('nav.main-nav a', { hasText: 'Rapports' }).count(), 0);
    await checkA11y(p, 'home (coach, phone)');
    await screenshots(p, '84-home-coach');
    await open(p, '/reports');
    await expectHeading(p, 'Accès réservé');
    noAppErrors(s);
  });
});
