import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.goto('http://127.0.0.1:4419/gia-dinh-so/');
await p.getByRole('button', { name: 'Tìm kiếm' }).click();
const input = p.getByLabel(/Gõ điều bà con cần tìm/);
for (const q of process.argv.slice(2)) {
  await input.fill(q);
  await p.locator('gds-search .status').filter({ hasText: `“${q}”` }).waitFor();
  const hrefs = await p.locator('gds-search .results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href').replace('/gia-dinh-so/', '')));
  const st = await p.locator('gds-search .status').textContent();
  console.log(q.padEnd(40), hrefs.slice(0, 3).join(' '), st.startsWith('Gần') ? '(gần đúng)' : '');
}
await b.close();
