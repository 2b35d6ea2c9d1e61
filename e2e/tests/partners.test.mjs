// The partner side end to end (issue 14, "Done means"), against the real server of
// scripts/test-e2e.sh (`interra serve --demo`: not in production mode, so a webhook receiver on
// plain http://127.0.0.1 is allowed). A coordinator finds the demo CPAS among the partner
// organisations and creates an API client for it in the browser, reading the secret shown once;
// then the partner's server, starting from docs/partners.md alone, gets a token with client
// credentials (HTTP Basic, scope narrowing), reads the agenda, registers a webhook pointing to a
// receiver this test runs on 127.0.0.1 and refers a person; the coordinator accepts the referral
// in the review queue (creating the person's record) and marks them contacted; the receiver gets
// a `referral.status_changed` delivery for each step, whose Standard Webhooks signature this
// test verifies with its own HMAC-SHA256; the partner reads the status and nothing else.
//
// Registering partner staff to a training is left out: the partner trainings routes
// (`/api/v1/partner/trainings/...`) are not served yet.
//
// Other test files share the server: this one makes its own client, referral and person (unique
// names) and signs in as the second demo coordinator (app.test.mjs changes the first one's
// password).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  BASE_URL, DESKTOP, PHONE,
  checkA11y, expectHeading, open, screenshots, signedIn,
} from '../lib/harness.mjs';

const COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const ORGANISATION = 'CPAS de Liège';
const stamp = Date.now().toString(36);
const CLIENT_NAME = `Serveur e2e ${stamp}`;
const FIRST_NAME = `Nadia${stamp}`;
const EMAIL = `nadia.${stamp}@example.be`;

/** What the tests learn along the way (the client's credentials, the referral …). */
const fx = {};

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

/** A partner call with the bearer token; returns { status, body, headers }. */
async function partner(method, path, body, headers = {}) {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${fx.token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/**
 * Verifies a delivery as docs/partners.md says, written here from the Standard Webhooks
 * specification: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body`, keyed with the base64
 * part of the secret after `whsec_`, compared in constant time.
 */
function verify(secret, headers, rawBody) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const id = headers['webhook-id'];
  const ts = headers['webhook-timestamp'];
  if (!id || !ts || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const mac = createHmac('sha256', key).update(`${id}.${ts}.`).update(rawBody).digest('base64');
  const expected = Buffer.from(`v1,${mac}`);
  return (headers['webhook-signature'] ?? '').split(' ').some((s) => {
    const got = Buffer.from(s);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

/** A webhook receiver on 127.0.0.1: keeps every request's headers and raw body. */
function startReceiver() {
  const hits = [];
  const waiting = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      hits.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
      for (const w of waiting.splice(0)) w();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/interra/webhooks`,
        hits,
        /** Waits until `n` requests arrived (the sender polls every few seconds). */
        async until(n, what) {
          const deadline = Date.now() + 60_000;
          while (hits.length < n) {
            assert.ok(Date.now() < deadline, `no ${what} delivery reached the receiver`);
            await new Promise((r) => { waiting.push(r); setTimeout(r, 500); });
          }
          return hits[n - 1];
        },
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

describe('partners: the team gives a partner access, the partner refers, the team reviews', () => {
  let s;
  let rx;
  before(async () => {
    s = await signedIn(COORDINATOR);
    rx = await startReceiver();
  });
  after(async () => {
    await s?.close();
    await rx?.close();
  });

  it('partners: a coordinator finds the organisation by kind and by name', async () => {
    const p = s.page;
    await p.locator('nav.main-nav a', { hasText: 'Partenaires' }).click();
    await expectHeading(p, 'Organisations partenaires');
    await p.locator('.org-card').first().waitFor();
    await p.locator('#org-kind').selectOption('cpas');
    await p.waitForURL(/kind=cpas/);
    await p.locator('.org-card', { hasText: ORGANISATION }).waitFor();
    const kinds = await p.locator('.org-card .badge').allInnerTexts();
    assert.ok(kinds.every((k) => k === 'CPAS' || /partage/i.test(k)), `only CPAS: ${kinds}`);
    await p.locator('#org-kind').selectOption('');
    await p.locator('#org-q').fill('babel');
    await p.locator('form[role=search] button[type=submit]').click();
    await p.waitForURL(/q=babel/);
    await p.locator('.org-card', { hasText: 'École de langues Babel' }).waitFor();
    assert.equal(await p.locator('.org-card').count(), 1);
    await p.locator('#org-q').fill('aucune-organisation-de-ce-nom');
    await p.locator('form[role=search] button[type=submit]').click();
    await p.locator('main .empty', { hasText: 'Aucune organisation' }).waitFor();
    await checkA11y(p, 'organisations (none found)');
    await open(p, '/partners?kind=cpas');
    await p.locator('.org-card a', { hasText: ORGANISATION }).click();
    await expectHeading(p, ORGANISATION);
    fx.orgPath = new URL(p.url()).pathname;
    await p.locator('#clients-title').waitFor();
    await checkA11y(p, 'organisation page');
  });

  it('partners: the organisation form says what is wrong, field by field', async () => {
    const p = s.page;
    await open(p, '/partners/new');
    await expectHeading(p, 'Nouvelle organisation');
    await p.locator('#name').fill(ORGANISATION);
    await p.locator('#kind').selectOption('cpas');
    await p.locator('#email').fill('pas-une-adresse');
    await p.locator('#agreement_start').fill('2026-06-01');
    await p.locator('#agreement_end').fill('2025-01-01');
    await p.locator('main form button[type=submit]').click();
    await p.locator('#email-error').waitFor();
    await p.locator('#agreement_end-error').waitFor();
    assert.equal(await p.getAttribute('#email', 'aria-invalid'), 'true');
    await checkA11y(p, 'organisation form with errors');
  });

  it('partners: a coordinator creates an API client; its secret is shown once', async () => {
    const p = s.page;
    await open(p, fx.orgPath);
    await p.locator('button', { hasText: 'Nouveau client' }).click();
    // Sent without a scope: the message goes under the scopes.
    await p.locator('#client-name').fill(CLIENT_NAME);
    await p.locator('#new-client button[type=submit]').click();
    await p.locator('#scopes-error').waitFor();
    for (const scope of ['events-read', 'referrals-read', 'referrals-write', 'trainings-register', 'webhooks-manage']) {
      await p.locator(`#scope-${scope}`).check();
    }
    await p.locator('#new-client button[type=submit]').click();
    await p.locator('.secret-box', { hasText: 'ne sera plus jamais affiché' }).waitFor();
    fx.clientId = (await p.locator('#client-id').innerText()).trim();
    fx.clientSecret = (await p.locator('#client-secret').innerText()).trim();
    assert.match(fx.clientId, /^cli_/);
    assert.match(fx.clientSecret, /^sec_/);
    await checkA11y(p, 'secret shown once');
    await screenshots(p, '90-partner-secret');
    await p.locator('button', { hasText: "J'ai copié le secret" }).click();
    await p.locator('.secret-box').waitFor({ state: 'detached' });
    const item = p.locator('.clients li.client', { hasText: CLIENT_NAME });
    await item.waitFor();
    assert.equal(await item.locator('.badge').innerText(), 'Actif');
    assert.match(await item.innerText(), /24 heures/);
    // Reloaded, the page never shows the secret again.
    await p.reload();
    await p.locator('.clients li.client', { hasText: CLIENT_NAME }).waitFor();
    assert.equal((await p.locator('main').innerText()).includes(fx.clientSecret), false);
    noAppErrors(s);
  });

  it('partners: the partner gets a token exactly as docs/partners.md says, and reads the agenda', async () => {
    // "curl -u $CLIENT_ID:$CLIENT_SECRET -d grant_type=client_credentials -d scope=…"
    const basic = Buffer.from(`${fx.clientId}:${fx.clientSecret}`).toString('base64');
    const res = await fetch(`${BASE_URL}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'events:read referrals:read referrals:write trainings:register webhooks:manage',
      }),
    });
    const token = await res.json();
    assert.equal(res.status, 200, JSON.stringify(token));
    assert.equal(token.token_type, 'Bearer');
    assert.ok(token.expires_in > 0);
    assert.deepEqual(token.scope.split(' ').sort(),
      ['events:read', 'referrals:read', 'referrals:write', 'trainings:register', 'webhooks:manage']);
    fx.token = token.access_token;
    // A wrong secret: RFC 6749 §5.2.
    const wrong = await fetch(`${BASE_URL}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: fx.clientId, client_secret: 'sec_wrong' }),
    });
    assert.equal(wrong.status, 401);
    assert.equal((await wrong.json()).error, 'invalid_client');

    const me = await partner('GET', '/partner/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.organisation_name, ORGANISATION);
    assert.ok(me.headers.get('ratelimit-limit'), 'rate limit headers');
    // The agenda (docs/partners.md §3): the public events, with their addresses.
    const agenda = await fetch(`${BASE_URL}/api/v1/public/events`, { headers: { Accept: 'application/json' } });
    assert.equal(agenda.status, 200);
    const events = await agenda.json();
    assert.ok(events.count > 0 && events.results.length > 0, 'the demo agenda has events');
    assert.ok(events.results.every((e) => e.id && e.title), 'each event has an id and a title');
  });

  it('partners: the partner registers a webhook to its receiver and refers a person', async () => {
    const hook = await partner('POST', '/partner/webhooks',
      { url: rx.url, event_types: ['referral.status_changed'] },
      { 'Idempotency-Key': `e2e-hook-${stamp}` });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    assert.match(hook.body.secret, /^whsec_/);
    fx.hookSecret = hook.body.secret;
    fx.hookId = hook.body.endpoint.id;

    const notice = await (await fetch(`${BASE_URL}/api/v1/public/privacy-notice`, { headers: { Accept: 'application/json' } })).json();
    const body = {
      programme: 'duo2change',
      first_name: FIRST_NAME,
      email: EMAIL,
      languages: ['ar', 'fr'],
      note: "Disponible l'après-midi",
      consent: { collected_by: 'Sophie Renard', collected_at: new Date(Date.now() - 60_000).toISOString(), notice_version: notice.version },
    };
    const key = `e2e-referral-${stamp}`;
    const first = await partner('POST', '/partner/referrals', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'received');
    // The same key and body: the first answer, nothing new.
    const again = await partner('POST', '/partner/referrals', body, { 'Idempotency-Key': key });
    assert.equal(again.body.id, first.body.id);
    fx.referralId = first.body.id;
  });

  it('partners: the coordinator accepts the referral in the review queue, creating the person', async () => {
    const p = s.page;
    await p.locator('nav.main-nav a', { hasText: 'Partenaires' }).click();
    await p.locator('nav.duo-tabs a', { hasText: 'Orientations reçues' }).click();
    await expectHeading(p, 'Orientations reçues des partenaires');
    // Each status with its count; to review by default.
    await p.waitForFunction(() => /À traiter \(\d+\)/.test(document.querySelector('#filter-status')?.textContent ?? ''));
    const card = p.locator('.referral', { hasText: FIRST_NAME });
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(ORGANISATION));
    await checkA11y(p, 'referral queue');
    await card.locator('a').click();
    await expectHeading(p, `Orientation de ${FIRST_NAME}`);
    const sees = p.locator('.partner-sees');
    assert.match(await sees.innerText(), /À traiter/);
    assert.match(await sees.innerText(), /jamais la fiche/);
    await p.locator('#review-title').waitFor();
    await p.locator('.card .actions button', { hasText: 'Accepter' }).click();
    await p.locator('#who-new').check();
    await p.locator('#last_name').fill(`Referral${stamp}`);
    await p.locator('#profile').selectOption('local');
    await p.locator('#staff_note').fill('Appelée le matin, préfère le français.');
    assert.match(await p.locator('.partner-will-see').innerText(), /Acceptée/);
    await checkA11y(p, 'referral: accept form');
    await screenshots(p, '91-referral-accept');
    await p.locator('form.review-form button[type=submit]').click();
    await p.locator('.status-slot', { hasText: 'Statut changé' }).waitFor();
    await p.locator('.partner-sees', { hasText: 'Acceptée' }).waitFor();
    await p.locator('a', { hasText: 'Voir la fiche de la personne' }).waitFor();

    const hit = await rx.until(1, 'first');
    assert.equal(hit.method, 'POST');
    assert.ok(verify(fx.hookSecret, hit.headers, hit.body), 'the signature verifies');
    assert.equal(verify('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', hit.headers, hit.body), false, 'another secret does not');
    const tampered = Buffer.from(hit.body.toString().replace(fx.referralId, '00000000-0000-0000-0000-000000000000'));
    assert.equal(verify(fx.hookSecret, hit.headers, tampered), false, 'a changed body does not');
    const event = JSON.parse(hit.body.toString());
    assert.equal(event.type, 'referral.status_changed');
    assert.equal(event.data.referral_id, fx.referralId);
    fx.firstMessage = hit.headers['webhook-id'];
  });

  it('partners: the next step reaches the partner too, and the partner sees the status only', async () => {
    const p = s.page;
    await p.locator('.card .actions button', { hasText: 'Personne contactée' }).click();
    await p.locator('form.review-form button[type=submit]').click();
    await p.locator('.partner-sees', { hasText: 'Personne contactée' }).waitFor();
    const hit = await rx.until(2, 'second');
    assert.ok(verify(fx.hookSecret, hit.headers, hit.body));
    assert.notEqual(hit.headers['webhook-id'], fx.firstMessage, 'each change is its own message');
    assert.equal(JSON.parse(hit.body.toString()).data.referral_id, fx.referralId);

    const seen = await partner('GET', `/partner/referrals/${fx.referralId}`);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.status, 'contacted');
    assert.deepEqual(Object.keys(seen.body).sort(),
      ['created_at', 'id', 'programme', 'status', 'status_changed_at']);
    assert.equal(JSON.stringify(seen.body).includes('préfère'), false, "the team's note stays with the team");
  });

  it('partners: the partner registers one of its staff to a training, as docs/partners.md §6 says', async () => {
    // Its own staff (the demo affiliates two people to the CPAS), then the courses open to them.
    const staff = await partner('GET', '/partner/trainings/staff');
    assert.equal(staff.status, 200);
    assert.ok(staff.body.length >= 1, 'the CPAS has staff in the demo');
    assert.ok(staff.body.every((m) => m.person_id && m.name && m.role));
    const courses = await partner('GET', '/partner/trainings');
    assert.equal(courses.status, 200);
    assert.ok(courses.body.length >= 1, 'a course is open to partner staff');
    // A course and a staff member not registered to it yet (the demo registered some already);
    // failing that, one of the organisation's registrations is cancelled first (every seat freed).
    const mine = await partner('GET', '/partner/trainings/registrations');
    const active = mine.body.filter((r) => r.status !== 'cancelled');
    let course;
    let member;
    for (const c of courses.body) {
      member = staff.body.find((m) => !active.some((r) => r.course_id === c.id && r.person_id === m.person_id));
      if (member) { course = c; break; }
    }
    if (!member) {
      const r = active[0];
      const undone = await partner('DELETE', `/partner/trainings/${r.course_id}/registrations/${r.id}`);
      assert.equal(undone.status, 200);
      course = courses.body.find((c) => c.id === r.course_id);
      member = staff.body.find((m) => m.person_id === r.person_id);
    }
    assert.ok(course && member, 'a staff member to register');
    const made = await partner('POST', `/partner/trainings/${course.id}/registrations`,
      { person_id: member.person_id }, { 'Idempotency-Key': `e2e-training-${stamp}` });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.ok(['registered', 'waitlisted'].includes(made.body.status));
    // The same request again: the first answer, nothing new.
    const again = await partner('POST', `/partner/trainings/${course.id}/registrations`,
      { person_id: member.person_id }, { 'Idempotency-Key': `e2e-training-${stamp}` });
    assert.equal(again.body.id, made.body.id);
    const listed = await partner('GET', '/partner/trainings/registrations');
    assert.ok(listed.body.some((r) => r.id === made.body.id));
    // Someone who is not its staff (here, nobody at all): refused on the field, as anyone else.
    const stranger = await partner('POST', `/partner/trainings/${course.id}/registrations`,
      { person_id: '00000000-0000-4000-8000-000000000000' });
    assert.equal(stranger.status, 422);
    const cancelled = await partner('DELETE', `/partner/trainings/${course.id}/registrations/${made.body.id}`);
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
  });

  it('partners: the team sees the partner\'s webhook and its deliveries, read-only', async () => {
    const p = s.page;
    await open(p, fx.orgPath);
    const hook = p.locator('.webhooks li.webhook', { hasText: rx.url });
    await hook.waitFor();
    assert.equal(await hook.locator('.person-main .badge').innerText(), 'Actif');
    await hook.locator('table.deliveries tbody tr').nth(1).waitFor();
    assert.match(await hook.innerText(), /Reçu/);
    assert.match(await hook.innerText(), /referral\.status_changed/);
    assert.equal(await hook.locator('button').count(), 0, 'nothing to change for the team');
    await checkA11y(p, 'organisation page with a webhook');
  });

  it('partners: a revoked client gets no token', async () => {
    const p = s.page;
    const item = p.locator('.clients li.client', { hasText: CLIENT_NAME });
    await item.locator('button', { hasText: 'Révoquer' }).click();
    await item.locator('button', { hasText: 'Oui, révoquer' }).click();
    await item.locator('.badge', { hasText: 'Révoqué' }).waitFor();
    const basic = Buffer.from(`${fx.clientId}:${fx.clientSecret}`).toString('base64');
    const res = await fetch(`${BASE_URL}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    assert.equal(res.status, 401);
    assert.equal((await partner('GET', '/partner/me')).status, 401, 'its tokens stop at once');
    noAppErrors(s);
  });

  it('partners: the screens read right to left in Arabic and fit a 360 px phone', async () => {
    const p = s.page;
    const screens = ['/partners', fx.orgPath, '/partners/referrals?status=all', `/partners/referrals/${fx.referralId}`, '/partners/new'];
    for (const lang of ['ar', 'fr']) {
      await p.locator('#lang-select').selectOption(lang);
      await p.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const viewport of [PHONE, DESKTOP]) {
        await p.setViewportSize(viewport);
        for (const path of screens) {
          await open(p, path);
          await p.waitForFunction(() => !document.querySelector('main .loading'));
          if (lang === 'ar') assert.equal(await p.evaluate(() => document.documentElement.dir), 'rtl');
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `${path} (${lang}, ${viewport.width} px) scrolls sideways by ${overflow} px`);
          if (lang === 'ar' || viewport === PHONE) await checkA11y(p, `${path} (${lang}, ${viewport.width} px)`);
        }
      }
    }
    await screenshots(p, '92-partners-fr');
    noAppErrors(s);
  });
});
