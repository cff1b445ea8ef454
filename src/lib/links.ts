/** Which other sites the handbook may send people to: official .gov.vn sites and the named services. */

export function hostAllowed(host: string, allowedDomains: string[]): boolean {
	const h = host.toLowerCase().replace(/^www\./, '');
	return allowedDomains.some((d) => h === d || h.endsWith(`.${d}`));
}

export function urlAllowed(url: string, allowedDomains: string[]): boolean {
	try {
		return hostAllowed(new URL(url).hostname, allowedDomains);
	} catch {
		return false;
	}
}

/** External web addresses written in a lesson's body (Markdown links, HTML links, bare URLs). */
export function externalLinks(mdxBody: string): string[] {
	const found = new Set<string>();
	for (const m of mdxBody.matchAll(/https?:\/\/[^\s)"'<>\]]+/g)) found.add(m[0].replace(/[.,;:]+$/, ''));
	return [...found];
}
