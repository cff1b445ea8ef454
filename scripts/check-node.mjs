// Astro 7 needs Node 22.12 or newer. The project pins Node 24 through the npm package "node"
// (devDependencies), whose install script puts it in node_modules/.bin, where npm scripts find it.
// This check stops early, in plain words, when that did not happen (for example after
// `npm ci --ignore-scripts`) and an older system Node would run the build instead.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = major > 22 || (major === 22 && minor >= 12);
if (!ok) {
	console.error(
		[
			'',
			`Phiên bản Node đang chạy là ${process.versions.node}; dự án cần Node 22.12 trở lên (dự án dùng Node 24).`,
			`Node ${process.versions.node} is too old: this project needs Node 22.12 or newer (it pins Node 24).`,
			'',
			'Cách sửa / How to fix: chạy lại "npm ci" (không dùng --ignore-scripts) để npm cài Node 24 vào node_modules,',
			'rồi chạy lại lệnh vừa rồi. Run "npm ci" again without --ignore-scripts, then retry.',
			'',
		].join('\n')
	);
	process.exit(1);
}
