/** The demonstration school: a provincial political school with its units and staff (fictional people). */

export const DEMO_PROFILES = [
  {
    from: null,
    name: 'TRƯỜNG CHÍNH TRỊ',
    fullName: 'Trường Chính trị tỉnh Bình Phước',
    parentBody: 'TỈNH ỦY BÌNH PHƯỚC',
    symbol: 'TCT',
    place: 'Bình Phước',
    headTitle: 'Hiệu trưởng',
    headName: 'Trần Văn Thịnh',
    style: 'state',
  },
  // Bình Phước merged into Đồng Nai on 2025-07-01: documents from that day carry the new identity, and the
  // school works under the decision of the new province on its functions and tasks.
  {
    from: '2025-07-01', parentBody: 'TỈNH ỦY ĐỒNG NAI', fullName: 'Trường Chính trị tỉnh Đồng Nai', place: 'Đồng Nai',
    competence: 'Quyết định số 25-QĐ/TU ngày 01/7/2025 của Ban Thường vụ Tỉnh ủy Đồng Nai về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Đồng Nai',
  },
] as const;

/**
 * The school's basis documents, entered once at the start of the year (`org set --competence …`): its
 * decisions cite them, the head of the office in charge of emulation work executes them.
 */
export const DEMO_BASIS = {
  from: '2025-01-02',
  competence: 'Quyết định số 1234-QĐ/TU ngày 05/3/2020 của Ban Thường vụ Tỉnh ủy Bình Phước về chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của Trường Chính trị tỉnh Bình Phước',
  regulation: 'Quyết định số 45/QĐ-TCT ngày 10/01/2024 của Hiệu trưởng Trường Chính trị tỉnh Bình Phước ban hành Quy chế thi đua, khen thưởng của Trường',
  plan: 'Kế hoạch số 12/KH-TCT ngày 15/3/2021 của Trường Chính trị tỉnh Bình Phước về phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021–2025',
  office: 'PTCHC',
  recipients: ['Ban Giám hiệu', 'Ban Chấp hành Công đoàn Trường'],
};

export const DEMO_UNITS: [code: string, name: string, kind: string][] = [
  ['BGH', 'Ban Giám hiệu', 'other'],
  ['PTCHC', 'Phòng Tổ chức – Hành chính', 'office'],
  ['PQLDT', 'Phòng Quản lý đào tạo và Nghiên cứu khoa học', 'office'],
  ['KXDD', 'Khoa Xây dựng Đảng', 'faculty'],
  ['KLLCS', 'Khoa Lý luận cơ sở', 'faculty'],
  ['KNNPL', 'Khoa Nhà nước và Pháp luật', 'faculty'],
  ['KDV', 'Khoa Dân vận', 'faculty'],
];

/** code, name, unit, category, position, party member, gender, born (dd/mm/yyyy, as clerks type it) */
export const DEMO_PEOPLE: [string, string, string, string, string, string, string, string][] = [
  ['VC001', 'Trần Văn Thịnh', 'BGH', 'Lãnh đạo', 'Hiệu trưởng', 'x', 'Nam', '12/03/1968'],
  ['VC002', 'Nguyễn Thị Hồng Nhung', 'BGH', 'Lãnh đạo', 'Phó Hiệu trưởng', 'x', 'Nữ', '05/09/1972'],
  ['VC003', 'Lê Quang Vinh', 'BGH', 'Lãnh đạo', 'Phó Hiệu trưởng', 'x', 'Nam', '21/11/1970'],
  ['VC004', 'Phạm Thị Thu Hà', 'PTCHC', 'Lãnh đạo', 'Trưởng phòng', 'x', 'Nữ', '14/02/1978'],
  ['VC005', 'Đỗ Minh Tuấn', 'PTCHC', 'Lãnh đạo', 'Phó Trưởng phòng', 'x', 'Nam', '30/06/1982'],
  ['VC006', 'Huỳnh Thị Mỹ Duyên', 'PTCHC', 'Viên chức', 'Chuyên viên', 'x', 'Nữ', '08/08/1988'],
  ['VC007', 'Võ Thanh Tùng', 'PTCHC', 'Viên chức', 'Kế toán', '', 'Nam', '17/01/1990'],
  ['VC008', 'Bùi Thị Ngọc Ánh', 'PTCHC', 'Viên chức', 'Văn thư', '', 'Nữ', '25/12/1993'],
  ['VC009', 'Đặng Văn Lực', 'PTCHC', 'Viên chức', 'Nhân viên lái xe', '', 'Nam', '03/04/1985'],
  ['VC010', 'Ngô Thị Kim Oanh', 'PQLDT', 'Lãnh đạo', 'Trưởng phòng', 'x', 'Nữ', '19/05/1976'],
  ['VC011', 'Trương Công Định', 'PQLDT', 'Lãnh đạo', 'Phó Trưởng phòng', 'x', 'Nam', '11/10/1980'],
  ['VC012', 'Lý Thị Bích Trâm', 'PQLDT', 'Viên chức', 'Chuyên viên', 'x', 'Nữ', '29/07/1989'],
  ['VC013', 'Phan Đức Anh', 'PQLDT', 'Viên chức', 'Chuyên viên', '', 'Nam', '02/02/1994'],
  ['VC014', 'Hoàng Thị Lan', 'PQLDT', 'Viên chức', 'Thư viện viên', '', 'Nữ', '16/03/1991'],
  ['VC015', 'Nguyễn Văn Khánh', 'KXDD', 'Lãnh đạo', 'Trưởng khoa', 'x', 'Nam', '07/07/1974'],
  ['VC016', 'Trần Thị Thanh Thủy', 'KXDD', 'Lãnh đạo', 'Phó Trưởng khoa', 'x', 'Nữ', '22/09/1981'],
  ['VC017', 'Lê Hoàng Phúc', 'KXDD', 'Viên chức', 'Giảng viên chính', 'x', 'Nam', '13/12/1983'],
  ['VC018', 'Đinh Thị Ngọc Hân', 'KXDD', 'Viên chức', 'Giảng viên', 'x', 'Nữ', '04/06/1990'],
  ['VC019', 'Châu Minh Quân', 'KXDD', 'Viên chức', 'Giảng viên', 'x', 'Nam', '27/04/1992'],
  ['VC020', 'Nguyễn Thị Ái Vân', 'KXDD', 'Viên chức', 'Giảng viên', '', 'Nữ', '09/11/1995'],
  ['VC021', 'Phạm Văn Đức', 'KLLCS', 'Lãnh đạo', 'Trưởng khoa', 'x', 'Nam', '18/08/1973'],
  ['VC022', 'Vũ Thị Hương', 'KLLCS', 'Lãnh đạo', 'Phó Trưởng khoa', 'x', 'Nữ', '01/01/1980'],
  ['VC023', 'Tạ Quốc Bảo', 'KLLCS', 'Viên chức', 'Giảng viên chính', 'x', 'Nam', '20/02/1984'],
  ['VC024', 'Mai Thị Yến', 'KLLCS', 'Viên chức', 'Giảng viên', 'x', 'Nữ', '12/12/1987'],
  ['VC025', 'Lâm Chí Thanh', 'KLLCS', 'Viên chức', 'Giảng viên', '', 'Nam', '06/05/1993'],
  ['VC026', 'Đoàn Thị Cẩm Tú', 'KLLCS', 'Viên chức', 'Giảng viên', 'x', 'Nữ', '23/10/1991'],
  ['VC027', 'Hồ Văn Sơn', 'KNNPL', 'Lãnh đạo', 'Trưởng khoa', 'x', 'Nam', '15/04/1975'],
  ['VC028', 'Nguyễn Ngọc Bảo Châu', 'KNNPL', 'Viên chức', 'Giảng viên chính', 'x', 'Nữ', '28/02/1985'],
  ['VC029', 'Dương Thế Hiển', 'KNNPL', 'Viên chức', 'Giảng viên', 'x', 'Nam', '10/09/1989'],
  ['VC030', 'Kiều Thị Phương Thảo', 'KNNPL', 'Viên chức', 'Giảng viên', '', 'Nữ', '31/03/1994'],
  ['VC031', 'Tô Minh Nhật', 'KNNPL', 'Viên chức', 'Giảng viên', '', 'Nam', '19/06/1996'],
  ['VC032', 'Lương Văn Hải', 'KDV', 'Lãnh đạo', 'Trưởng khoa', 'x', 'Nam', '24/12/1977'],
  ['VC033', 'Cao Thị Diễm My', 'KDV', 'Lãnh đạo', 'Phó Trưởng khoa', 'x', 'Nữ', '11/11/1983'],
  ['VC034', 'Thái Văn Ân', 'KDV', 'Viên chức', 'Giảng viên', 'x', 'Nam', '05/05/1988'],
  ['VC035', 'Quách Thị Ngọc Ý', 'KDV', 'Viên chức', 'Giảng viên', '', 'Nữ', '14/07/1992'],
  ['VC036', 'Âu Dương Khải', 'KDV', 'Viên chức', 'Giảng viên', '', 'Nam', '08/01/1997'],
];
