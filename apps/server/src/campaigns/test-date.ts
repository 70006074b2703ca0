/**
 * Why a test date cannot be set for a subject, or null: the date lies inside the campaign's federal window
 * and no later than the subject's results deadline. One rule for the API, the «from applications» action
 * and the uploaded plan-schedule.
 */
export function testDateProblem(
  testDate: string,
  campaign: { window_start: string; window_end: string },
  subject: { results_deadline: string },
): { field: 'window' | 'deadline'; message: string } | null {
  if (testDate < campaign.window_start || testDate > campaign.window_end) {
    return {
      field: 'window',
      message: `Дата проведения ${testDate} вне федерального окна ${campaign.window_start} — ${campaign.window_end}`,
    };
  }
  if (testDate > subject.results_deadline) {
    return {
      field: 'deadline',
      message: `Дата проведения ${testDate} позже срока загрузки результатов ${subject.results_deadline}`,
    };
  }
  return null;
}
