// Writes a large, realistic outpatients extract with DuckDB itself (fast and deterministic):
// mostly ISO dates with some UK dates, codes with some words, ethnicity with some text labels
// and blanks, real LSOA codes.
import { Database } from '../db/database.ts';
import { literal } from '../db/sql.ts';
import { ensureSchema } from '../db/schema.ts';

export async function makeOutpatientsCsv(path: string, rows: number): Promise<void> {
  const db = await Database.open(':memory:');
  try {
    await ensureSchema(db);
    await db.run(`CREATE TABLE lsoas AS SELECT row_number() OVER (ORDER BY lsoa_code) - 1 AS i, lsoa_code FROM ref_imd2025 WHERE lsoa_code BETWEEN 'E01008881' AND 'E01009520'`);
    const [{ n }] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM lsoas`);
    await db.run(`COPY (
      SELECT 'OP' || lpad(r::VARCHAR, 9, '0') AS appointment_id,
        'P' || lpad((hash(r) % 200000)::VARCHAR, 7, '0') AS patient_id,
        CASE WHEN r % 20 = 0 THEN strftime(DATE '2023-04-01' + (r % 1096)::INTEGER, '%d/%m/%Y')
             ELSE strftime(DATE '2023-04-01' + (r % 1096)::INTEGER, '%Y-%m-%d') END AS appointment_date,
        ['100','101','110','120','130','300','320','330','340','420','502'][(1 + hash(r * 3) % 11)::BIGINT] AS treatment_function_code,
        CASE WHEN r % 97 = 0 THEN 'DNA' ELSE ['5','5','5','5','5','5','6','3','2','4'][(1 + hash(r * 5) % 10)::BIGINT] END AS attendance_status,
        ['1','2','2','2','3','4'][(1 + hash(r * 7) % 6)::BIGINT] AS first_attendance,
        (hash(r * 11) % 95)::VARCHAR AS age,
        ['1','2','1','2','M','F','X'][(1 + hash(r * 13) % 7)::BIGINT] AS sex,
        ['A','A','A','A','B','C','H','J','K','M','N','R','S','Z','99','','White - British','Pakistani'][(1 + hash(r * 17) % 18)::BIGINT] AS ethnic_category,
        l.lsoa_code,
        ['RRK02','RRK97','RRK15'][(1 + hash(r * 19) % 3)::BIGINT] AS site_code
      FROM range(${rows}) t(r) JOIN lsoas l ON l.i = (hash(r * 23) % ${n})::BIGINT
    ) TO ${literal(path)} (HEADER, DELIMITER ',')`);
  } finally {
    db.close();
  }
}
