/**
 * "Gia đình tôi đã làm được" sits at the end of a lesson: its code (and the household's saved
 * answers) load only when the reader scrolls near it, or tabs to it, so opening a lesson costs less.
 */
const control = document.querySelector('gds-lesson-done');
if (control) {
	const load = () => import('./lesson-done');
	if ('IntersectionObserver' in window) {
		const observer = new IntersectionObserver(
			(entries) => {
				if (!entries.some((e) => e.isIntersecting)) return;
				observer.disconnect();
				load();
			},
			{ rootMargin: '600px 0px' }
		);
		observer.observe(control);
		control.addEventListener('focusin', load, { once: true });
	} else load();
}
