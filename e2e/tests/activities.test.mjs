// Browser tests of the activity screens: the agenda (list, week, month), the editor (a
// workshop series), the activity page (registrations, waiting list, automatic promotion, CSV)
// and the attendance sheet on a phone. Everything they change is their own: a coordinator
// account, people and a series created for this run (demo data is only read).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  ADMIN, BASE_URL, COACH, DESKTOP, PASSWORD, PHONE,
  accessToken, checkA11y, disclosureMarker, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const GRAND_POSTE = '5a0f6f0e-7b6b-5c2e-9d61-4c1f3e2a9b01';

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

async function api(method, path, token, body) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** `YYYY-MM-DD` of today in Brussels, and date arithmetic on such strings. */
function brusselsToday() {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
}
function addDays(day, n) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** `YYYY-MM-DDTHH:MM` in Brussels, `minutes` from now. */
function brusselsIn(minutes) {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
  return parts.replace(' ', 'T');
}
/** The first Wednesday at least three weeks ahead (clear of the demo's busiest weeks). */
function aWednesdayAhead() {
  let d = addDays(brusselsToday(), 21);
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 3) d = addDays(d, 1);
  return d;
}

const stamp = Date.now().toString(36);
const family = `Act${stamp}`;
const coordinator = { email: `coord-${stamp}@e2e.interra.be`, password: `act-e2e-passphrase-${stamp}` };
const title = `Atelier couture ${stamp}`;
const first = aWednesdayAhead();
const sessions = [first, addDays(first, 7), addDays(first, 14)];
const name = (given) => `${given} ${family}`;

describe('activities: a coordinator runs a workshop series', () => {
  let s;
  let firstSessionPath;
  const people = {};

  before(async () => {
    const admin = await accessToken(ADMIN, PASSWORD);
    await api('POST', '/users', admin, {
      email: coordinator.email, display_name: `Coordination ${stamp}`, role: 'coordinator',
      password: coordinator.password,
    });
    const token = await accessToken(coordinator.email, coordinator.password);
    for (const [i, given] of ['Alia', 'Bruno', 'Carla', 'Dora'].entries()) {
      people[given] = await api('POST', '/people', token, {
        first_name: given, last_name: family, profile: i % 2 ? 'local' : 'newcomer',
        arrival_year: i % 2 ? null : 2024, email: `${given.toLowerCase()}-${stamp}@e2e.interra.be`,
      });
    }
    s = await signedIn(coordinator.email, { password: coordinator.password });
  });
  after(async () => { await s?.close(); });

  it('opens the agenda from the navigation: upcoming activities by day', async () => {
    const nav = s.page.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports']);
    await nav.locator('a', { hasText: 'Agenda' }).click();
    await expectHeading(s.page, 'Agenda');
    assert.equal(new URL(s.page.url()).pathname, '/activities');
    await s.page.locator('.activities li').first().waitFor();
    const firstItem = await s.page.locator('.activities li').first().innerText();
    assert.match(firstItem, /\d\d:\d\d–\d\d:\d\d/, 'a time in Brussels');
    assert.match(firstItem, /Places libres|Complet|Sans limite/, 'places left');
    assert.match(await s.page.locator('main .count').innerText(), /activité/);
    await checkA11y(s.page, 'agenda list');
    await screenshots(s.page, '20-agenda-list');

    await s.page.locator('#filter-programme').selectOption('training');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('programme') === 'training');
    await s.page.waitForFunction(() => {
      const items = [...document.querySelectorAll('.activities li')];
      return items.length > 0 && items.every((li) => /Formation/.test(li.textContent));
    });
    await s.page.locator('button', { hasText: 'Effacer les filtres' }).click();
    await s.page.waitForFunction(() => new URL(location.href).search === '');
    noAppErrors(s);
  });

  it('creates a weekly workshop series: a field error first, then three sessions', async () => {
    await s.page.locator('main a', { hasText: 'Nouvelle activité' }).click();
    await expectHeading(s.page, 'Nouvelle activité');
    assert.equal(new URL(s.page.url()).pathname, '/activities/new');
    await s.page.locator('#starts_at').fill(`${first}T18:00`);
    await s.page.waitForFunction(() => document.querySelector('#ends_at').value !== '');
    assert.equal(await s.page.inputValue('#ends_at'), `${first}T20:00`, 'the end follows the start');
    await s.page.locator(`#venue_id option[value="${GRAND_POSTE}"]`).waitFor({ state: 'attached' });
    await s.page.locator('#venue_id').selectOption(GRAND_POSTE);
    await s.page.locator('#capacity').fill('2');
    await s.page.locator('#status').selectOption('published');
    await s.page.locator('#series-weekly').check();
    await s.page.locator('#every_weeks').fill('1');
    await s.page.locator('#until').fill(sessions[2]);
    await s.page.locator('.series-count', { hasText: 'Séances prévues : 3' }).waitFor();

    // No title: the API refuses, and says so under the title.
    await s.page.locator('main form.activity-form button[type=submit]').click();
    const error = s.page.locator('#title-fr-error');
    await error.waitFor();
    assert.ok((await error.innerText()).trim().length > 0);
    assert.equal(await s.page.getAttribute('#title-fr', 'aria-invalid'), 'true');
    assert.match(await s.page.getAttribute('#title-fr', 'aria-describedby'), /title-fr-error/);
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'title-fr');
    await checkA11y(s.page, 'new activity with a field error');
    await screenshots(s.page, '21-activity-form-error');

    await s.page.locator('#title-fr').fill(title);
    await s.page.locator('.translations summary').click();
    await s.page.locator('#title-nl').fill(`Naaiatelier ${stamp}`);
    await s.page.locator('#tag-search').fill('cuis');
    await s.page.locator('button[aria-label="Ajouter Cuisine"]').click();
    await s.page.locator('#host-search-q').fill(name('Dora'));
    await s.page.locator(`button[aria-label="Ajouter ${name('Dora')} à l'animation"]`).click();
    await s.page.locator('.host-row input').fill('Dora');
    await s.page.locator('main form.activity-form button[type=submit]').click();

    await s.page.waitForURL(/\/activities\?series=[0-9a-f-]{36}&period=all|\/activities\?period=all&series=/);
    await expectHeading(s.page, 'Agenda');
    await s.page.waitForFunction((t) => {
      const items = [...document.querySelectorAll('.activities li')];
      return items.length === 3 && items.every((li) => li.textContent.includes(t));
    }, title);
    const text = await s.page.locator('main').innerText();
    assert.match(text, /18:00–20:00/);
    assert.match(text, /La Grand Poste/);
    assert.match(text, /Places libres : 2\/2/);
    await checkA11y(s.page, 'agenda, sessions of the new series');
    await screenshots(s.page, '22-agenda-series');
    noAppErrors(s);
  });

  it('shows the sessions in the week and month calendars, keyboard included', async () => {
    await open(s.page, `/activities?view=week&date=${first}`);
    const day = s.page.locator(`li.cal-day:has(#day-${first})`);
    await day.locator('.cal-event', { hasText: title }).waitFor();
    assert.match(await s.page.locator('#cal-title').innerText(), /semaine du/i);
    await checkA11y(s.page, 'agenda week');
    await screenshots(s.page, '23-agenda-week');

    await s.page.locator(`#day-${first}`).focus();
    await s.page.keyboard.press('ArrowRight');
    await s.page.waitForFunction((id) => document.activeElement?.id === id, `day-${addDays(first, 1)}`);
    await s.page.keyboard.press('PageDown');
    await s.page.waitForFunction((d) => new URL(location.href).searchParams.get('date') === d, addDays(first, 8));
    await s.page.waitForFunction((id) => document.activeElement?.id === id, `day-${addDays(first, 8)}`);
    await s.page.locator(`li.cal-day:has(#day-${sessions[1]}) .cal-event`, { hasText: title }).waitFor();
    await s.page.locator('.cal-buttons button', { hasText: 'Semaine précédente' }).click();
    await s.page.locator(`li.cal-day:has(#day-${first}) .cal-event`, { hasText: title }).waitFor();

    // Right to left, the arrows follow the reading direction.
    await s.page.locator('#lang-select').selectOption('ar');
    await s.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(s.page, 'الأجندة');
    await s.page.locator(`#day-${first}`).focus();
    await s.page.keyboard.press('ArrowLeft');
    await s.page.waitForFunction((id) => document.activeElement?.id === id, `day-${addDays(first, 1)}`);
    await checkA11y(s.page, 'agenda week (Arabic)');
    await screenshots(s.page, '24-agenda-week-ar');
    await s.page.locator('#lang-select').selectOption('fr');
    await expectHeading(s.page, 'Agenda');

    await s.page.locator('.view-switch a', { hasText: 'Mois' }).click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'month');
    await open(s.page, `/activities?view=month&date=${first}`);
    await s.page.locator(`li.cal-day:has(#day-${first}) .cal-event`, { hasText: title }).waitFor();
    assert.equal(await s.page.locator('.cal-head').isVisible(), true, 'weekday names over the grid');
    await checkA11y(s.page, 'agenda month');
    await screenshots(s.page, '25-agenda-month');

    // On a phone the month is a list of the days that have something.
    await s.page.setViewportSize(PHONE);
    assert.equal(await s.page.locator('.cal-head').isVisible(), false);
    assert.equal(await s.page.locator('li.cal-day.empty').first().isVisible(), false);
    assert.ok(await s.page.locator(`#day-${first}`).isVisible());
    assert.ok(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling at 360 px');
    await s.page.setViewportSize(DESKTOP);
    noAppErrors(s);
  });

  it('registers people until the waiting list fills', async () => {
    await s.page.locator(`li.cal-day:has(#day-${first}) .cal-event a`, { hasText: title }).click();
    await expectHeading(s.page, title);
    firstSessionPath = new URL(s.page.url()).pathname;
    assert.match(firstSessionPath, /^\/activities\/[0-9a-f-]{36}$/);
    const main = s.page.locator('main');
    await main.locator('h2', { hasText: 'Mixité des participant·es' }).waitFor();
    await main.locator('.series-sessions li').nth(2).waitFor();
    assert.equal(await main.locator('.series-sessions li').count(), 3);
    assert.match(await main.innerText(), /\(affiché : Dora\)/);

    const search = s.page.locator('#register-search-q');
    await search.fill(family);
    for (const given of ['Alia', 'Bruno']) {
      await s.page.locator(`button[aria-label="Inscrire ${name(given)}"]`).click();
      await main.locator('[role=status]', { hasText: `${name(given)} est inscrit·e.` }).waitFor();
    }
    await s.page.locator(`button[aria-label="Inscrire ${name('Carla')}"]`).click();
    await main.locator('[role=status]', { hasText: `${name('Carla')} est en liste d'attente (position 1)` }).waitFor();
    await main.locator('section[aria-labelledby=regs-registered] li', { hasText: name('Bruno') }).waitFor();
    assert.equal(await main.locator('section[aria-labelledby=regs-registered] li.registration').count(), 2);
    assert.equal(await main.locator('section[aria-labelledby=regs-waitlisted] li.registration').count(), 1);
    await main.locator('.activity-places', { hasText: 'Complet · Liste d\'attente : 1' }).waitFor();
    // Already registered people cannot be picked twice.
    assert.match(await s.page.locator('li.pick', { hasText: name('Alia') }).innerText(), /Déjà inscrit·e/);
    await checkA11y(s.page, 'activity page with a waiting list');
    await screenshots(s.page, '26-activity-waitlist');
    noAppErrors(s);
  });

  it('cancels a registration and shows who the waiting list promoted', async () => {
    const main = s.page.locator('main');
    await s.page.locator(`button[aria-label="Annuler l'inscription d'${name('Alia')}"]`).click();
    await s.page.locator(`button[aria-label="Oui, annuler l'inscription d'${name('Alia')}"]`).click();
    const notice = main.locator('[role=status]', { hasText: 'passe de la liste d\'attente aux inscrit·es' });
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(`${name('Alia')} est annulée.*${name('Carla')} passe`));
    const carla = main.locator('section[aria-labelledby=regs-registered] li.registration', { hasText: name('Carla') });
    await carla.waitFor();
    assert.match(await carla.getAttribute('class'), /just-promoted/);
    await carla.locator('.badge-promoted').waitFor();
    assert.equal(await main.locator('section[aria-labelledby=regs-waitlisted] li.registration').count(), 0);
    // The cancelled group is folded, and says so with a marker that turns once opened.
    const cancelled = main.locator('section[aria-labelledby=regs-cancelled] summary');
    const folded = await disclosureMarker(cancelled);
    assert.ok(folded.shown, 'the cancelled registrations show a disclosure marker');
    await cancelled.click();
    const opened = await disclosureMarker(cancelled);
    assert.notEqual(opened.transform, folded.transform, 'the marker turns when the group opens');
    await main.locator('section[aria-labelledby=regs-cancelled] li', { hasText: name('Alia') }).waitFor();
    await main.locator('.activity-places', { hasText: 'Complet' }).waitFor();
    await checkA11y(s.page, 'activity page after a promotion');
    await screenshots(s.page, '27-activity-promoted');
  });

  it('lists the promoted person under "À prévenir" until someone tells her', async () => {
    const main = s.page.locator('main');
    const toNotify = main.locator('section.to-notify');
    await toNotify.locator('h3', { hasText: 'À prévenir' }).waitFor();
    const carla = toNotify.locator('li.notice', { hasText: name('Carla') });
    await carla.locator('.badge', { hasText: 'A obtenu une place' }).waitFor();
    assert.equal(await toNotify.locator('li.notice').count(), 1, 'only the promoted person');
    await checkA11y(s.page, 'activity page with people to notify');
    await screenshots(s.page, '27b-activity-to-notify');
    await carla.locator(`button[aria-label="Marquer ${name('Carla')} comme prévenu·e"]`).click();
    await main.locator('[role=status]', { hasText: `${name('Carla')} est marqué·e comme prévenu·e.` }).waitFor();
    await toNotify.waitFor({ state: 'detached' });
    noAppErrors(s);
  });

  it('exports the attendee list for Belgian Excel (semicolons, BOM)', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.locator('#csv-semicolon').click(),
    ]);
    assert.match(download.suggestedFilename(), /^interra-attendees-\d{4}-\d\d-\d\d-[0-9a-f]{8}-excel\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    // For people, not programs: French column names and values, dates Excel reads (they were
    // English keys and RFC 3339 times).
    assert.match(text.split('\r\n')[0], /^Nom;E-mail;Téléphone;Catégorie;Statut;Origine de l'inscription;Inscrit·e le$/);
    assert.match(text, /;Inscrit·e;Par l'équipe;\d{4}-\d\d-\d\d \d\d:\d\d\r\n/);
    assert.doesNotMatch(text, /registered|newcomer|T\d\d:\d\d:\d\d/);
    assert.match(text, new RegExp(name('Bruno')));
    assert.match(text, new RegExp(name('Carla')));
    assert.doesNotMatch(text, new RegExp(name('Alia')), 'cancelled registrations are left out');
    await s.page.locator('main [role=status]', { hasText: 'téléchargée' }).waitFor();
  });

  it('marks attendance on the phone sheet, with walk-ins', async () => {
    // The series is weeks ahead: nobody can walk in yet, the sheet says when one can.
    await s.page.locator('main a', { hasText: 'Feuille de présence' }).click();
    await expectHeading(s.page, 'Feuille de présence');
    await s.page.locator('main .walk-in .hint', { hasText: "à partir d'une heure avant le début" }).waitFor();
    assert.equal(await s.page.locator('#walkin-search-q').count(), 0);
    // Yesterday's session (its sheet typed in the day after, out of the agenda), with Bruno and
    // Carla registered.
    const token = await accessToken(coordinator.email, coordinator.password);
    const now = await api('POST', '/activities', token, {
      title: { fr: `${title} (hier)` }, programme: 'interact', kind: 'workshop_session',
      starts_at: brusselsIn(-26 * 60), ends_at: brusselsIn(-24 * 60), venue_id: GRAND_POSTE, capacity: 2,
      status: 'published', visibility: 'internal', free: true, languages: ['fr'],
    });
    for (const given of ['Bruno', 'Carla']) {
      await api('POST', `/activities/${now.id}/registrations`, token, { person_id: people[given].id });
    }
    await s.page.setViewportSize(PHONE);
    await open(s.page, `/activities/${now.id}/attendance`);
    await expectHeading(s.page, 'Feuille de présence');
    const main = s.page.locator('main');
    // French elides « de » before a vowel (« Présence d'Eli »).
    const row = (given) => main.locator(`[role=group][aria-label="Présence ${/^[AEIOUÉ]/.test(given) ? "d'" : 'de '}${name(given)}"]`);
    await row('Bruno').waitFor();
    await main.locator('.att-tally', { hasText: 'À pointer : 2' }).waitFor();
    for (const box of await main.locator('.att-button').all()) {
      const size = await box.boundingBox();
      assert.ok(size.height >= 44 && size.width >= 44, `touch target ${size.width}×${size.height}`);
    }
    await row('Bruno').locator('button', { hasText: 'Présent·e' }).click();
    await main.locator('[role=status]', { hasText: `${name('Bruno')} : présent·e.` }).waitFor();
    assert.equal(await row('Bruno').locator('button', { hasText: 'Présent·e' }).getAttribute('aria-pressed'), 'true');
    await row('Carla').locator('button', { hasText: 'Absent·e' }).click();
    await main.locator('.att-tally', { hasText: 'Présent·es : 1 · Absent·es : 1 · Excusé·es : 0 · À pointer : 0' }).waitFor();
    // A change of mind is one tap.
    await row('Carla').locator('button', { hasText: 'Excusé·e' }).click();
    await main.locator('.att-tally', { hasText: 'Absent·es : 0 · Excusé·es : 1' }).waitFor();

    // Someone already known turns up at the door.
    await s.page.locator('#walkin-search-q').fill(name('Dora'));
    await s.page.locator(`button[aria-label="Marquer ${name('Dora')} présent·e (sur place)"]`).click();
    // Said where the phone's screen is: in the walk-in card, in view (it was above the list).
    const doorMessage = main.locator('.walk-in [role=status]', { hasText: `${name('Dora')} est ajouté·e sur place` });
    await doorMessage.waitFor();
    const seen = await doorMessage.boundingBox();
    assert.ok(seen.y >= 0 && seen.y + seen.height <= PHONE.height, `the walk-in message is in view (${seen.y})`);
    assert.equal(await row('Dora').locator('button', { hasText: 'Présent·e' }).getAttribute('aria-pressed'), 'true');

    // Someone new: a few fields, then present.
    await main.locator('.quick-person summary').click();
    await s.page.locator('#first_name').fill('Eli');
    await s.page.locator('#last_name').fill(family);
    await s.page.locator('#profile-newcomer').check();
    await s.page.locator('#arrival_year').fill('2025');
    await s.page.locator('.quick-person button[type=submit]').click();
    await s.page.locator('#phone-error').waitFor();
    await checkA11y(s.page, 'attendance, new person with an error');
    await s.page.locator('#phone').fill(`+32 470 ${String(Date.now()).slice(-6)}`);
    await s.page.locator('.quick-person button[type=submit]').click();
    await main.locator('[role=status]', { hasText: `${name('Eli')} est ajouté·e sur place` }).waitFor();
    await row('Eli').waitFor();
    await main.locator('.att-tally', { hasText: 'Présent·es : 3' }).waitFor();
    assert.ok(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling at 360 px');
    await checkA11y(s.page, 'attendance sheet');
    await screenshots(s.page, '28-attendance');
    await s.page.setViewportSize(DESKTOP);
    noAppErrors(s);
  });

  it('moves one session of the series on its own, then cancels it with a reason', async () => {
    await open(s.page, firstSessionPath);
    await s.page.locator('.series-sessions li a').nth(1).click();
    await s.page.waitForFunction((p) => location.pathname !== p, firstSessionPath);
    await expectHeading(s.page, title);
    await s.page.locator('main .head-actions a', { hasText: 'Modifier' }).click();
    await expectHeading(s.page, "Modifier l'activité");
    await s.page.locator('main .alert-warn', { hasText: 'fait partie d\'une série' }).waitFor();
    assert.equal(await s.page.inputValue('#starts_at'), `${sessions[1]}T18:00`);
    assert.equal(await s.page.inputValue('#title-fr'), title);
    await checkA11y(s.page, 'edit one session');
    await screenshots(s.page, '29-activity-edit');
    await s.page.locator('#starts_at').fill(`${sessions[1]}T19:00`);
    await s.page.locator('#ends_at').fill(`${sessions[1]}T21:00`);
    await s.page.locator('main form.activity-form button[type=submit]').click();
    await s.page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await s.page.locator('main .lead', { hasText: '19:00–21:00' }).waitFor();
    // Only this session moved: the others keep their time.
    await s.page.waitForFunction(() => /18:00–20:00[\s\S]*19:00–21:00[\s\S]*18:00–20:00/
      .test(document.querySelector('.series-sessions')?.innerText ?? ''));

    await s.page.locator('.cancel-activity summary').click();
    await s.page.locator('#confirm-cancel-activity').click();
    await s.page.locator('#cancel-activity-reason-error').waitFor();
    await s.page.locator('#cancel-activity-reason').fill('Salle indisponible');
    await s.page.locator('#confirm-cancel-activity').click();
    await s.page.locator('main [role=status]', { hasText: "L'activité est annulée." }).waitFor();
    await s.page.locator('main .cancelled-note', { hasText: 'Salle indisponible' }).waitFor();
    await s.page.locator('main .lead .badge-cancelled').waitFor();
    await checkA11y(s.page, 'cancelled session');
    noAppErrors(s);
  });
});

describe('activities: a coach', () => {
  let s;
  before(async () => {
    s = await signedIn(COACH, { viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('reads the agenda and manages the registrations of their activities, without the editor', async () => {
    await open(s.page, '/activities');
    await s.page.locator('.activities li').first().waitFor();
    assert.equal(await s.page.locator('main a', { hasText: 'Nouvelle activité' }).count(), 0);
    await checkA11y(s.page, 'agenda (coach)');
    await s.page.locator('.activities li a').first().click();
    await s.page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await s.page.locator('main h2', { hasText: 'Inscriptions' }).waitFor();
    await s.page.locator('section[aria-labelledby=regs-registered]').waitFor();
    assert.equal(await s.page.locator('main .head-actions a', { hasText: 'Modifier' }).count(), 0);
    await checkA11y(s.page, 'activity page (coach)');
    await screenshots(s.page, '30-activity-coach');
    noAppErrors(s);
  });
});
