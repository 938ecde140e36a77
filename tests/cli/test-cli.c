/* test-cli.c: `hub-analytics --org ORG --fetch OUT.csv`, the real binary
 * against a SoupServer that plays the Hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "fake-hub.h"
#include "hub-cli-fetch.h"
#include "hub-net.h"

typedef struct
{
  FakeHub *hub;
  char    *dir;
  char    *out;
  char    *cache_dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hub = fake_hub_new (NULL);
  f->dir = g_dir_make_tmp ("hub-cli-XXXXXX", NULL);
  f->out = g_build_filename (f->dir, "out.csv", NULL);
  f->cache_dir = g_build_filename (f->dir, "cache", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_false (f->hub->token_leaked);
  g_assert_false (f->hub->bad_agent);
  fake_hub_free (f->hub);
  fake_hub_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->cache_dir);
}

/* Runs the binary with a clean token environment plus env (NAME=VALUE, …). */
static FakeHubRun
run_fetch (Fixture     *f,
           const char  *org,
           const char  *const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  FakeHubRun run = { 0 };

  g_subprocess_launcher_unsetenv (launcher, "HF_TOKEN");
  g_subprocess_launcher_unsetenv (launcher, "HF_HOME");
  g_subprocess_launcher_setenv (launcher, "HF_TOKEN_PATH", "/nonexistent/hub-analytics/token", TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_ENDPOINT", f->hub->url, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "hub-net", TRUE);
  for (guint i = 0; env && env[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  child = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("HUB_ANALYTICS"),
                                       "--org", org, "--fetch", f->out, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, fake_hub_run_communicated, &run);
  fake_hub_wait (&run.done, 60);
  g_test_message ("exit %d, stderr: %s", run.status, run.err);
  g_assert_null (strstr (run.err, FAKE_TOKEN));
  g_assert_null (strstr (run.out, FAKE_TOKEN));
  return run;
}

static const char *const with_token[] = { "HF_TOKEN=" FAKE_TOKEN, NULL };

static char *
cache_path (Fixture    *f,
            const char *org)
{
  g_autofree char *dir = g_build_filename (f->cache_dir, "hub-analytics", NULL);
  g_autoptr(HubCache) cache = hub_cache_new (dir);

  return hub_cache_get_dataset_path (cache, f->hub->url, org);
}

static void
assert_only_out (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  /* No temporary file left beside OUT.csv. */
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "out.csv") || g_str_equal (name, "cache"));
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  FakeHubRun run = run_fetch (f, "chunked", with_token);
  g_autofree char *contents = NULL;
  g_autofree char *cached = cache_path (f, "chunked");
  g_autoptr(GError) error = NULL;
  gsize len;
  GStatBuf st;

  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_OK);
  g_assert_null (strstr (run.out, "repoType"));  /* stdout carries only debug lines */
  g_file_get_contents (f->out, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (f->hub->breakdown, NULL),
                   g_bytes_get_size (f->hub->breakdown));
  assert_only_out (f);

  /* The fetch is cached, privately. */
  g_assert_cmpint (g_stat (cached, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  fake_hub_run_clear (&run);
}

typedef struct
{
  const char *org;
  int         status;
  const char *message;
} Failure;

/* A failed fetch keeps OUT.csv and the cache as they were, byte for byte. */
static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  const Failure *failure = data;
  g_autofree char *cached = cache_path (f, "acme");
  g_autofree char *cache_before = NULL;
  g_autofree char *cache_after = NULL;
  g_autofree char *out_after = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_len, after_len;
  FakeHubRun first, run;

  first = run_fetch (f, "acme", with_token);
  g_assert_cmpint (first.status, ==, 0);
  fake_hub_run_clear (&first);
  g_file_get_contents (cached, &cache_before, &before_len, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->out, "old contents\n", -1, &error);
  g_assert_no_error (error);

  f->hub->mode = failure->org;
  run = run_fetch (f, "acme", with_token);
  g_assert_cmpint (run.status, ==, failure->status);
  g_assert_nonnull (strstr (run.err, failure->message));
  /* A cut transfer reads as a short Content-Length body does, whatever its
   * framing: the same words, and nothing changed. */
  if (g_str_equal (failure->message, "dropped after"))
    {
      g_autofree char *expected = g_strdup_printf ("*hub-analytics: The connection to %s dropped "
                                                   "after * of the download breakdown of acme. "
                                                   "Nothing was changed; try again.\n",
                                                   f->hub->url + strlen ("http://"));

      g_assert_true (g_pattern_match_simple (expected, run.err));
    }
  g_assert_true (g_str_has_prefix (run.err, "hub-analytics: ") || strstr (run.err, "\nhub-analytics: "));

  g_file_get_contents (f->out, &out_after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out_after, ==, "old contents\n");
  g_file_get_contents (cached, &cache_after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (cache_before, before_len, cache_after, after_len);
  assert_only_out (f);
  fake_hub_run_clear (&run);
}

static void
test_no_token (Fixture       *f,
               gconstpointer  data)
{
  const char *const env[] = { "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/hub-bus", NULL };
  FakeHubRun run = run_fetch (f, "acme", env);

  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_NO_TOKEN);
  g_assert_nonnull (strstr (run.err, "HF_TOKEN"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_hash_table_size (f->hub->hits), ==, 0);
  fake_hub_run_clear (&run);
}

static void
test_token_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token_file = g_build_filename (f->dir, "token", NULL);
  g_autofree char *setting = g_strconcat ("HF_TOKEN_PATH=", token_file, NULL);
  const char *const env[] = { setting, "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/hub-bus", NULL };
  g_autoptr(GError) error = NULL;
  FakeHubRun run;

  g_file_set_contents (token_file, FAKE_TOKEN "\n", -1, &error);
  g_assert_no_error (error);
  run = run_fetch (f, "acme", env);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_OK);
  fake_hub_run_clear (&run);

  /* A refused token says where it came from. */
  g_file_set_contents (token_file, "hf_expired\n", -1, &error);
  run = run_fetch (f, "acme", env);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_UNAUTHORIZED);
  g_assert_nonnull (strstr (run.err, "token file"));
  g_assert_null (strstr (run.err, "hf_expired"));
  fake_hub_run_clear (&run);
}

/* The token signed in with, from the real keyring of the test session. */
static void
test_token_keyring (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(HubAsyncWait) stored = { 0 };
  g_auto(HubAsyncWait) cleared = { 0 };
  FakeHubRun run;

  hub_token_store_store_async (store, f->hub->url, FAKE_TOKEN, NULL, hub_async_wait_cb, &stored);
  g_assert_true (hub_token_store_store_finish (store, hub_async_wait (&stored, 30), &error));
  g_assert_no_error (error);

  run = run_fetch (f, "acme", NULL);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_OK);
  fake_hub_run_clear (&run);

  hub_token_store_clear_async (store, f->hub->url, NULL, hub_async_wait_cb, &cleared);
  g_assert_true (hub_token_store_clear_finish (store, hub_async_wait (&cleared, 30), &error));
}

static void
test_insecure_endpoint (Fixture       *f,
                        gconstpointer  data)
{
  const char *const env[] = { "HF_TOKEN=" FAKE_TOKEN, "HF_ENDPOINT=http://example.com", NULL };
  FakeHubRun run = run_fetch (f, "acme", env);

  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_USAGE);
  g_assert_nonnull (strstr (run.err, "HF_ENDPOINT"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  fake_hub_run_clear (&run);
}

/* --fetch into a folder that is a file: an error, nothing written. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "file", NULL);
  g_autoptr(GError) error = NULL;
  FakeHubRun run;

  g_file_set_contents (blocker, "x", -1, &error);
  g_free (f->out);
  f->out = g_build_filename (blocker, "out.csv", NULL);
  run = run_fetch (f, "acme", with_token);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_FAILED);
  g_assert_nonnull (strstr (run.err, "out.csv"));
  fake_hub_run_clear (&run);
}

/* Ctrl+C during a fetch: exit 130, and no OUT.csv or temporary file. */
static void
test_interrupted (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("acme");
  FakeHubRun run = { 0 };

  f->hub->mode = "stall";
  g_subprocess_launcher_setenv (launcher, "HF_TOKEN", FAKE_TOKEN, TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_ENDPOINT", f->hub->url, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_dir, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("HUB_ANALYTICS"),
                                       "--org", "acme", "--fetch", f->out, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, fake_hub_run_communicated, &run);
  fake_hub_wait_for_hits (f->hub, path, 1, 20);
  g_subprocess_send_signal (child, SIGINT);
  fake_hub_wait (&run.done, 20);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_INTERRUPTED);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_only_out (f);
  fake_hub_run_clear (&run);
}

/* HF_TOKEN with a line break inside is refused by name, and nothing is
 * sent, even with another token in the keyring; a final newline is only
 * trimmed. */
static void
test_token_control_characters (Fixture       *f,
                               gconstpointer  data)
{
  static const char *const broken[][2] = {
    { "HF_TOKEN=" FAKE_TOKEN "\nhf_other", NULL },
    { "HF_TOKEN=hf_first\r" FAKE_TOKEN, NULL },
  };
  static const char *const trailing[] = { "HF_TOKEN=" FAKE_TOKEN "\n", NULL };
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("acme");
  g_auto(HubAsyncWait) stored = { 0 };
  g_auto(HubAsyncWait) cleared = { 0 };
  FakeHubRun run;

  hub_token_store_store_async (store, f->hub->url, FAKE_TOKEN, NULL, hub_async_wait_cb, &stored);
  g_assert_true (hub_token_store_store_finish (store, hub_async_wait (&stored, 30), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      run = run_fetch (f, "acme", broken[i]);
      g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_USAGE);
      g_assert_nonnull (strstr (run.err, "HF_TOKEN"));
      g_assert_null (strstr (run.err, "hf_first"));
      g_assert_cmpuint (fake_hub_hits (f->hub, path), ==, 0);
      g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
      fake_hub_run_clear (&run);
    }

  run = run_fetch (f, "acme", trailing);
  g_assert_cmpint (run.status, ==, HUB_CLI_FETCH_OK);
  g_assert_cmpuint (fake_hub_hits (f->hub, path), ==, 1);
  fake_hub_run_clear (&run);

  hub_token_store_clear_async (store, f->hub->url, NULL, hub_async_wait_cb, &cleared);
  g_assert_true (hub_token_store_clear_finish (store, hub_async_wait (&cleared, 30), &error));
}

static void
waited (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *done = TRUE;
}

/* kill -9 while OUT.csv is being written (the Hub has sent part of it and
 * stalls): nothing is left behind, and the old OUT.csv is as it was. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("acme");
  g_autofree char *out_after = NULL;
  gboolean done = FALSE;

  g_file_set_contents (f->out, "old contents\n", -1, &error);
  g_assert_no_error (error);
  f->hub->mode = "stall";
  g_subprocess_launcher_setenv (launcher, "HF_TOKEN", FAKE_TOKEN, TRUE);
  g_subprocess_launcher_setenv (launcher, "HF_ENDPOINT", f->hub->url, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->cache_dir, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("HUB_ANALYTICS"),
                                       "--org", "acme", "--fetch", f->out, NULL);
  g_assert_no_error (error);

  /* OUT.csv is opened before the request goes out: once the Hub has it,
   * the file is being written. */
  fake_hub_wait_for_hits (f->hub, path, 1, 20);
  g_subprocess_force_exit (child);
  g_subprocess_wait_async (child, NULL, waited, &done);
  fake_hub_wait (&done, 20);
  g_assert_true (g_subprocess_get_if_signaled (child));

  g_file_get_contents (f->out, &out_after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out_after, ==, "old contents\n");
  assert_only_out (f);
}

int
main (int   argc,
      char *argv[])
{
  static const Failure failures[] = {
    { "e401", HUB_CLI_FETCH_UNAUTHORIZED, "refused the token" },
    { "e403", HUB_CLI_FETCH_FORBIDDEN, "acme" },
    { "e404", HUB_CLI_FETCH_NOT_FOUND, "“acme”" },
    { "limited-long", HUB_CLI_FETCH_RATE_LIMITED, "3600" },
    { "down", HUB_CLI_FETCH_SERVER, "HTTP 500" },
    { "truncated", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "dropped", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "chunked-cut-row", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "chunked-cut-mid-row", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "gzip-cut-close", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "gzip-cut-chunked", HUB_CLI_FETCH_NETWORK, "dropped after" },
    { "html", HUB_CLI_FETCH_NOT_BREAKDOWN, "web page" },
    { "html-as-csv", HUB_CLI_FETCH_NOT_BREAKDOWN, "breakdown" },
  };

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("HUB_ANALYTICS") == NULL)
    g_error ("HUB_ANALYTICS must name the binary (meson test sets it)");

#define ADD(path, func, data) \
  g_test_add ("/net/cli/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("success", test_success, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strconcat ("/net/cli/failure/", failures[i].org, NULL);

      g_test_add (path, Fixture, &failures[i], fixture_set_up, test_failure, fixture_tear_down);
    }
  ADD ("no-token", test_no_token, NULL);
  ADD ("token-file", test_token_file, NULL);
  ADD ("token-keyring", test_token_keyring, NULL);
  ADD ("insecure-endpoint", test_insecure_endpoint, NULL);
  ADD ("unwritable", test_unwritable, NULL);
  ADD ("interrupted", test_interrupted, NULL);
  ADD ("killed", test_killed, NULL);
  ADD ("token-control-characters", test_token_control_characters, NULL);
#undef ADD

  return g_test_run ();
}
