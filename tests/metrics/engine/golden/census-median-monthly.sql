-- rtt-median-wait {"by":"sex","grain":"month"}
-- params: {"from":"2025-04-01","to":"2026-03-31","z":1.9599639845400538}
WITH census AS (
  SELECT max("census_date") AS census_date
  FROM "waiting_list"
  WHERE "census_date" >= $from::DATE AND "census_date" < $to::DATE + 1
  GROUP BY date_trunc('month', "census_date")
),
scope AS (
  SELECT strftime(date_trunc('month', "census_date"), '%Y-%m-%d') AS period, sex AS r1, 'All' AS r2, (days_waited / 7.0)::DOUBLE AS v
  FROM "waiting_list"
  WHERE "census_date" >= $from::DATE
    AND "census_date" < $to::DATE + 1
    AND "census_date" IN (SELECT census_date FROM census)
),
stacked AS (
  SELECT period, coalesce(r1::VARCHAR, 'X') AS g1, 'All' AS g2, v, false AS total FROM scope WHERE v IS NOT NULL
  UNION ALL
  SELECT period, NULL, NULL, v, true FROM scope WHERE v IS NOT NULL
),
ranked AS (
  SELECT *, row_number() OVER w AS k, count(*) OVER (PARTITION BY period, total, g1, g2) AS n
  FROM stacked
  WINDOW w AS (PARTITION BY period, total, g1, g2 ORDER BY v)
),
cells AS (
  SELECT period, g1, g2, NULL::DOUBLE AS numerator, count(*)::DOUBLE AS denominator, total,
    quantile_cont(v, 0.5) AS value,
    max(v) FILTER (WHERE k = greatest(1, floor(n / 2 - $z * sqrt(n) / 2))) AS lower,
    max(v) FILTER (WHERE k = least(n, ceil(1 + n / 2 + $z * sqrt(n) / 2))) AS upper
  FROM ranked
  GROUP BY period, total, g1, g2
)
SELECT * FROM cells ORDER BY period, total DESC, g1, g2
