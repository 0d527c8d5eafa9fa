-- elective-admission-rate {"by":"ethnic_group"}
-- params: {"from":"2025-04-01","to":"2026-03-31"}
WITH scope AS (
  SELECT 'all' AS period, ethnic_group AS r1, 'All' AS r2, least(age // 5, 18) AS b
  FROM "admissions"
  WHERE "admission_date" >= $from::DATE
    AND "admission_date" < $to::DATE + 1
    AND (admission_type = 'elective')
),
events AS (
  SELECT 'all' AS period, CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE coalesce(r1::VARCHAR, 'Missing') END AS g1,
    CASE WHEN GROUPING(r1) <> 0 THEN NULL ELSE 'All' END AS g2, GROUPING(r1) <> 0 AS total, CASE WHEN b IS NULL THEN 'Unknown' ELSE ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'][b + 1] END AS band, count(*)::DOUBLE AS events
  FROM scope
  GROUP BY GROUPING SETS ((b, r1), (b))
),
periods AS (
  SELECT 'all' AS period, $from::DATE AS ps, $to::DATE AS pe
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
  SELECT e.period AS period, coalesce(ethnic_group::VARCHAR, 'Missing') AS g1, 'All' AS g2, CASE WHEN least(age // 5, 18) IS NULL THEN 'Unknown' ELSE ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'][least(age // 5, 18) + 1] END AS band,
    sum(ps.persons * e.years) AS person_years, GROUPING(g1) <> 0 AS total
  FROM exposure e JOIN single_years ps ON ps.year = e.year
  WHERE true
  GROUP BY GROUPING SETS ((e.period, g1, g2, band), (e.period, band))
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
