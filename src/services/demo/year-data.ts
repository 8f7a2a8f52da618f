/** The demonstration school's year 2025: what its staff registered, did and were rated (fictional). */

export const DEMO_YEAR = 2025;

export const DEMO_MOVEMENTS = [
  { code: 'DTHT2025', name: 'Phong trào thi đua "Dạy tốt, học tốt, phục vụ tốt" năm 2025', by: 'school', from: '2025-01-01', to: '2025-12-31' },
  { code: 'TTTA2025', name: 'Phong trào "Tương thân tương ái" của Công đoàn Trường', by: 'union', from: '2025-03-01', to: '2025-12-31' },
];

/** Title registrations: every staff member registers LDTT; these register more. */
export const DEMO_EXTRA_REGISTRATIONS: [code: string, award: string][] = [
  ['VC002', 'CSTDCS'], ['VC017', 'CSTDCS'], ['VC023', 'CSTDCS'], ['VC012', 'CSTDCS'], ['VC028', 'CSTDCS'],
  ['VC002', 'DHTT'], ['VC015', 'DHTT'], ['VC017', 'DHTT'], ['VC012', 'DHTT'], ['VC023', 'DHTT'], ['VC031', 'DHTT'],
  ['KXDD', 'TTLDXS'], ['KLLCS', 'TTLDTT'], ['KNNPL', 'TTLDTT'], ['KDV', 'TTLDTT'], ['PTCHC', 'TTLDTT'], ['PQLDT', 'TTLDTT'],
  ['KLLCS', 'DHTT'],
];

export interface DemoInitiative {
  kind: 'initiative' | 'research';
  title: string;
  unit: string;
  authors: string[];
  field: string;
  /** Months reported (YYYY-MM → percent); a gap is a month left out. */
  progress: [string, number][];
  withdraw?: { on: string; reason: string };
}

const ramp = (months: number[], step: number, start = 10): [string, number][] =>
  months.map((m, i) => [`2025-${String(m).padStart(2, '0')}`, Math.min(100, start + i * step)]);

export const DEMO_INITIATIVES: DemoInitiative[] = [
  { kind: 'initiative', title: 'Ứng dụng bài giảng điện tử tương tác trong giảng dạy học phần Xây dựng Đảng', unit: 'KXDD', authors: ['VC017:60', 'VC018:40'], field: 'Giảng dạy', progress: ramp([2, 3, 4, 5, 6, 7, 8, 9, 10], 11) },
  { kind: 'initiative', title: 'Số hóa quy trình quản lý hồ sơ học viên', unit: 'PQLDT', authors: ['VC012'], field: 'Quản lý đào tạo', progress: ramp([2, 3, 4, 5, 6, 7, 8, 9, 10], 11) },
  { kind: 'initiative', title: 'Đổi mới phương pháp đánh giá kết quả học tập theo hướng phát triển năng lực', unit: 'KLLCS', authors: ['VC023:50', 'VC024:30', 'VC022:20'], field: 'Giảng dạy', progress: ramp([3, 4, 5, 6, 7, 8, 9, 10], 12, 12) },
  // A gap in June and July: "progress missing" shows it.
  { kind: 'initiative', title: 'Xây dựng ngân hàng câu hỏi trắc nghiệm học phần Nhà nước và Pháp luật', unit: 'KNNPL', authors: ['VC028:70', 'VC029:30'], field: 'Khảo thí', progress: ramp([2, 3, 4, 5, 8, 9, 10, 11], 12) },
  { kind: 'initiative', title: 'Giải pháp tiết kiệm văn phòng phẩm bằng văn bản điện tử liên thông', unit: 'PTCHC', authors: ['VC006'], field: 'Hành chính', progress: ramp([3, 4, 5, 6, 7, 8, 9, 10], 12) },
  // Never reported: status lists it as silent for two months or more.
  { kind: 'initiative', title: 'Sân khấu hóa buổi sinh hoạt "Ngày pháp luật" hằng tháng', unit: 'KDV', authors: ['VC034'], field: 'Tuyên truyền', progress: [] },
  { kind: 'research', title: 'Nâng cao chất lượng bồi dưỡng lý luận chính trị cho cán bộ cơ sở giai đoạn 2021–2025', unit: 'KLLCS', authors: ['VC021:60', 'VC025:40'], field: 'Lý luận chính trị', progress: ramp([2, 3, 4, 5, 6, 7, 8, 9, 10], 11) },
  // Stops reporting after September.
  { kind: 'research', title: 'Công tác dân vận chính quyền ở cấp xã khi sắp xếp đơn vị hành chính', unit: 'KDV', authors: ['VC032:50', 'VC033:50'], field: 'Dân vận', progress: ramp([3, 4, 5, 6, 7, 8, 9], 10) },
  { kind: 'initiative', title: 'Tra cứu tài liệu thư viện bằng mã QR', unit: 'PQLDT', authors: ['VC014'], field: 'Thư viện', progress: ramp([2, 3, 4], 15), withdraw: { on: '2025-05-12', reason: 'Trùng với giải pháp của phần mềm thư viện mới được cấp' } },
];

/** Annual ratings that differ from the usual HTTNV. */
export const DEMO_ANNUAL: Record<string, string> = {
  VC001: 'HTXSNV', VC002: 'HTXSNV', VC004: 'HTXSNV', VC010: 'HTXSNV', VC012: 'HTXSNV', VC015: 'HTXSNV', VC017: 'HTXSNV',
  VC021: 'HTXSNV', VC023: 'HTXSNV', VC028: 'HTXSNV', VC032: 'HTXSNV',
  VC009: 'HTNV', VC031: 'HTNV',
};

/** Quarterly ratings follow the annual one, with a few quarters different. */
export function demoQuarterRating(code: string, quarter: number): string {
  const annual = DEMO_ANNUAL[code] ?? 'HTTNV';
  if (annual === 'HTXSNV' && quarter === 1) return 'HTTNV';
  if (annual === 'HTTNV' && ['VC018', 'VC024', 'VC029'].includes(code) && quarter >= 3) return 'HTXSNV';
  return annual;
}

export const DEMO_ACHIEVEMENTS: { subject: string; date: string; kind: string; text: string; movement?: string }[] = [
  { subject: 'VC017', date: '2025-03-20', kind: 'task', text: 'Giải Nhất Hội thi giảng viên dạy giỏi cấp trường năm 2025' },
  { subject: 'VC023', date: '2025-04-18', kind: 'task', text: 'Báo cáo tham luận tại Hội thảo khoa học cụm Trường Chính trị miền Đông Nam Bộ' },
  { subject: 'VC012', date: '2025-05-08', kind: 'movement', text: 'Hoàn thành sớm số hóa 4.200 hồ sơ học viên', movement: 'DTHT2025' },
  { subject: 'VC006', date: '2025-05-30', kind: 'charity', text: 'Vận động quyên góp ủng hộ đồng bào vùng lũ', movement: 'TTTA2025' },
  { subject: 'VC018', date: '2025-06-12', kind: 'task', text: 'Hướng dẫn 12 học viên đạt loại giỏi khóa luận tốt nghiệp' },
  { subject: 'VC002', date: '2025-07-02', kind: 'task', text: 'Chỉ đạo hoàn thành sắp xếp bộ máy sau hợp nhất tỉnh đúng tiến độ' },
  { subject: 'VC028', date: '2025-08-15', kind: 'task', text: 'Biên soạn tài liệu tập huấn Luật Thi đua, khen thưởng cho cán bộ cơ sở' },
  { subject: 'VC031', date: '2025-08-28', kind: 'union', text: 'Giải Nhì hội diễn văn nghệ Công đoàn khối' },
  { subject: 'VC015', date: '2025-09-10', kind: 'movement', text: 'Khoa đạt 100% giờ giảng có ứng dụng công nghệ thông tin', movement: 'DTHT2025' },
  { subject: 'KXDD', date: '2025-09-25', kind: 'movement', text: 'Tập thể Khoa dẫn đầu phong trào thi đua dạy tốt học tốt', movement: 'DTHT2025' },
  { subject: 'VC024', date: '2025-10-07', kind: 'charity', text: 'Hiến máu tình nguyện lần thứ 10', movement: 'TTTA2025' },
  { subject: 'KLLCS', date: '2025-10-20', kind: 'task', text: 'Tổ chức thành công Hội thảo khoa học cấp trường về đổi mới nội dung chương trình' },
  { subject: 'VC033', date: '2025-11-05', kind: 'union', text: 'Tích cực tham gia hoạt động Công đoàn, được Công đoàn khối biểu dương' },
  { subject: 'VC023', date: '2025-11-14', kind: 'task', text: 'Chủ nhiệm chuyên đề bồi dưỡng được Ban Tuyên giáo đánh giá cao' },
  { subject: 'VC012', date: '2025-11-25', kind: 'movement', text: 'Đề xuất quy trình tuyển sinh trực tuyến được áp dụng toàn trường', movement: 'DTHT2025' },
];

export const DEMO_FOSTERING = [
  { person: 'VC019', mentor: 'VC015', goal: 'Trở thành giảng viên chính, chủ nhiệm một đề tài cấp trường', since: '2025-02-10', tasks: [
    { text: 'Dự giờ và được góp ý 4 bài giảng mẫu', due: '2025-06-30', done: { on: '2025-06-20', result: 'Đã dự 5 bài, được đánh giá tiến bộ rõ' } },
    { text: 'Viết đề cương đề tài nghiên cứu cấp trường', due: '2025-11-30' },
  ] },
  { person: 'VC013', mentor: 'VC010', goal: 'Đảm nhận công tác khảo thí độc lập', since: '2025-03-01', tasks: [
    { text: 'Xây dựng quy trình tổ chức thi trên máy tính', due: '2025-12-15' },
  ] },
  { person: 'VC035', mentor: 'VC032', goal: 'Phát triển năng lực tuyên truyền, dân vận', since: '2025-04-15', tasks: [
    { text: 'Chủ trì một buổi sinh hoạt "Ngày pháp luật"', due: '2025-09-30', done: { on: '2025-09-26', result: 'Tổ chức thành công, 120 người dự' } },
  ] },
];

/** The initiative council of 2025 (VC021 sits on it and is an author of DT-2025-001: excluded from scoring it). */
export const DEMO_INITIATIVE_COUNCIL = { chair: 'VC002', vice: ['VC010'], members: ['VC015', 'VC004', 'VC027', 'VC021'], secretary: 'VC011' };

/** The emulation council of 2025. */
export const DEMO_EMULATION_COUNCIL = {
  chair: 'VC001', vice: ['VC002'], members: ['VC003', 'VC004', 'VC010', 'VC015', 'VC021', 'VC027', 'VC032'], secretary: 'VC005',
};

export interface DemoApplication {
  /** Index into DEMO_INITIATIVES. */
  initiative: number;
  on: string;
  firstApplied: string;
  description: string;
  benefit: string;
  /** Each member's scores: novelty, applicability, benefit (members in council order). */
  base: [number, number, number];
  decision: { on: string; recognise: true } | { on: string; recognise: false; reason: string };
}

export const DEMO_APPLICATIONS: DemoApplication[] = [
  {
    initiative: 0, on: '2025-11-07', firstApplied: '2025-04-01',
    description: 'Bài giảng điện tử có câu hỏi tương tác, khảo sát nhanh ý kiến học viên ngay trong giờ học.',
    benefit: 'Tỷ lệ học viên tham gia phát biểu tăng từ 35% lên 80%.', base: [8, 8, 8], decision: { on: '2025-12-01', recognise: true },
  },
  {
    initiative: 1, on: '2025-11-07', firstApplied: '2025-03-15',
    description: 'Số hóa và quản lý hồ sơ học viên trên phần mềm dùng chung, tra cứu theo mã học viên.',
    benefit: 'Giảm 70% thời gian tra cứu; tiết kiệm khoảng 18 triệu đồng giấy in mỗi năm.', base: [9, 8, 9], decision: { on: '2025-12-01', recognise: true },
  },
  {
    initiative: 2, on: '2025-11-10', firstApplied: '2025-05-01',
    description: 'Đánh giá kết quả học tập bằng bài tập tình huống thay cho thi tự luận thuần túy.',
    benefit: 'Phản ánh đúng năng lực vận dụng của học viên; được 3 khoa áp dụng.', base: [7, 8, 7], decision: { on: '2025-12-01', recognise: true },
  },
  {
    initiative: 4, on: '2025-11-10', firstApplied: '2025-06-01',
    description: 'Gửi nhận văn bản nội bộ qua hệ thống điện tử liên thông.',
    benefit: 'Giảm văn phòng phẩm.', base: [3, 5, 4],
    decision: { on: '2025-12-01', recognise: false, reason: 'Giải pháp đã được triển khai theo chỉ đạo chung của tỉnh, chưa có tính mới trong phạm vi Trường.' },
  },
  {
    initiative: 6, on: '2025-11-12', firstApplied: '2025-09-01',
    description: 'Đề tài khảo sát và đề xuất giải pháp nâng cao chất lượng bồi dưỡng lý luận chính trị cho cán bộ cơ sở.',
    benefit: 'Kết quả được dùng để điều chỉnh chương trình bồi dưỡng năm 2026.', base: [8, 7, 8], decision: { on: '2025-12-02', recognise: true },
  },
];

/** Nominations of 2025 (beyond LDTT, which every unit proposes for its members rated HTTNV or better). */
/** `citation`: what the certificate prints, as the office words it (the summary stays the dossier's). */
export const DEMO_NOMINATIONS: { subject: string; award: string; by: string; summary: string; citation?: string; criteria: string[] }[] = [
  { subject: 'VC002', award: 'DHTT', by: 'BGH', summary: 'Chỉ đạo sắp xếp bộ máy sau hợp nhất tỉnh; phụ trách Hội đồng sáng kiến', citation: 'Đã có thành tích xuất sắc trong chỉ đạo sắp xếp tổ chức bộ máy sau hợp nhất tỉnh và hoạt động sáng kiến của Trường năm 2025', criteria: ['L1=met:Biên bản đánh giá của Đảng ủy', 'L2=met:Chỉ đạo xây dựng quy trình số hóa hồ sơ', 'L3=met:Nhận xét của chi bộ'] },
  { subject: 'VC017', award: 'DHTT', by: 'KXDD', summary: 'Giảng viên dạy giỏi, chủ trì sáng kiến bài giảng tương tác', citation: 'Đã có thành tích xuất sắc trong giảng dạy lý luận chính trị, đi đầu đổi mới phương pháp với bài giảng tương tác năm 2025', criteria: ['S1=met:Giải Nhất giảng viên dạy giỏi', 'S2=met:Hoàn thành lớp cao cấp lý luận', 'S3=met:Nhận xét của khoa', 'S4=met:Tham gia đủ hoạt động Công đoàn'] },
  { subject: 'VC012', award: 'DHTT', by: 'PQLDT', summary: 'Số hóa hồ sơ học viên, đề xuất tuyển sinh trực tuyến', citation: 'Đã có thành tích xuất sắc trong số hóa hồ sơ học viên và đổi mới công tác tuyển sinh năm 2025', criteria: ['S1=met:Hai sáng kiến được áp dụng', 'S2=met:Hoàn thành bồi dưỡng chuyên viên chính', 'S3=met:Nhận xét của phòng', 'S4=met:Tích cực phong trào Công đoàn'] },
  { subject: 'VC023', award: 'DHTT', by: 'KLLCS', summary: 'Đổi mới đánh giá kết quả học tập; báo cáo tham luận hội thảo cụm', citation: 'Đã có thành tích xuất sắc trong đổi mới kiểm tra, đánh giá kết quả học tập của học viên năm 2025', criteria: ['S1=met:Chủ nhiệm chuyên đề', 'S2=met:Nghiên cứu sinh', 'S3=met:Nhận xét của khoa', 'S4=met:Hiến máu, từ thiện'] },
  // Rated HTNV for the year: the check shows S5 unmet, the dossier is ineligible.
  { subject: 'VC031', award: 'DHTT', by: 'KNNPL', summary: 'Giải Nhì hội diễn văn nghệ Công đoàn khối', criteria: ['S1=met:Nhận xét của khoa', 'S3=met:Nhận xét của khoa', 'S4=met:Giải Nhì hội diễn'] },
  // Sent without evidence for L1 and L3: returned by the council, completed, accepted.
  { subject: 'VC015', award: 'DHTT', by: 'KXDD', summary: 'Trưởng khoa, khoa đạt 100% giờ giảng ứng dụng công nghệ thông tin', citation: 'Đã có thành tích xuất sắc trong lãnh đạo Khoa Xây dựng Đảng ứng dụng công nghệ thông tin vào giảng dạy năm 2025', criteria: ['L2=met:Chỉ đạo ứng dụng bài giảng tương tác'] },
  { subject: 'VC017', award: 'CSTDCS', by: 'KXDD', summary: 'Lao động tiên tiến; sáng kiến bài giảng tương tác được công nhận', citation: 'Đã có sáng kiến “Ứng dụng bài giảng điện tử tương tác trong giảng dạy học phần Xây dựng Đảng” được công nhận và áp dụng hiệu quả năm 2025', criteria: [] },
  { subject: 'VC012', award: 'CSTDCS', by: 'PQLDT', summary: 'Lao động tiên tiến; sáng kiến số hóa hồ sơ học viên được công nhận', citation: 'Đã có sáng kiến “Số hóa quy trình quản lý hồ sơ học viên” được công nhận, giảm 70% thời gian tra cứu năm 2025', criteria: [] },
  { subject: 'VC023', award: 'CSTDCS', by: 'KLLCS', summary: 'Lao động tiên tiến; sáng kiến đổi mới đánh giá học tập được công nhận', citation: 'Đã có sáng kiến “Đổi mới phương pháp đánh giá kết quả học tập theo hướng phát triển năng lực” được công nhận và được 3 khoa áp dụng năm 2025', criteria: [] },
  { subject: 'KXDD', award: 'TTLDXS', by: 'self', summary: 'Khoa dẫn đầu phong trào thi đua dạy tốt, học tốt', citation: 'Đã dẫn đầu phong trào thi đua “Dạy tốt, học tốt” của Trường năm 2025', criteria: ['T1=met:Báo cáo tổng kết năm của khoa', 'T3=met:Không có cá nhân bị kỷ luật'] },
  { subject: 'KLLCS', award: 'TTLDTT', by: 'self', summary: 'Hoàn thành tốt nhiệm vụ giảng dạy, tổ chức hội thảo khoa học', criteria: ['T1=met:Báo cáo tổng kết năm của khoa', 'T3=met:Không có cá nhân bị kỷ luật'] },
];

/** Replication through the year (nhân rộng): the website, the LED screen, the legal day, the cluster. */
export const DEMO_SPREAD: { subject: string; channel: string; date: string; note?: string }[] = [
  { subject: 'VC017', channel: 'website', date: '2025-06-20', note: 'Bài: Người thầy đưa bài giảng tương tác vào lớp học lý luận' },
  { subject: 'VC017', channel: 'led', date: '2025-06-20' },
  { subject: 'KDV', channel: 'ngày pháp luật', date: '2025-08-15', note: 'Sân khấu hóa buổi sinh hoạt Ngày pháp luật tháng 8' },
  { subject: 'VC012', channel: 'cụm thi đua', date: '2025-10-24', note: 'Hội nghị cụm các trường chính trị: tham luận về số hóa hồ sơ học viên' },
  { subject: 'VC012', channel: 'meeting', date: '2025-12-05', note: 'Hội nghị sơ kết thi đua cuối năm' },
];
