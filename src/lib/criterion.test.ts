import { describe, expect, it } from 'vitest';
import { criterionNumber, criterionNumbers } from './criterion';

describe('criterionNumber', () => {
	it('writes the number people see and say, with its dash: CQ-1', () => {
		expect(criterionNumber('cq-1')).toBe('CQ-1');
		expect(criterionNumber('xh-10')).toBe('XH-10');
		expect(criterionNumbers(['kt-2', 'kt-3'])).toBe('KT-2, KT-3');
		expect(criterionNumbers([])).toBe('');
	});
});
