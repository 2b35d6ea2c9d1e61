// Browser tests of the people administration screens: a person's history, the vocabulary of
// interests (add, rename, merge a tag) and the administrators' retention review, against the
// demo data of `interra serve --demo` (which has two people inactive for years, past the
// 36-month retention period: Josiane Lhoest and Farid Benyahia).
//
// app.test.mjs changes the demo coordinator's password, so this file makes its own coordinator
// account through the API (as the demo admin) and records its own people and tags; the only
// shared demo record it changes is Farid Benyahia, whom no other test uses.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, COACH, DESKTOP, PASSWORD, PHONE,
  accessToken, checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const stamp = Date.now().toString(36);
const COORD_EMAIL = `coord-admin-${stamp}@example.org`;
const COORD_NAME = `Nadia Essai${stamp}`;
const COORD_PASSWORD = 'people-admin-e2e-passphrase';

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

/** A JSON call to the API; returns the decoded body, failing on an unexpected status. */
async function api(path, { method = 'GET', token, body, expect = 200 } = {}) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  assert.equal(res.status, expect, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : null;
}

let adminToken;
let coordToken;

before(async () => {
  adminToken = await accessToken(ADMIN, PASSWORD);
  await api('/users', {
    method: 'POST',
    token: adminToken,
    expect: 201,
    body: { email: COORD_EMAIL, display_name: COORD_NAME, role: 'coordinator', password: COORD_PASSWORD },
  });
  coordToken = await accessToken(COORD_EMAIL, COORD_PASSWORD);
});

describe('people admin: a coordinator reads a person history', () => {
  let s;
  let person;
  before(async () => {
    person = await api('/people', {
      method: 'POST',
      token: coordToken,
      expect: 201,
      body: { first_name: 'Léa', last_name: `Historique${stamp}`, email: `lea-${stamp}@example.org`, profile: 'local' },
    });
    s = await signedIn(COORD_EMAIL, { password: COORD_PASSWORD, viewport: PHONE });
  });
  after(async () => { await s?.close(); });

  it('edits a person and sees which fields changed, by whom, never the values', async () => {
    await open(s.page, `/people/${person.id}`);
    await expectHeading(s.page, `Léa Historique${stamp}`);
    const history = s.page.locator('section.person-history');
    await history.locator('h2', { hasText: 'Historique' }).waitFor();
    await history.locator('li', { hasText: 'Fiche créée' }).waitFor();
    assert.match(await history.locator('li', { hasText: 'Fiche créée' }).innerText(), new RegExp(`par ${COORD_NAME}`));

    await s.page.locator('main a', { hasText: 'Modifier' }).click();
    await expectHeading(s.page, 'Modifier la fiche');
    await s.page.locator('#commune').fill('Chaudfontaine');
    await s.page.locator('#email').fill(`lea-nouvelle-${stamp}@example.org`);
    await s.page.locator('main form button[type=submit]').click();
    await s.page.waitForURL(/\/people\/[0-9a-f-]{36}\?saved=1$/);
    await expectHeading(s.page, `Léa Historique${stamp}`);

    const updated = history.locator('li.history-entry', { hasText: 'Fiche modifiée' });
    await updated.waitFor();
    const text = await updated.innerText();
    assert.match(text, new RegExp(`par ${COORD_NAME}`));
    assert.match(text, /Champs modifiés : .*Adresse e-mail/);
    assert.match(text, /Champs modifiés : .*Commune/);
    const all = await history.innerText();
    assert.doesNotMatch(all, /Chaudfontaine/, 'a new value in the history');
    assert.doesNotMatch(all, /lea-nouvelle/, 'a new value in the history');
    assert.doesNotMatch(all, new RegExp(`lea-${stamp}@`), 'an old value in the history');
    // Newest first.
    const actions = await history.locator('.history-action').allInnerTexts();
    assert.deepEqual(actions.slice(0, 2), ['Fiche modifiée', 'Fiche créée']);
    assert.match(all, /Entrées : 2/);

    await checkA11y(s.page, 'person page with its history');
    await history.scrollIntoViewIfNeeded();
    await screenshots(s.page, '40-person-history');
    noAppErrors(s);
  });

  it('translates the history with the interface', async () => {
    await s.page.setViewportSize(DESKTOP); // the language picker is in the menu on a phone
    await s.page.locator('#lang-select').selectOption('en');
    const history = s.page.locator('section.person-history');
    await history.locator('h2', { hasText: 'History' }).waitFor();
    await history.locator('li', { hasText: 'Record updated' }).waitFor();
    assert.match(await history.innerText(), /Changed fields: .*Email/);
    await s.page.locator('#lang-select').selectOption('ar');
    await history.locator('h2', { hasText: 'السجل' }).waitFor();
    await history.locator('li', { hasText: 'تم تعديل الملف' }).waitFor();
    await checkA11y(s.page, 'person history (Arabic)');
    await s.page.locator('#lang-select').selectOption('fr');
    await history.locator('h2', { hasText: 'Historique' }).waitFor();
    await s.page.setViewportSize(PHONE);
  });
});

describe('people admin: a coordinator curates the vocabulary', () => {
  let s;
  const slug = `e2e-tag-${stamp}`;
  const first = `Cuisine au feu de bois ${stamp}`;
  const renamed = `Cuisine au barbecue ${stamp}`;
  let person;

  before(async () => { s = await signedIn(COORD_EMAIL, { password: COORD_PASSWORD, viewport: PHONE }); });
  after(async () => { await s?.close(); });

  it('opens the vocabulary from the people list and searches it', async () => {
    await open(s.page, '/people');
    await s.page.locator('main a', { hasText: 'Vocabulaire' }).click();
    await expectHeading(s.page, 'Vocabulaire des intérêts');
    assert.equal(new URL(s.page.url()).pathname, '/people/tags');
    const groups = s.page.locator('section.tag-group');
    await groups.first().waitFor();
    await s.page.locator('section.tag-group h2', { hasText: 'Alimentation' }).waitFor();
    const cooking = s.page.locator('li.tag-admin', { has: s.page.locator('code', { hasText: /^cooking$/ }) });
    const cookingText = await cooking.innerText();
    for (const label of ['Cuisine', 'Cooking', 'Koken', 'الطبخ']) assert.match(cookingText, new RegExp(label));
    assert.match(cookingText, /Personnes : [1-9]\d*/, 'the demo people love cooking');
    await checkA11y(s.page, 'vocabulary');
    await screenshots(s.page, '41-vocabulary');

    await s.page.locator('#tag-filter').fill('KOKEN');
    await s.page.waitForFunction(() => document.querySelectorAll('li.tag-admin').length === 1);
    await s.page.locator('#tag-filter').fill('zzz-nothing');
    await s.page.locator('main .empty', { hasText: 'Aucun tag' }).waitFor();
    await s.page.locator('#tag-filter').fill('');
  });

  it('adds a tag in four languages, with a field error first', async () => {
    await s.page.locator('details.new-tag summary').click();
    await s.page.locator('#new-tag-label_fr').fill(first);
    await s.page.locator('#new-tag-label_en').fill(`Wood-fire cooking ${stamp}`);
    await s.page.locator('#new-tag-label_nl').fill(`Koken op houtvuur ${stamp}`);
    await s.page.locator('#new-tag-label_ar').fill('الطبخ على الحطب');
    await s.page.locator('#new-tag-slug').fill('Pas Un Slug');
    await s.page.locator('#new-tag-category').fill('food');
    await s.page.locator('details.new-tag button[type=submit]').click();
    await s.page.locator('#new-tag-slug-error').waitFor();
    assert.equal(await s.page.getAttribute('#new-tag-slug', 'aria-invalid'), 'true');
    assert.match(await s.page.getAttribute('#new-tag-slug', 'aria-describedby'), /new-tag-slug-error/);
    await checkA11y(s.page, 'vocabulary, new tag with an error');
    await screenshots(s.page, '42-vocabulary-new-tag-error');

    await s.page.locator('#new-tag-slug').fill(slug);
    await s.page.locator('details.new-tag button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: `Tag « ${first} » ajouté` }).waitFor();
    await s.page.locator('#tag-filter').fill(stamp);
    const item = s.page.locator('li.tag-admin', { hasText: first });
    await item.waitFor();
    assert.match(await item.innerText(), /Personnes : 0/);
  });

  it('renames the tag; a person carrying it shows the new label', async () => {
    const tags = await api('/tags', { token: coordToken });
    const tag = tags.find((t) => t.slug === slug);
    assert.ok(tag, 'the new tag is in the API');
    person = await api('/people', {
      method: 'POST',
      token: coordToken,
      expect: 201,
      body: {
        first_name: 'Omar', last_name: `Vocabulaire${stamp}`, phone: '+32 470 99 88 77',
        profile: 'newcomer', arrival_year: new Date().getFullYear() - 1,
        tags: [{ tag_id: tag.id, kind: 'passion' }],
        confirm_distinct: true,
      },
    });
    await s.page.reload();
    await expectHeading(s.page, 'Vocabulaire des intérêts');
    await s.page.locator('#tag-filter').fill(stamp);
    await s.page.locator('li.tag-admin', { hasText: 'Personnes : 1' }).waitFor();

    await s.page.locator(`button[aria-label="Renommer « ${first} »"]`).click();
    const input = s.page.locator('#edit-tag-label_fr');
    await input.waitFor();
    assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the form takes the focus');
    assert.equal(await input.inputValue(), first);
    await input.fill(renamed);
    await checkA11y(s.page, 'vocabulary, renaming');
    await s.page.locator('.tag-panel button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: `Tag « ${renamed} » enregistré` }).waitFor();
    await s.page.locator('li.tag-admin h3', { hasText: renamed }).waitFor();
    assert.equal(await s.page.locator('li.tag-admin h3', { hasText: first }).count(), 0);

    await open(s.page, `/people/${person.id}`);
    await s.page.locator('main .chip', { hasText: renamed }).waitFor();
  });

  it('merges the tag into another after a clear confirmation; the person carries the target', async () => {
    await open(s.page, '/people/tags');
    await s.page.locator('#tag-filter').fill(stamp);
    await s.page.locator(`button[aria-label="Fusionner « ${renamed} » dans un autre tag"]`).click();
    const confirm = s.page.locator('button.merge-confirm');
    await confirm.waitFor();
    assert.equal(await confirm.isDisabled(), true, 'nothing happens before a target is chosen');
    await s.page.locator('.merge-panel select').selectOption({ label: 'Cuisine (Alimentation)' });
    const warning = s.page.locator('.merge-warning');
    await warning.waitFor();
    const text = await warning.innerText();
    assert.match(text, new RegExp(`Toutes les utilisations de « ${renamed} »`));
    assert.match(text, /1 personne/);
    assert.match(text, /passeront à « Cuisine »/);
    assert.match(text, /ne peut pas être annulée/);
    assert.match(await confirm.getAttribute('aria-describedby'), /merge-warning/);
    await checkA11y(s.page, 'vocabulary, merge confirmation');
    await screenshots(s.page, '43-vocabulary-merge');

    await confirm.click();
    await s.page.locator('main [role=status]', { hasText: `« ${renamed} » a été fusionné dans « Cuisine »` }).waitFor();
    await s.page.locator('main .empty', { hasText: 'Aucun tag' }).waitFor();
    const tags = await api('/tags', { token: coordToken });
    assert.equal(tags.find((t) => t.slug === slug), undefined, 'the merged tag left the vocabulary');

    await open(s.page, `/people/${person.id}`);
    await s.page.locator('main .chip', { hasText: /^Cuisine/ }).waitFor();
    assert.equal(await s.page.locator('main .chip', { hasText: renamed }).count(), 0);
    noAppErrors(s);
  });
});

describe('people admin: an admin reviews retention', () => {
  let s;
  before(async () => { s = await signedIn(ADMIN, { viewport: PHONE }); });
  after(async () => { await s?.close(); });

  it('lists the people past the retention period with their last activity', async () => {
    await open(s.page, '/people');
    await s.page.locator('main a', { hasText: 'Conservation des données' }).click();
    await expectHeading(s.page, 'Revue de conservation des données');
    assert.equal(new URL(s.page.url()).pathname, '/admin/retention');
    const farid = s.page.locator('li.due-person', { hasText: 'Farid Benyahia' });
    await farid.waitFor();
    await s.page.locator('li.due-person', { hasText: 'Josiane Lhoest' }).waitFor();
    const year = new Date().getFullYear();
    const lastYear = Number((await farid.locator('.due-last').innerText()).match(/\d{4}/)?.[0]);
    assert.ok(lastYear <= year - 3, `Farid's last activity (${lastYear}) is years ago`);
    await checkA11y(s.page, 'retention review');
    await screenshots(s.page, '44-retention');
  });

  it('selects all or some, and anonymises only after the word is typed', async () => {
    const boxes = s.page.locator('li.due-person input[type=checkbox]');
    const n = await boxes.count();
    const submit = s.page.locator('.bulk-anonymise button[type=submit]');
    assert.equal(await submit.isDisabled(), true);

    await s.page.locator('#select-all').check();
    await s.page.locator('.selected-count', { hasText: `Sélectionnées : ${n}` }).waitFor();
    for (let i = 0; i < n; i += 1) assert.equal(await boxes.nth(i).isChecked(), true);
    await s.page.locator('#select-all').uncheck();
    await s.page.locator('.selected-count', { hasText: 'Sélectionnez au moins une personne' }).waitFor();

    await s.page.getByLabel('Sélectionner Farid Benyahia').check();
    await s.page.locator('.selected-count', { hasText: 'Sélectionnées : 1' }).waitFor();
    assert.equal(await submit.isDisabled(), true, 'no confirmation yet');
    await s.page.locator('#bulk-confirm').fill('oui');
    assert.equal(await submit.isDisabled(), true, 'a wrong word');
    await s.page.locator('#bulk-confirm').fill('anonymise');
    assert.equal(await submit.isDisabled(), false);
    assert.match(await submit.innerText(), /Anonymiser définitivement \(1\)/);
    await checkA11y(s.page, 'retention, confirmation typed');
    await screenshots(s.page, '45-retention-confirm');

    await submit.click();
    await s.page.locator('main [role=status]', { hasText: 'Personnes anonymisées : 1.' }).waitFor();
    await s.page.waitForFunction(() => ![...document.querySelectorAll('li.due-person')]
      .some((li) => li.textContent.includes('Farid Benyahia')));
    await s.page.locator('li.due-person', { hasText: 'Josiane Lhoest' }).waitFor();
    assert.equal(await s.page.inputValue('#bulk-confirm'), '', 'the confirmation is cleared');
    await screenshots(s.page, '46-retention-done');

    const found = await api(`/people?q=${encodeURIComponent('Benyahia')}&archived=true`, { token: adminToken });
    assert.equal(found.count, 0, 'nothing identifies Farid any more');
    noAppErrors(s);
  });
});

describe('people admin: a coach', () => {
  let s;
  let person;
  before(async () => {
    // A person the demo coach accompanies, edited by the coordinator of this file.
    const staff = await api(`/users?q=${encodeURIComponent(COACH)}`, { token: adminToken });
    const coach = staff.results.find((u) => u.email === COACH);
    assert.ok(coach, 'the demo coach exists');
    person = await api('/people', {
      method: 'POST',
      token: coordToken,
      expect: 201,
      body: { first_name: 'Inès', last_name: `Accompagnée${stamp}`, email: `ines-${stamp}@example.org`, profile: 'local' },
    });
    await api(`/people/${person.id}/coaches`, {
      method: 'POST', token: coordToken, expect: 204, body: { user_id: coach.id },
    });
    s = await signedIn(COACH);
  });
  after(async () => { await s?.close(); });

  it('cannot reach the vocabulary or the retention review', async () => {
    await open(s.page, '/people');
    await s.page.locator('main .count, main .empty').first().waitFor();
    assert.equal(await s.page.locator('main a', { hasText: 'Vocabulaire' }).count(), 0);
    assert.equal(await s.page.locator('main a', { hasText: 'Conservation des données' }).count(), 0);
    for (const path of ['/people/tags', '/admin/retention']) {
      await open(s.page, path);
      await expectHeading(s.page, 'Accès réservé');
      assert.equal(await s.page.locator('#tag-filter, #bulk-confirm, li.due-person').count(), 0, path);
    }
    await checkA11y(s.page, 'retention (coach)');
  });

  it('reads the history of a person they accompany', async () => {
    await open(s.page, `/people/${person.id}`);
    await expectHeading(s.page, `Inès Accompagnée${stamp}`);
    const history = s.page.locator('section.person-history');
    await history.locator('li', { hasText: 'Coach désigné·e' }).waitFor();
    const actions = await history.locator('.history-action').allInnerTexts();
    assert.deepEqual(actions, ['Coach désigné·e', 'Fiche créée']);
    assert.match(await history.innerText(), new RegExp(`par ${COORD_NAME}`));
    noAppErrors(s);
  });
});
