/**
 * Hostile input, crashes and tampering (issue 14): characters no document can hold, formulas, files
 * too large to read, output that cannot be written, damaged or mismatched databases, records that no
 * longer match their audit trail (Vietnamese and English, same keys).
 */
export const vi = {
  'document.unprintable': 'Không thể ban hành văn bản: nội dung có ký tự mà Word không mở được ("{text}"), có lẽ được lưu trước khi các ký tự này bị từ chối. Hãy sửa bản ghi chứa đoạn chữ đó rồi chạy lại; chưa lấy số nào.',
  'document.notWellFormed': 'Văn bản Word sẽ không mở được (phần {part}: {problem}), nên không ghi tệp. Chạy `thidua db check` để tìm bản ghi hỏng.',
  'invalid.formulaStart': '{field}: "{value}" bắt đầu bằng =, +, - hoặc @, như một công thức bảng tính. Không tên nào bắt đầu như vậy: hãy gõ lại tên.',
};

export const en: Record<keyof typeof vi, string> = {
  'document.unprintable': 'The document cannot be issued: its text holds a character Word cannot open ("{text}"), probably stored before such characters were refused. Correct the record that holds that text and run again; no number was taken.',
  'document.notWellFormed': 'The Word document would not open (part {part}: {problem}), so no file was written. Run `thidua db check` to find the damaged record.',
  'invalid.formulaStart': '{field}: "{value}" starts with =, +, - or @, like a spreadsheet formula. No name starts so: type the name again.',
};
