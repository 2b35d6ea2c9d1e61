// Browser tests of the trainings (issue 15). The team's steps (a module, a course of two
// sessions, a participant and a partner's staff member registered, attendance, certificates
// issued and downloaded) go through the API as the demo administrator: the staff screens are
// not built yet. What a visitor does is tested in the browser: checking a certificate through
// the public page its PDF points to (genuine, mistyped, then revoked), and answering the
// end-of-course questionnaire behind a personal link — in French and Arabic, at phone and
// desktop widths, axe-clean.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, BASE_URL, DESKTOP, PHONE,
  accessToken, checkA11y, expectHeading, launch, open,
} from '../lib/harness.mjs';

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

let token;
let course;
let participant;
let staffMember;
let certificates;

describe('trainings: the team runs a course and issues certificates', () => {
  before(async () => {
    token = await accessToken(ADMIN);
  });

  it('creates a module and a course of two sessions', async () => {
    const module = (await api('/trainings/modules', {
      method: 'POST', token, expect: 201,
      body: {
        title: { fr: MODULE, ar: `التواصل بين الثقافات ${stamp}` },
        description: { fr: 'Deux matinées pour se comprendre.' },
        objectives: ['Reconnaître ses filtres culturels', "Pratiquer l'écoute active"],
        hours: 6,
        audience: 'everyone',
        languages: ['fr'],
      },
    })).json;
    // In the past: attendance is taken once a session has started.
    const [d1, d2] = [brusselsDay(-17), brusselsDay(-10)];
    course = (await api('/trainings/courses', {
      method: 'POST', token, expect: 201,
      body: {
        module_id: module.id,
        starts_on: d1,
        ends_on: d2,
        sessions: [
          { starts_at: `${d1}T09:00`, ends_at: `${d1}T12:00` },
          { starts_at: `${d2}T09:00`, ends_at: `${d2}T12:00` },
        ],
        public: false,
        open_to_partners: true,
      },
    })).json;
    assert.equal(course.sessions.length, 2);
    assert.equal(course.hours, 6);
  });

  it('registers a participant and a partner staff member, and takes attendance', async () => {
    participant = (await api('/people', {
      method: 'POST', token, expect: 201,
      body: { first_name: 'Amina', last_name: `Benali${stamp}`, email: `amina-${stamp}@example.org`, profile: 'newcomer', arrival_year: 2024 },
    })).json;
    staffMember = (await api('/people', {
      method: 'POST', token, expect: 201,
      body: { first_name: 'Sophie', last_name: `Renard${stamp}`, email: `sophie-${stamp}@example.org`, profile: 'local' },
    })).json;
    const cpas = (await api('/organisations', {
      method: 'POST', token, expect: 201, body: { name: `CPAS ${stamp}`, kind: 'cpas' },
    })).json;
    await api(`/organisations/${cpas.id}/contacts/${staffMember.id}`, {
      method: 'PUT', token, expect: 200, body: { role: 'Assistante sociale' },
    });
    await api(`/trainings/courses/${course.id}/registrations`, {
      method: 'POST', token, expect: 201, body: { person_id: participant.id },
    });
    const partnerTrainee = (await api(`/trainings/courses/${course.id}/registrations`, {
      method: 'POST', token, expect: 201, body: { person_id: staffMember.id, organisation_id: cpas.id },
    })).json;
    assert.equal(partnerTrainee.display_name.includes('Sophie'), true);
    const marks = course.sessions.flatMap((s) => [participant, staffMember]
      .map((p) => ({ session_id: s.activity_id, person_id: p.id, status: 'attended' })));
    const trainees = (await api(`/trainings/courses/${course.id}/attendance`, {
      method: 'PUT', token, expect: 200, body: { marks },
    })).json;
    assert.equal(trainees.length, 2);
    assert.ok(trainees.every((t) => t.completed && t.hours_attended === 6), JSON.stringify(trainees));
  });

  it('issues the certificates and downloads one and all as PDF', async () => {
    certificates = (await api(`/trainings/courses/${course.id}/certificates`, {
      method: 'POST', token, expect: 201, body: { language: 'fr' },
    })).json;
    assert.equal(certificates.length, 2);
    const one = await api(`/trainings/certificates/${certificates[0].id}`, { token, expect: 200 });
    assert.match(one.headers.get('content-type'), /application\/pdf/);
    assert.equal(one.bytes.subarray(0, 5).toString(), '%PDF-');
    const all = await api(`/trainings/courses/${course.id}/certificates`, { token, expect: 200 });
    assert.equal(all.bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(all.bytes.length > one.bytes.length, 'the whole course holds more than one certificate');
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
