-- op-dna-rate {}
-- params: {"from":"2025-04-01","to":"2026-03-31"}
WITH scope AS (
  SELECT 'all' AS period, imd_quintile AS r1, 'All' AS r2, (attendance_status IN ('3', '7')) IS TRUE AS hit
  FROM "outpatients"
  WHERE "appointment_date" >= $from::DATE
    AND "appointment_date" < $to::DATE + 1
    AND (attendance_status IN ('5', '6', '3', '7'))
),
cells AS (
  SELECT 'all' AS period, CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE coalesce(r1::VARCHAR, 'Unknown') END AS g1,
    CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE 'All' END AS g2, GROUPING(r1) <> 0 AS total,
    count(*) FILTER (WHERE hit)::DOUBLE AS numerator, count(*)::DOUBLE AS denominator
  FROM scope
  GROUP BY GROUPING SETS ((r1), ())
)
SELECT * FROM cells ORDER BY period, total DESC, g1, g2
