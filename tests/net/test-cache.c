/* test-cache.c: the on-disk cache of datasets and of the whoami answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fake-hub.h"
#include "hub-core.h"
#include "hub-net.h"

#define ENDPOINT "https://huggingface.co"

typedef struct
{
  char       *dir;
  HubCache   *cache;
  HubDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_BUILT, "net", "breakdown.csv", NULL);
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hub-cache-XXXXXX", &error);
  g_assert_no_error (error);
  f->cache = hub_cache_new (f->dir);
  f->dataset = hub_dataset_load_file (csv, "breakdown.csv", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_clear_object (&f->dataset);
  /* A worker thread may hold the last reference for a moment. */
  g_object_add_weak_pointer (G_OBJECT (f->cache), (gpointer *) &f->cache);
  g_object_unref (f->cache);
  while (f->cache != NULL && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_assert_null (f->cache);
  fake_hub_remove_tree (f->dir);
  g_free (f->dir);
}

static void
assert_same_dataset (HubDataset *a,
                     HubDataset *b)
{
  const HubTotals *ta = hub_dataset_get_totals (a);
  const HubTotals *tb = hub_dataset_get_totals (b);

  g_assert_cmpmem (ta, sizeof *ta, tb, sizeof *tb);
  g_assert_cmpuint (hub_dataset_get_n_repos (a), ==, hub_dataset_get_n_repos (b));
  for (guint i = 0; i < hub_dataset_get_n_repos (a); i++)
    {
      const HubRepo *ra = hub_dataset_get_repo (a, i);
      const HubRepo *rb = hub_dataset_get_repo (b, i);

      g_assert_cmpstr (ra->type, ==, rb->type);
      g_assert_true (ra->type == rb->type);  /* interned */
      g_assert_cmpstr (ra->name, ==, rb->name);
      g_assert_cmpint (ra->kind, ==, rb->kind);
      g_assert_cmpint (ra->total, ==, rb->total);
      g_assert_cmpmem (ra->days, ra->n_days * sizeof (HubDay), rb->days, rb->n_days * sizeof (HubDay));
      g_assert_cmpmem (ra->cum, ra->n_days * sizeof (gint64), rb->cum, rb->n_days * sizeof (gint64));
    }
  g_assert_cmpuint (hub_dataset_get_overall (a)->n_days, ==, hub_dataset_get_overall (b)->n_days);
}

static void
save (Fixture    *f,
      const char *org,
      GDateTime  *when)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_cache_save_dataset (f->cache, ENDPOINT, org, f->dataset, when, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 21, 10, 30, 15.25);
  g_autoptr(GDateTime) loaded_when = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *endpoint_dir = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  GStatBuf st;

  save (f, "acme", when);
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", &loaded_when, NULL, &error);
  g_assert_no_error (error);
  assert_same_dataset (f->dataset, loaded);
  g_assert_true (g_date_time_equal (when, loaded_when));

  /* Private: folders 0700, the file 0600, under the cache folder, and no
   * temporary file left beside it. */
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (endpoint_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_dir_open (endpoint_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "acme.breakdown");
  g_assert_null (g_dir_read_name (dir));
  g_assert_finalize_object (g_steal_pointer (&loaded));
}

static void
test_default_dir (void)
{
  g_autoptr(HubCache) cache = hub_cache_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "hub-analytics", NULL);

  g_assert_cmpstr (hub_cache_get_dir (cache), ==, expected);
}

/* Endpoints and organisations are kept apart, and odd names stay inside. */
static void
test_paths (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *a = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *b = hub_cache_get_dataset_path (f->cache, "http://127.0.0.1:8080", "acme");
  g_autofree char *c = hub_cache_get_dataset_path (f->cache, ENDPOINT, "../../etc/passwd");
  g_autofree char *d = hub_cache_get_dataset_path (f->cache, ENDPOINT, ".hidden");
  g_autofree char *w = hub_cache_get_whoami_path (f->cache, ENDPOINT);
  g_autofree char *c_dir = g_path_get_dirname (c);
  g_autofree char *a_dir = g_path_get_dirname (a);

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (c_dir, ==, a_dir);
  g_assert_null (strstr (c, "/../"));
  g_assert_false (g_str_has_prefix (strrchr (d, '/') + 1, "."));
  g_assert_cmpstr (w, !=, a);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "nobody", NULL, NULL, &error);

  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING);
  g_assert_null (loaded);
}

static void
assert_refused (Fixture    *f,
                const char *org)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(HubDataset) loaded = hub_cache_load_dataset (f->cache, ENDPOINT, org, &when, NULL, &error);

  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
  g_test_message ("%s", error->message);
  g_assert_null (loaded);
  g_assert_null (when);
}

static void
rewrite (const char *path,
         void      (*edit) (char *contents, gsize *len))
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  edit (contents, &len);
  g_file_set_contents (path, contents, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
flip_payload_byte (char  *contents,
                   gsize *len)
{
  contents[*len / 2] ^= 0x10;
}

static void
flip_header_byte (char  *contents,
                  gsize *len)
{
  contents[40] ^= 0x01;  /* rows */
}

static void
cut_end (char  *contents,
         gsize *len)
{
  *len -= 100;
}

static void
next_version (char  *contents,
              gsize *len)
{
  guint32 version;

  memcpy (&version, contents + 8, sizeof version);
  version++;
  memcpy (contents + 8, &version, sizeof version);
}

static void
foreign_magic (char  *contents,
               gsize *len)
{
  memcpy (contents, "PK\x03\x04", 4);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  void (*edits[]) (char *, gsize *) = { flip_payload_byte, flip_header_byte, cut_end,
                                        next_version, foreign_magic };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");

      save (f, "acme", NULL);
      rewrite (path, edits[i]);
      assert_refused (f, "acme");
    }
}

static void
test_other_version_message (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;

  save (f, "acme", NULL);
  rewrite (path, next_version);
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
  g_assert_nonnull (strstr (error->message, "another version"));
}

static void
test_garbage_and_empty (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autoptr(GError) error = NULL;

  save (f, "acme", NULL);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (f, "acme");
  g_file_set_contents (path, "repoType,repoName,total,timestamp,downloads\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (f, "acme");
}

/* A file copied from another organisation's place is refused. */
static void
test_foreign_org (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *from = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *to = hub_cache_get_dataset_path (f->cache, ENDPOINT, "beta");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  save (f, "acme", NULL);
  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, (gssize) len, &error);
  g_assert_no_error (error);
  assert_refused (f, "beta");
}

/* Saving again replaces the file whole. */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "hub-sample.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) small = hub_dataset_load_file (sample, "hub-sample.csv", NULL, NULL, &error);
  g_autoptr(HubDataset) loaded = NULL;

  g_assert_no_error (error);
  save (f, "acme", NULL);
  g_assert_true (hub_cache_save_dataset (f->cache, ENDPOINT, "acme", small, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_dataset (small, loaded);
}

static void
test_empty_dataset (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) header = g_bytes_new_static ("repoType,repoName,total,timestamp,downloads\n", 44);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) empty = hub_dataset_load_bytes (header, "empty", &error);
  g_autoptr(HubDataset) loaded = NULL;

  g_assert_no_error (error);
  g_assert_true (hub_cache_save_dataset (f->cache, ENDPOINT, "empty", empty, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "empty", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_dataset_get_n_repos (loaded), ==, 0);
  g_assert_cmpint (hub_dataset_get_as_of (loaded), ==, HUB_DAY_NONE);
}

/* A save that cannot be written leaves the old file as it was. */
static void
test_failed_save_keeps_old (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "file", NULL);
  g_autoptr(HubCache) blocked = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);
  blocked = hub_cache_new (blocker);
  g_assert_false (hub_cache_save_dataset (blocked, ENDPOINT, "acme", f->dataset, NULL, NULL, &error));
  g_assert_nonnull (error);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static void
wait_for (Wait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!wait->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait->done);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  g_autoptr(GDateTime) when = NULL;
  Wait saved = { 0 }, load = { 0 };

  hub_cache_save_dataset_async (f->cache, ENDPOINT, "acme", f->dataset, NULL, NULL, got_result, &saved);
  wait_for (&saved);
  g_assert_true (hub_cache_save_dataset_finish (f->cache, saved.result, &error));
  g_assert_no_error (error);
  g_object_unref (saved.result);

  hub_cache_load_dataset_async (f->cache, ENDPOINT, "acme", NULL, got_result, &load);
  wait_for (&load);
  loaded = hub_cache_load_dataset_finish (f->cache, load.result, &when, &error);
  g_object_unref (load.result);
  g_assert_no_error (error);
  g_assert_nonnull (when);
  assert_same_dataset (f->dataset, loaded);
}

static void
test_whoami (Fixture       *f,
             gconstpointer  data)
{
  static const char json[] =
    "{\"name\":\"alice\",\"fullname\":\"Alice\",\"email\":\"a@example.com\","
    "\"orgs\":[{\"name\":\"acme\",\"roleInOrg\":\"admin\"}],"
    "\"auth\":{\"accessToken\":{\"role\":\"read\",\"displayName\":\"x\"}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = hub_whoami_new_from_json (json, -1, &error);
  g_autoptr(HubWhoami) loaded = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autoptr(GDateTime) loaded_when = NULL;
  g_autofree char *path = hub_cache_get_whoami_path (f->cache, ENDPOINT);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (hub_cache_save_whoami (f->cache, ENDPOINT, whoami, when, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  loaded = hub_cache_load_whoami (f->cache, ENDPOINT, &loaded_when, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "alice");
  g_assert_cmpstr (loaded->token_role, ==, "read");
  g_assert_cmpuint (loaded->orgs->len, ==, 1);
  g_assert_true (g_date_time_equal (when, loaded_when));

  g_file_set_contents (path, "{\"version\": {}}", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&loaded, hub_whoami_unref);
  loaded = hub_cache_load_whoami (f->cache, ENDPOINT, NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
  g_clear_error (&error);

  g_assert_true (hub_cache_clear_whoami (f->cache, ENDPOINT, &error));
  g_assert_true (hub_cache_clear_whoami (f->cache, ENDPOINT, &error));
  loaded = hub_cache_load_whoami (f->cache, ENDPOINT, NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING);
}

static void
test_whoami_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) none = hub_whoami_new_from_json ("<html>", -1, &error);

  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  none = hub_whoami_new_from_json ("{\"fullname\":\"No Name\",\"orgs\":[{}, 3]}", -1, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  none = hub_whoami_new_from_json ("{\"name\":\"bob\",\"orgs\":[{}, 3, {\"name\": 4}],\"auth\":[]}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (none->name, ==, "bob");
  g_assert_cmpuint (none->orgs->len, ==, 0);
  g_assert_null (none->token_role);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/net/cache/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("paths", test_paths);
  ADD ("missing", test_missing);
  ADD ("corrupt", test_corrupt);
  ADD ("other-version", test_other_version_message);
  ADD ("garbage-and-empty", test_garbage_and_empty);
  ADD ("foreign-org", test_foreign_org);
  ADD ("replace", test_replace);
  ADD ("empty-dataset", test_empty_dataset);
  ADD ("failed-save", test_failed_save_keeps_old);
  ADD ("async", test_async);
  ADD ("whoami", test_whoami);
#undef ADD
  g_test_add_func ("/net/cache/default-dir", test_default_dir);
  g_test_add_func ("/net/cache/whoami-json", test_whoami_json);

  return g_test_run ();
}
