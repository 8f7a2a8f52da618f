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
};
