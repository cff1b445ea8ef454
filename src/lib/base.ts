/** Prefixes a site path ("cq-1/") with the configured base ("/gia-dinh-so/"). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
	return base.replace(/\/?$/, '/') + path.replace(/^\//, '');
}

/** The absolute URL of a site path, for QR codes, share links and the portal manifest. */
export function absoluteUrl(path: string, site: string | URL = import.meta.env.SITE, base?: string): string {
	return new URL(withBase(path, base), site).href;
}
