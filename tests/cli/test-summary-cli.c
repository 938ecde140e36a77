/* test-summary-cli.c: `hub-analytics --summary` run as a subprocess
 *
 * With no display and no D-Bus session: it must need neither. $HUB_ANALYTICS
 * is the binary under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hub-parser-private.h"
#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"
#define SAMPLE_JSON "{\"asOf\":\"2021-11-29\",\"allTime\":6529744,\"lastMonth\":28," \
                    "\"previousMonth\":0,\"repos\":2,\"models\":1,\"datasets\":1," \
                    "\"spaces\":0,\"rows\":6}\n"

static void
run_summary (HubTestRun         *run,
             const char * const *args,
             const char         *input,
             const char         *cwd)
{
  g_autoptr(GBytes) in = g_bytes_new_static (input ? input : "", input ? strlen (input) : 0);

  /* Text on its standard input (or none), in the folder cwd (or here). */
  hub_test_run_binary (run, args, in, NULL, cwd);
}

static void
assert_refused (HubTestRun *run,
                const char *fragment)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, fragment));
}

static void
test_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
  const char *args[] = { "--summary", path, NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, SAMPLE_JSON);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_stdin (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
  g_autofree char *text = NULL;
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  run_summary (&run, args, text, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, SAMPLE_JSON);
  g_assert_cmpstr (run.err, ==, "");
}

/* A relative path resolves against the caller's folder. */
static void
test_relative_path (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  const char *args[] = { "--summary", "hub-sample.csv", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, NULL, dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, SAMPLE_JSON);
}

static void
test_header_only (void)
{
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, HEADER, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "{\"asOf\":null,\"allTime\":0,\"lastMonth\":0,\"previousMonth\":0,"
                   "\"repos\":0,\"models\":0,\"datasets\":0,\"spaces\":0,\"rows\":0}\n");
}

/* Merged repeats are a warning on stderr; the JSON is still printed. */
static void
test_warning (void)
{
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, HEADER
               "model,org/a,0,2026-06-01,1\n"
               "model,org/a,0,2026-06-01,2\n"
               "model,org/a,0,2026-06-01T00:00:00Z,3\n", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\"asOf\":\"2026-06-01\",\"allTime\":6,"));
  g_assert_true (g_str_has_suffix (run.out, "\"rows\":3}\n"));
  g_assert_nonnull (strstr (run.err, "2 rows repeated"));
}

static void
test_bad_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hub-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.csv", NULL);
  const char *args[] = { "--summary", path, NULL };
  g_auto(HubTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (path, HEADER
                                      "model,org/a,0,2026-06-01,1\n"
                                      "model,org/a,0,2026-06-02,-1\n", -1, NULL));
  run_summary (&run, args, NULL, NULL);
  assert_refused (&run, "bad.csv, line 3, column “downloads”");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_stdin (void)
{
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, HEADER "model,org/a,0,2026-02-30,1\n", NULL);
  assert_refused (&run, "line 2, column “timestamp”");
}

static void
test_html (void)
{
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, "<!DOCTYPE html>\n<html><body>Sign in</body></html>\n", NULL);
  assert_refused (&run, "web page");
}

static void
test_empty_input (void)
{
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, "", NULL);
  assert_refused (&run, "empty");
}

static void
test_missing_file (void)
{
  const char *args[] = { "--summary", "/nonexistent/breakdown.csv", NULL };
  g_auto(HubTestRun) run = { 0 };

  run_summary (&run, args, NULL, NULL);
  assert_refused (&run, "/nonexistent/breakdown.csv");
}

/* A large file is read on two threads; an error in its second half still
 * names its line in the whole file. */
static void
test_large_file_error (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "model,\"org/quoted\nname\",0,2026-06-01,1\n");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "--summary", NULL, NULL };
  g_auto(HubTestRun) run = { 0 };
  guint lines = 3;

  while (text->len < HUB_PARSER_SPLIT_MIN_SIZE * 3 / 4)
    {
      g_string_append (text, "model,org/a,0,2026-06-01,1\n");
      lines++;
    }
  g_string_append (text, "model,org/a,0,2026-06-01,1.5\n");
  expected = g_strdup_printf ("line %u, column “downloads”", lines + 1);
  while (text->len < HUB_PARSER_SPLIT_MIN_SIZE + 1024)
    g_string_append (text, "model,org/b,0,2026-06-01,1\n");
  path = hub_test_write_temp_file (text->str, text->len);
  args[1] = path;

  run_summary (&run, args, NULL, NULL);
  assert_refused (&run, expected);
  g_unlink (path);
}

/* Standard input redirected from a large file is read as that file, on two
 * threads: the line is still right, and the message names standard input. */
static void
test_large_file_error_stdin (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "model,\"org/quoted\nname\",0,2026-06-01,1\n");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "--summary", "-", NULL };
  g_auto(HubTestRun) run = { 0 };
  guint lines = 3;

  while (text->len < HUB_PARSER_SPLIT_MIN_SIZE * 3 / 4)
    {
      g_string_append (text, "model,org/a,0,2026-06-01,1\n");
      lines++;
    }
  g_string_append (text, "model,org/a,0,2026-06-01,\n");
  expected = g_strdup_printf ("standard input, line %u, column “downloads”", lines + 1);
  while (text->len < HUB_PARSER_SPLIT_MIN_SIZE + 1024)
    g_string_append (text, "model,org/b,0,2026-06-01,1\n");
  path = hub_test_write_temp_file (text->str, text->len);

  hub_test_run_binary (&run, args, NULL, path, NULL);
  assert_refused (&run, expected);
  g_unlink (path);
}

static void
test_large_file (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  const char *args[] = { "--summary", NULL, NULL };
  g_auto(HubTestRun) run = { 0 };
  guint rows = 0;

  while (text->len < HUB_PARSER_SPLIT_MIN_SIZE + 1024)
    {
      g_string_append_printf (text, "model,org/repo-%u,0,2026-06-01,1\n", rows / 1000);
      rows++;
    }
  path = hub_test_write_temp_file (text->str, text->len);
  args[1] = path;

  run_summary (&run, args, NULL, NULL);
  {
      g_autofree char *expected = g_strdup_printf ("{\"asOf\":\"2026-06-01\",\"allTime\":%u,"
                                                   "\"lastMonth\":%u,\"previousMonth\":0,"
                                                   "\"repos\":%u,\"models\":%u,\"datasets\":0,"
                                                   "\"spaces\":0,\"rows\":%u}\n",
                                                   rows, rows, (rows + 999) / 1000,
                                                   (rows + 999) / 1000, rows);

      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, expected);
    }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/summary/file", test_file);
  g_test_add_func ("/core/cli/summary/stdin", test_stdin);
  g_test_add_func ("/core/cli/summary/relative-path", test_relative_path);
  g_test_add_func ("/core/cli/summary/header-only", test_header_only);
  g_test_add_func ("/core/cli/summary/warning", test_warning);
  g_test_add_func ("/core/cli/summary/bad-file", test_bad_file);
  g_test_add_func ("/core/cli/summary/bad-stdin", test_bad_stdin);
  g_test_add_func ("/core/cli/summary/html", test_html);
  g_test_add_func ("/core/cli/summary/empty-input", test_empty_input);
  g_test_add_func ("/core/cli/summary/missing-file", test_missing_file);
  g_test_add_func ("/core/cli/summary/large-file", test_large_file);
  g_test_add_func ("/core/cli/summary/large-file-error", test_large_file_error);
  g_test_add_func ("/core/cli/summary/large-file-error-stdin", test_large_file_error_stdin);

  return g_test_run ();
}
