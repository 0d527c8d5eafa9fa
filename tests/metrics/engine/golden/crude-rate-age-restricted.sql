-- cyp-asthma-emergency {"by":"overall","grain":"quarter"}
-- params: {"from":"2025-04-01","to":"2026-03-31"}
WITH scope AS (
  SELECT strftime(date_trunc('quarter', "admission_date"), '%Y-%m-%d') AS period, 'All' AS r1, 'All' AS r2, least(age // 5, 18) AS b
  FROM "admissions"
  WHERE "admission_date" >= $from::DATE
    AND "admission_date" < $to::DATE + 1
    AND age BETWEEN 0 AND 17
    AND (admission_type = 'emergency' AND left(primary_diagnosis, 3) IN ('J45', 'J46'))
),
events AS (
  SELECT period AS period, 'All' AS g1, 'All' AS g2, false AS total, CASE WHEN b IS NULL THEN 'Unknown' ELSE ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'][b + 1] END AS band, count(*)::DOUBLE AS events
  FROM scope
  GROUP BY period, b
),
periods AS (
  SELECT strftime(m, '%Y-%m-%d') AS period, greatest(m::DATE, $from::DATE) AS ps,
    least((m + INTERVAL 1 QUARTER - INTERVAL 1 DAY)::DATE, $to::DATE) AS pe
  FROM generate_series(date_trunc('quarter', $from::DATE), $to::DATE::TIMESTAMP, INTERVAL 1 QUARTER) AS t(m)
),
exposure AS (
  SELECT p.period, least(greatest(fy, (SELECT min(year) FROM population)), (SELECT max(year) FROM population)) AS year,
    (least(p.pe, make_date(fy + 1, 3, 31)) - greatest(p.ps, make_date(fy, 4, 1)) + 1)
      / (make_date(fy + 1, 4, 1) - make_date(fy, 4, 1)) AS years
  FROM periods p, range(year(p.ps) - 1, year(p.pe) + 1) AS f(fy)
  WHERE least(p.pe, make_date(fy + 1, 3, 31)) >= greatest(p.ps, make_date(fy, 4, 1))
),
single_years AS (
  SELECT year, sex, ethnic_group, imd_quintile, age, population / (hi - lo + 1) AS persons
  FROM (
    SELECT *, unnest(range(lo, hi + 1)) AS age
    FROM (
      SELECT *, CAST(regexp_extract(age_band, '^(\d+)', 1) AS INTEGER) AS lo,
        coalesce(TRY_CAST(regexp_extract(age_band, '-(\d+)$', 1) AS INTEGER), 99) AS hi
      FROM population
    )
  )
),
person_years AS (
  SELECT e.period AS period, 'All' AS g1, 'All' AS g2, CASE WHEN least(age // 5, 18) IS NULL THEN 'Unknown' ELSE ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'][least(age // 5, 18) + 1] END AS band,
    sum(ps.persons * e.years) AS person_years, false AS total
  FROM exposure e JOIN single_years ps ON ps.year = e.year
  WHERE true
    AND age BETWEEN 0 AND 17
  GROUP BY e.period, g1, g2, band
),
cells AS (
  SELECT coalesce(ev.period, py.period) AS period, coalesce(ev.g1, py.g1) AS g1, coalesce(ev.g2, py.g2) AS g2,
    coalesce(ev.total, py.total) AS total, coalesce(ev.band, py.band) AS band,
    coalesce(ev.events, 0) AS events, coalesce(py.person_years, 0) AS person_years, esp.weight AS weight
  FROM events ev
  FULL JOIN person_years py ON ev.period = py.period AND ev.total = py.total AND ev.band = py.band
    AND ev.g1 IS NOT DISTINCT FROM py.g1 AND ev.g2 IS NOT DISTINCT FROM py.g2
  LEFT JOIN ref_esp2013 esp ON esp.age_band = coalesce(ev.band, py.band)
)
SELECT * FROM cells ORDER BY period, total DESC, g1, g2, band
