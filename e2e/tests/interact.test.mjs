// Browser tests of the InterAct hosts screens: a visitor finds "Proposer un atelier" in the
// public navigation and proposes a workshop (French, then the form in Arabic at 360 px) with
// the week's times that suit them, a coordinator sees those times, pairs a co-host through the
// people search (a newcomer with a local: a second newcomer is refused, the message on the
// co-host field), removes and pairs again, moves the proposal to "planned" and creates the
// series from it, and the host's page shows the workshop and their level; a participant's
// feedback on a past session is recorded there (the rating required on its field), counted with
// the average withheld, the comment shown to the coordinator. Axe-clean in French and Arabic,
// at 360 px and 1280 px.
//
// Other test files share the server: the proposal here has a unique title and host.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL, DESKTOP, PHONE,
  accessToken, checkA11y, expectHeading, launch, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const DUO_COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const stamp = Date.now().toString(36);
const title = `Pizza ${stamp}`;

/** Local Brussels date-time `minutes` from now, as the API reads it (`2026-12-05T14:00`). */
function brusselsIn(minutes) {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
  return parts.replace(' ', 'T');
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

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

describe('interact: from a visitor\'s proposal to a workshop', () => {
  let visitor;
  let staff;
  let lotte;
  // Two people who might co-host with the visitor (a newcomer): another newcomer, a local.
  const family = `Binome${stamp}`;
  before(async () => {
    const token = await accessToken(DUO_COORDINATOR);
    await api('POST', '/people', token, {
      first_name: 'Nadia', last_name: family, profile: 'newcomer', arrival_year: 2024,
      email: `nadia-${stamp}@e2e.interra.be`,
    });
    lotte = await api('POST', '/people', token, { first_name: 'Lotte', last_name: family, profile: 'local', email: `lotte-${stamp}@e2e.interra.be` });
    visitor = await launch({ viewport: PHONE });
  });
  after(async () => {
    await visitor?.close();
    await staff?.close();
  });

  it('the public navigation leads to the form, which reads right to left in Arabic at 360 px', async () => {
    await open(visitor.page, '/events');
    const link = visitor.page.locator('nav.public-nav a', { hasText: 'Proposer un atelier' });
    await link.click();
    await expectHeading(visitor.page, 'Je propose un atelier');
    assert.equal(new URL(visitor.page.url()).pathname, '/propose');
    await checkA11y(visitor.page, 'propose a workshop (French, phone)');
    await visitor.page.locator('#lang-select').selectOption('ar');
    await visitor.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(visitor.page, 'أقترح ورشة');
    await visitor.page.locator('nav.public-nav a', { hasText: 'اقترح ورشة' }).waitFor();
    for (const [lang, label] of [['en', 'Propose a workshop'], ['nl', 'Een atelier voorstellen']]) {
      await visitor.page.locator('#lang-select').selectOption(lang);
      await visitor.page.locator('nav.public-nav a', { hasText: label }).waitFor();
    }
    await visitor.page.locator('#lang-select').selectOption('ar');
    await visitor.page.locator('#privacy-notice').waitFor();
    await checkA11y(visitor.page, 'propose a workshop (Arabic, phone)');
    await screenshots(visitor.page, '80-propose-ar');
    await visitor.page.locator('#lang-select').selectOption('fr');
    await expectHeading(visitor.page, 'Je propose un atelier');
  });

  it('a visitor proposes a workshop and sees a confirmation', async () => {
    const p = visitor.page;
    await p.locator('#title').fill(title);
    await p.locator('#description').fill('La pâte, la sauce, la cuisson au four : comme à Naples.');
    await p.locator('#languages').fill('fr, it');
    // When they are available: a weekly grid, and a free note.
    await p.locator('#slot-sat_afternoon').check();
    await p.locator('#slot-sun_morning').check();
    await p.locator('#availability_note').fill('Pas pendant le ramadan');
    await p.locator('#wants_cohost').check();
    await p.locator('#first_name').fill('Samir');
    await p.locator('#last_name').fill(`Hote${stamp}`);
    await p.locator('#profile-newcomer').check();
    await p.locator('#arrival_year').fill(String(new Date().getFullYear() - 1));
    await p.locator('#email').fill(`samir.${stamp}@example.org`);
    await p.locator('#consent').check();
    await p.locator('.public-form button[type=submit]').click();
    await p.locator('#confirm-title').waitFor();
    assert.equal((await p.locator('#confirm-title').innerText()).trim(), 'Merci, votre proposition est bien arrivée');
    await checkA11y(p, 'proposal sent (phone)');
    noAppErrors(visitor);
  });

  it('the coordinator finds it on the board, plans it and creates the series', async () => {
    staff = await signedIn(DUO_COORDINATOR, { viewport: DESKTOP });
    const p = staff.page;
    await p.locator('nav.main-nav a', { hasText: 'Ateliers InterAct' }).click();
    await expectHeading(p, "Propositions d'ateliers");
    const card = p.locator('section.col-new .proposal-card', { hasText: title });
    await card.waitFor();
    await checkA11y(p, 'proposals board');
    await screenshots(p, '81-proposals-board');
    await card.locator('a').click();
    await expectHeading(p, title);
    // The week's times the visitor ticked, and their note.
    const ticked = p.locator('#proposal-availability td.slot-on');
    assert.equal(await ticked.count(), 2);
    assert.match(await p.locator('dl.facts').innerText(), /Pas pendant le ramadan/);
    // A co-host from the people search: another newcomer is refused, a local is paired.
    const search = p.locator('#cohost-search-q');
    await search.fill(family);
    await p.locator('.picks li', { hasText: 'Nadia' }).locator('button').click();
    await p.locator('#arrange-save').click();
    // The API's reason on the co-host field, the field marked invalid.
    await p.locator('#cohost_id-error', { hasText: 'une personne nouvelle venue avec une personne locale' }).waitFor();
    assert.equal(await p.locator('#arrange-title ~ fieldset').first().getAttribute('aria-describedby'), 'cohost_id-error');
    await p.locator('.picks li', { hasText: 'Lotte' }).locator('button').click();
    await p.locator('#cohost-current', { hasText: 'Lotte' }).waitFor();
    assert.equal(await p.locator('#cohost_id-error').count(), 0, 'a new choice clears the message');
    // Removed, then chosen again.
    await p.locator('#cohost-remove').click();
    await p.locator('#cohost-current', { hasText: 'Pas encore de co-animateur' }).waitFor();
    await p.locator('.picks li', { hasText: 'Lotte' }).locator('button').click();
    await p.locator('#cohost-current', { hasText: 'Lotte' }).waitFor();
    await p.locator('#slot-wed_evening').check();
    await p.locator('#arrange-save').click();
    await p.locator('dl.facts dd', { hasText: `Lotte ${family}` }).waitFor();
    assert.equal(await p.locator('#proposal-availability td.slot-on').count(), 3);
    await p.locator('#move-talked').click();
    await p.locator('#proposal-status', { hasText: 'Discutée' }).waitFor();
    await p.locator('#move-planned').click();
    await p.locator('#proposal-status', { hasText: 'Planifiée' }).waitFor();
    await p.locator('#series-public-name').fill('Samir');
    await p.locator('#create-series').click();
    await p.locator('.status-slot', { hasText: 'Série créée en brouillon' }).waitFor();
    await p.locator('ul.workshops li').first().waitFor();
    await p.locator('#move-running').click();
    await p.locator('#proposal-status', { hasText: 'En cours' }).waitFor();
    await checkA11y(p, 'proposal page');
    await screenshots(p, '82-proposal');
    noAppErrors(staff);
  });

  it('the host\'s page shows the workshop and their level, in French and Arabic', async () => {
    const p = staff.page;
    await p.locator('dd a', { hasText: 'Samir' }).click();
    await expectHeading(p, `Samir Hote${stamp}`);
    const workshop = p.locator('.host-workshop', { hasText: title });
    await workshop.waitFor();
    assert.match(await workshop.innerText(), /Co-organisé/);
    // The change is dated: today by default, never later (a change is often noted afterwards).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    assert.equal(await p.locator('#level-date-0').inputValue(), today);
    assert.equal(await p.locator('#level-date-0').getAttribute('max'), today);
    await p.locator('#level-0').selectOption('supported');
    await p.locator('.level-form button[type=submit]').first().click();
    await p.locator('.host-workshop .workshop-level', { hasText: 'Soutenu' }).waitFor();
    assert.match(await p.locator('.autonomy-history').innerText(), /Soutenu/);
    await checkA11y(p, 'host page');
    await screenshots(p, '83-host');
    await p.locator('#lang-select').selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await p.locator('.host-workshop .workshop-level', { hasText: 'بدعم' }).waitFor();
    await checkA11y(p, 'host page (Arabic)');
    await p.setViewportSize(PHONE);
    await checkA11y(p, 'host page (Arabic, phone)');
    await screenshots(p, '84-host-ar');
    await p.setViewportSize(DESKTOP); // the language picker is in the folded menu on a phone
    await p.locator('#lang-select').selectOption('fr');
    noAppErrors(staff);
  });

  it('records a participant\'s feedback on a past session of the host\'s, on a phone', async () => {
    const p = staff.page;
    const host = new URL(p.url()).pathname.split('/').pop();
    const token = await accessToken(DUO_COORDINATOR);
    // Yesterday's session the host led (its sheet typed in afterwards), Lotte registered.
    const past = `Atelier d'hier ${stamp}`;
    const session = await api('POST', '/activities', token, {
      title: { fr: past }, programme: 'interact', kind: 'workshop_session',
      starts_at: brusselsIn(-26 * 60), ends_at: brusselsIn(-24 * 60), capacity: 10,
      venue_id: '5a0f6f0e-7b6b-5c2e-9d61-4c1f3e2a9b01',
      status: 'published', visibility: 'internal', free: true, languages: ['fr'],
      hosts: [{ person_id: host }],
    });
    await api('POST', `/activities/${session.id}/registrations`, token, { person_id: lotte.id });
    await p.setViewportSize(PHONE);
    await p.reload();
    const workshop = p.locator('.host-workshop', { hasText: past });
    await workshop.locator('.feedback-figures', { hasText: 'Aucun avis' }).waitFor();
    await workshop.locator('.record-feedback summary').click();
    await workshop.locator('select[id^=feedback-person] option', { hasText: `Lotte ${family}` }).waitFor({ state: 'attached' });
    await workshop.locator('select[id^=feedback-person]').selectOption({ label: `Lotte ${family}` });
    // Without a rating: the API's message on the rating.
    await workshop.locator('form button[type=submit]').click();
    await workshop.locator('p[id$=-error][id^=rating]', { hasText: 'Ce champ est obligatoire' }).waitFor();
    await checkA11y(p, 'host page, feedback form with an error (phone)');
    await workshop.locator('label.rating-choice', { hasText: '4' }).click();
    await workshop.locator('textarea[id^=feedback-comment]').fill('Lotte veut revenir avec sa voisine');
    await workshop.locator('form button[type=submit]').click();
    // One answer: counted, the average withheld; the comment for the coordinator.
    await workshop.locator('.feedback-figures', { hasText: '1 avis' }).waitFor();
    assert.match(await workshop.locator('.feedback-figures').innerText(), /à partir de 5 avis/);
    await workshop.locator('.feedback-comments', { hasText: 'Lotte veut revenir avec sa voisine' }).waitFor();
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scroll at 360 px (${width})`);
    await checkA11y(p, 'host page with feedback (phone)');
    await screenshots(p, '85-host-feedback');
    await p.setViewportSize(DESKTOP);
    noAppErrors(staff);
  });

  it('the coordinator records a proposal for someone the team knows, on a phone', async () => {
    const p = staff.page;
    await p.setViewportSize(PHONE);
    await open(p, '/interact');
    await expectHeading(p, "Propositions d'ateliers");
    await p.locator('#new-proposal').click();
    await expectHeading(p, "Nouvelle proposition d'atelier");
    // Without a host: the message on the host's field.
    await p.locator('#create-proposal').click();
    await p.locator('#person_id-error', { hasText: "Choisissez l'hôte" }).waitFor();
    await p.locator('#host-search-q').fill(family);
    await p.locator('.picks li', { hasText: 'Lotte' }).locator('button').click();
    await p.locator('#host-current', { hasText: 'Lotte' }).waitFor();
    // Without a title: the API's message on the title.
    await p.locator('#create-proposal').click();
    await p.locator('#title-error', { hasText: 'Ce champ est obligatoire' }).waitFor();
    await checkA11y(p, 'new proposal with errors (phone)');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scroll at 360 px (${width})`);
    const knitting = `Tricot ${stamp}`;
    await p.locator('#title').fill(knitting);
    await p.locator('#description').fill('Tricoter ensemble, débutant·es bienvenu·es.');
    await p.locator('#languages').fill('nl, fr');
    await p.locator('#slot-tue_evening').check();
    await p.locator('#create-proposal').click();
    await expectHeading(p, knitting);
    assert.equal(await p.locator('#proposal-availability td.slot-on').count(), 1);
    await p.locator('#proposal-status', { hasText: 'Nouvelle' }).waitFor();
    await p.setViewportSize(DESKTOP);
    noAppErrors(staff);
  });
});

// The demo coordinator sees the demo proposals at every step.
describe('interact: the demo board', () => {
  let s;
  // Not the harness's COORDINATOR: app.test.mjs changes that account's password.
  before(async () => { s = await signedIn(DUO_COORDINATOR); });
  after(async () => { await s?.close(); });

  it('shows every column with the demo proposals', async () => {
    await open(s.page, '/interact');
    await expectHeading(s.page, "Propositions d'ateliers");
    for (const col of ['new', 'talked', 'planned', 'running', 'paused', 'ended']) {
      await s.page.locator(`section.col-${col} .proposal-card`).first().waitFor();
    }
    // Filtered by coordinator: the signed-in one's ("Les miennes"), then a colleague's.
    const cards = s.page.locator('.proposal-card');
    const all = await cards.count();
    const picker = s.page.locator('#filter-coordinator');
    const options = await picker.locator('option').allInnerTexts();
    assert.equal(options[0], 'Toutes');
    assert.equal(options[1], 'Les miennes');
    assert.ok(options.length >= 3, `colleagues listed: ${options}`);
    await picker.selectOption({ index: 1 });
    await s.page.waitForFunction((n) => document.querySelectorAll('.proposal-card').length < n, all);
    const mine = await cards.count();
    assert.ok(mine > 0, 'the demo coordinator has proposals of her own');
    await picker.selectOption('');
    await s.page.waitForFunction((n) => document.querySelectorAll('.proposal-card').length === n, all);
    await checkA11y(s.page, 'proposals board, filtered');
    noAppErrors(s);
  });
});
