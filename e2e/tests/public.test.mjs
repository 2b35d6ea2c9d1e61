// Browser tests of the public pages (no account): the agenda, an activity's page with its
// registration form, and the programmes' sign-up form, as an anonymous visitor would use them;
// then a team member checks that what the visitor sent arrived.
//
// Each run creates its own activities and its own coordinator through the API (as the demo
// administrator), so nothing here depends on what other test files change. The server limits
// public submissions to 5 an hour per address, and every browser test comes from 127.0.0.1:
// this file sends 3 (a refused registration, a registration, a sign-up).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, PASSWORD, PHONE,
  accessToken, checkA11y, expectHeading, launch, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const stamp = Date.now().toString(36);
const TITLE = `Atelier couture ${stamp}`;
const FULL_TITLE = `Atelier tricot ${stamp}`;
const CANCELLED_TITLE = `Atelier poterie ${stamp}`;
const COORD_EMAIL = `coord-public-${stamp}@example.org`;
const COORD_PASSWORD = 'public-pages-check-2026';

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

/** A call to the API; returns { status, json, text, headers }. */
async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}

/** `YYYY-MM-DD` of the day `days` from today, in Brussels. */
function brusselsDay(days) {
  const d = new Date(Date.now() + days * 86400000);
  return d.toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
}

async function createActivity(token, overrides) {
  const day = brusselsDay(9);
  const body = {
    title: { fr: TITLE, en: `Sewing workshop ${stamp}`, nl: `Naaiatelier ${stamp}`, ar: `ورشة الخياطة ${stamp}` },
    description: {
      fr: 'Apprendre à coudre un sac en tissu, à la main ou à la machine. Machines fournies.',
      ar: 'تعلّم خياطة حقيبة من القماش باليد أو بالآلة. الآلات متوفرة.',
    },
    programme: 'interact',
    kind: 'workshop_session',
    starts_at: `${day}T18:00`,
    ends_at: `${day}T20:00`,
    capacity: 5,
    languages: ['fr', 'ar'],
    french_level: 'A2',
    free: true,
    accessibility_notes: 'Salle au rez-de-chaussée, accès de plain-pied.',
    visibility: 'public',
    status: 'published',
    ...overrides,
  };
  const r = await api('/activities', { method: 'POST', token, body });
  assert.equal(r.status, 201, `activity created: ${r.text}`);
  return r.json;
}

const state = {};
let ready;

/** Creates this run's activities and coordinator, once for the whole file. */
function setup() {
  ready ??= prepare();
  return ready;
}

async function prepare() {
  const admin = await accessToken(ADMIN, PASSWORD);
  state.admin = admin;
  const venues = await api('/venues', { token: admin });
  assert.equal(venues.status, 200, venues.text);
  const venue = venues.json.find((v) => /Grand Poste/.test(v.name)) ?? venues.json[0];
  state.venue = venue;
  state.activity = await createActivity(admin, { venue_id: venue.id });
  // A full one: one place, taken by someone the team registered.
  state.full = await createActivity(admin, {
    title: { fr: FULL_TITLE }, capacity: 1, venue_id: venue.id, min_newcomer_percent: null,
  });
  const people = await api('/people?page_size=1', { token: admin });
  assert.equal(people.status, 200, people.text);
  const reg = await api(`/activities/${state.full.id}/registrations`, {
    method: 'POST', token: admin, body: { person_id: people.json.results[0].id },
  });
  assert.equal(reg.status, 201, reg.text);
  state.cancelled = await createActivity(admin, {
    title: { fr: CANCELLED_TITLE },
    online_url: 'https://meet.example.org/poterie',
    status: 'cancelled',
    cancel_reason: "L'animatrice est malade.",
  });
  // A coordinator of this run (another test file changes the demo coordinator's password).
  const user = await api('/users', {
    method: 'POST',
    token: admin,
    body: { email: COORD_EMAIL, display_name: `Coordination ${stamp}`, role: 'coordinator', password: COORD_PASSWORD },
  });
  assert.equal(user.status, 201, user.text);
}

describe('public: an anonymous visitor and the agenda', () => {
  let s;
  before(async () => {
    await setup();
    s = await launch({ viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('public agenda: lists upcoming activities without any staff navigation', async () => {
    // A visitor who never signed in is not sent to renew a session (that 401 was an error
    // in every visitor's console, issue 18).
    const refreshes = [];
    s.page.on('request', (r) => { if (r.url().includes('/auth/refresh')) refreshes.push(r.url()); });
    await open(s.page, '/events');
    await expectHeading(s.page, 'Nos prochaines activités');
    assert.equal(new URL(s.page.url()).pathname, '/events', 'no redirection to the sign-in page');
    await s.page.waitForFunction(() => document.querySelectorAll('.events li').length > 0);
    const nav = s.page.locator('nav.public-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Agenda', 'Participer', 'Proposer un atelier', 'Créer mon activité', 'Espace équipe']);
    assert.equal(await s.page.locator('nav.main-nav:not(.public-nav)').count(), 0, 'no staff navigation');
    assert.equal(await s.page.locator('.sign-out').count(), 0);
    const item = s.page.locator('.events li', { hasText: TITLE });
    await item.waitFor();
    assert.match(await item.innerText(), /Places restantes\s:\s5/);
    assert.match(await item.innerText(), /Gratuit/);
    const cancelled = s.page.locator('.events li', { hasText: CANCELLED_TITLE });
    assert.match(await cancelled.locator('.badges').innerText(), /Annulée/);
    await checkA11y(s.page, 'public agenda');
    await screenshots(s.page, '40-public-agenda');
    assert.deepEqual(refreshes, [], 'no session renewal asked for a visitor');
  });

  it('public agenda: pages through the activities, and filters by programme and period', async () => {
    // The demo agenda holds more than one page (20 activities a page).
    const pager = s.page.locator('main nav.pager');
    await pager.locator('button', { hasText: 'Page suivante' }).click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await s.page.locator('.pager-status', { hasText: 'Page 2' }).waitFor();
    assert.equal(await s.page.locator('.events li', { hasText: TITLE }).count(), 0);
    await pager.locator('button', { hasText: 'Page précédente' }).click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('page') === null);
    await s.page.locator('.events li', { hasText: TITLE }).waitFor();
    await s.page.locator('#filter-programme').selectOption('interlab');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('programme') === 'interlab');
    await s.page.waitForFunction(() => {
      const items = [...document.querySelectorAll('.events li')];
      return items.length > 0 && items.every((li) => /InterLab/.test(li.textContent));
    });
    // The subscription links follow the chosen programme.
    assert.match(await s.page.locator('a.feed-webcal').getAttribute('href'), /events\.ics\?programme=interlab$/);
    assert.match(await s.page.inputValue('#ics-address'), /events\.ics\?programme=interlab$/);
    await s.page.locator('#filter-period').selectOption('week');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('period') === 'week');
    await s.page.locator('main .count, main .empty').first().waitFor();
    await s.page.locator('#filter-programme').selectOption('');
    await s.page.locator('#filter-period').selectOption('upcoming');
    await s.page.waitForFunction(() => new URL(location.href).search === '');
    await s.page.locator('.events li', { hasText: TITLE }).waitFor();
  });

  it('public agenda: searches by words (case ignored) and by the language spoken', async () => {
    // The sewing workshop is held in French and Arabic; its Arabic text is searched too.
    await s.page.locator('#filter-q').fill(`ATELIER COUTURE ${stamp}`);
    await s.page.locator('form[role=search] button[type=submit]').click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('q') !== null);
    await s.page.locator('.events li', { hasText: TITLE }).waitFor();
    await s.page.waitForFunction(() => document.querySelectorAll('.events li').length === 1);
    await s.page.locator('#filter-language').selectOption('ar');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('language') === 'ar');
    await s.page.locator('.events li', { hasText: TITLE }).waitFor();
    await s.page.locator('#filter-language').selectOption('tr');
    await s.page.locator('main .empty').waitFor();
    await checkA11y(s.page, 'public agenda, searched');
    // Back to everything: the search box follows the address.
    await open(s.page, '/events');
    assert.equal(await s.page.inputValue('#filter-q'), '');
    await s.page.locator('.events li', { hasText: TITLE }).waitFor();
  });

  it('public agenda: offers the iCalendar and RSS subscriptions', async () => {
    const host = new URL(BASE_URL).host;
    assert.equal(await s.page.locator('a.feed-webcal').getAttribute('href'),
      `webcal://${host}/api/v1/public/events.ics`, 'calendar apps subscribe through webcal://');
    const ics = await s.page.inputValue('#ics-address');
    assert.equal(ics, `${BASE_URL}/api/v1/public/events.ics`, 'the address to paste is absolute');
    const rss = await s.page.locator('a.feed-rss').getAttribute('href');
    assert.equal(rss, '/api/v1/public/events.rss');
    const calendar = await fetch(ics);
    assert.equal(calendar.status, 200);
    assert.match(calendar.headers.get('content-type'), /^text\/calendar/);
    assert.match(await calendar.text(), new RegExp(`SUMMARY:${TITLE}`));
    const feed = await fetch(`${BASE_URL}${rss}`);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /rss\+xml/);
    assert.ok(await s.page.locator('main a[href="/signup"]').first().isVisible(), 'the sign-up is linked');
  });

  it('public event: shows the details in Brussels time, the JSON-LD is served with it', async () => {
    await s.page.locator('.events li a', { hasText: TITLE }).click();
    await expectHeading(s.page, TITLE);
    assert.equal(new URL(s.page.url()).pathname, `/events/${state.activity.id}`);
    const facts = s.page.locator('.event-facts');
    const text = await facts.innerText();
    assert.match(text, /18:00\s–\u2060?\s20:00/, 'the time is Brussels time');
    assert.match(text, new RegExp(state.venue.name));
    assert.match(text, /français, arabe/);
    assert.match(text, /A2/);
    assert.match(text, /Gratuit/);
    assert.match(text, /rez-de-chaussée/);
    assert.match(text, /5 places libres sur 5/);
    assert.match(await s.page.locator('.event-about').innerText(), /coudre un sac/);
    // The schema.org description is in the page's HTML (for crawlers that run no script).
    const html = await (await fetch(`${BASE_URL}/events/${state.activity.id}`)).text();
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s)[1]);
    assert.equal(ld['@type'], 'Event');
    assert.equal(ld.name, TITLE);
    assert.match(ld.startDate, /T18:00:00\+0[12]:00$/);
    assert.equal(ld.remainingAttendeeCapacity, 5);
    // Opened directly, the page keeps that description once the app has started.
    await open(s.page, `/events/${state.activity.id}`);
    await expectHeading(s.page, TITLE);
    const kept = await s.page.locator('script[type="application/ld+json"]').textContent();
    assert.equal(JSON.parse(kept).name, TITLE, 'the app keeps the JSON-LD of the page');
    // In-app navigation: the agenda carries none, another activity's page carries its own.
    const lds = s.page.locator('script[type="application/ld+json"]');
    await s.page.locator('.back a').click();
    await expectHeading(s.page, 'Nos prochaines activités');
    assert.equal(await lds.count(), 0, 'no stale JSON-LD on the agenda');
    await s.page.locator('.events li a', { hasText: FULL_TITLE }).click();
    await expectHeading(s.page, FULL_TITLE);
    assert.equal(await lds.count(), 1);
    assert.equal(JSON.parse(await lds.textContent()).name, FULL_TITLE, 'the JSON-LD follows the page');
    await open(s.page, `/events/${state.activity.id}`);
    await expectHeading(s.page, TITLE);
    // The honeypot is out of sight, out of the tab order and hidden from assistive technology.
    const hp = s.page.locator('#website');
    assert.equal(await hp.getAttribute('tabindex'), '-1');
    assert.equal(await s.page.locator('.hp[aria-hidden=true] #website').count(), 1);
    const box = await hp.boundingBox();
    assert.ok(!box || box.x + box.width < 0 || box.width <= 1, 'the honeypot is not on screen');
    // Add to my calendar (this event alone), see the place on a map, share the link.
    const links = s.page.locator('.event-facts .event-links');
    const calendar = links.locator('a', { hasText: 'Ajouter à mon agenda' });
    const ics = await (await fetch(`${BASE_URL}${await calendar.getAttribute('href')}`)).text();
    assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 1, 'one event in the file');
    assert.match(ics, new RegExp(`SUMMARY:${TITLE}`));
    const map = links.locator('a', { hasText: 'Voir sur la carte' });
    assert.match(await map.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    await links.locator('button', { hasText: 'Partager' }).click();
    // Headless Chromium has no share sheet: the link is copied, or offered to copy by hand.
    await s.page.locator('.event-facts [role=status] .alert-ok, #share-url').first().waitFor();
    if (await s.page.locator('#share-url').count()) {
      assert.equal(await s.page.inputValue('#share-url'), `${BASE_URL}/events/${state.activity.id}`);
    }
    await checkA11y(s.page, 'public event');
    await screenshots(s.page, '41-public-event');
  });

  it('public event: a bad email gets a message next to the field', async () => {
    await s.page.locator('#first_name').fill('Nadia');
    await s.page.locator('#last_name').fill(`Public${stamp}`);
    await s.page.locator('#profile-newcomer').check();
    await s.page.locator('#arrival_year').fill('2023');
    await s.page.locator('#email').fill('nadia.at.example.org');
    await s.page.locator('#consent').check();
    await s.page.locator('.public-form button[type=submit]').click();
    const error = s.page.locator('#email-error');
    await error.waitFor();
    assert.ok((await error.innerText()).trim().length > 0);
    assert.equal(await s.page.getAttribute('#email', 'aria-invalid'), 'true');
    assert.match(await s.page.getAttribute('#email', 'aria-describedby'), /email-error/);
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'email', 'the focus goes to the field');
    assert.equal(await s.page.inputValue('#first_name'), 'Nadia', 'what was typed stays');
    assert.match(await s.page.locator('main .alert-error').innerText(), /à corriger/,
      'the summary points to the fields');
    await checkA11y(s.page, 'public event, field error');
    await screenshots(s.page, '42-public-event-error');
  });

  it('public event: registers and sees a confirmation that echoes only what was typed', async () => {
    const email = `nadia.${stamp}@example.org`;
    await s.page.locator('#email').fill(email);
    await s.page.locator('.public-form button[type=submit]').click();
    const title = s.page.locator('#confirm-title');
    await title.waitFor();
    assert.equal((await title.innerText()).trim(), 'Inscription enregistrée');
    await s.page.waitForFunction(() => document.activeElement?.id === 'confirm-title');
    const confirmation = await s.page.locator('.confirmation').innerText();
    assert.match(confirmation, /Merci/);
    assert.match(confirmation, new RegExp(email.replace(/\./g, '\\.')));
    assert.doesNotMatch(confirmation, /2023/);
    // What to keep: when, where, and the event for one's calendar.
    assert.match(confirmation, /18:00/);
    assert.match(confirmation, new RegExp(state.venue.name));
    assert.match(await s.page.locator('.confirmation a', { hasText: 'Ajouter à mon agenda' }).getAttribute('href'),
      new RegExp(`/api/v1/public/events/${state.activity.id}/calendar\\.ics`));
    assert.equal(await s.page.locator('.public-form').count(), 0, 'the form gives way to the confirmation');
    // The places left follow.
    await s.page.locator('.event-facts', { hasText: '4 places libres sur 5' }).waitFor();
    await checkA11y(s.page, 'public event, registered');
    await screenshots(s.page, '43-public-event-registered');

    // The team sees the registration.
    const coordinator = await accessToken(COORD_EMAIL, COORD_PASSWORD);
    const regs = await api(`/activities/${state.activity.id}/registrations`, { token: coordinator });
    assert.equal(regs.status, 200, regs.text);
    const mine = regs.json.filter((r) => r.display_name.includes(`Public${stamp}`));
    assert.equal(mine.length, 1, JSON.stringify(regs.json));
    assert.equal(mine[0].status, 'registered');
    assert.equal(mine[0].source, 'public');
    noAppErrors(s);
  });

  it('public event: a full activity explains the waiting list, a cancelled one says so', async () => {
    await open(s.page, `/events/${state.full.id}`);
    await expectHeading(s.page, FULL_TITLE);
    await s.page.locator('.waitlist-notice', { hasText: "liste d'attente" }).waitFor();
    assert.match(await s.page.locator('.event-facts').innerText(), /Complet — liste d'attente/);
    assert.equal(await s.page.locator('.public-form').count(), 1, 'one can still join the waiting list');
    await checkA11y(s.page, 'public event, full');
    await screenshots(s.page, '44-public-event-full');

    await open(s.page, `/events/${state.cancelled.id}`);
    await expectHeading(s.page, CANCELLED_TITLE);
    const notice = s.page.locator('.cancelled-notice');
    assert.match(await notice.innerText(), /Cette activité est annulée/);
    assert.match(await notice.innerText(), /L'animatrice est malade/);
    await s.page.locator('.register', { hasText: "l'activité est annulée" }).waitFor();
    assert.equal(await s.page.locator('.public-form').count(), 0, 'no form for a cancelled activity');
    // It was online; a cancelled activity gives no way in any more.
    assert.match(await s.page.locator('.event-facts').innerText(), /En ligne/);
    assert.equal(await s.page.locator('.event-facts a').count(), 0);
    await checkA11y(s.page, 'public event, cancelled');
    await screenshots(s.page, '45-public-event-cancelled');

    await open(s.page, '/events/00000000-0000-4000-8000-000000000000');
    await expectHeading(s.page, 'Activité introuvable');
    noAppErrors(s);
  });

  it('sign-in page: links visitors to the agenda and the sign-up', async () => {
    await open(s.page, '/login');
    await expectHeading(s.page, 'Connexion');
    assert.equal(await s.page.locator('main a[href="/signup"]').count(), 1);
    assert.equal(await s.page.locator('main a[href="/events"]').count(), 1);
    await s.page.locator('main a[href="/signup"]').click();
    await expectHeading(s.page, "Participer à un programme d'Interra");
  });
});

describe('public: signing up to a programme in Arabic', () => {
  let s;
  const lastName = `Signup${stamp}`;
  before(async () => {
    await setup();
    s = await launch({ viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('public signup: the form reads right to left in Arabic, with the notice in Arabic', async () => {
    await open(s.page, '/signup');
    await expectHeading(s.page, "Participer à un programme d'Interra");
    await s.page.locator('#privacy-notice', { hasText: 'Interra' }).waitFor();
    await s.page.locator('#lang-select').selectOption('ar');
    await s.page.waitForFunction(() => document.documentElement.dir === 'rtl'
      && document.documentElement.lang === 'ar');
    await expectHeading(s.page, 'المشاركة في برنامج من برامج إنتيرا');
    await s.page.locator('#privacy-notice', { hasText: 'كيف تستخدم إنتيرا بياناتك' }).waitFor();
    assert.deepEqual(await s.page.locator('nav.public-nav a').allInnerTexts(),
      ['الأجندة', 'شارك معنا', 'اقترح ورشة', 'أطلق نشاطي', 'فضاء الفريق']);
    assert.equal(await s.page.locator('.hp[aria-hidden=true] #website').count(), 1);
    await checkA11y(s.page, 'public signup (Arabic)');
    await screenshots(s.page, '46-public-signup-ar');
  });

  it('public signup: a newcomer applies to host a workshop and sees a confirmation', async () => {
    await s.page.locator('#choice-interact-host').check();
    await s.page.locator('#workshop_idea').fill('طبخ سوري: الكبة والتبولة');
    await s.page.locator('#first_name').fill('ليلى');
    await s.page.locator('#last_name').fill(lastName);
    await s.page.locator('#profile-newcomer').check();
    await s.page.locator('#arrival_year').fill('2024');
    await s.page.locator('#email').fill(`layla.${stamp}@example.org`);
    await s.page.locator('#postcode').fill('4020');
    await s.page.locator('#consent').check();
    await s.page.locator('.public-form button[type=submit]').click();
    const title = s.page.locator('#confirm-title');
    await title.waitFor();
    assert.equal((await title.innerText()).trim(), 'شكرًا، وصل طلبك');
    await s.page.waitForFunction(() => document.activeElement?.id === 'confirm-title');
    const text = await s.page.locator('.confirmation').innerText();
    assert.match(text, new RegExp(`layla\\.${stamp}@example\\.org`));
    assert.doesNotMatch(text, /4020|2024/, 'nothing is echoed beyond the contact typed');
    await checkA11y(s.page, 'public signup done (Arabic)');
    await screenshots(s.page, '47-public-signup-done-ar');
    noAppErrors(s);
  });

  it('public signup: a coordinator finds the applicant in the review queue', async () => {
    const staff = await signedIn(COORD_EMAIL, { password: COORD_PASSWORD });
    try {
      await open(staff.page, '/people/review');
      await expectHeading(staff.page, 'Inscriptions à vérifier');
      const item = staff.page.locator('.people li', { hasText: lastName });
      await item.waitFor();
      assert.match(await item.innerText(), /InterAct/);
      await screenshots(staff.page, '48-public-signup-review');
      noAppErrors(staff);
    } finally {
      await staff.close();
    }
  });
});
