/** The printed sheets for the village teams. Their slugs are printed on paper: never change them. */
export interface Sheet {
	slug: string;
	title: string;
	/** One sentence for the list of sheets and the page's description; the number of criteria comes from the data. */
	summary: (criteria: number) => string;
}

export const SHEETS: Sheet[] = [
	{ slug: 'phieu-tu-danh-gia', title: 'Phiếu tự đánh giá Gia đình số', summary: (n) => `Một mặt A4 cho mỗi hộ: ${n} tiêu chí, ô Đạt / Chưa đạt / Không áp dụng.` },
	{ slug: 'bang-tong-hop', title: 'Bảng tổng hợp của Tổ', summary: () => 'A4 khổ ngang: mỗi dòng một hộ, mỗi cột một tiêu chí, dòng tổng và tỉ lệ so với mục tiêu.' },
	{ slug: 'danh-sach-tham-du', title: 'Danh sách hộ tham dự', summary: () => 'Ghi tên, hộ, làng và chữ ký của người dự mỗi buổi học.' },
	{ slug: 'huong-dan-buoi-hoc', title: 'Hướng dẫn tổ chức buổi học', summary: () => 'Một trang cho Tổ trưởng: buổi học 45–60 phút về một tiêu chí.' },
];

/** The booklet of every lesson, one PDF. */
export const BOOKLET = { slug: 'tat-ca-bai-hoc', title: 'Sổ tay Gia đình số: tất cả bài học' };
