// Browser tests of the team's everyday tools (issue 19): password links. "Mot de passe
// oublié ?" on the sign-in page answers the same for any address; an administrator creates a
// colleague's account without typing a password and, with no mail server (as here), gets the
// invitation link to pass on; the colleague chooses their password with it (once), then signs
// in. Axe-clean in French and Arabic, at 360 px and 1280 px.
//
// Other test files share the server: the account here has a unique address.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, DESKTOP, PHONE,
  checkA11y, expectHeading, launch, open, screenshots, signIn, signedIn,
} from '../lib/harness.mjs';

const stamp = Date.now().toString(36);
const colleague = `leila.${stamp}@example.org`;
const colleagueName = `Leila ${stamp}`;
const chosen = `les-tomates-de-droixhe-${stamp}`;

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

describe('everyday: password links', () => {
  let visitor;
  let admin;
  let invitation;
  before(async () => {
    visitor = await launch({ viewport: PHONE });
  });
  after(async () => {
    await visitor?.close();
    await admin?.close();
  });

  it('"Mot de passe oublié ?" answers the same for any address, in French and Arabic at 360 px', async () => {
    const p = visitor.page;
    await open(p, '/login');
    await p.locator('main a', { hasText: 'Mot de passe oublié ?' }).click();
    await expectHeading(p, 'Mot de passe oublié');
    assert.equal(new URL(p.url()).pathname, '/forgot-password');
    await p.locator('#email').fill(`nobody.${stamp}@example.org`);
    await p.locator('main form button[type=submit]').click();
    await p.locator('main [role=status]', { hasText: 'Si un compte existe pour cette adresse' }).waitFor();
    await checkA11y(p, 'forgot password (French, phone)');
    await screenshots(p, '90-forgot-password');
    await p.locator('#lang-select').selectOption('ar');
    await p.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(p, 'نسيت كلمة المرور');
    await checkA11y(p, 'forgot password (Arabic, phone)');
    await p.locator('#lang-select').selectOption('fr');
    await expectHeading(p, 'Mot de passe oublié');
    noAppErrors(visitor);
  });

  it('an admin creates an account without a password and gets the invitation link to pass on', async () => {
    admin = await signedIn(ADMIN, { viewport: DESKTOP });
    const p = admin.page;
    await open(p, '/admin/accounts');
    await expectHeading(p, 'Comptes de l');
    await p.locator('button[aria-controls=new-account]').click();
    await p.locator('#email').fill(colleague);
    await p.locator('#display_name').fill(colleagueName);
    assert.equal(await p.locator('#invite').isChecked(), true, 'an invitation is the default');
    assert.equal(await p.locator('#password').count(), 0, 'no password to type');
    await p.locator('#new-account button[type=submit]').click();
    const made = p.locator('.password-link', { hasText: colleagueName });
    await made.waitFor();
    assert.match(await made.innerText(), /Aucun serveur d'e-mail/);
    invitation = await p.locator('#password-link').inputValue();
    assert.match(invitation, /\/reset-password\?token=[A-Za-z0-9_-]{40,}$/);
    await checkA11y(p, 'accounts, invitation link to pass on');
    await screenshots(p, '91-invitation-link');
    noAppErrors(admin);
  });

  it('the colleague chooses a password with the link, once, then signs in', async () => {
    const p = visitor.page;
    const path = new URL(invitation).pathname + new URL(invitation).search;
    await open(p, path);
    await expectHeading(p, 'Choisir un nouveau mot de passe');
    await p.locator('#lang-select').selectOption('ar');
    await expectHeading(p, 'اختيار كلمة مرور جديدة');
    await checkA11y(p, 'reset password (Arabic, phone)');
    await p.locator('#lang-select').selectOption('fr');
    await expectHeading(p, 'Choisir un nouveau mot de passe');

    await p.locator('#new_password').fill('short');
    await p.locator('main form button[type=submit]').click();
    await p.locator('#new_password-error').waitFor();
    await checkA11y(p, 'reset password, field error (phone)');
    await p.locator('#new_password').fill(chosen);
    await p.locator('main form button[type=submit]').click();
    await p.locator('main [role=status]', { hasText: 'Votre mot de passe est enregistré' }).waitFor();
    await checkA11y(p, 'reset password, done (phone)');
    await screenshots(p, '92-password-set');

    // Single use.
    await open(p, path);
    await p.locator('#new_password').fill(`${chosen}-again`);
    await p.locator('main form button[type=submit]').click();
    await p.locator('main [role=alert]', { hasText: "n'est plus valable" }).waitFor();
    assert.equal(await p.locator('main a', { hasText: 'Demander un nouveau lien' }).count() > 0, true);

    await open(p, '/login');
    await signIn(p, colleague, chosen);
    await expectHeading(p, 'Bonjour');
    noAppErrors(visitor);
  });

  it('an admin sends a colleague a reset link from the list', async () => {
    const p = admin.page;
    await p.locator('#filter-q').fill(colleague);
    await p.locator('form[role=search] button[type=submit]').click();
    const row = p.locator('.accounts li', { hasText: colleague });
    await row.waitFor();
    await row.locator('button.send-reset').click();
    const made = p.locator('.password-link', { hasText: colleagueName });
    await made.waitFor();
    // The invitation's panel is still there until the new link replaces it.
    await p.waitForFunction((old) => document.querySelector('#password-link')?.value !== old, invitation);
    const link = await p.locator('#password-link').inputValue();
    assert.notEqual(link, invitation, 'a new link');
    assert.ok(link.startsWith(BASE_URL) || link.startsWith('http'), link);
    await p.setViewportSize(PHONE);
    await checkA11y(p, 'accounts, reset link (phone)');
    await p.setViewportSize(DESKTOP);
    noAppErrors(admin);
  });
});
