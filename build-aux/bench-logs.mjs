// The peer of `hub-analytics --logs-summary` in build-aux/bench-logs.sh:
// DuckDB (its npm package, a development dependency only) doing the same
// work in one scan of the raw logs, on 2 threads: requests and approximate
// unique identities for the whole file, by repository, by country, by
// method and by status.
//
//   node bench-logs.mjs LOGS.csv          prints the figures as JSON
//   node bench-logs.mjs --sql FILE.sql LOGS.csv OUT.csv [TEAM.csv]
//                                         runs the aggregate SQL of data/sql
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const quote = (s) => `'${s.replaceAll("'", "''")}'`;

async function connect() {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  return instance.connect();
}

async function summary(logs) {
  const connection = await connect();
  const reader = await connection.runAndReadAll(`
    WITH lines AS (
      SELECT repoType, repoName, method, status, coalesce(nullif(country, ''), 'ZZ') AS country,
             CASE WHEN status < 400 THEN coalesce(nullif(hashedUserId, ''), nullif(hashedIp, ''))
             END AS identity
      FROM read_csv(${quote(logs)}, header = true, columns = {
        'timestamp': 'VARCHAR', 'status': 'INTEGER', 'method': 'VARCHAR',
        'repoName': 'VARCHAR', 'repoType': 'VARCHAR', 'hashedUserId': 'VARCHAR',
        'hashedIp': 'VARCHAR', 'country': 'VARCHAR', 'region': 'VARCHAR'}))
    SELECT repoType, repoName, country, method, status, count(*) AS requests,
           approx_count_distinct(identity) AS uniques
    FROM lines
    GROUP BY GROUPING SETS ((), (repoType, repoName), (country), (method), (status))`);
  const rows = reader.getRowObjectsJS();
  const total = rows.find((r) => r.repoName === null && r.country === null &&
                                 r.method === null && r.status === null);
  console.log(JSON.stringify({ requests: Number(total.requests), uniques: Number(total.uniques),
                               groups: rows.length }));
}

async function aggregate(sqlFile, logs, out, team) {
  const connection = await connect();
  let sql = readFileSync(sqlFile, 'utf8');

  // No team: a list of no ids.
  if (!team) {
    team = join(mkdtempSync(join(tmpdir(), 'hub-analytics-team-')), 'team.csv');
    writeFileSync(team, 'id\n');
  }
  sql = sql.replaceAll('$logs', quote(logs)).replaceAll('$out', quote(out))
           .replaceAll('$team', quote(team));
  await connection.run(sql);
}

const args = process.argv.slice(2);
if (args[0] === '--sql')
  await aggregate(args[1], args[2], args[3], args[4]);
else
  await summary(args[0]);
