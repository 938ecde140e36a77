/* test-snapshot-cli.c: `hub-analytics --snapshot NAME…` against the local test Hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fake-hub.h"
#include "hub-cli-snapshot.h"
#include "hub-net.h"

typedef struct
{
  FakeHub *hub;
  char    *data_home;
  char    *history_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->hub = fake_hub_new (NULL);
  f->data_home = g_dir_make_tmp ("hub-snapshot-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->history_path = g_build_filename (f->data_home, "hub-analytics", "history.sqlite3", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fake_hub_remove_tree (f->data_home);
  g_free (f->data_home);
  g_free (f->history_path);
  fake_hub_free (f->hub);
}

/* Runs the app with args; the test Hub answers it from this process. */
static void
run_app (Fixture            *f,
         const char * const *args,
         const char         *token,
         FakeHubRun         *run)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_unsetenv (launcher, "HF_HOME");
  g_subprocess_launcher_setenv (launcher, "HF_TOKEN_PATH", "/nonexistent/hub-analytics/token", TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_ENDPOINT", f->hub->url, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->data_home, TRUE);
  if (token != NULL)
    g_subprocess_launcher_setenv (launcher, "HF_TOKEN", token, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "HF_TOKEN");

  g_ptr_array_add (argv, (char *) g_getenv ("HUB_ANALYTICS"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, fake_hub_run_communicated, run);
  fake_hub_wait (&run->done, 60);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static HubHistory *
open_history (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HubHistory *history = hub_history_open (f->history_path, &error);

  g_assert_no_error (error);
  return history;
}

static guint
n_days (HubHistory *history,
        Fixture    *f,
        const char *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = hub_history_list_days (history, f->hub->url, author, &error);

  g_assert_no_error (error);
  return days->len;
}

/* Two authors, no token: both saved for today, exit 0. */
static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  const char *args[] = { "--snapshot", "open-lab", "rival", NULL };
  g_auto(FakeHubRun) run = { 0 };
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GError) error = NULL;
  HubDay day = HUB_DAY_NONE;

  run_app (f, args, NULL, &run);
  g_assert_cmpint (run.status, ==, HUB_CLI_SNAPSHOT_OK);
  g_assert_nonnull (strstr (run.out, "open-lab"));
  g_assert_nonnull (strstr (run.out, "rival"));
  g_assert_cmpstr (run.err, ==, "");

  history = open_history (f);
  g_assert_cmpuint (n_days (history, f, "open-lab"), ==, 1);
  g_assert_cmpuint (n_days (history, f, "rival"), ==, 1);
  latest = hub_history_load_latest (history, f->hub->url, "open-lab", &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (latest->len, ==, 10);
  g_assert_cmpint (day, ==, hub_history_today ());
}

/* A token adds the private repositories to what the second run saves. */
static void
test_token (Fixture       *f,
                         gconstpointer  data)
{
  const char *args[] = { "--snapshot", "open-lab", NULL };
  g_auto(FakeHubRun) first = { 0 };
  g_auto(FakeHubRun) second = { 0 };
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GError) error = NULL;

  run_app (f, args, NULL, &first);
  g_assert_cmpint (first.status, ==, HUB_CLI_SNAPSHOT_OK);
  run_app (f, args, FAKE_TOKEN, &second);
  g_assert_cmpint (second.status, ==, HUB_CLI_SNAPSHOT_OK);

  history = open_history (f);
  latest = hub_history_load_latest (history, f->hub->url, "open-lab", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (latest->len, ==, 13);
}

/* One author fails: named on stderr, the others still saved, exit 1. */
static void
test_one_fails (Fixture       *f,
                gconstpointer  data)
{
  const char *args[] = { "--snapshot", "pub-500", "open-lab", NULL };
  g_auto(FakeHubRun) run = { 0 };
  g_autoptr(HubHistory) history = NULL;

  run_app (f, args, NULL, &run);
  g_assert_cmpint (run.status, ==, HUB_CLI_SNAPSHOT_FAILED);
  g_assert_nonnull (strstr (run.err, "pub-500"));
  g_assert_null (strstr (run.err, "open-lab"));
  g_assert_nonnull (strstr (run.out, "open-lab"));

  history = open_history (f);
  g_assert_cmpuint (n_days (history, f, "pub-500"), ==, 0);
  g_assert_cmpuint (n_days (history, f, "open-lab"), ==, 1);
}

/* A name the Hub lists nothing for is most likely a typo: no empty
 * snapshot, and an exit code that says so. */
static void
test_nothing_listed (Fixture       *f,
                     gconstpointer  data)
{
  const char *args[] = { "--snapshot", "pub-none", NULL };
  g_auto(FakeHubRun) run = { 0 };
  g_autoptr(HubHistory) history = NULL;

  run_app (f, args, NULL, &run);
  g_assert_cmpint (run.status, ==, HUB_CLI_SNAPSHOT_FAILED);
  g_assert_nonnull (strstr (run.err, "pub-none"));
  history = open_history (f);
  g_assert_cmpuint (n_days (history, f, "pub-none"), ==, 0);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char *none[] = { "--snapshot", NULL };
  const char *bad[] = { "--snapshot", "acme/model", NULL };
  g_auto(FakeHubRun) run = { 0 };
  g_auto(FakeHubRun) again = { 0 };

  run_app (f, none, NULL, &run);
  g_assert_cmpint (run.status, ==, HUB_CLI_SNAPSHOT_USAGE);
  g_assert_nonnull (strstr (run.err, "--snapshot"));
  g_assert_cmpstr (run.out, ==, "");
  run_app (f, bad, NULL, &again);
  g_assert_cmpint (again.status, ==, HUB_CLI_SNAPSHOT_USAGE);
  g_assert_nonnull (strstr (again.err, "acme/model"));
}

/* A damaged history: reported with its path, exit 3, the file untouched. */
static void
test_damaged_history (Fixture       *f,
                      gconstpointer  data)
{
  const char *args[] = { "--snapshot", "open-lab", NULL };
  const char junk[] = "not a database\n";
  g_autofree char *dir = g_path_get_dirname (f->history_path);
  g_autofree char *contents = NULL;
  g_auto(FakeHubRun) run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->history_path, junk, -1, NULL));
  run_app (f, args, NULL, &run);
  g_assert_cmpint (run.status, ==, HUB_CLI_SNAPSHOT_HISTORY);
  g_assert_nonnull (strstr (run.err, f->history_path));
  g_assert_true (g_file_get_contents (f->history_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
  g_assert_cmpuint (fake_hub_hits (f->hub, "/api/models"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/net/snapshot-cli/success", Fixture, NULL, fixture_set_up, test_success,
              fixture_tear_down);
  g_test_add ("/net/snapshot-cli/token", Fixture, NULL, fixture_set_up, test_token,
              fixture_tear_down);
  g_test_add ("/net/snapshot-cli/one-fails", Fixture, NULL, fixture_set_up, test_one_fails,
              fixture_tear_down);
  g_test_add ("/net/snapshot-cli/nothing-listed", Fixture, NULL, fixture_set_up,
              test_nothing_listed, fixture_tear_down);
  g_test_add ("/net/snapshot-cli/usage", Fixture, NULL, fixture_set_up, test_usage,
              fixture_tear_down);
  g_test_add ("/net/snapshot-cli/damaged-history", Fixture, NULL, fixture_set_up,
              test_damaged_history, fixture_tear_down);

  return g_test_run ();
}
