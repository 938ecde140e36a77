/* test-report-cli.c: `hub-analytics --report` run as a subprocess
 *
 * The report draws its chart with GTK, so it runs on the test's display;
 * without one it says so. $HUB_ANALYTICS is the binary under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hub-test-util.h"

/* The binary with args, on this test's display (keep_display) or none. */
static void
run_report (HubTestRun         *run,
            const char * const *args,
            gboolean            keep_display)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (!keep_display)
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
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  run->out = hub_test_bytes_to_string (out);
  run->err = hub_test_bytes_to_string (err);
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

  return g_test_run ();
}
