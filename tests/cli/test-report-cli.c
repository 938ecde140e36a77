/* test-report-cli.c: `hub-analytics --report` run as a subprocess
 *
 * The report draws its chart with GTK, so it runs on the test's display;
 * without one it says so. $HUB_ANALYTICS is the binary under test. With
 * --org, it reads the cache of a temporary XDG_CACHE_HOME that the test
 * fills as the window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hub-net.h"
#include "hub-test-util.h"

#define ENDPOINT "https://hub.example"

/* The binary with args, on this test's display (keep_display) or none;
 * cache_home (may be NULL) is its XDG_CACHE_HOME and XDG_DATA_HOME, and
 * the Hub is ENDPOINT. */
static void
run_report_in (HubTestRun         *run,
               const char * const *args,
               gboolean            keep_display,
               const char         *cache_home)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (!keep_display && cache_home == NULL)
    {
      hub_test_run_binary (run, args, NULL, NULL, NULL);
      return;
    }
  g_ptr_array_add (argv, (char *) g_getenv ("HUB_ANALYTICS"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_ENDPOINT", ENDPOINT, TRUE);
  /* The cache and the history (its notes) in one temporary home. */
  if (cache_home != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", cache_home, TRUE);
    }
  if (!keep_display)
    {
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  run->out = hub_test_bytes_to_string (out);
  run->err = hub_test_bytes_to_string (err);
}

static void
run_report (HubTestRun         *run,
            const char * const *args,
            gboolean            keep_display)
{
  run_report_in (run, args, keep_display, NULL);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
}

/* A PDF of the sample for a month, compared with a year earlier. */
static void
test_pdf (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("hub-report-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "monthly.pdf", NULL);
  g_autofree char *pdf = NULL;
  gsize len = 0;
  g_auto(HubTestRun) run = { 0 };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display to draw the report's chart on");
      return;
    }
  run_report (&run, (const char *[]) { "--report", out, "--range", "30-days",
                                       "--compare", "year", sample, NULL }, TRUE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &pdf, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_remove (out);
  g_rmdir (dir);
}

/* Refusals name what is wrong, print nothing on stdout and write nothing. */
static void
test_refused (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("hub-report-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "weekly.pdf", NULL);
  struct {
    const char *args[6];
    int         status;
    const char *says;
  } cases[] = {
    { { "--report", out, "--range", "fortnight", sample, NULL }, 2, "Unknown range" },
    { { "--report", out, "--compare", "decade", sample, NULL }, 2, "Unknown range or comparison" },
    { { "--report", "weekly.txt", sample, NULL }, 2, "ending in .pdf or .png" },
    { { "--report", out, NULL }, 2, "needs a breakdown file" },
    { { "--range", "7-days", sample, NULL }, 2, "needs a breakdown file" },
    /* No display: the chart cannot be drawn. */
    { { "--report", out, sample, NULL }, 1, "needs a display" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(HubTestRun) run = { 0 };

      hub_test_run_binary (&run, cases[i].args, NULL, NULL, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* A cache as the window leaves it: the sample saved for ORG on ENDPOINT,
 * in cache_home/hub-analytics. */
static void
save_cache (const char *cache_home,
            const char *org)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_build_filename (cache_home, "hub-analytics", NULL);
  g_autoptr(HubCache) cache = hub_cache_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_dataset_load_file (sample, sample, NULL, NULL, &error);
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 11, 22, 6, 0, 0);

  g_assert_no_error (error);
  g_assert_true (hub_cache_save_dataset (cache, ENDPOINT, org, dataset, fetched, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
has_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return TRUE;
  g_test_skip ("no display to draw the report's chart on");
  return FALSE;
}

/* --org ORG --report: the report of ORG's cached breakdown is the report of
 * the same breakdown from its file, pixel for pixel, the organisation's
 * name for the file's; a PDF too, whose text names the organisation. */
static void
test_org_cache (void)
{
  g_autofree char *home = g_dir_make_tmp ("hub-report-cache-XXXXXX", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hub-report-XXXXXX", NULL);
  g_autofree char *sample = sample_path ();
  g_autofree char *from_cache = g_build_filename (dir, "cache.png", NULL);
  g_autofree char *from_file = g_build_filename (dir, "file.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "weekly.pdf", NULL);
  g_autofree char *png_a = NULL;
  g_autofree char *png_b = NULL;
  gsize len_a = 0, len_b = 0;
  g_autoptr(GError) error = NULL;

  if (!has_display ())
    return;
  /* The sample's file is hub-sample.csv: its report is titled hub-sample. */
  save_cache (home, "hub-sample");
  {
    g_auto(HubTestRun) run = { 0 };

    run_report_in (&run, (const char *[]) { "--org", "hub-sample", "--report", from_cache,
                                            "--range", "30-days", NULL }, TRUE, home);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(HubTestRun) run = { 0 };

    run_report_in (&run, (const char *[]) { "--report", from_file, "--range", "30-days", sample,
                                            NULL }, TRUE, home);
    g_assert_cmpint (run.status, ==, 0);
  }
  /* cairo writes the same pixels into the same PNG bytes. */
  g_assert_true (g_file_get_contents (from_cache, &png_a, &len_a, &error));
  g_assert_true (g_file_get_contents (from_file, &png_b, &len_b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len_a, >, 24);
  g_assert_cmpmem (png_a, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR's width: A4's 595 points at two pixels a point. */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (png_a + 16)), ==, 595 * 2);
  g_assert_cmpmem (png_a, len_a, png_b, len_b);

  /* A PDF, compared with a year earlier; its text says whose it is, and
   * the note the app keeps of the organisation in the range. */
  save_cache (home, "acme");
  {
    g_autofree char *path = g_build_filename (home, "hub-analytics", "history.sqlite3", NULL);
    g_autoptr(HubHistory) history = hub_history_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (hub_history_add_note (history, "org:acme", NULL, NULL, hub_test_day ("2021-11-27"),
                                           "Version 2 released", &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_auto(HubTestRun) run = { 0 };
    g_autofree char *text = NULL;
    g_autofree char *standard_error = NULL;
    int status = -1;

    run_report_in (&run, (const char *[]) { "--org", "acme", "--report", pdf, "--compare", "year",
                                            NULL }, TRUE, home);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char *[]) { "pdftotext", pdf, "-", NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &standard_error, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "acme"));
    g_assert_nonnull (strstr (text, "a year earlier"));
    g_assert_nonnull (strstr (text, "Version 2 released"));
  }
  g_remove (from_cache);
  g_remove (from_file);
  g_remove (pdf);
  g_rmdir (dir);
  remove_tree (home);
}

/* An organisation the cache has nothing of: said on stderr, exit 1, no
 * file, with or without a display (the data is looked for first). */
static void
test_org_missing (void)
{
  g_autofree char *home = g_dir_make_tmp ("hub-report-cache-XXXXXX", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hub-report-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "weekly.pdf", NULL);

  save_cache (home, "acme");
  for (guint display = 0; display < 2; display++)
    {
      g_auto(HubTestRun) run = { 0 };

      if (display == 1 && g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
        break;
      run_report_in (&run, (const char *[]) { "--org", "umbrella", "--report", out, NULL },
                     display == 1, home);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "No downloads of umbrella from " ENDPOINT " are saved"));
      g_assert_nonnull (strstr (run.err, "--org umbrella --fetch"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  /* A report makes no history where the app kept none. */
  {
    g_autofree char *history = g_build_filename (home, "hub-analytics", "history.sqlite3", NULL);

    g_assert_false (g_file_test (history, G_FILE_TEST_EXISTS));
  }

  /* --org and a file at once, or an empty name: which is meant is unclear. */
  {
    g_autofree char *sample = sample_path ();
    g_auto(HubTestRun) both = { 0 };
    g_auto(HubTestRun) empty = { 0 };

    run_report_in (&both, (const char *[]) { "--org", "acme", "--report", out, sample, NULL },
                   FALSE, home);
    g_assert_cmpint (both.status, ==, 2);
    g_assert_nonnull (strstr (both.err, "needs a breakdown file or --org ORG"));
    run_report_in (&empty, (const char *[]) { "--org", "", "--report", out, NULL }, FALSE, home);
    g_assert_cmpint (empty.status, ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  g_rmdir (dir);
  remove_tree (home);
}

/* --help lists the report's options beside the others. */
static void
test_help (void)
{
  g_auto(HubTestRun) run = { 0 };

  hub_test_run_binary (&run, (const char *[]) { "--help", NULL }, NULL, NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--report=OUT.pdf"));
  g_assert_nonnull (strstr (run.out, "--range=RANGE"));
  g_assert_nonnull (strstr (run.out, "--compare=WITH"));
  g_assert_nonnull (strstr (run.out, "--summary=FILE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/report/pdf", test_pdf);
  g_test_add_func ("/cli/report/refused", test_refused);
  g_test_add_func ("/cli/report/help", test_help);
  g_test_add_func ("/cli/report/org-cache", test_org_cache);
  g_test_add_func ("/cli/report/org-missing", test_org_missing);

  return g_test_run ();
}
