/* test-cache.c: the on-disk cache of datasets and of the whoami answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <xxhash.h>

#include "fake-hub.h"
#include "hub-core.h"
#include "hub-net.h"

#define ENDPOINT "https://huggingface.co"

static const char *self_path;

typedef struct
{
  char       *dir;
  HubCache   *cache;
  HubDataset *dataset;
  GMutex      lock;
  GCond       gone_cond;
  gboolean    gone;       /* the cache was finalized, in whichever thread */
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
cache_gone (gpointer  data,
            GObject  *where_the_object_was)
{
  Fixture *f = data;

  g_mutex_lock (&f->lock);
  f->gone = TRUE;
  g_cond_signal (&f->gone_cond);
  g_mutex_unlock (&f->lock);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_clear_object (&f->dataset);
  /* A worker thread may hold the last reference for a moment: wait until
   * it let go, with a bound. */
  g_mutex_init (&f->lock);
  g_cond_init (&f->gone_cond);
  g_object_weak_ref (G_OBJECT (f->cache), cache_gone, f);
  g_object_unref (g_steal_pointer (&f->cache));
  g_mutex_lock (&f->lock);
  while (!f->gone && g_cond_wait_until (&f->gone_cond, &f->lock, deadline))
    ;
  g_assert_true (f->gone);
  g_mutex_unlock (&f->lock);
  g_mutex_clear (&f->lock);
  g_cond_clear (&f->gone_cond);
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

/* Forged files: the checksum is made right again after each edit, so only
 * the dataset builder's gate stands between them and the app. */

#define AT_FETCHED_AT 32
#define AT_ROWS       40
#define AT_MERGED     48
#define AT_N_REPOS    56
#define AT_STRINGS    60
#define AT_N_DAYS     64
#define HEADER_SIZE   72
#define RECORD_SIZE   32

static guint64
read_u64 (const char *contents,
          gsize       at)
{
  guint64 v;

  memcpy (&v, contents + at, sizeof v);
  return v;
}

static guint32
read_u32 (const char *contents,
          gsize       at)
{
  guint32 v;

  memcpy (&v, contents + at, sizeof v);
  return v;
}

static void
write_64 (char    *contents,
          gsize    at,
          guint64  v)
{
  memcpy (contents + at, &v, sizeof v);
}

/* Where the running sums and the days start. */
static gsize
sums_at (const char *contents)
{
  gsize strings = read_u32 (contents, AT_STRINGS);

  return HEADER_SIZE + read_u32 (contents, AT_N_REPOS) * RECORD_SIZE + ((strings + 7) & ~(gsize) 7);
}

static gsize
days_at (const char *contents)
{
  return sums_at (contents) + read_u64 (contents, AT_N_DAYS) * sizeof (gint64);
}

static void
reseal (char  *contents,
        gsize  len)
{
  guint64 payload = XXH64 (contents + HEADER_SIZE, len - HEADER_SIZE, 0);

  write_64 (contents, 24, 0);
  write_64 (contents, 24, XXH64 (contents, HEADER_SIZE, payload));
}

static void
set_day (char   *contents,
         guint64 index,
         gint32  day)
{
  memcpy (contents + days_at (contents) + index * sizeof day, &day, sizeof day);
}

static void
forge_day_before_year_1 (char  *contents,
                         gsize *len)
{
  set_day (contents, 0, HUB_DAY_FIRST - 1);
  reseal (contents, *len);
}

static void
forge_largest_day (char  *contents,
                   gsize *len)
{
  set_day (contents, read_u64 (contents, AT_N_DAYS) - 1, G_MAXINT32);
  reseal (contents, *len);
}

static void
forge_decreasing_sums (char  *contents,
                       gsize *len)
{
  gsize at = sums_at (contents);

  write_64 (contents, at, read_u64 (contents, at + 8) + 1);
  reseal (contents, *len);
}

static void
forge_negative_sum (char  *contents,
                    gsize *len)
{
  write_64 (contents, sums_at (contents), (guint64) G_MININT64);
  reseal (contents, *len);
}

static void
forge_negative_total (char  *contents,
                      gsize *len)
{
  write_64 (contents, HEADER_SIZE + 24, (guint64) -1);
  reseal (contents, *len);
}

static void
forge_negative_rows (char  *contents,
                     gsize *len)
{
  write_64 (contents, AT_ROWS, G_MAXUINT64);
  reseal (contents, *len);
}

static void
forge_rows_short_of_days (char  *contents,
                          gsize *len)
{
  write_64 (contents, AT_ROWS, read_u64 (contents, AT_N_DAYS) - 1);
  reseal (contents, *len);
}

static void
forge_fetched_far_future (char  *contents,
                          gsize *len)
{
  write_64 (contents, AT_FETCHED_AT, (guint64) G_MAXINT64);
  reseal (contents, *len);
}

static void
forge_fetched_before_1970 (char  *contents,
                           gsize *len)
{
  write_64 (contents, AT_FETCHED_AT, (guint64) G_MININT64);
  reseal (contents, *len);
}

static void
reseal_whole (char  *contents,
              gsize *len)
{
  reseal (contents, *len);
}

static void
test_forged (Fixture       *f,
             gconstpointer  data)
{
  void (*edits[]) (char *, gsize *) = { forge_day_before_year_1, forge_largest_day,
                                        forge_decreasing_sums, forge_negative_sum,
                                        forge_negative_total, forge_negative_rows,
                                        forge_rows_short_of_days, forge_fetched_far_future,
                                        forge_fetched_before_1970 };
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HubDataset) loaded = NULL;

      save (f, "acme", NULL);
      rewrite (path, edits[i]);
      loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
      g_test_message ("forgery %u: %s", i, error ? error->message : "accepted");
      g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
      g_assert_true (g_pattern_match_simple ("The saved copy of acme cannot be used (*); "
                                             "it will be fetched again", error->message));
      g_assert_null (loaded);
    }
  /* The unforged file still loads: the edits, not the resealing, were refused. */
  save (f, "acme", NULL);
  rewrite (path, reseal_whole);
  g_clear_object (&f->dataset);
  f->dataset = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, NULL);
  g_assert_nonnull (f->dataset);
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

/* A FIFO (or a folder) where the file should be is refused at once: the
 * load never waits for a writer that will not come. */
static void
test_not_regular (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *endpoint_dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  g_auto(HubAsyncWait) wait = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (endpoint_dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  hub_cache_load_dataset_async (f->cache, ENDPOINT, "acme", NULL, hub_async_wait_cb, &wait);
  loaded = hub_cache_load_dataset_finish (f->cache, hub_async_wait (&wait, 10), NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_assert_null (loaded);

  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID);
  g_assert_null (loaded);
}

static char *
make_temporary (const char *dir,
                const char *name,
                gboolean    old)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "part of a breakdown", -1, &error);
  g_assert_no_error (error);
  if (old)
    {
      struct utimbuf two_days_ago = { time (NULL) - 2 * 24 * 3600, time (NULL) - 2 * 24 * 3600 };

      g_assert_cmpint (utime (path, &two_days_ago), ==, 0);
    }
  return path;
}

/* What a killed save left on a file system without O_TMPFILE is removed at
 * start-up, but never a temporary file that a running process holds, unless
 * it is older than a day. */
static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *endpoint_dir = g_path_get_dirname (path);
  g_autofree char *left = NULL;
  g_autofree char *held = NULL;
  g_autofree char *old_held = NULL;
  g_autofree char *other = NULL;
  g_autofree char *top_left = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  int held_fd, old_fd;

  g_assert_cmpint (g_mkdir_with_parents (endpoint_dir, 0700), ==, 0);
  left = make_temporary (endpoint_dir, ".acme.breakdown.hub-partial-a1b2c3", FALSE);
  held = make_temporary (endpoint_dir, ".acme.breakdown.hub-partial-d4e5f6", FALSE);
  old_held = make_temporary (endpoint_dir, ".beta.breakdown.hub-partial-g7h8i9", TRUE);
  other = make_temporary (endpoint_dir, "notes.hub-partial-txt", FALSE);
  top_left = make_temporary (f->dir, ".whoami.json.hub-partial-j1k2l3", FALSE);

  /* Held as a running --fetch or save holds its own. */
  held_fd = open (held, O_RDONLY);
  old_fd = open (old_held, O_RDONLY);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);
  g_assert_cmpint (flock (old_fd, LOCK_EX), ==, 0);

  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (top_left, G_FILE_TEST_EXISTS));
  close (held_fd);
  close (old_fd);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_auto(HubAsyncWait) saved = { 0 };
  g_auto(HubAsyncWait) load = { 0 };

  hub_cache_save_dataset_async (f->cache, ENDPOINT, "acme", f->dataset, NULL, NULL, hub_async_wait_cb, &saved);
  g_assert_true (hub_cache_save_dataset_finish (f->cache, hub_async_wait (&saved, 30), &error));
  g_assert_no_error (error);

  hub_cache_load_dataset_async (f->cache, ENDPOINT, "acme", NULL, hub_async_wait_cb, &load);
  loaded = hub_cache_load_dataset_finish (f->cache, hub_async_wait (&load, 30), &when, &error);
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

/* The child of /net/cache/killed-while-saving: saves the fixture into dir
 * again and again, saying when the first save is done, until it is killed. */
G_NORETURN static void
save_forever (const char *dir,
              const char *csv)
{
  g_autoptr(HubCache) cache = hub_cache_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_dataset_load_file (csv, "breakdown.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0;; i++)
    {
      g_assert_true (hub_cache_save_dataset (cache, ENDPOINT, "acme", dataset, NULL, NULL, &error));
      if (i == 0)
        {
          g_print ("saved\n");
          fflush (stdout);
        }
    }
}

static void
line_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HubAsyncWait *wait = user_data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object),
                                                                      result, NULL, NULL);

  g_assert_cmpstr (line, ==, "saved");
  wait->done = TRUE;
}

/* kill -9 while the cache is being saved, over and over: what is left is
 * the whole file, and no temporary one beside it. */
static void
test_killed_while_saving (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_BUILT, "net", "breakdown.csv", NULL);
  g_autofree char *path = hub_cache_get_dataset_path (f->cache, ENDPOINT, "acme");
  g_autofree char *endpoint_dir = g_path_get_dirname (path);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) loaded = NULL;
  HubAsyncWait saved = { 0 };
  const char *name;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--save-forever",
                            f->dir, csv, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, line_read, &saved);
  fake_hub_wait (&saved.done, 30);
  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_true (g_subprocess_get_if_signaled (child));

  dir = g_dir_open (endpoint_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "acme.breakdown");
  loaded = hub_cache_load_dataset (f->cache, ENDPOINT, "acme", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_dataset (f->dataset, loaded);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--save-forever"))
    save_forever (argv[2], argv[3]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/net/cache/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("paths", test_paths);
  ADD ("missing", test_missing);
  ADD ("corrupt", test_corrupt);
  ADD ("other-version", test_other_version_message);
  ADD ("forged", test_forged);
  ADD ("not-regular", test_not_regular);
  ADD ("stale-temporaries", test_stale_temporaries);
  ADD ("killed-while-saving", test_killed_while_saving);
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
