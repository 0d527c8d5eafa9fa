import { specialtyName } from '../../core/codes/index.ts';
import type { Session } from '../../db/database.ts';

/** Treatment functions with activity in outpatients, admissions or the latest waiting list, busiest first. */
export async function listSpecialties(session: Session) {
  const rows = await session.all<{ code: string; activity: number }>(`
    SELECT code, sum(n)::INTEGER AS activity FROM (
      SELECT treatment_function_code AS code, count(*) AS n FROM outpatients GROUP BY ALL
      UNION ALL SELECT treatment_function_code, count(*) FROM admissions WHERE treatment_function_code IS NOT NULL GROUP BY ALL
      UNION ALL SELECT treatment_function_code, count(*) FROM waiting_list
        WHERE census_date = (SELECT max(census_date) FROM waiting_list) GROUP BY ALL
    ) GROUP BY code ORDER BY activity DESC, code`);
  return rows.map((r) => ({ code: r.code, name: specialtyName(r.code), activity: r.activity }));
}
