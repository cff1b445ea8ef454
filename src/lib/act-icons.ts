/**
 * The visual vocabulary of the lessons' steps: one key per action a reader's hands do.
 * A lesson writes <Act icon="key" /> at the start of a step; the meaning of each key is fixed
 * here so that the same picture always means the same thing.
 */
export const ACT_ICONS = {
	'di-den': 'Đi đến nơi làm việc (Công an xã, ngân hàng, bưu điện…)',
	'noi-chuyen': 'Nói với cán bộ hoặc người giúp',
	'mo-ung-dung': 'Mở ứng dụng trên điện thoại',
	'tai-ung-dung': 'Cài ứng dụng từ CH Play hoặc App Store',
	'bam': 'Bấm một nút trên màn hình',
	'nhap-so': 'Nhập số hoặc chữ',
	'dat-mat-khau': 'Đặt hoặc nhập mật khẩu, mã bí mật',
	'cho-tin-nhan': 'Chờ tin nhắn gửi đến',
	'quet-mat': 'Quét khuôn mặt',
	'quet-qr': 'Quét mã QR',
	'chup-anh': 'Chụp ảnh',
	'kiem-tra': 'Xem kỹ, kiểm tra lại',
	'tien': 'Trả tiền, chuyển tiền',
	'goi-dien': 'Gọi điện',
	'nhan-tin': 'Gửi tin nhắn SMS',
	'chia-se': 'Gửi, chia sẻ cho người khác',
	'tim-kiem': 'Tìm kiếm',
	'vi-tri': 'Vị trí, bản đồ',
	'doc': 'Đọc tin, đọc trang web',
	'khong-chia-se': 'Không đưa cho ai (mã OTP, mật khẩu)',
	'giay-to': 'Giấy tờ, thẻ căn cước, hồ sơ',
	'wifi': 'Mạng Wi-Fi hoặc 4G',
} as const;

export type ActIcon = keyof typeof ACT_ICONS;

/**
 * The Lucide icon (npm lucide-static) drawn for each key. A new key needs an icon here, and
 * no two keys share one, so a picture keeps one meaning.
 */
export const ACT_ICON_SOURCES: Record<ActIcon, string> = {
	'di-den': 'landmark',
	'noi-chuyen': 'speech',
	'mo-ung-dung': 'smartphone',
	'tai-ung-dung': 'download',
	'bam': 'pointer',
	'nhap-so': 'keyboard',
	'dat-mat-khau': 'lock-keyhole',
	'cho-tin-nhan': 'message-square-dot',
	'quet-mat': 'scan-face',
	'quet-qr': 'scan-qr-code',
	'chup-anh': 'camera',
	'kiem-tra': 'eye',
	'tien': 'banknote',
	'goi-dien': 'phone',
	'nhan-tin': 'send',
	'chia-se': 'share-2',
	'tim-kiem': 'search',
	'vi-tri': 'map-pin',
	'doc': 'book-open-text',
	'khong-chia-se': 'hand',
	'giay-to': 'id-card',
	'wifi': 'wifi',
};

/** Where the sprite of every action icon is published, below the base. */
export const ACT_SPRITE_PATH = 'hinh/act.svg';
