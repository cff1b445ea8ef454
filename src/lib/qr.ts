/** QR codes made at build time, as inline SVG: no image request, crisp on any printer. */
import QRCode from 'qrcode';

export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
