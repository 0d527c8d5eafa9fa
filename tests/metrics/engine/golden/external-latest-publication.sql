-- smi-health-checks {}
-- params: {"from":"2025-04-01","to":"2026-03-31","indicator":"smi-health-checks","breakdown":"imd_quintile"}
WITH census AS (
  SELECT max(period_start) AS period_start
  FROM aggregate_indicators
  WHERE indicator_id = $indicator AND period_start >= $from::DATE AND period_start < $to::DATE + 1
),
cells AS (
  SELECT 'all' AS period, CASE WHEN breakdown = 'overall' THEN NULL ELSE "group" END AS g1,
    CASE WHEN breakdown = 'overall' THEN NULL ELSE 'All' END AS g2, breakdown = 'overall' AS total,
    numerator, denominator, value, lower, upper, source
  FROM aggregate_indicators
  WHERE indicator_id = $indicator AND period_start IN (SELECT period_start FROM census)
    AND breakdown IN ('overall', $breakdown)
)
SELECT * FROM cells ORDER BY period, total DESC, g1
