// Browser tests of the InterAct hosts screens: a visitor proposes a workshop on the public form
// "Je propose un atelier" (French, then the form in Arabic at 360 px), a coordinator moves the
// proposal to "planned" on its page and creates the series from it, and the host's page shows
// the workshop and their level. Axe-clean in French and Arabic, at 360 px and 1280 px.
//
// Other test files share the server: the proposal here has a unique title and host.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  COORDINATOR, DESKTOP, PHONE,
  checkA11y, expectHeading, launch, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const DUO_COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const stamp = Date.now().toString(36);
const title = `Pizza ${stamp}`;

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

describe('interact: from a visitor\'s proposal to a workshop', () => {
  let visitor;
  let staff;
  before(async () => {
    visitor = await launch({ viewport: PHONE });
  });
  after(async () => {
    await visitor?.close();
    await staff?.close();
  });

  it('the public form reads right to left in Arabic at 360 px', async () => {
    await open(visitor.page, '/propose');
    await expectHeading(visitor.page, 'Je propose un atelier');
    await checkA11y(visitor.page, 'propose a workshop (French, phone)');
    await visitor.page.locator('#lang-select').selectOption('ar');
    await visitor.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expectHeading(visitor.page, 'أقترح ورشة');
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
    noAppErrors(s);
  });
});
