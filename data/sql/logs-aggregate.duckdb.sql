-- Hub Analytics: the aggregate of the Hub's request logs, made by DuckDB.
--
-- It writes the CSV that docs/logs-aggregate.md describes, which Hub
-- Analytics opens as it opens raw logs: requests and sessions by (day,
-- repository, country, method, status), and for each row two sketches, of
-- user ids and of anonymous addresses, exactly as the app makes them.
--
-- Parameters, replaced in the text before it runs (build-aux/bench-logs.mjs
-- does it):
--   $logs  the logs: a CSV file, a list or a glob, with the Hub's columns
--   $team  a CSV file with one column `id`: the organisation's own hashed
--          ids, whose lines are left out (a header alone keeps every line)
--   $out   the aggregate CSV to write
--
-- DuckDB's core has no XXH64: ids must be what the Hub sends, hexadecimal
-- digests of at least 16 digits, which hash to their first 16 digits. Any
-- other id stops the query with its value; logs-aggregate.spark.sql handles
-- both kinds.
SET TimeZone = 'UTC';

CREATE TEMP TABLE raw AS
SELECT row_number() OVER () AS seq, *
FROM read_csv($logs, header = true, columns = {
  'timestamp': 'VARCHAR', 'status': 'INTEGER', 'method': 'VARCHAR',
  'repoName': 'VARCHAR', 'repoType': 'VARCHAR', 'hashedUserId': 'VARCHAR',
  'hashedIp': 'VARCHAR', 'country': 'VARCHAR', 'region': 'VARCHAR'});

SELECT CASE WHEN count(*) > 0 THEN error(
  'the id "' || any_value(id) || '" is not a hexadecimal digest of at least 16 digits: '
  || 'use logs-aggregate.spark.sql, which hashes any id with XXH64') END
FROM (SELECT coalesce(hashedUserId, hashedIp) AS id FROM raw)
WHERE id IS NOT NULL AND NOT regexp_full_match(id, '[0-9a-fA-F]{16,}');

CREATE TEMP TABLE lines AS
WITH team AS (
  SELECT DISTINCT lower(substr(id, 1, 16)) AS hx
  FROM read_csv($team, header = true, columns = {'id': 'VARCHAR'})
  WHERE regexp_full_match(id, '[0-9a-fA-F]{16,}'))
SELECT seq, CAST(CAST("timestamp" AS TIMESTAMPTZ) AS DATE) AS day,
       epoch_ms(CAST("timestamp" AS TIMESTAMPTZ)) AS ms,
       status, coalesce(method, '') AS method, repoType, repoName,
       coalesce(upper(country), 'ZZ') AS country,
       hashedUserId IS NOT NULL AS is_user,
       lower(substr(coalesce(hashedUserId, hashedIp), 1, 16)) AS hx
FROM raw
WHERE lower(substr(coalesce(hashedUserId, hashedIp), 1, 16)) NOT IN (SELECT hx FROM team)
   OR coalesce(hashedUserId, hashedIp) IS NULL;

-- A session starts at an identity's first line in a repository and at any
-- line more than 300,000 ms after its previous one (ties in file order);
-- errors count for no one.
CREATE TEMP TABLE people AS
SELECT *, ('0x' || hx)::UBIGINT AS h,
       CASE WHEN lag(ms) OVER w IS NULL OR ms - lag(ms) OVER w > 300000 THEN 1 ELSE 0 END
         AS starts
FROM lines
WHERE hx IS NOT NULL AND status < 400
WINDOW w AS (PARTITION BY hx, repoType, repoName ORDER BY ms, seq);

CREATE TEMP TABLE cells AS
SELECT l.day, l.repoType, l.repoName, l.country, l.method, l.status, count(*) AS requests,
       coalesce(sum(p.starts), 0) AS sessions
FROM lines l LEFT JOIN people p USING (seq)
GROUP BY ALL;

-- Sketches: the hashes themselves while there are at most 2,048 of them
-- (exact), else the registers above zero: the top 14 bits of the hash pick
-- the register, which keeps the largest count of leading zeros of the
-- other 50 bits, plus one.
CREATE TEMP TABLE hashes AS
SELECT DISTINCT day, repoType, repoName, country, method, status, is_user, hx, h
FROM people;

CREATE TEMP TABLE sketches AS
WITH listed AS (
  SELECT day, repoType, repoName, country, method, status, is_user, count(*) AS n,
         string_agg(hx, ';' ORDER BY hx) AS hashes
  FROM hashes GROUP BY ALL),
registers AS (
  SELECT day, repoType, repoName, country, method, status, is_user, h >> 50 AS idx,
         max(CASE WHEN h & 1125899906842623 = 0 THEN 51
                  ELSE 51 - length(bin(h & 1125899906842623)) END) AS r
  FROM hashes GROUP BY ALL),
dense AS (
  SELECT day, repoType, repoName, country, method, status, is_user,
         string_agg(idx || '=' || r, ';' ORDER BY idx) AS registers
  FROM registers GROUP BY ALL)
SELECT day, repoType, repoName, country, method, status, is_user,
       CASE WHEN n <= 2048 THEN 'h:' || hashes ELSE 'r:' || registers END AS text
FROM listed JOIN dense USING (day, repoType, repoName, country, method, status, is_user);

COPY (
  SELECT strftime(c.day, '%Y-%m-%d') AS day, c.repoType, c.repoName, c.country, c.method,
         c.status, c.requests, c.sessions,
         coalesce(u.text, '') AS users, coalesce(a.text, '') AS anonymousIps
  FROM cells c
  LEFT JOIN sketches u ON u.is_user AND (u.day, u.repoType, u.repoName, u.country, u.method, u.status)
    = (c.day, c.repoType, c.repoName, c.country, c.method, c.status)
  LEFT JOIN sketches a ON NOT a.is_user AND (a.day, a.repoType, a.repoName, a.country, a.method, a.status)
    = (c.day, c.repoType, c.repoName, c.country, c.method, c.status)
  ORDER BY day, repoType, repoName, country, method, status
) TO $out (HEADER, DELIMITER ',');
