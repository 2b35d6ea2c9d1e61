// End-to-end tests of the web app against the real API serving the real built app.
// Run by scripts/test-e2e.sh, which starts the server (with demo accounts) and sets
// INTERRA_E2E_URL. Each group is one browser session with its own fresh profile; tests inside a
// group run in order and build on each other (signed in once, like a person would be).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, COORDINATOR, DESKTOP, PASSWORD, PHONE, SCREENSHOTS,
  checkA11y, expectHeading, launch, open, screenshots, signedIn, signIn,
} from '../lib/harness.mjs';

console.log(`# screenshots: ${SCREENSHOTS}`);

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

describe('signing in', () => {
  let s;
  before(async () => { s = await launch({ viewport: PHONE }); });
  after(async () => { await s?.close(); });

  it('sends a visitor to the sign-in page, remembering the page wanted', async () => {
    await open(s.page, '/admin/accounts');
    await expectHeading(s.page, 'Connexion');
    const url = new URL(s.page.url());
    assert.equal(url.pathname, '/login');
    assert.equal(url.searchParams.get('next'), '/admin/accounts');
    assert.equal(await s.page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await s.page.getAttribute('html', 'dir'), 'ltr');
    await checkA11y(s.page, 'sign-in');
    await screenshots(s.page, '01-sign-in');
  });

  it('shows an error for a wrong password, next to the form', async () => {
    await signIn(s.page, ADMIN, 'not-the-right-password');
    const alert = s.page.locator('main .alert-error');
    await alert.waitFor();
    assert.ok((await alert.innerText()).trim().length > 0, 'the error says something');
    assert.equal(new URL(s.page.url()).pathname, '/login');
    assert.equal(await s.page.inputValue('#password'), '', 'the wrong password is cleared');
    await checkA11y(s.page, 'sign-in with error');
    await screenshots(s.page, '02-sign-in-error');
    // The message can be dismissed.
    await s.page.locator('main .alert-dismiss').click();
    await alert.waitFor({ state: 'detached' });
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await open(s.page, '/login?next=%2Fadmin%2Faccounts');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => document.activeElement?.className), 'skip-link');
    assert.ok(await s.page.locator('.skip-link').isVisible(), 'the skip link shows when focused');
  });

  it('signs in with the keyboard only and opens the page that was wanted', async () => {
    const active = () => s.page.evaluate(() => document.activeElement?.id);
    for (let i = 0; i < 10 && (await active()) !== 'email'; i += 1) {
      await s.page.keyboard.press('Tab');
    }
    assert.equal(await active(), 'email');
    await s.page.keyboard.type(ADMIN);
    await s.page.keyboard.press('Tab');
    assert.equal(await active(), 'password');
    await s.page.keyboard.type(PASSWORD);
    await s.page.keyboard.press('Enter');
    await expectHeading(s.page, 'Comptes de l');
    assert.equal(new URL(s.page.url()).pathname, '/admin/accounts');
    noAppErrors(s);
  });

  it('goes back to sign-in, remembering the page, when the session is refused', async () => {
    // Make the server look like it revoked the session: the token and the refresh cookie are
    // both refused from now on.
    const refused = {
      status: 401,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:interra:problem:unauthorized', title: 'Non authentifié', status: 401, code: 'unauthorized',
      }),
    };
    await s.page.route('**/api/v1/users?*', (route) => route.fulfill(refused));
    await s.page.route('**/api/v1/auth/refresh', (route) => route.fulfill(refused));
    await s.page.locator('#filter-role').selectOption('coach');
    await expectHeading(s.page, 'Connexion');
    const url = new URL(s.page.url());
    assert.equal(url.pathname, '/login');
    assert.equal(url.searchParams.get('next'), '/admin/accounts');
    await s.page.locator('main [role=status]', { hasText: 'expiré' }).waitFor();
    await s.page.unrouteAll();
    await signIn(s.page, ADMIN);
    await expectHeading(s.page, 'Comptes de l');
    noAppErrors(s);
  });
});

describe('an admin at work', () => {
  let s;
  const stamp = Date.now().toString(36);
  const newEmail = `e2e-${stamp}@example.org`;
  const newName = `Test ${stamp}`;

  before(async () => {
    s = await signedIn(ADMIN);
  });
  after(async () => { await s?.close(); });

  it('sees a useful home page, and the account on its own page', async () => {
    const main = s.page.locator('main');
    await s.page.locator('.home-grid').waitFor();
    assert.match(await main.innerText(), /Semaine du /);
    const nav = s.page.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports', 'Administration']);
    assert.equal(await nav.locator('a[aria-current=page]').innerText(), 'Accueil');
    // The header keeps a tidy shape at every width (it wrapped to three lines, 148 px tall at
    // 1024 px, issue 19): brand and tools on one row, the ten sections below them (on one
    // line from 1280 px, two at 1024 px); never sideways scrolling.
    const shape = () => s.page.evaluate(() => {
      const tops = [...document.querySelectorAll('nav.main-nav a')].map((a) => a.getBoundingClientRect().top);
      return {
        height: document.querySelector('header.site-header').getBoundingClientRect().height,
        navRows: new Set(tops.map(Math.round)).size,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    for (const [width, maxHeight, rows] of [[1024, 145, 2], [1280, 110, 1], [1536, 110, 1]]) {
      await s.page.setViewportSize({ width, height: 800 });
      const got = await shape();
      assert.ok(got.height <= maxHeight, `header ${got.height} px tall at ${width} px`);
      assert.ok(got.navRows <= rows, `${got.navRows} rows of sections at ${width} px`);
      assert.equal(got.sideways, 0, `no sideways scrolling at ${width} px`);
    }
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await checkA11y(s.page, 'home');
    await screenshots(s.page, '03-home');
    await s.page.locator('a.account-link').click();
    await expectHeading(s.page, 'Mon compte');
    assert.match(await main.innerText(), /admin@demo\.interra\.be/);
    await s.page.locator('nav.main-nav a', { hasText: 'Accueil' }).click();
    await expectHeading(s.page, 'Bonjour');
  });

  it('navigates to the accounts screen', async () => {
    await s.page.locator('nav.main-nav a', { hasText: 'Administration' }).click();
    await expectHeading(s.page, 'Comptes de l');
    assert.equal(new URL(s.page.url()).pathname, '/admin/accounts');
    assert.equal(await s.page.title(), "Comptes de l'équipe · Interra");
    // The focus moves to the new page's heading.
    await s.page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await s.page.locator('.accounts li', { hasText: 'coach@demo.interra.be' }).waitFor();
    await checkA11y(s.page, 'accounts');
    await screenshots(s.page, '04-accounts');
  });

  it('filters the list', async () => {
    await s.page.locator('#filter-q').fill('coordinator@demo');
    await s.page.locator('form[role=search] button[type=submit]').click();
    await s.page.waitForFunction(() => document.querySelectorAll('.accounts li').length === 1);
    await s.page.locator('#filter-q').fill('no-such-person-anywhere');
    await s.page.locator('form[role=search] button[type=submit]').click();
    await s.page.locator('main .empty').waitFor();
    await checkA11y(s.page, 'accounts, empty');
    await s.page.locator('#filter-q').fill('');
    await s.page.locator('form[role=search] button[type=submit]').click();
    await s.page.locator('.accounts li', { hasText: 'admin@demo.interra.be' }).waitFor();
  });

  it('creates an account, with a field error shown next to its input first', async () => {
    await s.page.locator('button[aria-controls=new-account]').click();
    await s.page.locator('#create-title').waitFor();
    // The focus goes to the form's first field.
    await s.page.waitForFunction(() => document.activeElement?.id === 'email');
    await s.page.locator('#email').fill(newEmail);
    await s.page.locator('#display_name').fill(newName);
    await s.page.locator('#role').selectOption('coordinator');
    // An invitation link is the default; here the admin types an initial password.
    await s.page.locator('#invite').uncheck();
    await s.page.locator('#password').fill('short');
    await s.page.locator('#new-account button[type=submit]').click();

    const fieldError = s.page.locator('#password-error');
    await fieldError.waitFor();
    assert.ok((await fieldError.innerText()).trim().length > 0);
    assert.equal(await s.page.getAttribute('#password', 'aria-invalid'), 'true');
    assert.match(await s.page.getAttribute('#password', 'aria-describedby'), /password-error/);
    await checkA11y(s.page, 'create account with a field error');
    await screenshots(s.page, '05-create-account-error');

    await s.page.locator('#password').fill('a-long-enough-passphrase-2026');
    await s.page.locator('#new-account button[type=submit]').click();
    await s.page.locator('main [role=status]', { hasText: newEmail }).waitFor();
    await s.page.locator('.accounts li', { hasText: newEmail }).waitFor();
  });

  it('refuses a second account with the same email, under the email field', async () => {
    await s.page.locator('button[aria-controls=new-account]').click();
    await s.page.locator('#email').fill(newEmail);
    await s.page.locator('#display_name').fill(`${newName} bis`);
    await s.page.locator('#invite').uncheck();
    await s.page.locator('#password').fill('another-long-passphrase-2026');
    await s.page.locator('#new-account button[type=submit]').click();
    await s.page.locator('#email-error').waitFor();
    await s.page.locator('#new-account button[type=button]', { hasText: 'Annuler' }).click();
  });

  it('changes a role and deactivates then reactivates an account', async () => {
    const row = s.page.locator('.accounts li', { hasText: newEmail });
    const save = row.locator('button.save-role');
    assert.equal(await save.isDisabled(), true, 'nothing to save yet');
    await row.locator('select').selectOption('coach');
    await save.click();
    await s.page.locator('main [role=status]', { hasText: newName }).waitFor();
    await s.page.waitForFunction(
      (email) => [...document.querySelectorAll('.accounts li')]
        .some((li) => li.textContent.includes(email) && li.querySelector('select').value === 'coach'),
      newEmail,
    );
    await row.locator('button', { hasText: 'Désactiver' }).click();
    await row.locator('.badge-inactive').waitFor();
    await row.locator('button', { hasText: 'Réactiver' }).click();
    await row.locator('.badge-active').waitFor();
    noAppErrors(s);
  });

  it('switches to Arabic: right-to-left, translated navigation', async () => {
    await s.page.locator('#lang-select').selectOption('ar');
    await s.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await s.page.getAttribute('html', 'lang'), 'ar');
    const nav = s.page.locator('nav.main-nav');
    assert.deepEqual(await nav.locator('a').allInnerTexts(), ['الرئيسية', 'الأشخاص', 'الأجندة', 'ورشات InterAct', 'Duo2Change', 'InterLab', 'التكوينات', 'الشركاء', 'التقارير', 'الإدارة']);
    await expectHeading(s.page, 'حسابات الفريق');
    await checkA11y(s.page, 'accounts (Arabic)');
    await screenshots(s.page, '06-accounts-ar');
    await nav.locator('a', { hasText: 'الرئيسية' }).click();
    await expectHeading(s.page, 'مرحبًا');
    await checkA11y(s.page, 'home (Arabic)');
    await screenshots(s.page, '07-home-ar');
  });

  it('keeps the session and the language across a reload', async () => {
    await s.page.reload({ waitUntil: 'load' });
    await expectHeading(s.page, 'مرحبًا');
    assert.equal(new URL(s.page.url()).pathname, '/');
    assert.equal(await s.page.getAttribute('html', 'dir'), 'rtl');
    const stored = await s.page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(stored, ['interra.lang'], 'nothing but the language in localStorage');
    await s.page.locator('#lang-select').selectOption('fr');
    await expectHeading(s.page, 'Bonjour');
  });

  it('opens the menu on a phone and signs out', async () => {
    await s.page.setViewportSize(PHONE);
    const toggle = s.page.locator('button.menu-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await s.page.locator('nav.main-nav').isVisible(), false, 'the menu is folded');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await s.page.locator('nav.main-nav').waitFor({ state: 'visible' });
    await checkA11y(s.page, 'home, phone menu open');
    await s.page.screenshot({ path: `${SCREENSHOTS}/08-menu-open-phone.png` });
    // Escape folds it again and gives the focus back to the button.
    await s.page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await s.page.evaluate(() => document.activeElement?.classList.contains('menu-toggle')), true);
    await toggle.click();
    await s.page.locator('button.sign-out').click();
    await expectHeading(s.page, 'Connexion');
    assert.equal(new URL(s.page.url()).pathname, '/login');
    assert.equal(new URL(s.page.url()).searchParams.get('next'), null);
    // The refresh cookie is gone: a reload does not bring the session back.
    await s.page.goto(`${s.page.url().split('/login')[0]}/`, { waitUntil: 'load' });
    await expectHeading(s.page, 'Connexion');
    noAppErrors(s);
  });
});

describe('a coordinator', () => {
  let s;
  before(async () => {
    s = await signedIn(COORDINATOR);
  });
  after(async () => { await s?.close(); });

  it('sees no Admin entry', async () => {
    const links = await s.page.locator('nav.main-nav a').allInnerTexts();
    assert.deepEqual(links, ['Accueil', 'Personnes', 'Agenda', 'Ateliers InterAct', 'Duo2Change', 'InterLab', 'Formations', 'Partenaires', 'Rapports']);
    assert.equal(await s.page.locator('main a[href="/admin/accounts"]').count(), 0);
    await checkA11y(s.page, 'home (coordinator)');
  });

  it('is refused the accounts screen', async () => {
    await open(s.page, '/admin/accounts');
    await expectHeading(s.page, 'Accès réservé');
    await checkA11y(s.page, 'forbidden');
  });

  it('changes their password on their account page (a wrong current one is refused)', async () => {
    await open(s.page, '/account');
    await s.page.locator('#current_password').fill('not-my-password-at-all');
    await s.page.locator('#new_password').fill('calm-river-stone-2026');
    await s.page.locator('#new_password').press('Enter');
    await s.page.locator('main .alert-error, #current_password-error').first().waitFor();
    assert.equal(new URL(s.page.url()).pathname, '/account', 'a wrong current password does not end the session');
    await checkA11y(s.page, 'account, password error');

    await s.page.locator('#current_password').fill(PASSWORD);
    await s.page.locator('#new_password').fill('calm-river-stone-2026');
    await s.page.locator('#new_password').press('Enter');
    await s.page.locator('main [role=status]', { hasText: 'mot de passe a été changé' }).waitFor();

    // The new password works.
    await s.page.locator('button.sign-out').click();
    await expectHeading(s.page, 'Connexion');
    await signIn(s.page, COORDINATOR, 'calm-river-stone-2026');
    await expectHeading(s.page, 'Bonjour');
  });

  it('gets a not-found page for an unknown address', async () => {
    await open(s.page, '/no/such/page');
    await expectHeading(s.page, 'Page introuvable');
    await checkA11y(s.page, 'not found');
    await screenshots(s.page, '09-not-found');
    noAppErrors(s);
  });
});

describe('the API documentation', () => {
  let s;
  before(async () => { s = await launch({ viewport: DESKTOP }); });
  after(async () => { await s?.close(); });

  it('renders Swagger UI under its Content-Security-Policy and tries a request', async () => {
    const res = await s.page.goto(`${BASE_URL}/api/docs/`, { waitUntil: 'load' });
    assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self';/);
    await s.page.locator('.opblock-tag-section').first().waitFor();
    assert.ok(await s.page.locator('.opblock').count() > 10, 'the operations are listed');
    // The public agenda, tried from the page ("Try it out" is on by default here): the request
    // goes out and its answer shows.
    const block = s.page.locator('#operations-public-list_events');
    await block.locator('.opblock-summary').click();
    await block.locator('button.execute').click();
    await block.locator('.responses-table .response-col_status', { hasText: '200' }).first().waitFor();
    noAppErrors(s);
  });
});
