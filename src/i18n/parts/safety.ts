/**
 * Hostile input, crashes and tampering (issue 14): characters no document can hold, formulas, files
 * too large to read, output that cannot be written, damaged or mismatched databases, records that no
 * longer match their audit trail (Vietnamese and English, same keys).
 */
export const vi = {
  'certificate.partial': '{done} trong {total} giấy đã được lấy số và ghi tệp; chạy lại đúng lệnh này để in nốt (giấy đã in không bị ghi lại).',
  'document.issuedNotWritten': 'Văn bản {symbol} đã được ban hành (số đã lấy, có trong sổ văn bản) nhưng chưa ghi được tệp {file}. Khi đã khắc phục, ghi tệp bằng: thidua document render {id} --out {file}',
  'files.isLink': '{file} là một liên kết (symbolic link): chương trình không bao giờ ghi qua hay ghi đè một liên kết. Hãy chọn tên khác, hoặc xóa liên kết nếu chính bạn đặt nó.',
  'import.xlsx.tooLarge': 'Tệp {file} quá lớn để là một danh sách: trang {part} ghi tới ô {ref} ({rows} dòng, {columns} cột; tối đa {maxRows} dòng và {maxColumns} cột). Hãy chép riêng danh sách sang một sổ Excel mới rồi nhập tệp đó.',
  'import.xlsx.tooManyCells': 'Tệp {file} có quá nhiều ô ở trang {part} (hơn {max}). Hãy chép riêng danh sách sang một sổ Excel mới rồi nhập tệp đó.',
  'import.xlsx.tooManyParts': 'Tệp {file} có {count} phần bên trong (tối đa {max}): không phải một sổ Excel bình thường. Hãy lưu lại danh sách bằng Excel rồi nhập lại.',
  'import.xlsx.tooBigUnpacked': 'Tệp {file} khi giải nén lớn tới {mb} MB (tối đa {max} MB): không phải một danh sách nhập được. Hãy chép riêng danh sách sang một sổ Excel mới.',
  'import.xlsx.notUtf8': 'Tệp {file} hỏng: phần {part} có byte không phải UTF-8, chữ đã gõ không còn đọc lại đúng được. Hãy mở và lưu lại bằng Excel rồi nhập lại.',
  'import.xlsx.badCharacter': 'Tệp {file} có ký tự không hợp lệ ({code}) ở phần {part}, không phải chữ đã gõ. Hãy mở và lưu lại bằng Excel rồi nhập lại.',
  'import.xlsx.unreadable': 'Không đọc được tệp Excel {file} (phần {part} hỏng). Hãy mở và lưu lại bằng Excel rồi nhập lại.',
  'import.csv.tooLarge': 'Tệp {file} quá lớn để là một danh sách (tối đa {rows} dòng, {columns} cột). Hãy kiểm tra lại tệp, hoặc chia thành nhiều tệp.',
  'document.unprintable': 'Không thể ban hành văn bản: nội dung có ký tự mà Word không mở được ("{text}"), có lẽ được lưu trước khi các ký tự này bị từ chối. Hãy sửa bản ghi chứa đoạn chữ đó rồi chạy lại; chưa lấy số nào.',
  'document.notWellFormed': 'Văn bản Word sẽ không mở được (phần {part}: {problem}), nên không ghi tệp. Chạy `thidua db check` để tìm bản ghi hỏng.',
  'invalid.formulaStart': '{field}: "{value}" bắt đầu bằng =, +, - hoặc @, như một công thức bảng tính. Không tên nào bắt đầu như vậy: hãy gõ lại tên.',
};

export const en: Record<keyof typeof vi, string> = {
  'certificate.partial': '{done} of {total} certificates are numbered and written; run the same command again to finish (those printed are not written again).',
  'document.issuedNotWritten': 'Document {symbol} is issued (its number is taken and in the register) but {file} could not be written. Once that is put right, write it with: thidua document render {id} --out {file}',
  'files.isLink': '{file} is a symbolic link: the program never writes through or over a link. Choose another name, or remove the link if you placed it.',
  'import.xlsx.tooLarge': '{file} is too large to be a list: sheet {part} reaches cell {ref} ({rows} rows, {columns} columns; at most {maxRows} rows and {maxColumns} columns). Copy the list alone into a new Excel workbook and import that.',
  'import.xlsx.tooManyCells': '{file} has too many cells in sheet {part} (over {max}). Copy the list alone into a new Excel workbook and import that.',
  'import.xlsx.tooManyParts': '{file} holds {count} parts (at most {max}): not an ordinary Excel workbook. Save the list again with Excel and import it again.',
  'import.xlsx.tooBigUnpacked': '{file} unpacks to {mb} MB (at most {max} MB): not a list that can be imported. Copy the list alone into a new Excel workbook.',
  'import.xlsx.notUtf8': '{file} is damaged: part {part} holds bytes that are not UTF-8, so what was typed cannot be read back. Open and save it again with Excel, then import it again.',
  'import.xlsx.badCharacter': '{file} holds an invalid character ({code}) in part {part}, not something typed. Open and save it again with Excel, then import it again.',
  'import.xlsx.unreadable': 'Cannot read the Excel file {file} (part {part} is damaged). Open and save it again with Excel, then import it again.',
  'import.csv.tooLarge': '{file} is too large to be a list (at most {rows} rows, {columns} columns). Check the file, or split it into several.',
  'document.unprintable': 'The document cannot be issued: its text holds a character Word cannot open ("{text}"), probably stored before such characters were refused. Correct the record that holds that text and run again; no number was taken.',
  'document.notWellFormed': 'The Word document would not open (part {part}: {problem}), so no file was written. Run `thidua db check` to find the damaged record.',
  'invalid.formulaStart': '{field}: "{value}" starts with =, +, - or @, like a spreadsheet formula. No name starts so: type the name again.',
};
