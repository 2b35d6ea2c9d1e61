// Browser tests of the People screens (list, person page, create/edit form, review queue)
// against the demo data of `interra serve --demo` (60 fictional people, 4 of them to review).
// Runs after app.test.mjs (the runner takes the files in order, one at a time); that file
// changes the coordinator's password, so the writing flows here use the admin account, which
// has the same rights over people.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  ADMIN, BASE_URL, COACH, DESKTOP, PHONE, SCREENSHOTS,
  accessToken, checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

async function search(page, text) {
  await page.locator('#filter-q').fill(text);
  await page.locator('form[role=search] button[type=submit]').click();
}

describe('people: finding and opening a person', () => {
  let s;
  before(async () => {
    s = await signedIn(ADMIN);
  });
  after(async () => { await s?.close(); });

  it('lists people from the navigation, a page at a time', async () => {
    const nav = s.page.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports', 'Administration']);
    await nav.locator('a', { hasText: 'Personnes' }).click();
    await expectHeading(s.page, 'Personnes');
    assert.equal(new URL(s.page.url()).pathname, '/people');
    await s.page.waitForFunction(() => document.querySelectorAll('.people li').length === 20);
    assert.match(await s.page.locator('main .count').innerText(), /\d+ personne/);
    await checkA11y(s.page, 'people list');
    await screenshots(s.page, '10-people');

    await s.page.locator('.pager button', { hasText: 'Suivante' }).click();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await s.page.locator('.pager-status', { hasText: 'Page 2' }).waitFor();
  });

  it('searches by name, and says when nothing matches', async () => {
    await search(s.page, 'Amina');
    await s.page.locator('.people li', { hasText: 'Amina Haddad' }).waitFor();
    assert.equal(new URL(s.page.url()).searchParams.get('q'), 'Amina');
    assert.equal(new URL(s.page.url()).searchParams.get('page'), null, 'a new search starts at page 1');

    await search(s.page, 'no-such-person-anywhere');
    await s.page.locator('main .empty').waitFor();
    await checkA11y(s.page, 'people, no match');
    await s.page.locator('button', { hasText: 'Effacer les filtres' }).click();
    await s.page.waitForFunction(() => document.querySelectorAll('.people li').length === 20);
    assert.equal(await s.page.inputValue('#filter-q'), '');
  });

  it('filters by category, French level, to-review status and archived', async () => {
    await s.page.locator('#filter-category').selectOption('newcomer');
    await s.page.locator('#filter-french-min').selectOption('B2');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('french_min') === 'B2');
    await s.page.waitForFunction(() => {
      const items = [...document.querySelectorAll('.people li')];
      return items.length > 0 && items.every((li) => /Primo-arrivant/.test(li.textContent)
        && /Niveau de français (B2|C1|C2)/.test(li.textContent));
    });
    await s.page.screenshot({ path: `${SCREENSHOTS}/11-people-filtered.png`, fullPage: true });

    await open(s.page, '/people');
    await s.page.locator('#filter-tag option[value=cooking]').waitFor({ state: 'attached' });
    await s.page.locator('#filter-tag').selectOption('cooking');
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('tags') === 'cooking');
    await s.page.locator('main .count').waitFor();
    assert.ok(await s.page.locator('.people li').count() > 0, 'some people love cooking');

    await open(s.page, '/people');
    await s.page.locator('#filter-to-review').check();
    await s.page.waitForFunction(() => {
      const items = [...document.querySelectorAll('.people li')];
      // The demo's 4 sign-ups to review, and any visitor who used a public form in an earlier
      // test file (they share the server): all of them marked to review.
      return items.length >= 4 && items.every((li) => li.querySelector('.badge-review'));
    });
    await s.page.locator('#filter-to-review').uncheck();
    await s.page.locator('#filter-archived').check();
    await s.page.waitForFunction(() => new URL(location.href).searchParams.get('archived') === 'true');
    await s.page.locator('main .count, main .empty').first().waitFor();
    await checkA11y(s.page, 'people, archived');
    noAppErrors(s);
  });

  it('opens a person page with contact, profile, memberships and consents', async () => {
    await open(s.page, '/people?q=Amina%20Haddad');
    await s.page.locator('.people li a', { hasText: 'Amina Haddad' }).click();
    await expectHeading(s.page, 'Amina Haddad');
    assert.match(new URL(s.page.url()).pathname, /^\/people\/[0-9a-f-]{36}$/);
    const main = s.page.locator('main');
    for (const section of ['Identité', 'Coordonnées', 'Profil', 'Langues parlées', 'Disponibilités',
      'Participation aux programmes', 'Consentements']) {
      await main.locator('h2', { hasText: section }).first().waitFor();
    }
    assert.match(await main.innerText(), /amina\.1@example\.org/);
    // The region of origin (close to ethnic origin) is never shown on a person's page.
    assert.doesNotMatch(await main.innerText(), /Région d'origine/);
    await checkA11y(s.page, 'person page');
    await screenshots(s.page, '12-person');
  });

  it('downloads the GDPR export as a JSON file', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.locator('main button', { hasText: 'Exporter ses données' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^interra-person-[0-9a-f-]{36}\.json$/);
    const file = await download.path();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.match(JSON.stringify(doc), /amina\.1@example\.org/);
    // The person's own export is the one place it appears.
    assert.match(JSON.stringify(doc), /"origin_region":"[^"]+"/);
    await s.page.locator('main [role=status]', { hasText: 'téléchargé' }).waitFor();
    noAppErrors(s);
  });

  it('reads in Arabic, right to left', async () => {
    await open(s.page, '/people');
    await s.page.locator('#lang-select').selectOption('ar');
    await s.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(s.page, 'الأشخاص');
    await s.page.waitForFunction(() => document.querySelectorAll('.people li').length === 20);
    await checkA11y(s.page, 'people (Arabic)');
    await screenshots(s.page, '13-people-ar');
    await s.page.locator('#lang-select').selectOption('fr');
    await expectHeading(s.page, 'Personnes');
  });
});

describe('people: recording, correcting, reviewing', () => {
  let s;
  const stamp = Date.now().toString(36);
  const lastName = `Essai${stamp}`;

  before(async () => {
    s = await signedIn(ADMIN, { viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('creates a person: a field error first, then success', async () => {
    await open(s.page, '/people');
    await s.page.locator('main a', { hasText: 'Nouvelle personne' }).click();
    await expectHeading(s.page, 'Nouvelle personne');
    assert.equal(new URL(s.page.url()).pathname, '/people/new');
    await s.page.locator('#first_name').fill('Zoé');
    await s.page.locator('#last_name').fill(lastName);
    await s.page.locator('#profile').selectOption('newcomer');
    await s.page.locator('#arrival_year').fill('2024');
    await s.page.locator('#slot-sat_afternoon').check();
    await s.page.locator('#tag-search').fill('cuis');
    await s.page.locator('button[aria-label="Ajouter Cuisine"]').click();
    await s.page.locator('.chosen-tags li', { hasText: 'Cuisine' }).waitFor();
    // A long interest, its kind and its remove button fit a 360 px phone (they overflowed).
    await s.page.locator('#tag-search').fill('conversation');
    await s.page.locator('button[aria-label="Ajouter Conversation en français"]').click();
    const longChip = s.page.locator('.chosen-tags li', { hasText: 'Conversation en français' });
    await longChip.waitFor();
    for (const chip of await s.page.locator('.chosen-tags li').all()) {
      const box = await chip.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `chip within the screen: ${box.x}+${box.width}`);
    }
    assert.ok(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no sideways scrolling on the person form at 360 px');
    await s.page.locator('button.add-language').click();
    await s.page.waitForFunction(() => document.activeElement?.id?.startsWith('lang-code-'));
    await s.page.keyboard.type('ar');
    await s.page.locator('.language-row select').selectOption('native');
    // Neither email nor phone: the API refuses, under both fields.
    await s.page.locator('main form button[type=submit]').click();
    const emailError = s.page.locator('#email-error');
    await emailError.waitFor();
    assert.ok((await emailError.innerText()).trim().length > 0);
    assert.equal(await s.page.getAttribute('#email', 'aria-invalid'), 'true');
    assert.match(await s.page.getAttribute('#email', 'aria-describedby'), /email-error/);
    await s.page.locator('#phone-error').waitFor();
    await checkA11y(s.page, 'new person with field errors');
    await screenshots(s.page, '14-new-person-error');

    await s.page.locator('#email').fill(`e2e-${stamp}@example.org`);
    await s.page.locator('main form button[type=submit]').click();
    await expectHeading(s.page, `Zoé ${lastName}`);
    assert.match(new URL(s.page.url()).pathname, /^\/people\/[0-9a-f-]{36}$/);
    assert.match(await s.page.locator('main').innerText(), new RegExp(`e2e-${stamp}@example\\.org`));
    await s.page.locator('.availability td.slot-on').first().waitFor();
    await s.page.locator('main .chip', { hasText: 'Cuisine' }).waitFor();
    await s.page.locator('main li', { hasText: 'Langue maternelle' }).waitFor();
  });

  it('edits the person, keeping what the form does not show', async () => {
    await s.page.locator('main a', { hasText: 'Modifier' }).click();
    await expectHeading(s.page, 'Modifier la fiche');
    assert.equal(await s.page.inputValue('#first_name'), 'Zoé');
    await s.page.locator('#commune').fill('Herstal');
    await s.page.locator('#postcode').fill('4040');
    await s.page.locator('main form button[type=submit]').click();
    await s.page.waitForURL(/\/people\/[0-9a-f-]{36}\?saved=1$/);
    await expectHeading(s.page, `Zoé ${lastName}`);
    await s.page.locator('main h2', { hasText: 'Coordonnées' }).waitFor();
    const text = await s.page.locator('main').innerText();
    assert.match(text, /Herstal/);
    assert.match(text, /Cuisine/, 'the tags are kept');
    assert.match(text, /Langue maternelle/, 'the languages are kept');
  });

  it('adds a programme membership', async () => {
    const box = s.page.locator('section[aria-labelledby=memberships-title] details');
    await box.locator('summary').click();
    await s.page.locator('#m-programme').selectOption('duo2change');
    await s.page.locator('#m-role').selectOption('duo_candidate');
    await box.locator('button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Participation ajoutée' }).waitFor();
    await s.page.locator('main li', { hasText: 'Candidat·e duo' }).waitFor();
    await checkA11y(s.page, 'person with a new membership');
  });

  it('records a paper consent, then withdraws it', async () => {
    await s.page.locator('.add-consent summary').click();
    await s.page.locator('#c-purpose').selectOption('photos');
    await s.page.locator('#c-method').selectOption('oral');
    await s.page.locator('.add-consent button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: 'Consentement enregistré' }).waitFor();
    const withdraw = s.page.locator('button[aria-label="Retirer le consentement : Photos"]');
    await withdraw.waitFor();
    await checkA11y(s.page, 'person with a consent');
    await screenshots(s.page, '17-person-new');
    // One click only asks (issue 19): which consent, with "Oui, retirer" / "Garder".
    await withdraw.click();
    const confirm = s.page.locator('button[aria-label="Oui, retirer le consentement : Photos"]');
    await confirm.waitFor();
    assert.equal(await s.page.locator('main li', { hasText: 'Retiré le' }).count(), 0, 'nothing withdrawn yet');
    await s.page.waitForFunction(() => document.activeElement?.id?.startsWith('confirm-withdraw-'));
    await checkA11y(s.page, 'person, consent withdrawal asked');
    await confirm.click();
    await s.page.locator('main [role=status]', { hasText: 'Consentement retiré' }).waitFor();
    await s.page.locator('main li', { hasText: 'Retiré le' }).waitFor();
    // The history says which consent was given and withdrawn (it said only "Consentement retiré").
    await s.page.reload();
    const history = s.page.locator('.person-history');
    await history.locator('.history-action', { hasText: 'Consentement retiré : Photos' }).waitFor();
    await history.locator('.history-action', { hasText: 'Consentement enregistré : Photos' }).waitFor();
  });

  it('warns about a duplicate and records a different person on request', async () => {
    await open(s.page, '/people/new');
    await s.page.locator('#first_name').fill('Amina');
    await s.page.locator('#last_name').fill(`Homonyme${stamp}`);
    await s.page.locator('#profile').selectOption('local');
    await s.page.locator('#email').fill('amina.1@example.org');
    await s.page.locator('main form button[type=submit]').click();
    await s.page.locator('#duplicate-title').waitFor();
    await checkA11y(s.page, 'new person, duplicate');
    await screenshots(s.page, '15-new-person-duplicate');
    await s.page.locator('#confirm-distinct').click();
    await expectHeading(s.page, `Amina Homonyme${stamp}`);
  });

  it('anonymises only after the word is typed', async () => {
    const submit = s.page.locator('.danger-zone button[type=submit]');
    assert.equal(await submit.isDisabled(), true);
    await s.page.locator('#anonymise-confirm').fill('oui');
    assert.equal(await submit.isDisabled(), true);
    await s.page.locator('#anonymise-confirm').fill('anonymise');
    await checkA11y(s.page, 'person, anonymise confirmation');
    await submit.click();
    await s.page.locator('main [role=status]', { hasText: 'anonymisée' }).waitFor();
    await s.page.locator('main .badge', { hasText: 'Anonymisée' }).waitFor();
    assert.doesNotMatch(await s.page.locator('main').innerText(), /amina\.1@example\.org/);
    noAppErrors(s);
  });

  it('reviews sign-ups: accept one, archive another', async () => {
    await open(s.page, '/people');
    await s.page.locator('main a', { hasText: 'À vérifier' }).click();
    await expectHeading(s.page, 'Inscriptions à vérifier');
    // The demo's 4 sign-ups, plus visitors of public forms in earlier test files.
    await s.page.waitForFunction(() => document.querySelectorAll('.people li').length >= 4);
    const queued = await s.page.locator('.people li').count();
    await checkA11y(s.page, 'review queue');
    await screenshots(s.page, '16-review');

    await s.page.locator('button[aria-label="Accepter Aïssatou Bah"]').click();
    await s.page.locator('main [role=status]', { hasText: 'Aïssatou Bah a été acceptée' }).waitFor();
    await s.page.waitForFunction((n) => document.querySelectorAll('.people li').length === n, queued - 1);
    await s.page.locator('button[aria-label="Archiver Pierre Delvaux"]').click();
    await s.page.locator('main [role=status]', { hasText: 'Pierre Delvaux a été archivée' }).waitFor();
    await s.page.waitForFunction((n) => document.querySelectorAll('.people li').length === n, queued - 2);
    noAppErrors(s);
  });
});

describe('people: a coach', () => {
  let s;
  before(async () => {
    s = await signedIn(COACH);
  });
  after(async () => { await s?.close(); });

  it('sees the people they accompany, without the forms', async () => {
    await s.page.locator('nav.main-nav a', { hasText: 'Personnes' }).click();
    await expectHeading(s.page, 'Personnes');
    await s.page.locator('main .count, main .empty').first().waitFor();
    // Their list is the people they accompany, and says so (it said "Toutes les personnes").
    await s.page.locator('main .lead', { hasText: 'Les personnes que vous accompagnez.' }).waitFor();
    assert.doesNotMatch(await s.page.locator('main').innerText(), /Toutes les personnes/);
    assert.equal(await s.page.locator('main a', { hasText: 'Nouvelle personne' }).count(), 0);
    await checkA11y(s.page, 'people (coach)');
    noAppErrors(s);
  });
});

describe('people: the whole person on one page', () => {
  let s;
  let token;
  before(async () => {
    s = await signedIn(ADMIN);
    token = await accessToken(ADMIN);
  });
  after(async () => { await s?.close(); });

  async function api(path) {
    const res = await fetch(`${BASE_URL}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, path);
    return res.json();
  }

  it('shows registrations with attendance and the duo, each linking to its page, axe-clean in French and Arabic', async () => {
    // A newcomer of an active demo duo: their page lists that duo with the partner's name.
    const duos = await api('/duos?status=active');
    assert.ok(duos.length > 0, 'the demo has active duos');
    const duo = duos[0];
    const seen = await api(`/people/${duo.newcomer_id}/participation`);
    const p = s.page;
    await open(p, `/people/${duo.newcomer_id}`);
    const card = p.locator('section.participation');
    await card.locator('h2', { hasText: 'Participation aux programmes' }).waitFor();
    const duoLink = card.locator(`a[href="/duo/duos/${duo.id}"]`);
    await duoLink.waitFor();
    assert.equal((await duoLink.innerText()).trim(), `Duo avec ${duo.local_name}`);
    assert.equal(await card.locator(`a[href="/people/${duo.local_id}"]`).count(), 1);
    // Every registration the API knows, each a link to its activity, and the attendance summary.
    assert.equal(await card.locator('a[href^="/activities/"]').count(), seen.registrations.length + seen.hosted.length);
    if (seen.registrations.length > 0) {
      const summary = await card.locator('.attendance-summary').innerText();
      assert.match(summary, new RegExp(`^${seen.registrations.length} inscriptions? : ${seen.attended} présences?`));
    }
    await checkA11y(p, 'person page with participation');
    await screenshots(p, '14-person-participation');

    for (const lang of ['ar', 'fr']) {
      await p.locator('#lang-select').selectOption(lang);
      await p.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const viewport of [PHONE, DESKTOP]) {
        await p.setViewportSize(viewport);
        await card.locator('h2').waitFor();
        await checkA11y(p, `person participation (${lang}, ${viewport.width} px)`);
      }
    }
    await duoLink.click();
    await p.waitForURL((u) => u.pathname === `/duo/duos/${duo.id}`);
    noAppErrors(s);
  });

  it('says so when someone takes part in nothing yet', async () => {
    const p = s.page;
    await open(p, '/people/new');
    const stamp = Date.now().toString(36);
    await p.locator('#first_name').fill(`Nadia ${stamp}`);
    await p.locator('#profile').selectOption('local');
    await p.locator('#email').fill(`nadia-${stamp}@example.org`);
    await p.locator('main form button[type=submit]').click();
    await p.waitForURL((u) => /^\/people\/[0-9a-f-]{36}$/.test(u.pathname));
    await p.locator('section.participation p', { hasText: 'Ne participe encore à aucune activité ni à aucun programme.' }).waitFor();
    noAppErrors(s);
  });
});
