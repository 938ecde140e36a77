/* test-logs-cli.c: `hub-analytics --logs-summary FILE…` run as a subprocess
 *
 * With no display and no D-Bus session: it must need neither. $HUB_ANALYTICS
 * is the binary under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hub-test-util.h"

/* Runs hub-analytics with args in the folder of the test data; its standard
 * input is the file stdin_path, or the bytes input through a pipe. */
static void
run_logs (HubTestRun         *run,
          const char * const *args,
          const char         *stdin_path,
          GBytes             *input)
{
  g_autofree char *data = g_test_build_filename (G_TEST_DIST, "data", "logs", NULL);

  hub_test_run_binary (run, args, input, stdin_path, data);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "logs", name, NULL);
}

/* What the engine itself makes of the two days, and a newline. */
static char *
expected_summary (void)
{
  g_autofree char *day1 = data_path ("day-1.csv");
  g_autofree char *day2 = data_path ("day-2.jsonl");
  g_autoptr(GFile) f1 = g_file_new_for_path (day1);
  g_autoptr(GFile) f2 = g_file_new_for_path (day2);
  GFile *files[] = { f1, f2 };
  const char *names[] = { day1, day2 };
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_true (hub_log_store_add_files (store, files, names, 2, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  json = hub_log_summary_to_json (store);
  return g_strconcat (json, "\n", NULL);
}

/* Several files, relative to the caller's folder, CSV and gzip-compressed
 * JSON Lines (told by content), in either order: the same one object. */
static void
test_files (void)
{
  const char *args[] = { "--logs-summary", "day-1.csv", "day-2.jsonl-compressed", NULL };
  const char *reversed[] = { "--logs-summary", "day-2.jsonl-compressed", "day-1.csv", NULL };
  g_autofree char *expected = expected_summary ();
  g_auto(HubTestRun) run = { 0 };
  g_auto(HubTestRun) run_reversed = { 0 };

  run_logs (&run, args, NULL, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_true (g_str_has_prefix (run.out, "{\"firstDay\":\"2026-10-01\",\"lastDay\":\"2026-10-02\","
                                            "\"requests\":300,"));

  run_logs (&run_reversed, reversed, NULL, NULL);
  g_assert_cmpint (run_reversed.status, ==, 0);
  g_assert_cmpstr (run_reversed.out, ==, expected);
}

/* `-` reads standard input, a file or a pipe, beside named files. */
static void
test_stdin (void)
{
  const char *args[] = { "--logs-summary", "day-1.csv", "-", NULL };
  g_autofree char *expected = expected_summary ();
  g_autofree char *day2 = data_path ("day-2.jsonl");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) input = NULL;
  gsize len;
  g_auto(HubTestRun) from_file = { 0 };
  g_auto(HubTestRun) from_pipe = { 0 };

  run_logs (&from_file, args, day2, NULL);
  g_assert_cmpint (from_file.status, ==, 0);
  g_assert_cmpstr (from_file.out, ==, expected);

  g_assert_true (g_file_get_contents (day2, &text, &len, NULL));
  input = g_bytes_new (text, len);
  run_logs (&from_pipe, args, NULL, input);
  g_assert_cmpint (from_pipe.status, ==, 0);
  g_assert_cmpstr (from_pipe.out, ==, expected);
}

/* Bad input: the error on stderr with the file and line, nothing on
 * stdout, a non-zero exit. */
static void
test_refused (void)
{
  const char *args[] = { "--logs-summary", "day-1.csv", "-", NULL };
  const char *none[] = { "--logs-summary", NULL };
  const char *missing[] = { "--logs-summary", "no-such-file.csv", NULL };
  g_autoptr(GBytes) input = g_bytes_new_static (
    "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region\n"
    "2026-10-03T00:00:00Z,abc,GET,acme/m,model,,ip,US,\n", 129);
  g_auto(HubTestRun) run = { 0 };
  g_auto(HubTestRun) run_none = { 0 };
  g_auto(HubTestRun) run_missing = { 0 };

  run_logs (&run, args, NULL, input);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "standard input, line 2, column “status”"));

  run_logs (&run_none, none, NULL, NULL);
  g_assert_cmpint (run_none.status, !=, 0);
  g_assert_cmpstr (run_none.out, ==, "");
  g_assert_cmpstr (run_none.err, !=, "");

  run_logs (&run_missing, missing, NULL, NULL);
  g_assert_cmpint (run_missing.status, !=, 0);
  g_assert_cmpstr (run_missing.out, ==, "");
  g_assert_nonnull (strstr (run_missing.err, "no-such-file.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/logs-cli/files", test_files);
  g_test_add_func ("/core/logs-cli/stdin", test_stdin);
  g_test_add_func ("/core/logs-cli/refused", test_refused);

  return g_test_run ();
}
