// Browser tests of the Duo2Change screens (candidate pool, a candidate's explained suggestions,
// the batch preview and its acceptance, the proposals board, a duo's life and check-ins, the
// attention dashboard, the weights) against the demo data of `interra serve --demo` (about
// 20 newcomers and 20 locals waiting, a few proposals, active duos, one needing attention).
//
// Other test files share the server: these tests create their own people (two newcomers, two
// locals, with unique names) through the API and only propose, move and withdraw those. They
// sign in as the second demo coordinator (app.test.mjs changes the first one's password).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, COACH, PHONE,
  accessToken, checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const DUO_COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const stamp = Date.now().toString(36);

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

/** A JSON call to the API; throws with the answer on an error status. */
async function api(method, path, token, body) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': 'fr',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The people and candidacies these tests own. */
const fx = {};

async function setUp() {
  const token = await accessToken(ADMIN);
  fx.token = token;
  const tags = await api('GET', '/tags', token);
  const rare = [...tags].sort((a, b) => a.usage - b.usage).slice(0, 3)
    .map((t) => ({ tag_id: t.id, kind: 'passion' }));
  const person = async (first, newcomer) => api('POST', '/people', token, {
    first_name: first,
    last_name: `Duo${stamp}`,
    email: `${first.toLowerCase()}.${stamp}@example.org`,
    profile: newcomer ? 'newcomer' : 'local',
    arrival_year: newcomer ? new Date().getFullYear() - 1 : null,
    birth_year: 1990,
    french_level: newcomer ? 'A2' : 'C2',
    languages: newcomer
      ? [{ language: 'ar', level: 'native' }, { language: 'fr', level: 'intermediate' }]
      : [{ language: 'fr', level: 'native' }, { language: 'ar', level: 'intermediate' }],
    tags: rare,
    availability: ['sat_morning', 'sat_afternoon', 'sun_afternoon', 'wed_evening'],
    confirm_distinct: true,
  });
  fx.ns = await person('Nadia', true); // candidacy opened in the browser
  fx.ls = await person('Luc', false);
  fx.nb = await person('Nour', true);
  fx.lb = await person('Lea', false);
  const candidacy = (p) => api('POST', '/duo/candidates', token, {
    person_id: p.id,
    commune: 'liege',
    travel: 'anywhere',
    hopes: ['conversation', 'culture', 'outings'],
    wants_french_practice: p.category === 'newcomer',
  });
  fx.lsCand = await candidacy(fx.ls);
  fx.nbCand = await candidacy(fx.nb);
  fx.lbCand = await candidacy(fx.lb);
  fx.name = (p) => `${p.first_name} Duo${stamp}`;
}

describe('Duo2Change, as a coordinator', () => {
  let s;
  before(async () => {
    await setUp();
    s = await signedIn(DUO_COORDINATOR);
  });
  after(async () => { await s?.close(); });

  it('opens the duo pool from the navigation: both sides, waiting time, filters', async () => {
    const nav = s.page.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports']);
    await nav.locator('a', { hasText: 'Duo2Change' }).click();
    await expectHeading(s.page, 'Duo2Change : les candidat·es');
    assert.equal(new URL(s.page.url()).pathname, '/duo');
    const newcomers = s.page.locator('section[aria-labelledby=pool-newcomer] li.candidate');
    const locals = s.page.locator('section[aria-labelledby=pool-local] li.candidate');
    await newcomers.first().waitFor();
    assert.ok(await newcomers.count() >= 20, 'about 20 newcomers wait');
    assert.ok(await locals.count() >= 20, 'about 20 locals wait');
    assert.match(await newcomers.first().innerText(), /En attente depuis \d+ jours/);
    assert.equal(await s.page.locator('.duo-tabs a[aria-current=page]').innerText(), 'Candidat·es');
    await checkA11y(s.page, 'duo pool');
    await screenshots(s.page, '40-duo-pool');

    await s.page.locator('#filter-side').selectOption('local');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('side') === 'local');
    await s.page.locator('section[aria-labelledby=pool-newcomer]').waitFor({ state: 'detached' });
    assert.ok(await locals.count() >= 20);

    await s.page.locator('#filter-waited').selectOption('90');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('waited') === '90');
    await s.page.waitForFunction(() => [...document.querySelectorAll('li.candidate .waiting')]
      .every((p) => Number(/(\d+) jours/.exec(p.textContent)?.[1]) >= 90));
    assert.equal(await s.page.locator('li.candidate', { hasText: fx.name(fx.lb) }).count(), 0,
      'who started waiting today is filtered out');

    await s.page.locator('#filter-commune').selectOption('liege');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('commune') === 'liege');
    await s.page.locator('button', { hasText: 'Effacer les filtres' }).click();
    await s.page.waitForFunction(() => new URL(location.href).search === '');
    await s.page.locator('li.candidate', { hasText: fx.name(fx.lb) }).waitFor();
    noAppErrors(s);
  });

  it("opens a demo candidate's duo suggestions, ranked and explained", async () => {
    await open(s.page, '/duo?side=newcomer');
    const first = s.page.locator('li.candidate h3 a').first();
    const name = await first.innerText();
    await first.click();
    await expectHeading(s.page, name);
    const items = s.page.locator('.suggestion-list > li');
    await items.first().waitFor();
    assert.ok(await items.count() >= 1 && await items.count() <= 5, 'the best 5 by default');
    const top = items.first();
    assert.match(await top.locator('.score-total').innerText(), /^\d+\/100$/);
    assert.ok(await top.locator('.reasons li').count() >= 1, 'each suggestion says why');
    await top.locator('.score-details summary').click();
    assert.equal(await top.locator('.breakdown li').count(), 7, 'one line per criterion');
    assert.match(await top.locator('.breakdown').innerText(), /Centres d'intérêt communs/);
    const scores = await items.locator('.suggestion-head .score-total').allInnerTexts();
    const values = scores.map((t) => Number(t.split('/')[0]));
    assert.deepEqual(values, [...values].sort((a, b) => b - a), 'ranked best first');
    await checkA11y(s.page, 'duo candidate with suggestions');
    await screenshots(s.page, '41-duo-suggestions');

    // The explanations follow the interface language.
    const frenchReason = await top.locator('.reasons li').first().innerText();
    await s.page.locator('#lang-select').selectOption('en');
    await s.page.locator('#suggestions-title', { hasText: 'Suggested partners' }).waitFor();
    await s.page.waitForFunction((fr) => {
      const li = document.querySelector('.suggestion-list > li .reasons li');
      return li && li.textContent !== fr;
    }, frenchReason);
    await s.page.locator('#lang-select').selectOption('fr');
    await s.page.locator('#suggestions-title', { hasText: 'Partenaires suggéré·es' }).waitFor();
    noAppErrors(s);
  });

  it('opens a duo candidacy for a person found by name (a field error first)', async () => {
    await open(s.page, '/duo');
    await s.page.locator('main a', { hasText: 'Ouvrir une candidature' }).click();
    await expectHeading(s.page, 'Ouvrir une candidature');
    await s.page.locator('main form button[type=submit]').click();
    await s.page.locator('#person_id-error').waitFor();
    assert.equal(await s.page.getAttribute('#person-search', 'aria-invalid'), 'true');
    await checkA11y(s.page, 'duo candidacy form with an error');
    await screenshots(s.page, '42-duo-candidacy-form');

    await s.page.locator('#person-search').fill(`Nadia Duo${stamp}`);
    await s.page.locator('#person-search').press('Enter');
    await s.page.locator(`button[aria-label="Choisir ${fx.name(fx.ns)}"]`).click();
    await s.page.locator('.chosen-person', { hasText: fx.name(fx.ns) }).waitFor();
    await s.page.locator('#commune').selectOption('liege');
    await s.page.locator('#travel').selectOption('anywhere');
    for (const h of ['conversation', 'culture', 'outings']) await s.page.locator(`#hope-${h}`).check();
    await s.page.locator('#wants_french_practice').check();
    // Too young a partner: the API says so under the field.
    await s.page.locator('#partner_age_min').fill('12');
    await s.page.locator('#remarks').fill('Disponible surtout le week-end.');
    await s.page.locator('main form button[type=submit]').click();
    await s.page.locator('#partner_age_min-error').waitFor();
    assert.equal(await s.page.getAttribute('#partner_age_min', 'aria-invalid'), 'true');
    await s.page.locator('#partner_age_min').fill('');
    await s.page.locator('main form button[type=submit]').click();
    await expectHeading(s.page, fx.name(fx.ns));
    assert.match(new URL(s.page.url()).pathname, /^\/duo\/candidates\/[0-9a-f-]{36}$/);
    const facts = await s.page.locator('section[aria-labelledby=candidacy-title]').innerText();
    assert.match(facts, /Liège/);
    assert.match(facts, /Partout dans la région liégeoise/);
    assert.match(facts, /Disponible surtout le week-end/);
    fx.nsCandId = new URL(s.page.url()).pathname.split('/').pop();
  });

  it('keeps a pair apart with a reason ("do not pair"), then lifts it', async () => {
    await s.page.locator('#suggestions-k').selectOption('20');
    const lea = fx.name(fx.lb);
    const row = s.page.locator('.suggestion-list > li', { hasText: lea });
    await row.waitFor();
    await row.locator(`summary[aria-label="Ne pas proposer ensemble : ${lea}"]`).click();
    // A reason is required: the form says so under the field.
    await row.locator('button[type=submit]', { hasText: 'Ne plus les proposer ensemble' }).click();
    await s.page.locator(`#block-note-${fx.lb.id}-error`).waitFor();
    assert.equal(await s.page.getAttribute(`#block-note-${fx.lb.id}`, 'aria-invalid'), 'true');
    await s.page.locator(`#block-note-${fx.lb.id}`).fill('Elles se connaissent déjà.');
    await row.locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'cette paire ne sera plus proposée' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const blocks = s.page.locator('section[aria-labelledby=blocks-title]');
    const item = blocks.locator('li.block-item', { hasText: lea });
    await item.waitFor();
    assert.match(await item.innerText(), /Décision de la coordination/);
    assert.match(await item.innerText(), /Elles se connaissent déjà\./);
    await checkA11y(s.page, 'duo candidate with a blocked pair');

    await item.locator(`button[aria-label="Lever le blocage avec ${lea}"]`).click();
    await s.page.locator('main [role=status]', { hasText: 'Blocage levé' }).waitFor();
    await blocks.locator('.empty', { hasText: 'Aucune paire écartée.' }).waitFor();
    await s.page.locator('.suggestion-list > li', { hasText: lea }).waitFor();
    noAppErrors(s);
  });

  it('proposes a suggested duo pair from the suggestions', async () => {
    await s.page.locator('#suggestions-k').selectOption('20');
    const row = s.page.locator('.suggestion-list > li', { hasText: fx.name(fx.ls) });
    await row.waitFor();
    assert.ok(await row.locator('.reasons li').count() >= 1);
    await row.locator(`button[aria-label="Proposer ce duo : ${fx.name(fx.ls)}"]`).click();
    await s.page.waitForURL(/\/duo\/duos\/[0-9a-f-]{36}$/);
    await expectHeading(s.page, `${fx.name(fx.ns)} & ${fx.name(fx.ls)}`);
    await s.page.locator('main .badge', { hasText: 'Proposé' }).first().waitFor();
    fx.duoPath = new URL(s.page.url()).pathname;
  });

  it('moves the duo through introduce, then confirm, offering only the allowed steps', async () => {
    const moves = s.page.locator('section[aria-labelledby=moves-title] .actions button.move');
    assert.deepEqual(await moves.allInnerTexts(), ['Marquer comme présentés', 'Refuser']);
    await checkA11y(s.page, 'duo page, proposed');
    await moves.filter({ hasText: 'Marquer comme présentés' }).click();
    await s.page.locator('main [role=status]', { hasText: 'Présenté' }).waitFor();
    await s.page.waitForFunction(() => [...document.querySelectorAll('button.move')]
      .map((b) => b.textContent.trim()).join('|') === 'Confirmer le duo|Refuser');
    // The trial meeting's feedback of both sides, recorded by the coordinator.
    const hint = s.page.locator('section[aria-labelledby=moves-title] .confirm-hint');
    assert.match(await hint.innerText(), /pas encore enregistré/);
    const card = s.page.locator('section[aria-labelledby=feedback-title]');
    const sides = card.locator('.feedback-side');
    await sides.nth(0).locator('summary').click();
    // Without a rating, the form says so under the field.
    await s.page.locator('#feedback_newcomer_wish').selectOption('yes');
    await sides.nth(0).locator('button[type=submit]').click();
    await s.page.locator('#feedback_newcomer_rating-error').waitFor();
    assert.equal(await s.page.getAttribute('#feedback_newcomer_rating', 'aria-invalid'), 'true');
    await s.page.locator('#feedback_newcomer_rating').selectOption('5');
    await s.page.locator('#feedback_newcomer_notes').fill('Très contente de la rencontre.');
    await sides.nth(0).locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Avis enregistré' }).waitFor();
    await card.locator('.feedback-side', { hasText: 'Très contente de la rencontre.' }).waitFor();
    await sides.nth(1).locator('summary').click();
    await s.page.locator('#feedback_local_wish').selectOption('yes');
    await s.page.locator('#feedback_local_rating').selectOption('4');
    await sides.nth(1).locator('button[type=submit]').click();
    await s.page.locator('.feedback-side', { hasText: 'rencontre : 4/5' }).waitFor();
    assert.match(await sides.nth(0).innerText(), /Veut continuer/);
    await s.page.locator('.confirm-hint-ready', { hasText: 'Les deux veulent continuer' }).waitFor();
    await checkA11y(s.page, 'duo page, introduced with feedback');
    await moves.filter({ hasText: 'Confirmer le duo' }).click();
    await s.page.locator('main [role=status]', { hasText: 'Actif' }).waitFor();
    await s.page.waitForFunction(() => [...document.querySelectorAll('button.move')]
      .map((b) => b.textContent.trim()).join('|') === 'Mettre en pause|Terminer le duo');
    const steps = await s.page.locator('.timeline li strong').allInnerTexts();
    assert.deepEqual(steps, ['Proposé', "Présentés l'un·e à l'autre", 'Confirmé après la rencontre d\'essai']);
    await s.page.locator('section[aria-labelledby=health-title]').waitFor();
    assert.equal(await s.page.locator('.follow-ups li').count(), 3, 'calls after 2 weeks, 6 weeks, 3 months');
    const people = s.page.locator('section[aria-labelledby=people-title] a');
    assert.deepEqual(await people.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      [`/people/${fx.ns.id}`, `/people/${fx.ls.id}`]);
    await checkA11y(s.page, 'duo page, active');
    await screenshots(s.page, '43-duo-active');
  });

  it('marks a follow-up call done and plans another one', async () => {
    const calls = s.page.locator('section[aria-labelledby=follow-ups-title]');
    const first = calls.locator('li.follow-up').first();
    assert.match(await first.innerText(), /Après 2 semaines/);
    await first.locator('button', { hasText: "Marquer l'appel comme fait" }).click();
    await s.page.locator('#follow_up_done_on').fill('2999-01-01');
    await s.page.locator('#follow_up_done_notes').fill('Ils se voient chaque samedi.');
    await calls.locator('.done-form button[type=submit]').click();
    // A date in the future: the API says so under the field.
    await s.page.locator('#follow_up_done_on-error').waitFor();
    assert.equal(await s.page.getAttribute('#follow_up_done_on', 'aria-invalid'), 'true');
    await s.page.locator('#follow_up_done_on').fill(new Date().toISOString().slice(0, 10));
    await calls.locator('.done-form button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Appel de suivi enregistré' }).waitFor();
    const done = calls.locator('li.follow-up-done');
    await done.waitFor();
    const text = await done.innerText();
    assert.match(text, /Après 2 semaines/);
    assert.match(text, /fait/);
    assert.match(text, /Ils se voient chaque samedi/);
    assert.equal(await calls.locator('button', { hasText: "Marquer l'appel comme fait" }).count(), 2);
    // Another call, in a week.
    await calls.locator('.plan-call summary').click();
    const inAWeek = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    await s.page.locator('#follow_up_due_on').fill(inAWeek);
    await s.page.locator('#follow_up_plan_notes').fill('Demander des nouvelles du cours de français.');
    await calls.locator('.plan-call button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Appel planifié' }).waitFor();
    await calls.locator('li.follow-up', { hasText: 'Appel supplémentaire' }).waitFor();
    assert.equal(await calls.locator('li.follow-up').count(), 4);
    await checkA11y(s.page, 'duo follow-up calls');
    noAppErrors(s);
  });

  it('records the newcomer\'s self-assessment at the start of the duo', async () => {
    const card = s.page.locator('section[aria-labelledby=assessments-title]');
    await card.locator('table.assessments').waitFor();
    await card.locator('.assessment-form summary').click();
    await s.page.locator('#assessment_side').selectOption('newcomer');
    await s.page.locator('#assessment_phase').selectOption('before');
    await s.page.locator('#french_confidence').selectOption('2');
    await card.locator('button[type=submit]').click();
    // How many people they can ask for help is required.
    await s.page.locator('#help_contacts-error').waitFor();
    await s.page.locator('#help_contacts').fill('3');
    await card.locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Auto-évaluation enregistrée' }).waitFor();
    const row = card.locator('tr', { hasText: 'Aisance pour parler français' });
    await row.locator('td', { hasText: '2/5' }).waitFor();
    assert.match(await card.locator('tr', { hasText: "Personnes à qui demander de l'aide" }).innerText(), /3/);
    // The local's questions replace the newcomer's when the side changes.
    await s.page.locator('#assessment_side').selectOption('local');
    await s.page.locator('#intercultural_understanding').waitFor();
    assert.equal(await s.page.locator('#french_confidence').count(), 0);
    await checkA11y(s.page, 'duo self-assessments');
    await screenshots(s.page, '43b-duo-follow-up');
    noAppErrors(s);
  });

  it('adds a duo check-in: the API refuses an empty activity, then records it', async () => {
    await s.page.locator('.add-check-in summary').click();
    await s.page.locator('#duration_minutes').fill('90');
    await s.page.locator('.check-in-form button[type=submit]').click();
    await s.page.locator('#activity-error').waitFor();
    assert.equal(await s.page.getAttribute('#activity', 'aria-invalid'), 'true');
    await checkA11y(s.page, 'duo check-in form with an error');
    await s.page.locator('#activity').fill('Café et promenade sur les coteaux');
    await s.page.locator('#reported_by').selectOption('newcomer');
    await s.page.locator('#satisfaction_newcomer').selectOption('4');
    await s.page.locator('#satisfaction_local').selectOption('5');
    await s.page.locator('#notes').fill('Ils se revoient samedi.');
    await s.page.locator('.check-in-form button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Rencontre enregistrée' }).waitFor();
    const item = s.page.locator('.check-in-list li', { hasText: 'Café et promenade sur les coteaux' });
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, /90 min/);
    assert.match(text, /primo-arrivant·e 4\/5/);
    assert.match(text, /habitant·e 5\/5/);
    assert.match(text, /Ils se revoient samedi/);
    await s.page.locator('section[aria-labelledby=health-title]', { hasText: '1 rencontre en 4 semaines' }).waitFor();
    await screenshots(s.page, '44-duo-check-in');
    noAppErrors(s);
  });

  it('runs a duo batch preview with a pinned pair; nothing is proposed before acceptance', async () => {
    await open(s.page, '/duo/batch');
    await expectHeading(s.page, 'Appariement global');
    await s.page.locator(`#pin-newcomer option[value="${fx.nbCand.id}"]`).waitFor({ state: 'attached' });
    await s.page.locator('#pin-newcomer').selectOption(fx.nbCand.id);
    await s.page.locator('#pin-local').selectOption(fx.lbCand.id);
    await s.page.locator('.pin-form button[type=submit]').click();
    const pinned = s.page.locator('li.pair', { hasText: fx.name(fx.nb) });
    await pinned.waitFor();
    assert.match(await pinned.innerText(), new RegExp(fx.name(fx.lb)));
    await pinned.locator('.badge-pinned').waitFor();
    assert.ok(await pinned.locator('.reasons li').count() >= 1);
    assert.ok(await s.page.locator('li.pair').count() >= 5, 'the whole waiting pool is paired');
    await s.page.locator('#unmatched-title').waitFor();
    await s.page.locator('.preview', { hasText: 'Seuil' }).waitFor();
    await s.page.locator('.preview', { hasText: "Rien n'est encore proposé" }).waitFor();
    // Scores in words a coordinator understands: the average pair out of 100, the settings
    // used as a link — not a sum of scores nor a bare version number.
    const summary = await s.page.locator('.preview dl.summary').innerText();
    assert.match(summary, /Score moyen des paires\s+\d{1,3}\/100/);
    assert.doesNotMatch(summary, /Score total|Version des pondérations/);
    await s.page.locator('.preview dl.summary a[href="/duo/settings"]', { hasText: /^Version \d+$/ }).waitFor();
    const still = await api('GET', `/duo/candidates/${fx.nbCand.id}`, fx.token);
    assert.equal(still.status, 'waiting', 'a preview proposes nothing');
    await checkA11y(s.page, 'duo batch preview');
    await screenshots(s.page, '45-duo-batch');
  });

  it('accepts only the chosen pair of the duo batch and sees it on the board', async () => {
    const waitingBefore = (await api('GET', '/duo/candidates?status=waiting', fx.token)).length;
    await s.page.locator('button', { hasText: 'Tout décocher' }).click();
    const accept = s.page.locator('#batch-accept');
    assert.equal(await accept.isDisabled(), true);
    await s.page.locator(`#pair-${fx.nbCand.id}-${fx.lbCand.id}`).check();
    assert.equal(await accept.innerText(), 'Accepter les paires cochées (1)');
    await accept.click();
    await s.page.locator('main [role=status]', { hasText: '1 proposition créée.' }).waitFor();
    const waitingAfter = (await api('GET', '/duo/candidates?status=waiting', fx.token)).length;
    assert.equal(waitingAfter, waitingBefore - 2, 'only the accepted pair left the pool');
    await s.page.locator('main a', { hasText: 'Voir les propositions' }).click();
    await expectHeading(s.page, 'Propositions et duos');
    const proposed = s.page.locator('section[aria-labelledby=col-proposed]');
    await proposed.locator('li', { hasText: fx.name(fx.nb) }).waitFor();
    const active = s.page.locator('section[aria-labelledby=col-active]');
    await active.locator('li', { hasText: fx.name(fx.ns) }).waitFor();
    assert.ok(await active.locator('.badge[class*=health-]').count() >= 1, 'active duos show their health');
    await checkA11y(s.page, 'duo board');
    await screenshots(s.page, '46-duo-board');
  });

  it('declines the batch duo with a reason: both return to the pool', async () => {
    await s.page.locator('section[aria-labelledby=col-proposed] a', { hasText: fx.name(fx.nb) }).click();
    await expectHeading(s.page, `${fx.name(fx.nb)} & ${fx.name(fx.lb)}`);
    await s.page.locator('button.move', { hasText: 'Refuser' }).click();
    await s.page.locator('.move-form button[type=submit]').click();
    await s.page.locator('#reason-error').waitFor();
    assert.equal(await s.page.getAttribute('#reason', 'aria-invalid'), 'true');
    await checkA11y(s.page, 'duo decline form');
    await s.page.locator('#reason').fill('Horaires finalement incompatibles.');
    await s.page.locator('.move-form button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Refusé' }).waitFor();
    await s.page.locator('.timeline li', { hasText: 'Horaires finalement incompatibles.' }).waitFor();
    assert.equal(await s.page.locator('button.move').count(), 0, 'a declined duo has no next step');
    const back = await api('GET', `/duo/candidates/${fx.nbCand.id}`, fx.token);
    assert.equal(back.status, 'waiting');
  });

  it('edits a duo candidacy and withdraws it from the pool', async () => {
    await open(s.page, `/duo/candidates/${fx.nbCand.id}`);
    await expectHeading(s.page, fx.name(fx.nb));
    await s.page.locator('main a', { hasText: 'Modifier la candidature' }).click();
    await expectHeading(s.page, 'Modifier la candidature');
    assert.equal(await s.page.inputValue('#commune'), 'liege');
    assert.equal(await s.page.locator('#hope-culture').isChecked(), true);
    await s.page.locator('#travel').selectOption('neighbours');
    await s.page.locator('#status').selectOption('withdrawn');
    await checkA11y(s.page, 'duo candidacy edit form');
    await s.page.locator('main form button[type=submit]').click();
    await expectHeading(s.page, fx.name(fx.nb));
    await s.page.locator('main .badge', { hasText: 'Retiré·e' }).waitFor();
    assert.match(await s.page.locator('section[aria-labelledby=candidacy-title]').innerText(), /Communes voisines/);
    // The other one of the pair leaves too, so these tests leave the demo pool as they found it.
    await api('PUT', `/duo/candidates/${fx.lbCand.id}`, fx.token, {
      person_id: fx.lb.id, travel: 'anywhere', commune: 'liege', status: 'withdrawn',
    });
  });

  it('lists the demo duo needing attention first on the attention dashboard, with why', async () => {
    const duos = await api('GET', '/duos/attention', fx.token);
    const urgent = duos.find((d) => d.health?.level === 'attention');
    assert.ok(urgent, 'the demo has a duo needing attention');
    await open(s.page, '/duo');
    await s.page.locator('.duo-tabs a', { hasText: 'À appeler' }).click();
    await expectHeading(s.page, 'Duos à appeler');
    const group = s.page.locator('section[aria-labelledby=level-attention]');
    const item = group.locator('li.attention-item', { hasText: urgent.newcomer_name });
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(urgent.local_name));
    assert.ok(await item.locator('.reasons li').count() >= 1, 'the reasons are given');
    assert.match(await item.innerText(), /appel de suivi en retard|rencontre/);
    // The call list gives the numbers to call, as links that dial.
    for (const [name, phone] of [[urgent.newcomer_name, urgent.newcomer_phone], [urgent.local_name, urgent.local_phone]]) {
      if (!phone) continue;
      const line = item.locator('.duo-phones li', { hasText: name });
      assert.equal(await line.locator('a').getAttribute('href'), `tel:${phone.replace(/[^0-9+]/g, '')}`);
      assert.equal((await line.locator('a').innerText()).trim(), phone);
    }
    assert.ok(urgent.newcomer_phone || urgent.local_phone, 'the demo people of that duo have a phone');
    // Needing attention comes before everything else.
    const order = await s.page.locator('section.attention-group h2').evaluateAll((hs) => hs.map((h) => h.id));
    assert.deepEqual(order, ['level-attention', 'level-watch', 'level-good']);
    await checkA11y(s.page, 'duo attention dashboard');
    await screenshots(s.page, '47-duo-attention');

    await item.locator('h3 a').click();
    await expectHeading(s.page, urgent.newcomer_name);
    await s.page.locator('.health-card-attention').waitFor();
    noAppErrors(s);
  });

  it('reads the duo weights without being able to change them', async () => {
    await open(s.page, '/duo/settings');
    await expectHeading(s.page, "Pondérations de l'appariement");
    await s.page.locator('main', { hasText: "Seule l'administration peut modifier" }).waitFor();
    assert.equal(await s.page.locator('main form').count(), 0);
    assert.match(await s.page.locator('main dl').innerText(), /Seuil/);
    // The communes and their neighbours are listed for everyone.
    await s.page.locator('table.communes th', { hasText: /^Seraing$/ }).waitFor();
    await checkA11y(s.page, 'duo weights (read only)');
  });

  it('shows the duo pool right to left in Arabic', async () => {
    await open(s.page, '/duo');
    await s.page.locator('#lang-select').selectOption('ar');
    await s.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(s.page, 'Duo2Change: المرشحون');
    await s.page.locator('li.candidate').first().waitFor();
    await checkA11y(s.page, 'duo pool (Arabic)');
    await screenshots(s.page, '48-duo-pool-ar');
    await s.page.locator('#lang-select').selectOption('fr');
    await expectHeading(s.page, 'Duo2Change : les candidat·es');
  });
});

describe('Duo2Change on a phone, as an administrator', () => {
  let s;
  before(async () => {
    s = await signedIn(ADMIN, { viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('changes the duo weights: out-of-range values refused, then a new version', async () => {
    await open(s.page, '/duo/settings');
    await expectHeading(s.page, "Pondérations de l'appariement");
    const weights = s.page.locator('main form', { has: s.page.locator('#interests') });
    const heading = await weights.locator('h2').innerText();
    const version = Number(/(\d+)/.exec(heading)[1]);
    const before = await s.page.inputValue('#interests');
    await s.page.locator('#interests').fill('12');
    await weights.locator('button[type=submit]').click();
    await s.page.locator('#interests-error').waitFor();
    assert.equal(await s.page.getAttribute('#interests', 'aria-invalid'), 'true');
    await checkA11y(s.page, 'duo weights form with an error');
    await screenshots(s.page, '49-duo-weights');
    // Same values again: a new version that scores exactly as before (other tests share them).
    await s.page.locator('#interests').fill(before);
    await weights.locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: `version ${version + 1}` }).waitFor();
  });

  it('adds a commune next to Liège: a bad latitude refused, then linked both ways', async () => {
    const name = `Testville ${stamp}`;
    await open(s.page, '/duo/settings');
    await expectHeading(s.page, "Pondérations de l'appariement");
    const form = s.page.locator('form.commune-form');
    await form.locator('#commune-pick').selectOption('');
    await form.locator('#commune-id').fill(`testville-${stamp}`);
    await form.locator('#commune-name').fill(name);
    await form.locator('#commune-latitude').fill('95');
    await form.locator('#commune-longitude').fill('5,6');
    await form.locator('#neighbour-liege').check();
    await form.locator('button[type=submit]').click();
    await s.page.locator('#commune-latitude-error').waitFor();
    assert.equal(await s.page.getAttribute('#commune-latitude', 'aria-invalid'), 'true');
    await form.locator('#commune-latitude').fill('50,62');
    await form.locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: `Commune enregistrée : ${name}.` }).waitFor();
    const table = s.page.locator('table.communes');
    const row = (commune) => table.locator('tbody tr').filter({ has: s.page.locator('th', { hasText: commune }) });
    await row(name).filter({ hasText: 'Liège' }).waitFor();
    const liege = row(/^Liège$/);
    assert.match(await liege.innerText(), new RegExp(name));
    await checkA11y(s.page, 'duo communes');
  });

  it('stacks the duo board columns on a phone', async () => {
    await open(s.page, '/duo/proposals');
    await expectHeading(s.page, 'Propositions et duos');
    await s.page.locator('section.board-column').first().waitFor();
    const boxes = await s.page.locator('section.board-column').evaluateAll((cols) => cols
      .map((c) => c.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), w: Math.round(r.width) })));
    assert.equal(boxes.length, 4);
    assert.ok(boxes.every((b) => b.x === boxes[0].x), 'one column under the other');
    const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling (${width}px)`);
    await checkA11y(s.page, 'duo board (phone)');
    noAppErrors(s);
  });
});

describe('Duo2Change, as a coach', () => {
  let s;
  before(async () => {
    s = await signedIn(COACH, { viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('reads the duo pool of the people they accompany, without matching tools', async () => {
    await open(s.page, '/duo?status=all');
    await expectHeading(s.page, 'Duo2Change : les candidat·es');
    await s.page.locator('main .count').waitFor();
    assert.equal(await s.page.locator('main a', { hasText: 'Ouvrir une candidature' }).count(), 0);
    assert.equal(await s.page.locator('.duo-tabs a', { hasText: 'Appariement global' }).count(), 0);
    assert.equal(await s.page.locator('li.candidate', { hasText: `Duo${stamp}` }).count(), 0,
      'people they do not accompany are not listed');
    await checkA11y(s.page, 'duo pool (coach)');
    await open(s.page, '/duo/batch');
    await expectHeading(s.page, 'Accès réservé');
  });
});
