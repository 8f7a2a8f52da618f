/**
 * Messages of replication (nhân rộng: `spread`), and of the fixes to the records the reports rest
 * on (nominations, ratings, fostering, imports) that came with it (Vietnamese and English, same keys).
 */
export const vi = {
  // nominations
  'nominate.notOwnUnit':
    '--by {by}: {code} – {name} thuộc {unit} – {unitName}. Đề nghị do đơn vị của người được đề nghị lập (--by {unit}), hoặc chính người đó tự đề nghị (--by self).',
  'nominate.notItself': '--by {by}: đơn vị {code} – {name} do chính đơn vị đề nghị (--by {code}, hoặc --by self).',
  'nominate.personLeft': '{code} – {name} đã nghỉ (không còn công tác) nên không đề nghị khen thưởng được. Nếu đã trở lại làm việc: thidua person edit {code} --active',
  'elig.quota.next':
    'sẽ giữ suất thứ {position} trong tối đa {max} khi được chấp nhận ({percent}% của {base} hồ sơ LDTT đã được chấp nhận; suất theo thứ tự ngày chấp nhận hồ sơ, rồi số đề nghị)',
  // ratings
  'rating.tooEarly.quarter':
    'Chưa xếp loại quý {period} được: xếp loại quý được ghi từ tháng cuối của quý, tức từ {from} (hôm nay là {today}). Chờ đến ngày đó, hoặc kiểm tra lại --period.',
  'rating.tooEarly.year':
    'Chưa xếp loại năm {period} được: xếp loại năm được ghi từ tháng 12, tức từ {from} (hôm nay là {today}). Chờ đến ngày đó, hoặc kiểm tra lại --period.',
  // shared
  'invalid.futureDate': '{field}: {value} còn ở sau hôm nay ({today}). Chỉ ghi việc đã xảy ra: kiểm tra lại ngày.',
  'field.doneOn': 'Ngày hoàn thành (--date)',
  // fostering
  'opt.foster.doneDate': 'ngày hoàn thành, khi báo kết quả muộn (mặc định: hôm nay)',
  'foster.doneBeforeAssigned': 'Nhiệm vụ số {id} được giao ngày {assignedOn}; ngày hoàn thành {value} không thể trước ngày giao. Kiểm tra lại --date.',
  // rules
  'rule.led.line_width': 'Số ký tự tối đa của một dòng trên bảng điện tử LED (spread export --channel led)',
  // spread
  'help.spread': 'Nhân rộng điển hình tiên tiến: ghi lại mỗi lần tuyên truyền (trang thông tin điện tử, bảng LED, hội nghị, Ngày pháp luật, Khối thi đua số 1, cụm các trường chính trị, giao lưu) và soạn bài viết, dòng chữ LED.',
  'help.spread.add':
    'Ghi một lần nhân rộng của một cá nhân hoặc đơn vị: kênh (website, led, meeting, legal-day, bloc, cluster, exchange; hoặc chữ tiếng Việt như "ngày pháp luật", "cụm thi đua") và ngày (không sau hôm nay). In ra số của bản ghi.',
  'help.spread.add.example':
    'thidua spread add VC012 --channel website --date 15/01/2026 --note "Bài: Người số hóa hồ sơ học viên"\nthidua spread add KLLCS --channel "ngay phap luat" --date 2026-01-20\nthidua spread add VC017 --channel cluster --date 2026-03-05 --note "Hội nghị cụm các trường chính trị miền Đông"',
  'help.spread.list':
    'Các lần nhân rộng: cá nhân trước (xếp theo tên, kiểu tiếng Việt), rồi đơn vị; mỗi người theo ngày. Lọc theo năm, kênh, người hoặc đơn vị.',
  'help.spread.list.example': 'thidua spread list --year 2026\nthidua spread list --channel led --json\nthidua spread list --subject VC012 --csv > nhan-rong-VC012.csv',
  'help.spread.export':
    'Soạn nội dung nhân rộng của một năm. --channel website: mỗi điển hình tiên tiến (đề nghị DHTT đã đạt số phiếu hoặc đã được công nhận năm đó) một bài viết Markdown (tóm tắt thành tích, thành tích trong năm, sáng kiến, đề tài được công nhận); --channel led: các dòng CHỮ IN HOA cho bảng LED, mỗi dòng tối đa led.line_width ký tự (mặc định 40), ngắt giữa các từ, không bao giờ cắt ngang một từ (từ dài hơn một dòng đứng riêng một dòng và được cảnh báo). Chưa có điển hình nào thì dùng những người, đơn vị đã có ghi nhận nhân rộng trong năm (và báo rõ). Không có --out thì in ra màn hình; có --out THƯ-MỤC thì ghi mỗi điển hình một tệp, không ghi đè tệp đã có trừ khi thêm --force (hoặc --yes).',
  'help.spread.export.example':
    'thidua spread export --channel website --year 2025\nthidua spread export --channel website --year 2025 --out nhan-rong-2025\nthidua spread export --channel led --year 2025 --out bang-led --force',
  'arg.spreadSubject': 'mã cá nhân hoặc đơn vị được nhân rộng, ví dụ VC012, KLLCS',
  'opt.spread.channel': 'kênh: website, led, meeting, legal-day, bloc, cluster, exchange (hoặc chữ tiếng Việt: trang thông tin, bảng LED, hội nghị, ngày pháp luật, khối thi đua, cụm thi đua, giao lưu)',
  'opt.spread.date': 'ngày nhân rộng (không sau hôm nay)',
  'opt.spread.note': 'ghi chú: tên bài viết, hội nghị, nơi giao lưu…',
  'opt.spread.year': 'chỉ năm này',
  'opt.spread.filterChannel': 'chỉ kênh này (các giá trị như --channel của spread add)',
  'opt.spread.subject': 'chỉ người hoặc đơn vị này',
  'opt.spread.exportChannel': 'trang thông tin (website: bài viết Markdown) hoặc bảng LED (led: dòng chữ cho bảng LED)',
  'opt.spread.exportYear': 'năm của các điển hình (YYYY)',
  'opt.spread.out': 'thư mục ghi tệp (mỗi điển hình một tệp); không có thì in ra màn hình',
  'opt.spread.force': 'ghi đè tệp đã có',
  'prompt.spread.channel': 'Kênh nhân rộng?',
  'prompt.spread.date': 'Ngày nhân rộng (dd/mm/yyyy):',
  'prompt.spread.exportChannel': 'Kênh (website hoặc led):',
  'prompt.spread.year': 'Năm (YYYY):',
  'field.spreadChannel': 'Kênh nhân rộng (--channel)',
  'field.spreadExportChannel': 'Kênh (--channel: website hoặc led)',
  'field.spreadDate': 'Ngày nhân rộng (--date)',
  'spreadChannel.website': 'Trang thông tin điện tử',
  'spreadChannel.led': 'Bảng điện tử LED',
  'spreadChannel.meeting': 'Hội nghị, cuộc họp',
  'spreadChannel.legal-day': 'Ngày pháp luật',
  'spreadChannel.bloc': 'Khối thi đua số 1',
  'spreadChannel.cluster': 'Cụm thi đua các trường chính trị',
  'spreadChannel.exchange': 'Giao lưu, trao đổi kinh nghiệm',
  'spread.col.channel': 'Kênh',
  'spread.col.date': 'Ngày',
  'spread.col.note': 'Ghi chú',
  'spread.added': 'Đã ghi nhân rộng số {id}: {subject} – {name}, {channel}, ngày {date}.',
  'spread.invalid': 'Chưa ghi được nhân rộng của {subject}:',
  'spread.nothing': 'Năm {year} chưa có điển hình tiên tiến nào được bình chọn và chưa có ghi nhận nhân rộng nào: không có gì để soạn. Ghi bằng: thidua spread add MÃ --channel ... --date ...',
  'spread.fallback':
    'Năm {year} chưa có điển hình tiên tiến nào được bình chọn (đề nghị DHTT đạt số phiếu hoặc được công nhận): soạn cho {count} người, đơn vị đã có ghi nhận nhân rộng trong năm.',
  'spread.ledOverlong': 'Từ "{word}" ({subject}) dài hơn một dòng LED ({width} ký tự): để riêng một dòng, không cắt. Nên viết tắt hoặc sửa lại.',
  'spread.wrote': 'Đã ghi {path}',
  'files.notADirectory': '--out {path} là một tệp, không phải thư mục. Chọn một thư mục (chưa có thì chương trình tạo).',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {
  'nominate.notOwnUnit':
    "--by {by}: {code} – {name} belongs to {unit} – {unitName}. A nomination is made by the person's own unit (--by {unit}), or by the person themself (--by self).",
  'nominate.notItself': '--by {by}: the unit {code} – {name} is nominated by itself (--by {code}, or --by self).',
  'nominate.personLeft': '{code} – {name} has left (no longer works here), so cannot be nominated. If they are back at work: thidua person edit {code} --active',
  'elig.quota.next':
    'would hold place {position} of at most {max} once accepted ({percent}% of {base} accepted LDTT dossiers; places go by the date a dossier was accepted, then by number)',
  'rating.tooEarly.quarter':
    "{period} cannot be rated yet: a quarter's rating is entered from the quarter's last month, that is from {from} (today is {today}). Wait until then, or check --period.",
  'rating.tooEarly.year':
    '{period} cannot be rated yet: a year’s rating is entered from December, that is from {from} (today is {today}). Wait until then, or check --period.',
  'invalid.futureDate': '{field}: {value} is after today ({today}). Only what has happened is recorded: check the date.',
  'field.doneOn': 'Date done (--date)',
  'opt.foster.doneDate': 'the day it was done, for a result reported late (default: today)',
  'foster.doneBeforeAssigned': 'Task {id} was assigned on {assignedOn}; it cannot have been done on {value}, before that. Check --date.',
  'rule.led.line_width': 'Most characters on one line of the LED screen (spread export --channel led)',
  'help.spread': 'Replicating exemplars: record each time one is spread (website, LED screen, meetings, legal day, Emulation Bloc No. 1, the cluster of political schools, exchange visits) and write the website articles and LED lines.',
  'help.spread.add':
    'Record one replication of a person or unit: the channel (website, led, meeting, legal-day, bloc, cluster, exchange; or Vietnamese words such as "ngày pháp luật", "cụm thi đua") and the day (not after today). Prints the record\'s number.',
  'help.spread.add.example':
    'thidua spread add VC012 --channel website --date 15/01/2026 --note "Article: digitising student records"\nthidua spread add KLLCS --channel "ngay phap luat" --date 2026-01-20\nthidua spread add VC017 --channel cluster --date 2026-03-05 --note "Meeting of the eastern cluster of political schools"',
  'help.spread.list':
    'Replication records: people first (sorted by name the Vietnamese way), then units; each one\'s by date. Filter by year, channel, person or unit.',
  'help.spread.list.example': 'thidua spread list --year 2026\nthidua spread list --channel led --json\nthidua spread list --subject VC012 --csv > spread-VC012.csv',
  'help.spread.export':
    "Write a year's replication material. --channel website: a Markdown article for each exemplar (a DHTT nomination that passed the ballot or was recognised that year): dossier summary, the year's achievements, recognised initiatives and topics. --channel led: UPPER-CASE lines for the LED screen, at most led.line_width characters each (default 40), broken between words and never inside one (a word longer than a line stands alone on its line, with a warning). With no exemplar yet, the people and units with any replication record in the year are used (and the command says so). Without --out it prints; with --out DIR it writes one file per exemplar and never overwrites an existing file unless --force (or --yes) is given.",
  'help.spread.export.example':
    'thidua spread export --channel website --year 2025\nthidua spread export --channel website --year 2025 --out spread-2025\nthidua spread export --channel led --year 2025 --out led-screen --force',
  'arg.spreadSubject': 'code of the person or unit spread, e.g. VC012, KLLCS',
  'opt.spread.channel': 'channel: website, led, meeting, legal-day, bloc, cluster, exchange (or Vietnamese words: trang thông tin, bảng LED, hội nghị, ngày pháp luật, khối thi đua, cụm thi đua, giao lưu)',
  'opt.spread.date': 'the day it was spread (not after today)',
  'opt.spread.note': 'note: article title, meeting, place of the visit…',
  'opt.spread.year': 'only this year',
  'opt.spread.filterChannel': 'only this channel',
  'opt.spread.subject': 'only this person or unit',
  'opt.spread.exportChannel': 'website (Markdown articles) or led (lines for the LED screen)',
  'opt.spread.exportYear': 'the year of the exemplars (YYYY)',
  'opt.spread.out': 'folder to write to (one file per exemplar); prints when absent',
  'opt.spread.force': 'overwrite existing files',
  'prompt.spread.channel': 'Which channel?',
  'prompt.spread.date': 'Day it was spread (dd/mm/yyyy):',
  'prompt.spread.exportChannel': 'Channel (website or led):',
  'prompt.spread.year': 'Year (YYYY):',
  'field.spreadChannel': 'Channel (--channel)',
  'field.spreadExportChannel': 'Channel (--channel: website or led)',
  'field.spreadDate': 'Date spread (--date)',
  'spreadChannel.website': 'Website',
  'spreadChannel.led': 'LED screen',
  'spreadChannel.meeting': 'Meeting',
  'spreadChannel.legal-day': 'Legal day',
  'spreadChannel.bloc': 'Emulation Bloc No. 1',
  'spreadChannel.cluster': 'Cluster of political schools',
  'spreadChannel.exchange': 'Exchange visit',
  'spread.col.channel': 'Channel',
  'spread.col.date': 'Date',
  'spread.col.note': 'Note',
  'spread.added': 'Recorded replication {id}: {subject} – {name}, {channel}, on {date}.',
  'spread.invalid': 'Could not record the replication of {subject}:',
  'spread.nothing': 'No exemplar has been voted for {year} and nothing was spread in it: nothing to write. Record with: thidua spread add CODE --channel ... --date ...',
  'spread.fallback':
    'No exemplar has been voted for {year} yet (a DHTT nomination that passed or was recognised): writing for the {count} people and units with a replication record in the year.',
  'spread.ledOverlong': 'The word "{word}" ({subject}) is longer than an LED line ({width} characters): it stands alone on its line, uncut. Consider abbreviating it.',
  'spread.wrote': 'Wrote {path}',
  'files.notADirectory': '--out {path} is a file, not a folder. Choose a folder (it is created when missing).',
};
