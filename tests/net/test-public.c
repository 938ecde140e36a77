/* test-public.c: any author's public figures, from the Hub's listings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fake-hub.h"
#include "hub-net.h"

static GPtrArray *
list_author (HubClient    *client,
             const char   *author,
             HubProgress  *progress,
             GPtrArray   **partial,
             GError      **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  GPtrArray *infos;

  hub_client_list_author_async (client, author, progress, NULL, hub_async_wait_cb, &wait);
  infos = hub_client_list_author_finish (client, hub_async_wait (&wait, 30), partial, NULL, error);
  return infos;
}

static const HubRepoInfo *
find (GPtrArray  *infos,
      const char *type,
      const char *name)
{
  for (guint i = 0; i < infos->len; i++)
    {
      const HubRepoInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->type, type) && g_str_equal (info->name, name))
        return info;
    }
  return NULL;
}

static guint
count_type (GPtrArray  *infos,
            const char *type)
{
  guint n = 0;

  for (guint i = 0; i < infos->len; i++)
    n += g_str_equal (((HubRepoInfo *) g_ptr_array_index (infos, i))->type, type);
  return n;
}

/* No token: every public repository, a request a page, with every figure. */
static void
test_listing (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  HubProgress progress = { 0 };
  const HubRepoInfo *info;

  infos = list_author (client, "open-lab", &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 10);
  g_assert_cmpuint (count_type (infos, "model"), ==, 5);
  g_assert_cmpuint (count_type (infos, "dataset"), ==, 3);
  g_assert_cmpuint (count_type (infos, "space"), ==, 2);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/models"), ==, 3);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/datasets"), ==, 2);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/spaces"), ==, 1);
  g_assert_false (hub->bad_agent);
  g_assert_cmpuint (atomic_load (&progress.rows), ==, 10);
  g_assert_cmpuint (atomic_load (&progress.bytes), >, 1000);

  info = find (infos, "model", "open-lab/models-2");
  g_assert_nonnull (info);
  g_assert_cmpint (info->downloads, ==, 301);
  g_assert_cmpint (info->downloads_all_time, ==, 3000);
  g_assert_cmpint (info->likes, ==, 3);
  g_assert_cmpint (info->trending_score, ==, 2);
  g_assert_false (info->is_private);
  g_assert_nonnull (info->created_at);
  g_assert_cmpint (g_date_time_get_day_of_month (info->created_at), ==, 3);
  g_assert_nonnull (info->last_modified);
  g_assert_cmpint (g_date_time_get_month (info->last_modified), ==, 10);

  info = find (infos, "dataset", "open-lab/datasets-0");
  g_assert_nonnull (info);
  g_assert_cmpint (info->downloads_all_time, ==, 500);

  /* Spaces have likes, and no downloads. */
  info = find (infos, "space", "open-lab/spaces-1");
  g_assert_nonnull (info);
  g_assert_cmpint (info->likes, ==, 2);
  g_assert_cmpint (info->downloads, ==, -1);
  g_assert_cmpint (info->downloads_all_time, ==, -1);

  g_assert_null (find (infos, "model", "open-lab/secret-5"));
}

/* A token adds the private repositories it may see. */
static void
test_token_adds_private (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(HubClient) wrong = fake_hub_new_client (hub, "hf_wrong");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const HubRepoInfo *info;

  infos = list_author (client, "open-lab", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 13);
  info = find (infos, "model", "open-lab/secret-5");
  g_assert_nonnull (info);
  g_assert_true (info->is_private);
  g_assert_nonnull (find (infos, "space", "open-lab/secret-2"));

  none = list_author (wrong, "open-lab", NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_UNAUTHORIZED);
}

/* The Hub's figures move between calls; each listing gives today's. */
static void
test_numbers_change (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  first = list_author (client, "open-lab", NULL, NULL, &error);
  g_assert_no_error (error);
  second = list_author (client, "open-lab", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find (first, "model", "open-lab/models-1")->downloads_all_time, ==,
                   fake_hub_public_all_time ("open-lab", "models", 1, 1));
  g_assert_cmpint (find (second, "model", "open-lab/models-1")->downloads_all_time, ==,
                   fake_hub_public_all_time ("open-lab", "models", 1, 2));
  g_assert_cmpint (find (second, "model", "open-lab/models-1")->downloads_all_time, >,
                   find (first, "model", "open-lab/models-1")->downloads_all_time);
}

/* 429 waits for Retry-After, then goes on from the page it was refused. */
static void
test_rate_limited (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  infos = list_author (client, "pub-429", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 10);
  g_assert_cmpuint (fake_hub_hits (hub, "limited:pub-429"), ==, 1);
  /* Three pages of models and the refused one again: nothing asked twice else. */
  g_assert_cmpuint (fake_hub_hits (hub, "/api/models"), ==, 4);
}

/* A page that keeps failing: an error, and what came before it is kept. */
static void
test_server_error_keeps_pages (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) partial = NULL;

  infos = list_author (client, "pub-500", NULL, &partial, &error);
  g_assert_null (infos);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_SERVER);
  g_assert_nonnull (partial);
  g_assert_cmpuint (partial->len, ==, 5);
  g_assert_cmpuint (count_type (partial, "model"), ==, 5);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/datasets"), ==, 3);
  g_assert_cmpuint (fake_hub_hits (hub, "/api/spaces"), ==, 0);
}

/* A page cut short: an error, and the whole pages before it are kept. */
static void
test_cut_page (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) partial = NULL;

  infos = list_author (client, "pub-cut", NULL, &partial, &error);
  g_assert_null (infos);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_TRUNCATED) ||
                 g_error_matches (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE));
  g_assert_nonnull (partial);
  g_assert_cmpuint (count_type (partial, "model"), ==, 5);
  g_assert_cmpuint (count_type (partial, "dataset"), ==, 2);
}

/* An organisation whose breakdown is refused for its plan still has its
 * public figures, with the same client and token. */
static void
test_forbidden_falls_back (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, FAKE_TOKEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autofree char *path = fake_hub_breakdown_path ("e403");
  g_auto(HubAsyncWait) wait = { 0 };
  HubDataset *dataset;

  hub_client_fetch_breakdown_async (client, "e403", NULL, NULL, NULL, hub_async_wait_cb, &wait);
  dataset = hub_client_fetch_breakdown_finish (client, hub_async_wait (&wait, 30), NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN);
  g_assert_cmpuint (fake_hub_hits (hub, path), ==, 1);
  g_clear_error (&error);

  infos = list_author (client, "e403", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 13);
}

static void
test_empty_author (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = fake_hub_new_client (hub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  infos = list_author (client, "pub-none", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (infos);
  g_assert_cmpuint (infos->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/public/listing", test_listing);
  g_test_add_func ("/net/public/token-adds-private", test_token_adds_private);
  g_test_add_func ("/net/public/numbers-change", test_numbers_change);
  g_test_add_func ("/net/public/rate-limited", test_rate_limited);
  g_test_add_func ("/net/public/server-error-keeps-pages", test_server_error_keeps_pages);
  g_test_add_func ("/net/public/cut-page", test_cut_page);
  g_test_add_func ("/net/public/forbidden-falls-back", test_forbidden_falls_back);
  g_test_add_func ("/net/public/empty-author", test_empty_author);

  return g_test_run ();
}
