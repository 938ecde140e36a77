/* test-cli-options.c: the command line's table, handed a GApplication the
 * way hub-analytics hands it its own
 *
 * The commands that need no display run before the window and return their
 * status; --demo and the files go on to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hub-cli.h"

typedef struct
{
  gboolean open_demo;
  guint    activated;
  guint    opened;
} Run;

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         Run          *run)
{
  return hub_cli_handle_local_options (app, options, NULL, NULL, 0, &run->open_demo);
}

static void
activate_cb (GApplication *app,
             Run          *run)
{
  run->activated++;
}

static void
open_cb (GApplication  *app,
         GFile        **files,
         int            n_files,
         const char    *hint,
         Run           *run)
{
  run->opened += (guint) n_files;
}

/* No application id: nothing of D-Bus, as for a command of the table. */
static int
run_app (Run                *run,
         const char * const *args)
{
  g_autoptr(GApplication) app = g_application_new (NULL, G_APPLICATION_HANDLES_OPEN);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "hub-analytics");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  hub_cli_add_options (app, NULL, 0);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), run);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), run);
  g_signal_connect (app, "open", G_CALLBACK (open_cb), run);
  return g_application_run (app, (int) argv->len - 1, (char **) argv->pdata);
}

static void
test_help (void)
{
  static const char *options[] = { "--summary=FILE", "--logs-summary", "--org=ORG", "--fetch=OUT.csv",
                                   "--snapshot", "--demo", "[FILE" };

  if (g_test_subprocess ())
    {
      Run run = { 0 };
      const char *args[] = { "--help", NULL };

      run_app (&run, args);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*%s*", options[i]);

      g_test_trap_assert_stdout (pattern);
    }
}

/* A command runs, and its status is the process's: the window never comes. */
static void
test_command_before_window (void)
{
  if (g_test_subprocess ())
    {
      Run run = { 0 };
      const char *args[] = { "--logs-summary", NULL };

      g_assert_cmpint (run_app (&run, args), ==, 2);
      g_assert_cmpuint (run.activated, ==, 0);
      g_assert_cmpuint (run.opened, ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("*--logs-summary needs one or more log files*");
}

/* --org alone is --fetch's command, refused as a whole. */
static void
test_fetch_needs_org (void)
{
  if (g_test_subprocess ())
    {
      Run run = { 0 };
      const char *args[] = { "--org", "acme", NULL };

      g_assert_cmpint (run_app (&run, args), ==, 2);
      g_assert_cmpuint (run.activated, ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*--fetch and --org go together*");
}

static void
test_demo (void)
{
  Run run = { 0 };
  const char *args[] = { "--demo", NULL };

  g_assert_cmpint (run_app (&run, args), ==, 0);
  g_assert_true (run.open_demo);
  g_assert_cmpuint (run.activated, ==, 1);
  g_assert_cmpuint (run.opened, ==, 0);
}

static void
test_files (void)
{
  Run run = { 0 };
  const char *args[] = { "one.csv", "two.csv", NULL };

  g_assert_cmpint (run_app (&run, args), ==, 0);
  g_assert_false (run.open_demo);
  g_assert_cmpuint (run.activated, ==, 0);
  g_assert_cmpuint (run.opened, ==, 2);
}

static void
test_nothing (void)
{
  Run run = { 0 };
  const char *args[] = { NULL };

  g_assert_cmpint (run_app (&run, args), ==, 0);
  g_assert_false (run.open_demo);
  g_assert_cmpuint (run.activated, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/options/help", test_help);
  g_test_add_func ("/cli/options/command-before-window", test_command_before_window);
  g_test_add_func ("/cli/options/fetch-needs-org", test_fetch_needs_org);
  g_test_add_func ("/cli/options/demo", test_demo);
  g_test_add_func ("/cli/options/files", test_files);
  g_test_add_func ("/cli/options/nothing", test_nothing);

  return g_test_run ();
}
