/* test-token-store.c: the token order and the real keyring
 *
 * The test command runs in a private D-Bus session with gnome-keyring
 * unlocked (build-aux/test-session.sh): a keyring that cannot be reached
 * here is a failure, not a skip. The missing and the locked keyring are
 * tried in child processes, on a bus that does not exist and in a second
 * private session of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "fake-hub.h"
#include "hub-net.h"

#define ENDPOINT_A "https://hub-a.example.org"
#define ENDPOINT_B "https://hub-b.example.org"

static const SecretSchema token_schema = {
  "io.github.hubanalytics.HubAnalytics.Token", SECRET_SCHEMA_NONE,
  {
    { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static char *self_path;
static char *scratch;   /* this run's folder for token files */

static char *
lookup (HubTokenStore   *store,
        const char      *endpoint,
        HubTokenSource  *source,
        char           **path,
        GError         **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  char *token;

  hub_token_store_lookup_async (store, endpoint, NULL, hub_async_wait_cb, &wait);
  token = hub_token_store_lookup_finish (store, hub_async_wait (&wait, 30), source, path, error);
  return token;
}

static gboolean
store_token (HubTokenStore  *store,
             const char     *endpoint,
             const char     *token,
             GError        **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  gboolean ok;

  hub_token_store_store_async (store, endpoint, token, NULL, hub_async_wait_cb, &wait);
  ok = hub_token_store_store_finish (store, hub_async_wait (&wait, 30), error);
  return ok;
}

static gboolean
clear_token (HubTokenStore  *store,
             const char     *endpoint,
             GError        **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  gboolean ok;

  hub_token_store_clear_async (store, endpoint, NULL, hub_async_wait_cb, &wait);
  ok = hub_token_store_clear_finish (store, hub_async_wait (&wait, 30), error);
  return ok;
}

static void
assert_lookup (HubTokenStore  *store,
               const char     *endpoint,
               const char     *expected,
               HubTokenSource  expected_source)
{
  g_autoptr(GError) error = NULL;
  HubTokenSource source = -1;
  g_autofree char *token = lookup (store, endpoint, &source, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected);
  g_assert_cmpint (source, ==, expected_source);
}

/* No HF_TOKEN, and a token file that does not exist. */
static char *
isolate_env (void)
{
  char *path = g_build_filename (scratch, "token", NULL);

  g_unsetenv ("HF_TOKEN");
  g_unsetenv ("HF_HOME");
  g_setenv ("HF_TOKEN_PATH", path, TRUE);
  return path;
}

static void
test_keyring_reachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_autoptr(SecretCollection) collection = NULL;

  /* Not a skip: CI must run the token store against a real keyring. */
  g_assert_no_error (error);
  g_assert_nonnull (service);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_false (secret_collection_get_locked (collection));
}

static void
test_store_lookup_clear (void)
{
  g_autofree char *file = isolate_env ();
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *direct = NULL;

  assert_lookup (store, ENDPOINT_A, NULL, HUB_TOKEN_SOURCE_NONE);
  g_assert_true (store_token (store, ENDPOINT_A, "hf_aaaa1111", &error));
  g_assert_no_error (error);

  /* It is in the real keyring, under our schema and the endpoint. */
  direct = secret_password_lookup_sync (&token_schema, NULL, &error, "endpoint", ENDPOINT_A, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (direct, ==, "hf_aaaa1111");

  assert_lookup (store, ENDPOINT_A, "hf_aaaa1111", HUB_TOKEN_SOURCE_KEYRING);
  assert_lookup (store, ENDPOINT_B, NULL, HUB_TOKEN_SOURCE_NONE);

  /* A new store (the next run) finds it too. */
  {
    g_autoptr(HubTokenStore) next_run = hub_token_store_new ();

    assert_lookup (next_run, ENDPOINT_A, "hf_aaaa1111", HUB_TOKEN_SOURCE_KEYRING);
  }

  /* Storing again replaces it. */
  g_assert_true (store_token (store, ENDPOINT_A, "hf_aaaa2222", &error));
  assert_lookup (store, ENDPOINT_A, "hf_aaaa2222", HUB_TOKEN_SOURCE_KEYRING);

  g_assert_true (clear_token (store, ENDPOINT_A, &error));
  g_assert_no_error (error);
  assert_lookup (store, ENDPOINT_A, NULL, HUB_TOKEN_SOURCE_NONE);
  g_clear_pointer (&direct, secret_password_free);
  direct = secret_password_lookup_sync (&token_schema, NULL, &error, "endpoint", ENDPOINT_A, NULL);
  g_assert_no_error (error);
  g_assert_null (direct);

  /* Clearing what is not there is fine. */
  g_assert_true (clear_token (store, ENDPOINT_A, &error));
  g_assert_no_error (error);
}

/* HF_TOKEN, else the keyring, else the token file. */
static void
test_order (void)
{
  g_autofree char *file = isolate_env ();
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *token = NULL;
  HubTokenSource source;

  g_file_set_contents (file, "  hf_fromFILE \n", -1, &error);
  g_assert_no_error (error);
  token = lookup (store, ENDPOINT_B, &source, &path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "hf_fromFILE");
  g_assert_cmpint (source, ==, HUB_TOKEN_SOURCE_TOKEN_FILE);
  g_assert_cmpstr (path, ==, file);

  g_assert_true (store_token (store, ENDPOINT_B, "hf_fromKEYRING", &error));
  g_assert_no_error (error);
  assert_lookup (store, ENDPOINT_B, "hf_fromKEYRING", HUB_TOKEN_SOURCE_KEYRING);

  g_setenv ("HF_TOKEN", " hf_fromENV\n", TRUE);
  assert_lookup (store, ENDPOINT_B, "hf_fromENV", HUB_TOKEN_SOURCE_ENV);
  g_setenv ("HF_TOKEN", "", TRUE);
  assert_lookup (store, ENDPOINT_B, "hf_fromKEYRING", HUB_TOKEN_SOURCE_KEYRING);
  g_unsetenv ("HF_TOKEN");

  /* Sign-out removes the keyring entry only: the file is not ours. */
  g_assert_true (clear_token (store, ENDPOINT_B, &error));
  assert_lookup (store, ENDPOINT_B, "hf_fromFILE", HUB_TOKEN_SOURCE_TOKEN_FILE);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* HF_HOME/token when HF_TOKEN_PATH is not set. */
  {
    g_autofree char *home = g_path_get_dirname (file);
    g_autofree char *other = g_build_filename (home, "hf-home", NULL);
    g_autofree char *other_file = g_build_filename (other, "token", NULL);

    g_mkdir (other, 0700);
    g_file_set_contents (other_file, "hf_fromHFHOME", -1, &error);
    g_assert_no_error (error);
    g_unsetenv ("HF_TOKEN_PATH");
    g_setenv ("HF_HOME", other, TRUE);
    assert_lookup (store, ENDPOINT_B, "hf_fromHFHOME", HUB_TOKEN_SOURCE_TOKEN_FILE);
    g_unsetenv ("HF_HOME");
  }
}

/* HF_TOKEN with a line break or a carriage return inside is refused by
 * name, never swapped for the keyring's or the file's token. */
static void
test_env_control_characters (void)
{
  g_autofree char *file = isolate_env ();
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GError) error = NULL;
  const char *broken[] = { "hf_one\nhf_two", "hf_one\rhf_two", "hf_one\r\nhf_two", "\thf_\x01x" };

  g_file_set_contents (file, "hf_fromFILE\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (store_token (store, ENDPOINT_B, "hf_fromKEYRING", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *token = NULL;
      HubTokenSource source = HUB_TOKEN_SOURCE_KEYRING;

      g_setenv ("HF_TOKEN", broken[i], TRUE);
      token = lookup (store, ENDPOINT_B, &source, NULL, &error);
      g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_TOKEN);
      g_assert_nonnull (strstr (error->message, "HF_TOKEN"));
      g_assert_null (strstr (error->message, "hf_one"));
      g_assert_null (token);
      g_assert_cmpint (source, ==, HUB_TOKEN_SOURCE_NONE);
      g_clear_error (&error);
    }

  /* White space around it, a final newline included, is only trimmed. */
  g_setenv ("HF_TOKEN", "hf_fromENV\r\n", TRUE);
  assert_lookup (store, ENDPOINT_B, "hf_fromENV", HUB_TOKEN_SOURCE_ENV);
  g_unsetenv ("HF_TOKEN");
  g_assert_true (clear_token (store, ENDPOINT_B, &error));
  g_assert_no_error (error);
}

static void
test_cancel (void)
{
  g_autofree char *file = isolate_env ();
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_auto(HubAsyncWait) wait = { 0 };

  g_cancellable_cancel (cancellable);
  hub_token_store_lookup_async (store, ENDPOINT_A, cancellable, hub_async_wait_cb, &wait);
  token = hub_token_store_lookup_finish (store, hub_async_wait (&wait, 30), NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token);
}

/* Whether any file under dir holds text. */
static gboolean
tree_contains (const char *path,
               const char *text)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        return FALSE;
      for (gsize at = 0; at + strlen (text) <= len; at++)
        if (memcmp (contents + at, text, strlen (text)) == 0)
          return TRUE;
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK) && tree_contains (child, text))
        return TRUE;
    }
  return FALSE;
}

/* The session-only path, shared by the missing and the locked keyring. */
static void
check_kept_for_session (HubTokenStore *store,
                        const char    *token)
{
  g_autoptr(GError) error = NULL;
  const char *dirs[] = { g_getenv ("HOME"), g_getenv ("XDG_DATA_HOME"),
                         g_getenv ("XDG_CONFIG_HOME"), g_getenv ("XDG_CACHE_HOME") };

  g_assert_false (store_token (store, ENDPOINT_A, token, &error));
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_KEYRING_UNAVAILABLE);
  g_assert_null (strstr (error->message, token));
  g_printerr ("warning: %s\n", error->message);
  g_clear_error (&error);

  /* Kept for this run, and written nowhere. */
  assert_lookup (store, ENDPOINT_A, token, HUB_TOKEN_SOURCE_SESSION);
  assert_lookup (store, ENDPOINT_B, NULL, HUB_TOKEN_SOURCE_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (dirs[i] != NULL)
      g_assert_false (tree_contains (dirs[i], token));

  /* Sign-out forgets it, even though the keyring cannot be asked. */
  clear_token (store, ENDPOINT_A, NULL);
  assert_lookup (store, ENDPOINT_A, NULL, HUB_TOKEN_SOURCE_NONE);
}

static void
test_keyring_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *file = isolate_env ();
      g_autoptr(HubTokenStore) store = NULL;

      /* A session bus that is not there: no keyring at all. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hub-analytics-bus", TRUE);
      store = hub_token_store_new ();
      hub_token_store_set_keyring_timeout (store, 10);
      check_kept_for_session (store, "hf_sessionONLY42");
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*warning: No keyring is available*saved nowhere else*");
}

/* In a second private session with its own gnome-keyring, locked, whose
 * unlock prompt nobody answers. */
static void
test_keyring_locked_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GList) objects = NULL;
  g_autoptr(HubTokenStore) store = NULL;
  g_autofree char *file = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;
  const char *argv[] = { "sh", "-c", "printf test | gnome-keyring-daemon --unlock --components=secrets", NULL };

  if (g_getenv ("HUB_TEST_LOCKED_CHILD") == NULL)
    {
      g_test_skip ("only run from /net/token-store/keyring-locked");
      return;
    }

  /* libsecret 0.20.5 ends a lookup whose unlock prompt was cancelled with
   * a critical (g_task_return_error with no error): not ours to fix, and the
   * store completes that lookup without it. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_ERROR);
  file = isolate_env ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "GNOME_KEYRING_CONTROL="))
      g_setenv ("GNOME_KEYRING_CONTROL", lines[i] + strlen ("GNOME_KEYRING_CONTROL="), TRUE);

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));

  store = hub_token_store_new ();
  hub_token_store_set_keyring_timeout (store, 2);
  g_assert_cmpuint (hub_token_store_get_keyring_timeout (store), ==, 2);
  check_kept_for_session (store, "hf_lockedKEYRING7");
}

static void
test_keyring_locked (void)
{
  g_autofree char *home = g_dir_make_tmp ("hub-locked-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
  g_autofree char *keyring = g_find_program_in_path ("gnome-keyring-daemon");

  /* The test command installs and uses both; their absence is a failure. */
  g_assert_nonnull (dbus);
  g_assert_nonnull (keyring);
  g_mkdir (data, 0700);
  g_mkdir (runtime, 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "HUB_TEST_LOCKED_CHILD", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "GNOME_KEYRING_CONTROL");
  child = g_subprocess_launcher_spawn (launcher, &error, "timeout", "60", dbus, "--",
                                       self_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("child: %s\n%s", out, err);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_nonnull (strstr (out, "ok 1 /net/token-store/keyring-locked-child"));
  /* Locked, with a prompt nobody answers; or refused, where no prompter runs. */
  g_assert_true (strstr (err, "warning: The keyring is locked") != NULL ||
                 strstr (err, "warning: The keyring refused") != NULL);
  fake_hub_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  scratch = g_dir_make_tmp ("hub-token-XXXXXX", NULL);

  if (g_getenv ("HUB_TEST_LOCKED_CHILD") != NULL)
    {
      g_test_add_func ("/net/token-store/keyring-locked-child", test_keyring_locked_child);
      status = g_test_run ();
      fake_hub_remove_tree (scratch);
      return status;
    }

  g_test_add_func ("/net/token-store/keyring-reachable", test_keyring_reachable);
  g_test_add_func ("/net/token-store/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/net/token-store/order", test_order);
  g_test_add_func ("/net/token-store/env-control-characters", test_env_control_characters);
  g_test_add_func ("/net/token-store/cancel", test_cancel);
  g_test_add_func ("/net/token-store/keyring-missing", test_keyring_missing);
  g_test_add_func ("/net/token-store/keyring-locked", test_keyring_locked);

  status = g_test_run ();
  fake_hub_remove_tree (scratch);
  return status;
}
