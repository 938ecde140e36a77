/* test-account.c: token at start-up, an organisation from the cache and afresh, sign out
 *
 * A SoupServer on 127.0.0.1 plays the Hub; the cache lives in a temporary
 * folder; the token comes from HF_TOKEN, as for a user of huggingface_hub.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "hub-account.h"
#include "hub-ui-test-util.h"

#define TOKEN "hf_account_test_token"

static const char breakdown[] =
  "repoType,repoName,total,timestamp,downloads\n"
  "model,aurora/alpha,100,2026-11-20T00:00:00.000Z,5\n"
  "dataset,aurora/corpus,10,2026-11-21T00:00:00.000Z,7\n";

static const char whoami_json[] =
  "{\"name\":\"ada\",\"orgs\":[{\"name\":\"aurora\"}],\"auth\":{\"accessToken\":{\"role\":\"read\"}}}";

static gboolean
authorized (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (g_strcmp0 (auth, "Bearer " TOKEN) == 0)
    return TRUE;
  soup_server_message_set_status (msg, 401, NULL);
  return FALSE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  if (!authorized (msg))
    return;
  if (g_str_equal (path, "/api/whoami-v2"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        whoami_json, strlen (whoami_json));
    }
  else if (g_str_equal (path,
                        "/organizations/aurora/settings/publisher-analytics/download-breakdown"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_STATIC,
                                        breakdown, strlen (breakdown));
    }
  else if (g_str_has_prefix (path, "/organizations/slow/"))
    /* Answers nothing: the fetch is cancelled before. */
    soup_server_message_pause (msg);
  else
    soup_server_message_set_status (msg, 404, NULL);
}

typedef struct
{
  SoupServer *server;
  char       *endpoint;
  char       *cache_dir;
  HubAccount *account;
} Fixture;

static gboolean
result_ready (gpointer slot)
{
  return *(GAsyncResult **) slot != NULL;
}

static GAsyncResult *
wait_result (GAsyncResult **slot,
             const char    *what)
{
  hub_test_wait_for (result_ready, slot, 20, what);
  return *slot;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, on_request, NULL, NULL);
  f->endpoint = hub_test_listen_local (f->server);

  f->cache_dir = g_dir_make_tmp ("hub-account-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HF_TOKEN", TOKEN, TRUE);
  f->account = hub_account_new (f->endpoint, f->cache_dir, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unsetenv ("HF_TOKEN");
  g_assert_finalize_object (g_steal_pointer (&f->account));
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  remove_tree (f->cache_dir);
  g_free (f->cache_dir);
  g_free (f->endpoint);
}

static void
restore (Fixture *f)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  hub_account_restore_async (f->account, NULL, store_result, &result);
  g_assert_true (hub_account_restore_finish (f->account, wait_result (&result, "restore"),
                                             &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

static void
test_env_token_fetch_and_cache (Fixture       *f,
                                gconstpointer  data)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) fetched = NULL;
  g_autoptr(HubDataset) cached = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GDateTime) cached_at = NULL;
  g_autofree char *description = NULL;

  restore (f);
  g_assert_true (hub_account_get_signed_in (f->account));
  g_assert_cmpint (hub_account_get_token_source (f->account), ==, HUB_TOKEN_SOURCE_ENV);
  description = hub_account_dup_description (f->account);
  g_assert_nonnull (strstr (description, "HF_TOKEN"));
  g_assert_null (strstr (description, TOKEN));

  /* Nothing cached yet. */
  g_assert_null (hub_account_load_cached (f->account, "aurora", NULL, &error));
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING);
  g_clear_error (&error);

  hub_account_fetch_async (f->account, "aurora", NULL, NULL, store_result, &result);
  fetched = hub_account_fetch_finish (f->account, wait_result (&result, "the fetch"),
                                      &fetched_at, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_dataset_get_totals (fetched)->repos, ==, 2);
  g_assert_nonnull (fetched_at);

  /* The complete fetch is now the cache (saved before the fetch finished),
   * shown at once next time. */
  cached = hub_account_load_cached (f->account, "aurora", &cached_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  g_assert_cmpint (hub_dataset_get_totals (cached)->all_time, ==,
                   hub_dataset_get_totals (fetched)->all_time);
}

static void
test_cancelled_fetch_keeps_cache (Fixture       *f,
                                  gconstpointer  data)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HubDataset *dataset;

  restore (f);
  hub_account_fetch_async (f->account, "slow", NULL, cancellable, store_result, &result);
  g_cancellable_cancel (cancellable);
  dataset = hub_account_fetch_finish (f->account, wait_result (&result, "the cancelled fetch"),
                                      NULL, &error);
  g_clear_object (&result);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_null (hub_account_load_cached (f->account, "slow", NULL, &error));
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING);
}

static void
test_sign_out (Fixture       *f,
               gconstpointer  data)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = hub_whoami_new_from_json (whoami_json, -1, &error);
  g_autoptr(HubWhoami) cached = NULL;

  g_assert_no_error (error);
  hub_account_sign_in (f->account, TOKEN, HUB_TOKEN_SOURCE_SESSION, whoami);
  g_assert_true (hub_account_get_signed_in (f->account));
  cached = hub_cache_load_whoami (hub_account_get_cache (f->account), f->endpoint, NULL, NULL);
  g_assert_nonnull (cached);
  g_clear_pointer (&cached, hub_whoami_unref);

  hub_account_sign_out_async (f->account, NULL, store_result, &result);
  g_assert_true (hub_account_sign_out_finish (f->account, wait_result (&result, "sign-out"),
                                              &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_false (hub_account_get_signed_in (f->account));
  g_assert_null (hub_account_get_whoami (f->account));
  cached = hub_cache_load_whoami (hub_account_get_cache (f->account), f->endpoint, NULL, NULL);
  g_assert_null (cached);

  /* Signed out, fetching asks to sign in. */
  hub_account_fetch_async (f->account, "aurora", NULL, NULL, store_result, &result);
  g_assert_null (hub_account_fetch_finish (f->account, wait_result (&result, "the fetch"),
                                           NULL, &error));
  g_clear_object (&result);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_NO_TOKEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dialogs/account/env-token-fetch-and-cache", Fixture, NULL,
              fixture_set_up, test_env_token_fetch_and_cache, fixture_tear_down);
  g_test_add ("/dialogs/account/cancelled-fetch-keeps-cache", Fixture, NULL,
              fixture_set_up, test_cancelled_fetch_keeps_cache, fixture_tear_down);
  g_test_add ("/dialogs/account/sign-out", Fixture, NULL,
              fixture_set_up, test_sign_out, fixture_tear_down);

  return g_test_run ();
}
