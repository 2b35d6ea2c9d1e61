// Browser tests of the team's tools (issue 19, items 2 and 3): a coordinator assigns and
// removes a coach on a person's page and assigns a coach to several people at once from the
// people list, after which the new coach sees them; an administrator finds the audit log in the
// Administration menu, filters it by who, what and when, and opens a record from it.
// Axe-clean in French and Arabic, at 360 px and 1280 px.
//
// Other test files share the server: the people and the coach account here are this run's own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, DESKTOP, PHONE,
  accessToken, checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

// Not the harness's COORDINATOR: app.test.mjs changes that account's password.
const DUO_COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const stamp = Date.now().toString(36);
const family = `Equipe${stamp}`;
const coach = { email: `coach.${stamp}@e2e.interra.be`, name: `Coach ${stamp}`, password: `un jardin partagé ${stamp}` };

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

/** The people of this run the new coach sees. */
async function seenByCoach() {
  const token = await accessToken(coach.email, coach.password);
  const page = await api('GET', `/people?q=${family}&page_size=50`, token);
  return page.results.map((p) => p.display_name.split(' ')[0]).sort();
}

describe('team: coaches and the audit log', () => {
  const people = {};
  let staff;
  let admin;
  before(async () => {
    const adminToken = await accessToken(ADMIN);
    await api('POST', '/users', adminToken, {
      email: coach.email, display_name: coach.name, role: 'coach', password: coach.password,
    });
    const token = await accessToken(DUO_COORDINATOR);
    for (const [i, given] of ['Amal', 'Bert', 'Chloé'].entries()) {
      people[given] = await api('POST', '/people', token, {
        first_name: given, last_name: family, profile: i % 2 ? 'local' : 'newcomer',
        arrival_year: i % 2 ? null : 2024, email: `${given.toLowerCase()}-${family.toLowerCase()}@e2e.interra.be`,
      });
    }
    staff = await signedIn(DUO_COORDINATOR, { viewport: DESKTOP });
  });
  after(async () => {
    await staff?.close();
    await admin?.close();
  });

  it('a coordinator assigns and removes a coach on the person page', async () => {
    assert.deepEqual(await seenByCoach(), [], 'a new coach sees nobody');
    const p = staff.page;
    await open(p, `/people/${people.Amal.id}`);
    await expectHeading(p, `Amal ${family}`);
    const section = p.locator('#coaches');
    await section.locator('text=Aucun coach pour l\'instant.').waitFor();
    await p.locator('#coach-select').selectOption({ label: coach.name });
    await p.locator('#coach-assign').click();
    await p.locator('.status-slot', { hasText: `Coach assigné : ${coach.name}.` }).waitFor();
    await p.locator('#coaches .coaches li', { hasText: coach.name }).waitFor();
    assert.deepEqual(await seenByCoach(), ['Amal']);
    await checkA11y(p, 'person page with a coach');
    // The coach just assigned is not offered again.
    const offered = await p.locator('#coach-select option').allInnerTexts();
    assert.ok(!offered.includes(coach.name), `offered again: ${offered}`);
    await p.locator('#coaches .coaches li', { hasText: coach.name }).locator('button').click();
    await p.locator('.status-slot', { hasText: `Coach retiré : ${coach.name}.` }).waitFor();
    await section.locator('text=Aucun coach pour l\'instant.').waitFor();
    assert.deepEqual(await seenByCoach(), []);
    noAppErrors(staff);
  });

  it('a coordinator assigns a coach to several people from the list, in French and Arabic', async () => {
    const p = staff.page;
    await open(p, `/people?q=${family}`);
    await expectHeading(p, 'Personnes');
    await p.locator('.people li.person').nth(2).waitFor();
    await p.locator('#select-page').click();
    await p.locator('.bulk-count', { hasText: 'Personnes sélectionnées : 3' }).waitFor();
    await p.locator(`#select-${people.Bert.id}`).uncheck();
    await p.locator('.bulk-count', { hasText: 'Personnes sélectionnées : 2' }).waitFor();
    await checkA11y(p, 'people list with a selection');
    await p.locator('#bulk-coach').selectOption({ label: coach.name });
    await p.locator('#bulk-assign').click();
    await p.locator('.status-slot', { hasText: `${coach.name} accompagne maintenant les personnes sélectionnées (2).` }).waitFor();
    await p.locator('.bulk-count', { hasText: 'Personnes sélectionnées : 0' }).waitFor();
    assert.deepEqual(await seenByCoach(), ['Amal', 'Chloé']);
    await screenshots(p, '90-people-bulk');
    await p.locator('#lang-select').selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await p.locator('.bulk-count', { hasText: 'الأشخاص المحدَّدون: 0' }).waitFor();
    await checkA11y(p, 'people list with bulk actions (Arabic)');
    await p.setViewportSize(PHONE);
    await checkA11y(p, 'people list with bulk actions (Arabic, phone)');
    await screenshots(p, '91-people-bulk-ar');
    await p.setViewportSize(DESKTOP); // the language picker is in the folded menu on a phone
    await p.locator('#lang-select').selectOption('fr');
    noAppErrors(staff);
  });

  it('an administrator filters the audit log by who, what and when and opens a record', async () => {
    const coordinatorId = (await api('GET', '/auth/me', await accessToken(DUO_COORDINATOR))).id;
    admin = await signedIn(ADMIN, { viewport: DESKTOP });
    const p = admin.page;
    await p.locator('nav.main-nav a', { hasText: 'Administration' }).click();
    await p.locator('nav.admin-nav a', { hasText: "Journal d'audit" }).click();
    await expectHeading(p, "Journal d'audit");
    assert.equal(new URL(p.url()).pathname, '/admin/audit');
    await p.locator('.audit-entry').first().waitFor();
    await checkA11y(p, 'audit log');
    await p.locator('#audit-what option[value="person.coach_assigned"]').waitFor({ state: 'attached' });
    await p.locator('#audit-what').selectOption('person.coach_assigned');
    await p.locator(`#audit-who option[value="${coordinatorId}"]`).waitFor({ state: 'attached' });
    await p.locator('#audit-who').selectOption(coordinatorId);
    await p.locator('#audit-object-id').fill(people['Chloé'].id);
    await p.locator('#audit-apply').click();
    await p.locator('.count', { hasText: 'Entrées : 1' }).waitFor();
    const entry = p.locator('.audit-entry');
    assert.equal(await entry.count(), 1);
    assert.equal((await entry.locator('.audit-action').innerText()).trim(), 'person.coach_assigned');
    assert.match(await entry.innerText(), /Personne/);
    await screenshots(p, '92-audit');
    // Nothing tomorrow.
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    await p.locator('#audit-from').fill(tomorrow);
    await p.locator('#audit-apply').click();
    await p.locator('#audit-empty').waitFor();
    await p.locator('#audit-from').fill('');
    await p.locator('#audit-apply').click();
    await p.locator('.audit-entry').first().waitFor();
    // In Arabic, on a phone.
    await p.locator('#lang-select').selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(p, 'سجل التدقيق');
    await p.setViewportSize(PHONE);
    await checkA11y(p, 'audit log (Arabic, phone)');
    await p.setViewportSize(DESKTOP);
    await p.locator('#lang-select').selectOption('fr');
    await expectHeading(p, "Journal d'audit");
    // The entry links to the person's page.
    await p.locator('.audit-entry a', { hasText: 'Ouvrir' }).first().click();
    await expectHeading(p, `Chloé ${family}`);
    noAppErrors(admin);
  });
});
