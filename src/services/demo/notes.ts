/**
 * The demo office's own assessment of 2025, as its clerk writes it for the annual report (`report
 * annual --notes`): the demo writes it to a Markdown file and reads it back through the same path.
 * These are the demo school's words about its own year (its data shows them), not the program's.
 */
export const DEMO_NOTES_FILE = 'danh-gia-nam-2025.md';

export const DEMO_NOTES = `# Đánh giá công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến năm 2025

## Ưu điểm

Kế hoạch phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến được triển khai đến tất cả các khoa, phòng ngay từ đầu năm; việc đăng ký thi đua được thực hiện đầy đủ, đúng thời gian.

Hội đồng sáng kiến xét đơn đúng hạn; nhiều sáng kiến về đổi mới phương pháp giảng dạy, số hóa hồ sơ học viên được công nhận và áp dụng trong toàn trường.

Việc tuyên dương hằng quý được duy trì; các điển hình được giới thiệu trên Cổng thông tin điện tử, màn hình LED, tại Ngày pháp luật và Hội nghị cụm các trường chính trị.

## Hạn chế

Việc báo cáo tiến độ sáng kiến, đề tài hằng tháng chưa đều: Khoa Dân vận nhiều tháng chưa báo cáo.

Một hồ sơ đề nghị điển hình tiên tiến phải trả lại để bổ sung minh chứng.

## Nguyên nhân

Một số đơn vị chưa phân công người theo dõi tiến độ sáng kiến, đề tài.

Việc hướng dẫn chuẩn bị minh chứng cho từng tiêu chí chưa được thực hiện sớm.

## Phương hướng năm 2026

Phân công mỗi khoa, phòng một người theo dõi và báo cáo tiến độ trước ngày 05 hằng tháng.

Hướng dẫn các đơn vị chuẩn bị minh chứng theo từng tiêu chí ngay từ quý I; tiếp tục nhân rộng các điển hình tiên tiến đã được công nhận; chuẩn bị tổng kết giai đoạn 2021–2025 tại Hội nghị viên chức, người lao động năm 2026.
`;
