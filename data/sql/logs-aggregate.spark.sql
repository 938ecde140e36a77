-- Hub Analytics: the aggregate of the Hub's request logs, made by Spark SQL.
--
-- It writes the CSV that docs/logs-aggregate.md describes, which Hub
-- Analytics opens as it opens raw logs: requests and sessions by (day,
-- repository, country, method, status), and for each row two sketches, of
-- user ids and of anonymous addresses, exactly as the app makes them.
--
-- Variables (spark-sql --define NAME=VALUE, or SET NAME=VALUE):
--   logs  a table or view of the logs, with the Hub's columns
--   team  a table or view with one column `id`: the organisation's own
--         hashed ids, whose lines are left out (empty: every line counts)
--   out   the directory to write the aggregate CSV into
--
-- Ids of 16 hexadecimal digits or more hash to their first 16 digits; any
-- other id to xxhash64 (XXH64, seed 42), as unsigned 64-bit numbers held in
-- DECIMAL(20,0).
SET spark.sql.session.timeZone = UTC;

CREATE OR REPLACE TEMPORARY VIEW hub_lines AS
SELECT seq, day, ms, status, method, repoType, repoName, country, is_user, id,
       CASE WHEN id IS NULL THEN NULL
            WHEN id RLIKE '^[0-9a-fA-F]{16,}$'
              THEN CAST(conv(substr(id, 1, 16), 16, 10) AS DECIMAL(20, 0))
            WHEN xxhash64(id) < 0
              THEN CAST(xxhash64(id) AS DECIMAL(20, 0)) + CAST('18446744073709551616' AS DECIMAL(20, 0))
            ELSE CAST(xxhash64(id) AS DECIMAL(20, 0)) END AS h
FROM (
  SELECT monotonically_increasing_id() AS seq,
         to_date(CAST(`timestamp` AS TIMESTAMP)) AS day,
         unix_millis(CAST(`timestamp` AS TIMESTAMP)) AS ms,
         CAST(status AS INT) AS status, coalesce(method, '') AS method, repoType, repoName,
         coalesce(nullif(upper(country), ''), 'ZZ') AS country,
         nullif(hashedUserId, '') IS NOT NULL AS is_user,
         coalesce(nullif(hashedUserId, ''), nullif(hashedIp, '')) AS id
  FROM ${logs});

CREATE OR REPLACE TEMPORARY VIEW hub_team AS
SELECT DISTINCT
  CASE WHEN id RLIKE '^[0-9a-fA-F]{16,}$'
         THEN CAST(conv(substr(id, 1, 16), 16, 10) AS DECIMAL(20, 0))
       WHEN xxhash64(id) < 0
         THEN CAST(xxhash64(id) AS DECIMAL(20, 0)) + CAST('18446744073709551616' AS DECIMAL(20, 0))
       ELSE CAST(xxhash64(id) AS DECIMAL(20, 0)) END AS h
FROM ${team};

CREATE OR REPLACE TEMPORARY VIEW hub_kept AS
SELECT l.* FROM hub_lines l LEFT ANTI JOIN hub_team t ON l.h = t.h;

-- A session starts at an identity's first line in a repository and at any
-- line more than 300,000 ms after its previous one (ties in file order);
-- errors count for no one.
CREATE OR REPLACE TEMPORARY VIEW hub_people AS
SELECT *,
       lower(lpad(conv(CAST(h AS STRING), 10, 16), 16, '0')) AS hx,
       CAST(floor(h / 1125899906842624) AS INT) AS idx,
       CAST(h - floor(h / 1125899906842624) * 1125899906842624 AS BIGINT) AS low,
       CASE WHEN lag(ms) OVER w IS NULL OR ms - lag(ms) OVER w > 300000 THEN 1 ELSE 0 END
         AS starts
FROM hub_kept
WHERE h IS NOT NULL AND status < 400
WINDOW w AS (PARTITION BY h, repoType, repoName ORDER BY ms, seq);

CREATE OR REPLACE TEMPORARY VIEW hub_cells AS
SELECT k.day, k.repoType, k.repoName, k.country, k.method, k.status, count(*) AS requests,
       coalesce(sum(p.starts), 0) AS sessions
FROM hub_kept k LEFT JOIN hub_people p ON k.seq = p.seq
GROUP BY k.day, k.repoType, k.repoName, k.country, k.method, k.status;

-- Sketches: the hashes themselves while there are at most 2,048 of them
-- (exact), else the registers above zero: the top 14 bits pick the
-- register, which keeps the largest count of leading zeros of the other 50
-- bits, plus one.
CREATE OR REPLACE TEMPORARY VIEW hub_hashes AS
SELECT DISTINCT day, repoType, repoName, country, method, status, is_user, hx, idx,
       CASE WHEN low = 0 THEN 51 ELSE 51 - length(bin(low)) END AS rank
FROM hub_people;

CREATE OR REPLACE TEMPORARY VIEW hub_sketches AS
SELECT l.day, l.repoType, l.repoName, l.country, l.method, l.status, l.is_user,
       CASE WHEN l.n <= 2048 THEN concat('h:', l.hashes) ELSE concat('r:', d.registers) END AS text
FROM (SELECT day, repoType, repoName, country, method, status, is_user, count(*) AS n,
             concat_ws(';', array_sort(collect_list(hx))) AS hashes
      FROM hub_hashes GROUP BY day, repoType, repoName, country, method, status, is_user) l
JOIN (SELECT day, repoType, repoName, country, method, status, is_user,
             concat_ws(';', transform(array_sort(collect_list(struct(idx, r))),
                                      x -> concat(x.idx, '=', x.r))) AS registers
      FROM (SELECT day, repoType, repoName, country, method, status, is_user, idx,
                   max(rank) AS r
            FROM hub_hashes
            GROUP BY day, repoType, repoName, country, method, status, is_user, idx)
      GROUP BY day, repoType, repoName, country, method, status, is_user) d
  ON l.day = d.day AND l.repoType = d.repoType AND l.repoName = d.repoName
 AND l.country = d.country AND l.method = d.method AND l.status <=> d.status
 AND l.is_user = d.is_user;

INSERT OVERWRITE DIRECTORY '${out}' USING csv OPTIONS (header 'true', emptyValue '')
SELECT date_format(c.day, 'yyyy-MM-dd') AS day, c.repoType, c.repoName, c.country, c.method,
       c.status, c.requests, c.sessions,
       coalesce(u.text, '') AS users, coalesce(a.text, '') AS anonymousIps
FROM hub_cells c
LEFT JOIN hub_sketches u
  ON u.is_user AND u.day = c.day AND u.repoType = c.repoType AND u.repoName = c.repoName
 AND u.country = c.country AND u.method = c.method AND u.status <=> c.status
LEFT JOIN hub_sketches a
  ON NOT a.is_user AND a.day = c.day AND a.repoType = c.repoType AND a.repoName = c.repoName
 AND a.country = c.country AND a.method = c.method AND a.status <=> c.status;
