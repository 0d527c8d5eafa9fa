-- op-dna-rate {"by":"ethnic_group","by2":"imd_quintile","specialty":"110"}
-- params: {"from":"2025-04-01","to":"2026-03-31","specialty":"110"}
WITH scope AS (
  SELECT 'all' AS period, ethnic_group AS r1, imd_quintile AS r2, (attendance_status IN ('3', '7')) IS TRUE AS hit
  FROM "outpatients"
  WHERE "appointment_date" >= $from::DATE
    AND "appointment_date" < $to::DATE + 1
    AND treatment_function_code = $specialty
    AND (attendance_status IN ('5', '6', '3', '7'))
),
cells AS (
  SELECT 'all' AS period, CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE coalesce(r1::VARCHAR, 'Missing') END AS g1,
    CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE coalesce(r2::VARCHAR, 'Unknown') END AS g2, GROUPING(r1) <> 0 AS total,
    count(*) FILTER (WHERE hit)::DOUBLE AS numerator, count(*)::DOUBLE AS denominator
  FROM scope
  GROUP BY GROUPING SETS ((r1, r2), ())
)
SELECT * FROM cells ORDER BY period, total DESC, g1, g2
