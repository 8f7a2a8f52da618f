/**
 * Hostile input, crashes and tampering (issue 14): characters no document can hold, formulas, files
 * too large to read, output that cannot be written, damaged or mismatched databases, records that no
 * longer match their audit trail (Vietnamese and English, same keys).
 */
export const vi = {
  'invalid.formulaStart': '{field}: "{value}" bắt đầu bằng =, +, - hoặc @, như một công thức bảng tính. Không tên nào bắt đầu như vậy: hãy gõ lại tên.',
};

export const en: Record<keyof typeof vi, string> = {
  'invalid.formulaStart': '{field}: "{value}" starts with =, +, - or @, like a spreadsheet formula. No name starts so: type the name again.',
};
