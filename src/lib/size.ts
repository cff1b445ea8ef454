/** A file's size as people read it: "97 KB", "2,4 MB" (a comma, the Vietnamese way). */
export function formatSize(bytes: number): string {
	return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
