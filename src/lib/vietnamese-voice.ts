/**
 * A voice that reads Vietnamese (vi, vi-VN, vi_VN). Its own module: every page's script asks it
 * before loading "Nghe bài", and the rest of speech.ts must not come along.
 */
export const isVietnamese = (voice: { lang: string }) => /^vi([-_]|$)/i.test(voice.lang);
