/**
 * The annotated drawings of the lessons, <Drawing name="…" />: schematic SVGs in src/drawings/,
 * published to hinh/<name>.svg. Each says in Vietnamese what it shows (alt) and what to look
 * for (caption); a label inside a drawing is one a lesson's source gives, anything else is a
 * grey bar or XXXX.
 */
export interface DrawingInfo {
	/** What the picture shows, for a reader who cannot see it. */
	alt: string;
	/** Printed under the picture: the one thing to look for. */
	caption: string;
	width: number;
	height: number;
}

export const DRAWINGS: Record<string, DrawingInfo> = {
	'hoa-don-dien': {
		alt: 'Hình vẽ tờ hóa đơn tiền điện. Dòng “Mã khách hàng” được khoanh tròn.',
		caption: 'Trên hóa đơn tiền điện, tìm dòng “Mã khách hàng” (chỗ khoanh tròn).',
		width: 248,
		height: 226,
	},
	'tin-nhan-vneid': {
		alt: 'Hình vẽ điện thoại có tin nhắn. Chữ đầu tin nhắn “Cuc Canh sat QLHC ve TTXH thong bao” được khoanh tròn.',
		caption: 'Tin nhắn báo hồ sơ đã được duyệt mở đầu bằng chữ “Cuc Canh sat QLHC ve TTXH thong bao” (chỗ khoanh tròn).',
		width: 228,
		height: 250,
	},
	'tin-nhan-1414': {
		alt: 'Hình vẽ tin nhắn TTTB gửi đến số 1414, rồi tin trả lời. Trong tin trả lời, dòng số 1 và dòng số 2 được khoanh tròn.',
		caption: 'Gửi TTTB đến 1414. Trong tin trả lời, xem tên người đứng tên số điện thoại (1) và số giấy tờ (2): phải là của mình.',
		width: 228,
		height: 270,
	},
	'man-hinh-chuyen-tien': {
		alt: 'Hình vẽ màn hình chuyển tiền: số tài khoản, tên người nhận, số tiền và nút để xác nhận. Tên người nhận được khoanh tròn, ghi “Kiểm tra tên”.',
		caption: 'Trước khi bấm xác nhận, đọc tên người nhận (chỗ khoanh tròn). Tên phải đúng người mình muốn gửi.',
		width: 228,
		height: 300,
	},
	'sms-that-gia': {
		alt: 'Hình vẽ hai tin nhắn ngân hàng. Bên trái, tin thật, không có đường link. Bên phải, tin lừa báo tài khoản sắp bị khóa, giục cập nhật ngay, có đường link đuôi .top được khoanh tròn.',
		caption: 'Tin lừa có thể hiện ngay trong khung tin nhắn thật của ngân hàng. Dấu hiệu: đường link lạ (đuôi .top, .vip, .xyz) và giục làm ngay. Ngân hàng không gửi link đăng nhập qua tin nhắn.',
		width: 340,
		height: 250,
	},
};

export type DrawingName = keyof typeof DRAWINGS;

/** The drawing's published path below the base. */
export const drawingPath = (name: string) => `hinh/${name}.svg`;
