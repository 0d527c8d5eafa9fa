-- op-dna-rate {}
-- params: {"from":"2025-04-01","to":"2026-03-31"}
WITH scope AS (
  SELECT 'all' AS period, coalesce(imd_quintile::VARCHAR, 'Unknown') AS g1, 'All' AS g2, (attendance_status IN ('3', '7')) IS TRUE AS hit
  FROM "outpatients"
  WHERE "appointment_date" >= $from::DATE
    AND "appointment_date" < $to::DATE + 1
    AND (attendance_status IN ('5', '6', '3', '7'))
),
cells AS (
  SELECT period, g1, g2, count(*) FILTER (WHERE hit)::DOUBLE AS numerator, count(*)::DOUBLE AS denominator, GROUPING(g1) <> 0 AS total
  FROM scope
  GROUP BY GROUPING SETS ((period, g1, g2), (period))
)
SELECT * FROM cells ORDER BY period, total DESC, g1, g2
