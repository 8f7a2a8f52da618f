/** Messages of the status commands (Vietnamese and English, same keys). */
export const vi = {
  'help.status': 'Những việc đến hạn hôm nay: đơn vị chưa báo cáo tiến độ, sáng kiến lâu không báo cáo, nhiệm vụ bồi dưỡng quá hạn, đơn sáng kiến quá hạn xét, hồ sơ đề nghị chờ thẩm định.',
  'help.status.example': 'thidua status\nthidua status --today 2026-11-01 --json',
  'status.title': 'Việc cần làm tính đến ngày {date}',
  'status.nothingDue': 'Ngày {date}: không có việc gì đến hạn.',
  'status.section.missingReports': 'Đơn vị chưa báo cáo tiến độ tháng {month} ({count} đơn vị)',
  'status.section.silentInitiatives': 'Sáng kiến, đề tài không báo cáo tiến độ từ hai tháng trở lên ({count})',
  'status.section.overdueFosterTasks': 'Nhiệm vụ bồi dưỡng nhân tố mới quá hạn ({count})',
  'status.col.count': 'Số chưa báo cáo',
  'status.col.codes': 'Sáng kiến, đề tài',
  'status.col.task': 'Nhiệm vụ',
  'status.col.due': 'Hạn',
  'status.col.daysOverdue': 'Quá hạn (ngày)',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {
  'help.status': 'What is due today: units missing progress reports, initiatives silent for long, overdue fostering tasks, initiative applications past their deadline, nomination dossiers awaiting appraisal.',
  'help.status.example': 'thidua status\nthidua status --today 2026-11-01 --json',
  'status.title': 'What is due as of {date}',
  'status.nothingDue': '{date}: nothing is due.',
  'status.section.missingReports': 'Units missing progress reports for {month} ({count} units)',
  'status.section.silentInitiatives': 'Initiatives and topics with no progress report for two months or more ({count})',
  'status.section.overdueFosterTasks': 'Overdue fostering tasks ({count})',
  'status.col.count': 'Not reported',
  'status.col.codes': 'Initiatives / topics',
  'status.col.task': 'Task',
  'status.col.due': 'Due',
  'status.col.daysOverdue': 'Days overdue',
};
