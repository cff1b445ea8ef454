// npm run package: gia-dinh-so-<version>.zip for the portal's administrator, with the built site
// (run `npm run build` first), the server configuration and a short Vietnamese README.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, '.nginx-headers.conf'))) {
	console.error('Chưa có bản dựng đầy đủ trong dist/. Chạy "npm run build" trước, rồi chạy lại "npm run package".');
	process.exit(1);
}

if (!existsSync(join(dist, 'pdf'))) {
	console.warn('Lưu ý: bản dựng này không có bản in PDF (dựng với PDF=0 hoặc máy không có Chromium). Trang vẫn dùng được; muốn có PDF thì cài Chromium rồi chạy lại "npm run build".');
}

const files = {};
const add = (name, path) => (files[name] = [readFileSync(path), { level: /\.(png|pdf|br|gz|pagefind|pf_\w+)$/.test(path) ? 0 : 9 }]);
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
	if (!entry.isFile()) continue;
	const path = join(entry.parentPath, entry.name);
	add(`gia-dinh-so/${relative(dist, path).split(sep).join('/')}`, path);
}
add('README-quan-tri.md', join(root, 'deploy/README-quan-tri.md'));
// The location block the build wrote for its own base path (deploy/nginx/gia-dinh-so.conf is only the example).
add('nginx/gia-dinh-so.conf', join(dist, '.nginx-location.conf'));
add('nginx/gia-dinh-so-headers.conf', join(dist, '.nginx-headers.conf'));

const out = join(root, `gia-dinh-so-${version}.zip`);
writeFileSync(out, zipSync(files));
const kb = Math.round(statSync(out).size / 1024);
console.log(`Đã tạo ${relative(root, out)} (${kb.toLocaleString('vi-VN')} KB, ${Object.keys(files).length} tệp).`);
console.log('Gửi tệp này cho người quản trị cổng thông tin; hướng dẫn nằm trong README-quan-tri.md bên trong tệp.');
