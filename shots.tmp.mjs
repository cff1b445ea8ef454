import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await b.newContext({ viewport: { width: 360, height: 800 }, locale: 'vi-VN' });
const p = await ctx.newPage();
const B = 'http://127.0.0.1:4419/gia-dinh-so/';
await p.goto(B + 'kt-6/');
await p.screenshot({ path: '/tmp/i17/h.png', clip: { x: 0, y: 0, width: 360, height: 120 } });
console.log(await p.locator('gds-search button.open').boundingBox());
await p.getByRole('button', { name: 'Tìm kiếm' }).click();
const input = p.getByLabel(/Gõ điều bà con cần tìm/);
for (const [q, f] of [['tiền điện xyzzyq', 'a'], ['zzqqj', 'b'], ['bị lừa mất tiền phải làm sao', 'c']]) {
  await input.fill(q);
  await p.locator('gds-search .status').filter({ hasText: q }).waitFor();
  await p.screenshot({ path: `/tmp/i17/${f}.png` });
}
const nojs = await b.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
const n = await nojs.newPage(); await n.goto(B + 'kt-6/');
await n.screenshot({ path: '/tmp/i17/nojs.png', clip: { x: 0, y: 0, width: 360, height: 120 } });
console.log(await n.locator('gds-search a.fallback').boundingBox());
await b.close();
