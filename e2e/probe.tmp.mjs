import { launch, open, signIn, COORDINATOR } from '/work/wt/act/e2e/lib/harness.mjs';
const s = await launch();
s.page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 2000)));
await open(s.page, '/login');
await signIn(s.page, COORDINATOR);
await s.page.locator('main h1', { hasText: 'Bonjour' }).waitFor();
for (const p of (process.argv[2] ?? '/activities').split(',')) {
  await s.page.goto(process.env.INTERRA_E2E_URL + p);
  await s.page.waitForTimeout(3000);
  console.log('URL', s.page.url());
  console.log((await s.page.locator('main').innerText()).slice(0, 1500));
}
console.log(s.errors);
await s.close();
