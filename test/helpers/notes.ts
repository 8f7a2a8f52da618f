/** The clerk's assessment of 2025, as a --notes file holds it (one heading per section). */
export const NOTES = `# Đánh giá năm 2025

## Ưu điểm

Phong trào thi đua được triển khai đồng bộ ở các khoa, phòng.

- Tỷ lệ đăng ký thi đua đạt 100%.

## Hạn chế

Việc báo cáo tiến độ hằng tháng của một số đơn vị chưa đều.

## Nguyên nhân

Một số đơn vị chưa phân công người theo dõi.

## Phương hướng năm 2026

Duy trì báo cáo tiến độ đúng hạn; nhân rộng các điển hình đã được công nhận.
`;
