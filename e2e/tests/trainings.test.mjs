// Browser tests of the trainings (issue 15). In the browser, a coordinator creates a module
// (the API's field messages first, for an empty form), plans a course of two sessions,
// registers a participant (people search) and a partner's staff member (chosen among the
// people affiliated to the organisation), takes attendance per session, issues the
// certificates, downloads one and all of them (PDF files), and opens one through the public
// check page its code links to; the catalogue and the course page are axe-clean in French and
// Arabic at phone and desktop widths, with no sideways scroll on the phone. Only the people and
// the organisation are set up through the API. What a visitor does is tested in the browser
// too: checking a certificate (genuine, mistyped, then revoked) and answering the
// end-of-course questionnaire behind a personal link.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  ADMIN, BASE_URL, DESKTOP, PHONE,
  accessToken, checkA11y, expectHeading, launch, open, signedIn,
} from '../lib/harness.mjs';

// The second demo coordinator (app.test.mjs changes the first one's password).
const COORDINATOR = 'coordinatrice.duo@demo.interra.be';
const stamp = Date.now().toString(36);
const MODULE = `Communication interculturelle ${stamp}`;

/** A call to the API; returns { status, json, text, headers, bytes }. */
async function api(path, { method = 'GET', token, body, expect } = {}) {
  const headers = { Accept: 'application/json, application/pdf' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  if (expect !== undefined) assert.equal(res.status, expect, `${method} ${path}: ${text.slice(0, 400)}`);
  return { status: res.status, json, text, headers: res.headers, bytes };
}

/** `YYYY-MM-DD` of the day `days` from today, in Brussels. */
function brusselsDay(days) {
  return new Date(Date.now() + days * 86400000).toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
}

function noAppErrors(session) {
  const fatal = session.errors.filter((e) => e.startsWith('pageerror') || /panicked/.test(e));
  assert.deepEqual(fatal, [], 'the app raised errors in the browser');
}

async function setLang(page, lang) {
  await page.locator('#lang-select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The page fits the window's width: nothing scrolls sideways. */
async function noSidewaysScroll(page, screen) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${screen}: the page is ${scroll}px wide in a ${width}px window`);
}

/** axe in French and Arabic at the desktop's and the phone's widths, `ready` visible each
 *  time. The language is switched at the desktop's width (on a phone it is in the menu). */
async function a11yEverywhere(page, name, ready) {
  for (const lang of ['fr', 'ar']) {
    await page.setViewportSize(DESKTOP);
    if (lang !== 'fr') {
      await setLang(page, lang);
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    }
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await ready(lang).waitFor();
      await checkA11y(page, `${name} ${lang} ${viewport.width}`);
      if (viewport === PHONE) await noSidewaysScroll(page, `${name} ${lang} 360`);
    }
  }
  await page.setViewportSize(DESKTOP);
  await setLang(page, 'fr');
}

/** Picks a select's option and waits for the call it makes and the reload that follows. */
async function markAttended(page, select, courseId) {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/trainings/courses/${courseId}/attendance`)
      && r.request().method() === 'PUT'),
    page.waitForResponse((r) => r.url().endsWith(`/trainings/courses/${courseId}/registrations`)
      && r.request().method() === 'GET'),
    select.selectOption('attended'),
  ]);
}

let token;
let course;
let participant;
let staffMember;
let certificates;

describe('trainings: a coordinator runs a course in the browser', () => {
  let s;
  let cpas;
  before(async () => {
    token = await accessToken(ADMIN);
    // The people and the organisation exist before: the team's screens for them are tested
    // elsewhere.
    participant = (await api('/people', {
      method: 'POST', token, expect: 201,
      body: { first_name: 'Amina', last_name: `Benali${stamp}`, email: `amina-${stamp}@example.org`, profile: 'newcomer', arrival_year: 2024 },
    })).json;
    staffMember = (await api('/people', {
      method: 'POST', token, expect: 201,
      body: { first_name: 'Sophie', last_name: `Renard${stamp}`, email: `sophie-${stamp}@example.org`, profile: null },
    })).json;
    // Named to come first in the list of organisations, sorted by name.
    cpas = (await api('/organisations', {
      method: 'POST', token, expect: 201, body: { name: `AAA CPAS ${stamp}`, kind: 'cpas' },
    })).json;
    await api(`/organisations/${cpas.id}/contacts/${staffMember.id}`, {
      method: 'PUT', token, expect: 200, body: { role: 'Assistante sociale' },
    });
    s = await signedIn(COORDINATOR);
  });
  after(async () => {
    if (s) await s.close();
  });

  it('opens the catalogue from the navigation and creates a module (field errors first)', async () => {
    const p = s.page;
    await p.locator('nav.main-nav a', { hasText: 'Formations' }).click();
    await expectHeading(p, 'Formations interculturelles');
    await p.locator('#modules-title').waitFor();
    await a11yEverywhere(p, 'catalogue', (lang) => p.locator('main h1', {
      hasText: lang === 'ar' ? 'التكوينات بين الثقافات' : 'Formations interculturelles',
    }));
    await p.getByRole('link', { name: 'Nouveau module' }).click();
    await expectHeading(p, 'Nouveau module');
    // Sent empty: the API's messages under the title, the hours and the audience.
    await p.getByRole('button', { name: 'Enregistrer le module' }).click();
    await p.locator('#title-fr-error').waitFor();
    await p.locator('#hours-error').waitFor();
    await p.locator('#audience-error').waitFor();
    assert.equal(await p.locator('#title-fr').getAttribute('aria-invalid'), 'true');
    await p.locator('#title-fr').fill(MODULE);
    await p.locator('#description-fr').fill('Deux matinées pour se comprendre.');
    await p.locator('#objectives').fill("Reconnaître ses filtres culturels\nPratiquer l'écoute active");
    await p.locator('#hours').fill('6');
    await p.locator('#audience').selectOption('everyone');
    await p.locator('#languages').fill('fr, ar');
    await p.locator('#max_group_size').fill('12');
    await p.getByRole('button', { name: 'Enregistrer le module' }).click();
    await expectHeading(p, MODULE);
    assert.match(new URL(p.url()).pathname, /^\/trainings\/modules\/[0-9a-f-]{36}$/);
    const facts = await p.locator('.facts').innerText();
    assert.match(facts, /6 h/);
    assert.match(facts, /80 % des heures/);
    noAppErrors(s);
  });

  it('plans a course of two sessions', async () => {
    const p = s.page;
    await p.getByRole('link', { name: 'Planifier un cours' }).click();
    await expectHeading(p, 'Planifier un cours');
    // Past days: attendance is taken for sessions that took place.
    const [d1, d2] = [brusselsDay(-8), brusselsDay(-1)];
    await p.locator('#session-0-date').fill(d1);
    await p.locator('#session-0-start').fill('09:00');
    await p.locator('#session-0-end').fill('12:00');
    await p.locator('#session-1-date').fill(d2);
    await p.locator('#session-1-start').fill('09:00');
    await p.locator('#session-1-end').fill('12:00');
    await p.getByRole('button', { name: 'Créer le cours' }).click();
    await expectHeading(p, MODULE);
    const id = new URL(p.url()).pathname.match(/^\/trainings\/courses\/([0-9a-f-]{36})$/)?.[1];
    assert.ok(id, p.url());
    course = (await api(`/trainings/courses/${id}`, { token, expect: 200 })).json;
    assert.equal(course.sessions.length, 2);
    assert.equal(course.hours, 6);
    // Each session links to its activity page and its phone attendance sheet.
    const sessions = p.locator('.session-list li');
    assert.equal(await sessions.count(), 2);
    assert.equal(await p.getByRole('link', { name: 'Feuille de présence de la séance 2' }).getAttribute('href'),
      `/activities/${course.sessions[1].activity_id}/attendance`);
    assert.equal(await p.getByRole('link', { name: 'Page de la séance 1' }).getAttribute('href'),
      `/activities/${course.sessions[0].activity_id}`);
    noAppErrors(s);
  });

  it('registers a participant and a partner staff member, and takes attendance', async () => {
    const p = s.page;
    await p.locator('#trainee-search-q').fill(`Benali${stamp}`);
    await p.getByRole('button', { name: `Inscrire Amina Benali${stamp}` }).click();
    await p.locator('.status-slot', { hasText: 'est inscrit·e' }).waitFor();
    await p.locator('li.trainee-card', { hasText: `Benali${stamp}` }).waitFor();
    // The course's figures follow (and the page is not drawn again under the next form).
    await p.locator('.page-head .badge', { hasText: '1 inscrit' }).waitFor();
    // The organisations are searched on the server (a long list is not cut at its first page).
    await p.locator('#trainee-organisation-search').fill(`CPAS ${stamp}`);
    // "Choose an organisation" and the one match, once the search has answered.
    await p.waitForFunction(() => document.querySelectorAll('#trainee-organisation option').length === 2);
    assert.match(await p.locator('#trainee-organisation').innerText(), new RegExp(`AAA CPAS ${stamp}`));
    await p.locator('#trainee-organisation').selectOption({ label: `AAA CPAS ${stamp}` });
    await p.getByRole('button', { name: `Inscrire Sophie Renard${stamp}` }).click();
    const staffCard = p.locator('li.trainee-card', { hasText: `Renard${stamp}` });
    await staffCard.waitFor();
    assert.match(await staffCard.innerText(), new RegExp(`Personnel partenaire · AAA CPAS ${stamp}`));
    const participantCard = p.locator('li.trainee-card', { hasText: `Benali${stamp}` });
    assert.match(await participantCard.innerText(), /Participant·e/);
    for (const name of [`Benali${stamp}`, `Renard${stamp}`]) {
      for (const n of [0, 1]) {
        const select = p.locator('li.trainee-card', { hasText: name }).locator('select').nth(n);
        await markAttended(p, select, course.id);
      }
    }
    for (const card of [participantCard, staffCard]) {
      await card.locator('.completed', { hasText: 'Formation terminée' }).waitFor();
      assert.match(await card.innerText(), /6 h suivies sur 6 h/);
    }
    const trainees = (await api(`/trainings/courses/${course.id}/registrations`, { token, expect: 200 })).json;
    assert.equal(trainees.length, 2);
    assert.ok(trainees.every((t) => t.completed && t.hours_attended === 6), JSON.stringify(trainees));
    assert.equal(trainees.find((t) => t.person_id === staffMember.id).organisation_id, cpas.id);
    await a11yEverywhere(p, 'course', (lang) => p.locator('#trainees-title', {
      hasText: lang === 'ar' ? 'المشاركون والحضور' : 'Participant·es et présences',
    }));
    noAppErrors(s);
  });

  it('issues the certificates, downloads one and all as PDF, and checks one on the public page', async () => {
    const p = s.page;
    await p.locator('#issue-all').click();
    await p.locator('.status-slot', { hasText: 'Attestations délivrées : 2.' }).waitFor();
    const participantCard = p.locator('li.trainee-card', { hasText: `Benali${stamp}` });
    await participantCard.locator('.certificate-code').waitFor();
    const [all] = await Promise.all([
      p.waitForEvent('download'),
      p.locator('#download-all').click(),
    ]);
    assert.match(all.suggestedFilename(), /^attestations-[0-9a-f-]{36}\.pdf$/);
    const allBytes = fs.readFileSync(await all.path());
    assert.equal(allBytes.subarray(0, 5).toString(), '%PDF-');
    const [one] = await Promise.all([
      p.waitForEvent('download'),
      participantCard.getByRole('button', { name: `Télécharger l'attestation d'Amina Benali${stamp} (PDF)` }).click(),
    ]);
    assert.match(one.suggestedFilename(), /^attestation-[0-9A-Z-]{23}\.pdf$/);
    const oneBytes = fs.readFileSync(await one.path());
    assert.equal(oneBytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(allBytes.length > oneBytes.length, 'the whole course holds more than one certificate');
    const trainees = (await api(`/trainings/courses/${course.id}/registrations`, { token, expect: 200 })).json;
    certificates = [participant, staffMember]
      .map((who) => trainees.find((t) => t.person_id === who.id).certificate);
    assert.ok(certificates.every((c) => c && !c.revoked), JSON.stringify(trainees));
    // The code links to the public check, which confirms the certificate.
    await participantCard.locator('.certificate-code').click();
    await expectHeading(p, 'Vérifier une attestation');
    assert.equal(new URL(p.url()).pathname, `/certificates/${certificates[0].code}`);
    const verdict = p.locator('.verdict');
    await verdict.locator('h2', { hasText: 'Attestation authentique' }).waitFor();
    const text = await verdict.innerText();
    assert.ok(text.includes(MODULE), text);
    assert.ok(text.includes(`Benali${stamp}`), text);
    noAppErrors(s);
  });
});

describe('trainings: a visitor checks a certificate', () => {
  it('shows a genuine certificate, in French and Arabic, at phone and desktop widths', async () => {
    const code = certificates.find((c) => c).code;
    const trainee = (await api(`/trainings/courses/${course.id}/registrations`, { token, expect: 200 }))
      .json.find((t) => t.certificate?.code === code);
    for (const viewport of [PHONE, DESKTOP]) {
      const s = await launch({ viewport });
      try {
        await open(s.page, `/certificates/${code}`);
        await expectHeading(s.page, 'Vérifier une attestation');
        const verdict = s.page.locator('.verdict');
        await verdict.locator('h2', { hasText: 'Attestation authentique' }).waitFor();
        const text = await verdict.innerText();
        assert.ok(text.includes(MODULE), text);
        assert.ok(text.includes(trainee.display_name), text);
        assert.match(text, /6 h/);
        assert.equal(await s.page.locator('#code').inputValue(), code);
        await checkA11y(s.page, `certificate fr ${viewport.width}`);
        await setLang(s.page, 'ar');
        assert.equal(await s.page.evaluate(() => document.documentElement.dir), 'rtl');
        await verdict.locator('h2', { hasText: 'شهادة أصلية' }).waitFor();
        await checkA11y(s.page, `certificate ar ${viewport.width}`);
        await setLang(s.page, 'fr');
        noAppErrors(s);
      } finally {
        await s.close();
      }
    }
  });

  it('says "not found or revoked" for a mistyped code and for a revoked certificate', async () => {
    const cert = certificates[1];
    const s = await launch({ viewport: PHONE });
    try {
      await open(s.page, '/certificates');
      // A near miss: the last character changed.
      const last = cert.code.at(-1) === '0' ? '1' : '0';
      await s.page.locator('#code').fill(`${cert.code.slice(0, -1)}${last}`.toLowerCase());
      await s.page.getByRole('button', { name: 'Vérifier' }).click();
      await s.page.locator('.verdict h2', { hasText: 'Attestation introuvable ou révoquée' }).waitFor();
      assert.match(new URL(s.page.url()).pathname, /^\/certificates\/[0-9A-Z-]{23}$/);
      // The right code, typed without dashes: genuine.
      await s.page.locator('#code').fill(cert.code.replaceAll('-', ''));
      await s.page.getByRole('button', { name: 'Vérifier' }).click();
      await s.page.locator('.verdict h2', { hasText: 'Attestation authentique' }).waitFor();
      await api(`/trainings/certificates/${cert.id}/revoke`, {
        method: 'POST', token, expect: 200, body: { reason: 'Erreur de participant' },
      });
      await s.page.reload();
      await s.page.locator('.verdict h2', { hasText: 'Attestation introuvable ou révoquée' }).waitFor();
      await checkA11y(s.page, 'certificate revoked fr 360');
      noAppErrors(s);
    } finally {
      await s.close();
    }
  });
});

describe('trainings: a trainee answers the questionnaire', () => {
  it('asks again for a missing answer, then thanks', async () => {
    const links = (await api(`/trainings/courses/${course.id}/evaluations/links`, {
      method: 'POST', token, expect: 201,
    })).json;
    const link = links.find((l) => l.person_id === participant.id);
    const path = new URL(link.url).pathname;
    assert.match(path, /^\/evaluations\//);
    const s = await launch({ viewport: PHONE });
    try {
      await open(s.page, path);
      await expectHeading(s.page, 'Votre avis sur la formation');
      await checkA11y(s.page, 'evaluation fr 360');
      await setLang(s.page, 'ar');
      await expectHeading(s.page, 'رأيك في التكوين');
      await checkA11y(s.page, 'evaluation ar 360');
      await setLang(s.page, 'fr');
      // Satisfaction and the first objective answered, the second one forgotten.
      await s.page.locator('#satisfaction-4').check();
      await s.page.locator('#objectives-0-before-2').check();
      await s.page.locator('#objectives-0-after-4').check();
      await s.page.locator('#useful').fill('Les mises en situation.');
      await s.page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await s.page.locator('#objectives-1-before-error').waitFor();
      assert.equal(await s.page.locator('#objectives-1-before-1').getAttribute('aria-invalid'), 'true');
      await s.page.locator('#objectives-1-before-3').check();
      await s.page.locator('#objectives-1-after-5').check();
      await s.page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
      await expectHeading(s.page, 'Merci !');
      // The link answers once: opened again, it says so.
      await open(s.page, path);
      await expectHeading(s.page, 'Merci !');
      await s.page.getByText('Ce questionnaire a déjà reçu une réponse').waitFor();
      await checkA11y(s.page, 'evaluation answered fr 360');
      noAppErrors(s);
    } finally {
      await s.close();
    }
    // An unknown link: a clear heading, no form.
    const t = await launch({ viewport: DESKTOP });
    try {
      await open(t.page, '/evaluations/not-a-real-link');
      await expectHeading(t.page, "Lien d'évaluation inconnu");
      await checkA11y(t.page, 'evaluation unknown fr 1280');
    } finally {
      await t.close();
    }
  });
});
