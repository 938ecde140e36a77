/* test-history.c: the history database, its snapshots and its failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "fake-hub.h"
#include "hub-history-private.h"
#include "hub-net.h"

#define ENDPOINT "https://huggingface.co"

static char *
temp_history_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hub-history-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "data", "history.sqlite3", NULL);
}

static void
remove_history (const char *path)
{
  g_autofree char *data = g_path_get_dirname (path);
  g_autofree char *top = g_path_get_dirname (data);

  fake_hub_remove_tree (top);
}

static HubHistory *
open_history (const char *path)
{
  g_autoptr(GError) error = NULL;
  HubHistory *history = hub_history_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

/* n repositories of author, as a listing of that round would give them. */
static GPtrArray *
make_infos (const char *author,
            guint       n,
            gint64      round)
{
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);

  for (guint i = 0; i < n; i++)
    {
      HubRepoInfo *info = g_new0 (HubRepoInfo, 1);

      info->type = g_strdup (i % 5 == 4 ? "dataset" : "model");
      info->name = g_strdup_printf ("%s/repository-with-a-longish-name-%05u", author, i);
      info->downloads = 100 * (i + 1) + round;
      info->downloads_all_time = 1000 * (i + 1) + round * (i + 1);
      info->likes = i % 17;
      info->trending_score = i % 3;
      info->is_private = FALSE;
      info->created_at = g_date_time_new_utc (2026, 1, 1 + i % 28, 0, 0, 0);
      info->last_modified = g_date_time_new_utc (2026, 10, 1 + i % 28, 8, 0, 0);
      g_ptr_array_add (infos, info);
    }
  return infos;
}

static void
save (HubHistory *history,
      const char *author,
      HubDay      day,
      GPtrArray  *infos)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_history_save_snapshot (history, ENDPOINT, author, day, NULL, infos, &error));
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static const HubRepoHistory *
find_history (GPtrArray  *histories,
              const char *name)
{
  for (guint i = 0; i < histories->len; i++)
    if (g_str_equal (((HubRepoHistory *) g_ptr_array_index (histories, i))->name, name))
      return g_ptr_array_index (histories, i);
  g_error ("the history has no repository %s", name);
}

/* The folder is private and so is the file, its journal included. */
static void
test_permissions (void)
{
  g_autofree char *path = temp_history_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) infos = make_infos ("open-lab", 3, 1);
  GStatBuf st;

  save (history, "open-lab", hub_day_from_ymd (2026, 11, 1), infos);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&history);
  remove_history (path);
}

/* Without a path, the history lives in the app's data folder. */
static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "hub-analytics",
                                                "history.sqlite3", NULL);
  g_autoptr(HubHistory) history = open_history (NULL);

  g_assert_cmpstr (hub_history_get_path (history), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static GPtrArray *
take_snapshot (HubHistory  *history,
               HubClient   *client,
               const char  *author,
               HubDay       day,
               GPtrArray  **partial,
               GError     **error)
{
  g_auto(HubAsyncWait) wait = { 0 };
  HubProgress progress = { 0 };
  GPtrArray *infos;

  hub_history_take_snapshot_async (history, client, author, day, &progress, NULL, hub_async_wait_cb, &wait);
  infos = hub_history_take_snapshot_finish (history, hub_async_wait (&wait, 30), partial, error);
  if (infos != NULL)
    g_assert_cmpuint (atomic_load (&progress.rows), ==, infos->len);
  return infos;
}

/* Snapshots on days chosen by the test (the clock injected): the estimates
 * follow DESIGN.md from the second on. */
static void
test_successive_days (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = g_object_new (HUB_TYPE_CLIENT, "endpoint", hub->url,
                                              "retry-delay", 10, NULL);
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) estimated = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  HubDay first = hub_day_from_ymd (2026, 11, 20);
  const HubRepoHistory *repo;
  gint64 day1, day23;

  for (guint i = 0; i < 3; i++)
    {
      HubDay day = first + (HubDay[]) { 0, 1, 3 }[i];
      g_autoptr(GPtrArray) infos = take_snapshot (history, client, "open-lab", day, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (infos->len, ==, 10);
    }

  days = hub_history_list_days (history, hub->url, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_array_index (days, HubDay, 2), ==, first + 3);

  histories = hub_history_load_author (history, hub->url, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (histories->len, ==, 10);
  repo = find_history (histories, "open-lab/models-1");
  g_assert_cmpuint (repo->points->len, ==, 3);

  /* Round 1 → 2 in one day, round 2 → 3 over two days. */
  estimated = hub_estimate_daily (repo, NULL);
  day1 = fake_hub_public_all_time ("open-lab", "models", 1, 2) -
         fake_hub_public_all_time ("open-lab", "models", 1, 1);
  day23 = fake_hub_public_all_time ("open-lab", "models", 1, 3) -
          fake_hub_public_all_time ("open-lab", "models", 1, 2);
  g_assert_cmpuint (estimated->len, ==, 3);
  g_assert_cmpint (g_array_index (estimated, HubEstimatedDay, 0).downloads, ==, day1);
  g_assert_cmpint (g_array_index (estimated, HubEstimatedDay, 1).downloads, ==, day23 / 2);
  g_assert_cmpint (g_array_index (estimated, HubEstimatedDay, 2).downloads, ==, day23 - day23 / 2);

  /* Spaces have no downloads, so no estimate: the dataset has the rest. */
  dataset = hub_estimate_to_dataset (histories, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 8);
  g_assert_cmpint (hub_dataset_get_as_of (dataset), ==, first + 3);
  g_assert_cmpint (hub_repo_day_count (hub_dataset_find_repo (dataset, "model", "open-lab/models-1"),
                                       first + 1), ==, day1);

  g_clear_object (&history);
  remove_history (path);
}

/* A later snapshot the same day replaces the earlier one, whole. */
static void
test_same_day_replaces (void)
{
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) morning = make_infos ("open-lab", 4, 1);
  g_autoptr(GPtrArray) evening = make_infos ("open-lab", 3, 2);
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  HubDay day = hub_day_from_ymd (2026, 11, 21);
  HubDay latest_day = HUB_DAY_NONE;
  const HubRepoInfo *info;

  save (history, "open-lab", day, morning);
  save (history, "open-lab", day, evening);

  days = hub_history_list_days (history, ENDPOINT, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  latest = hub_history_load_latest (history, ENDPOINT, "open-lab", &latest_day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest_day, ==, day);
  g_assert_cmpuint (latest->len, ==, 3);
  info = g_ptr_array_index (latest, 0);
  g_assert_cmpstr (info->name, ==, "open-lab/repository-with-a-longish-name-00000");
  g_assert_cmpint (info->downloads_all_time, ==, 1002);
  g_assert_cmpint (info->downloads, ==, 102);
  g_assert_cmpint (info->trending_score, ==, 0);
  g_assert_nonnull (info->created_at);
  g_assert_nonnull (info->last_modified);

  g_clear_object (&history);
  remove_history (path);
}

/* A listing that fails on a later page is no snapshot: nothing is written,
 * and what was saved before stays. */
static void
test_incomplete_not_saved (void)
{
  g_autoptr(FakeHub) hub = fake_hub_new (NULL);
  g_autoptr(HubClient) client = g_object_new (HUB_TYPE_CLIENT, "endpoint", hub->url,
                                              "retry-delay", 10, NULL);
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) earlier = make_infos ("pub-500", 2, 1);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) partial = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  HubDay day = hub_day_from_ymd (2026, 11, 22);

  g_assert_true (hub_history_save_snapshot (history, hub->url, "pub-500", day - 1, NULL,
                                            earlier, &error));
  infos = take_snapshot (history, client, "pub-500", day, &partial, &error);
  g_assert_null (infos);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_SERVER);
  g_assert_nonnull (partial);
  g_assert_cmpuint (partial->len, ==, 5);
  g_clear_error (&error);

  days = hub_history_list_days (history, hub->url, "pub-500", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (g_array_index (days, HubDay, 0), ==, day - 1);

  g_clear_object (&history);
  remove_history (path);
}

/* Followed authors, for the source switcher; unfollowing keeps the history. */
static void
test_authors (void)
{
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) infos = make_infos ("open-lab", 2, 1);
  g_autoptr(GPtrArray) authors = NULL;
  g_autoptr(GError) error = NULL;
  const HubHistoryAuthor *author;
  HubDay day = hub_day_from_ymd (2026, 11, 1);

  save (history, "open-lab", day, infos);
  save (history, "open-lab", day + 7, infos);
  g_assert_true (hub_history_set_followed (history, ENDPOINT, "rival", TRUE, &error));
  g_assert_true (hub_history_set_followed (history, ENDPOINT, "open-lab", FALSE, &error));
  g_assert_no_error (error);

  authors = hub_history_list_authors (history, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (authors->len, ==, 2);
  author = g_ptr_array_index (authors, 0);
  g_assert_cmpstr (author->name, ==, "open-lab");
  g_assert_cmpstr (author->endpoint, ==, ENDPOINT);
  g_assert_false (author->followed);
  g_assert_cmpuint (author->n_snapshots, ==, 2);
  g_assert_cmpint (author->first_day, ==, day);
  g_assert_cmpint (author->last_day, ==, day + 7);
  author = g_ptr_array_index (authors, 1);
  g_assert_cmpstr (author->name, ==, "rival");
  g_assert_true (author->followed);
  g_assert_cmpuint (author->n_snapshots, ==, 0);
  g_assert_cmpint (author->first_day, ==, HUB_DAY_NONE);

  g_clear_object (&history);
  remove_history (path);
}

/* A database of each earlier schema, with snapshots written the way that
 * version wrote them. Adding a schema step means adding its fixture here. */
static const char *const fixtures[] = {
  /* version 1 */
  "INSERT INTO authors (id, endpoint, name) VALUES (1, '" ENDPOINT "', 'open-lab');"
  "INSERT INTO snapshots (id, author_id, day, taken_at) VALUES (1, 1, 20400, 1762600000);"
  "INSERT INTO snapshots (id, author_id, day, taken_at) VALUES (2, 1, 20403, 1762860000);"
  "INSERT INTO figures VALUES (1, 'model', 'open-lab/one', 90, 1000, 4);"
  "INSERT INTO figures VALUES (1, 'dataset', 'open-lab/one', 5, 50, NULL);"
  "INSERT INTO figures VALUES (2, 'model', 'open-lab/one', 95, 1010, 5);"
  "INSERT INTO figures VALUES (2, 'dataset', 'open-lab/one', 6, 56, 1);",
  /* version 2 */
  "INSERT INTO authors (id, endpoint, name, followed) VALUES (1, '" ENDPOINT "', 'open-lab', 1);"
  "INSERT INTO snapshots (id, author_id, day, taken_at, source) VALUES (1, 1, 20400, 1762600000, 'hub');"
  "INSERT INTO snapshots (id, author_id, day, taken_at, source) VALUES (2, 1, 20403, 1762860000, 'hub');"
  "INSERT INTO repos (id, author_id, type, name) VALUES (1, 1, 'model', 'open-lab/one');"
  "INSERT INTO repos (id, author_id, type, name) VALUES (2, 1, 'dataset', 'open-lab/one');"
  "INSERT INTO repo_figures (snapshot_id, repo_id, downloads, downloads_all_time, likes)"
  "  VALUES (1, 1, 90, 1000, 4), (1, 2, 5, 50, NULL), (2, 1, 95, 1010, 5), (2, 2, 6, 56, 1);",
};

static void
test_migrations (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (fixtures), ==, hub_history_schema_version () - 1);

  for (guint version = 1; version < hub_history_schema_version (); version++)
    {
      g_autofree char *path = temp_history_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(HubHistory) history = NULL;
      g_autoptr(GPtrArray) histories = NULL;
      g_autoptr(GPtrArray) authors = NULL;
      g_autoptr(GPtrArray) more = make_infos ("open-lab", 1, 1);
      g_autoptr(GError) error = NULL;
      const HubRepoHistory *model;
      const HubRepoHistory *dataset;
      sqlite3 *db = NULL;

      g_test_message ("from schema version %u", version);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (hub_history_migrate (db, path, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_exec (db, fixtures[version - 1], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      history = open_history (path);
      histories = hub_history_load_author (history, ENDPOINT, "open-lab", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (histories->len, ==, 2);
      dataset = g_ptr_array_index (histories, 0);
      model = g_ptr_array_index (histories, 1);
      g_assert_cmpstr (dataset->type, ==, "dataset");
      g_assert_cmpstr (model->type, ==, "model");
      g_assert_cmpstr (model->name, ==, "open-lab/one");
      g_assert_cmpuint (model->points->len, ==, 2);
      g_assert_cmpint (g_array_index (model->points, HubSnapshotPoint, 1).day, ==, 20403);
      g_assert_cmpint (g_array_index (model->points, HubSnapshotPoint, 1).downloads_all_time, ==, 1010);
      g_assert_cmpint (g_array_index (model->points, HubSnapshotPoint, 1).downloads, ==, 95);
      g_assert_cmpint (g_array_index (model->points, HubSnapshotPoint, 1).likes, ==, 5);
      g_assert_cmpint (g_array_index (dataset->points, HubSnapshotPoint, 0).likes, ==, -1);

      /* The migrated history takes new snapshots and knows its authors. */
      save (history, "open-lab", 20404, more);
      authors = hub_history_list_authors (history, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (authors->len, ==, 1);
      g_assert_true (((HubHistoryAuthor *) g_ptr_array_index (authors, 0))->followed);
      g_assert_cmpuint (((HubHistoryAuthor *) g_ptr_array_index (authors, 0))->n_snapshots, ==, 3);

      /* And notes, which came with the third version. */
      {
        g_autoptr(GPtrArray) notes = NULL;

        g_assert_cmpint (hub_history_add_note (history, "org:open-lab", NULL, NULL, 20401,
                                               "launch", &error), >, 0);
        g_assert_no_error (error);
        notes = hub_history_list_notes (history, "org:open-lab", NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (notes->len, ==, 1);
      }

      g_clear_object (&history);
      remove_history (path);
    }
}

static HubNote *
note_at (GPtrArray *notes,
         guint      index)
{
  g_assert_cmpuint (index, <, notes->len);
  return g_ptr_array_index (notes, index);
}

/* Notes of a source and of its repositories: kept across reopening, in day
 * order, a repository's list holding the source's own; empty or overlong
 * text refused with a message and nothing written. */
static void
test_notes (void)
{
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) repo = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (HUB_NOTE_MAX_CHARS + 1, 'x');
  gint64 paper, release;

  paper = hub_history_add_note (history, "org:open-lab", NULL, NULL, 20410, "  paper accepted ", &error);
  g_assert_no_error (error);
  release = hub_history_add_note (history, "org:open-lab", "model", "open-lab/one", 20405,
                                  "v2 released", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hub_history_add_note (history, "org:open-lab", "dataset", "open-lab/one", 20407,
                                         "dataset card", &error), >, 0);
  g_assert_cmpint (hub_history_add_note (history, "file:///tmp/b.csv", NULL, NULL, 20400,
                                         "elsewhere", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (paper, >, 0);
  g_assert_cmpint (release, >, paper);

  g_assert_cmpint (hub_history_add_note (history, "org:open-lab", NULL, NULL, 20410, " \t\n", &error),
                   ==, 0);
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hub_history_add_note (history, "org:open-lab", NULL, NULL, 20410, long_text, &error),
                   ==, 0);
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "500"));
  g_clear_error (&error);

  g_clear_object (&history);
  history = open_history (path);

  all = hub_history_list_notes (history, "org:open-lab", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (note_at (all, 0)->text, ==, "v2 released");
  g_assert_cmpint (note_at (all, 0)->day, ==, 20405);
  g_assert_cmpstr (note_at (all, 0)->repo_type, ==, "model");
  g_assert_cmpstr (note_at (all, 1)->repo_type, ==, "dataset");
  g_assert_cmpstr (note_at (all, 2)->text, ==, "paper accepted");
  g_assert_null (note_at (all, 2)->repo_name);

  repo = hub_history_list_notes (history, "org:open-lab", "model", "open-lab/one", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (repo->len, ==, 2);
  g_assert_cmpint (note_at (repo, 0)->id, ==, release);
  g_assert_cmpint (note_at (repo, 1)->id, ==, paper);

  other = hub_history_list_notes (history, "file:///tmp/b.csv", NULL, NULL, &error);
  g_assert_cmpuint (other->len, ==, 1);

  g_assert_true (hub_history_remove_note (history, release, &error));
  g_assert_no_error (error);
  after = hub_history_list_notes (history, "org:open-lab", "model", "open-lab/one", &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (note_at (after, 0)->text, ==, "paper accepted");

  g_clear_object (&history);
  remove_history (path);
}

/* A history from a newer version is refused and left byte for byte. */
static void
test_newer_refused (void)
{
  g_autofree char *path = temp_history_path ();
  g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %u",
                                          hub_history_schema_version () + 1);
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(HubHistory) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&history);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (path);

  again = hub_history_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  remove_history (path);
}

/* Another writer holds the file: the save is refused as locked, nothing
 * is lost, and it goes through once the file is free. */
static void
test_locked (void)
{
  g_autofree char *path = temp_history_path ();
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) first = make_infos ("open-lab", 5, 1);
  g_autoptr(GPtrArray) second = make_infos ("open-lab", 5, 2);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  HubDay day = hub_day_from_ymd (2026, 11, 1);
  sqlite3 *other = NULL;

  save (history, "open-lab", day, first);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  hub_history_set_busy_timeout (history, 20);
  g_assert_false (hub_history_save_snapshot (history, ENDPOINT, "open-lab", day + 1, NULL,
                                             second, &error));
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Reading goes on while another program writes. */
  days = hub_history_list_days (history, ENDPOINT, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  save (history, "open-lab", day + 1, second);
  g_clear_pointer (&days, g_array_unref);
  days = hub_history_list_days (history, ENDPOINT, "open-lab", &error);
  g_assert_cmpuint (days->len, ==, 2);

  g_clear_object (&history);
  remove_history (path);
}

/* The disk fills up during a save: a file-size limit makes writes fail as
 * a full disk would, even as root. The save is refused, and the snapshot
 * saved before is whole afterwards. */
static void
test_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GPtrArray) earlier = make_infos ("open-lab", 20, 1);
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GArray) days = NULL;
  g_auto(GStrv) envp = NULL;
  HubDay day = hub_day_from_ymd (2026, 11, 1);
  GStatBuf st;

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) big = make_infos ("open-lab", 5000, 2);
      struct rlimit limit;

      path = g_strdup (g_getenv ("HUB_TEST_HISTORY"));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size + 64 * 1024;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      history = open_history (path);
      g_assert_false (hub_history_save_snapshot (history, ENDPOINT, "open-lab", day + 1, NULL,
                                                 big, &error));
      g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, path));
      return;
    }

  path = temp_history_path ();
  history = open_history (path);
  save (history, "open-lab", day, earlier);
  g_clear_object (&history);

  envp = g_environ_setenv (g_get_environ (), "HUB_TEST_HISTORY", path, TRUE);
  g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  history = open_history (path);
  days = hub_history_list_days (history, ENDPOINT, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  histories = hub_history_load_author (history, ENDPOINT, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (histories->len, ==, 20);
  g_assert_cmpint (g_array_index (((HubRepoHistory *) g_ptr_array_index (histories, 19))->points,
                                  HubSnapshotPoint, 0).downloads_all_time, >, 0);

  g_clear_object (&history);
  remove_history (path);
}

/* A file that is no database, and one whose pages were damaged: reported,
 * and never rewritten. */
static void
test_damaged (void)
{
  g_autofree char *path = temp_history_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GPtrArray) infos = make_infos ("open-lab", 300, 1);
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *damaged = NULL;
  const char junk[] = "This is a note, not a database. It must survive whatever happens.\n";
  gsize len;

  /* Not a database at all. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  history = hub_history_open (path, &error);
  g_assert_null (history);
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), junk, strlen (junk));
  g_clear_pointer (&after, g_bytes_unref);
  g_unlink (path);

  /* A real history whose pages after the first were overwritten. */
  history = open_history (path);
  save (history, "open-lab", hub_day_from_ymd (2026, 11, 1), infos);
  g_clear_object (&history);
  before = read_bytes (path);
  len = g_bytes_get_size (before);
  damaged = g_memdup2 (g_bytes_get_data (before, NULL), len);
  g_assert_cmpuint (len, >, 4 * 4096);
  memset (damaged + 4096, 0x5a, len - 4096);
  g_assert_true (g_file_set_contents (path, damaged, (gssize) len, NULL));
  g_clear_pointer (&before, g_bytes_unref);
  before = read_bytes (path);

  history = hub_history_open (path, &error);
  if (history != NULL)
    {
      histories = hub_history_load_author (history, ENDPOINT, "open-lab", &error);
      g_assert_null (histories);
      g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_DAMAGED);
      g_clear_error (&error);
      g_assert_false (hub_history_save_snapshot (history, ENDPOINT, "open-lab",
                                                 hub_day_from_ymd (2026, 11, 2), NULL, infos,
                                                 &error));
      g_clear_object (&history);
    }
  g_assert_error (error, HUB_HISTORY_ERROR, HUB_HISTORY_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, path));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  remove_history (path);
}

/* The history as the breakdown's five columns and the estimate flag. */
static void
test_export (void)
{
  g_autofree char *path = temp_history_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *csv = g_build_filename (dir, "open-lab-history.csv", NULL);
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(GPtrArray) first = make_infos ("open-lab", 2, 1);
  g_autoptr(GPtrArray) second = make_infos ("open-lab", 2, 4);
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *text = NULL;
  HubDay day = hub_day_from_ymd (2026, 11, 1);

  save (history, "open-lab", day, first);
  save (history, "open-lab", day + 3, second);
  histories = hub_history_load_author (history, ENDPOINT, "open-lab", &error);
  g_assert_no_error (error);
  g_assert_true (hub_estimate_export (histories, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_cmpstr (text, ==,
                   "repoType,repoName,total,timestamp,downloads,estimate\n"
                   "model,open-lab/repository-with-a-longish-name-00000,1004,2026-11-02T00:00:00.000Z,1,true\n"
                   "model,open-lab/repository-with-a-longish-name-00000,1004,2026-11-03T00:00:00.000Z,1,true\n"
                   "model,open-lab/repository-with-a-longish-name-00000,1004,2026-11-04T00:00:00.000Z,1,true\n"
                   "model,open-lab/repository-with-a-longish-name-00001,2008,2026-11-02T00:00:00.000Z,2,true\n"
                   "model,open-lab/repository-with-a-longish-name-00001,2008,2026-11-03T00:00:00.000Z,2,true\n"
                   "model,open-lab/repository-with-a-longish-name-00001,2008,2026-11-04T00:00:00.000Z,2,true\n");

  /* Whatever reads breakdowns reads it. */
  dataset = hub_dataset_load_file (csv, "open-lab-history.csv", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_dataset_get_n_repos (dataset), ==, 2);
  g_assert_cmpint (hub_dataset_get_totals (dataset)->all_time, ==, 1004 + 2008);

  g_clear_object (&history);
  remove_history (path);
}

/* A folder of community snapshots goes in whole; days the history has
 * already are kept as they are, and counted. */
static void
test_import (void)
{
  g_autofree char *path = temp_history_path ();
  g_autofree char *folder_path = g_test_build_filename (G_TEST_DIST, "core", "snapshots", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(HubHistory) history = open_history (path);
  g_autoptr(HubImportPreview) preview = NULL;
  g_autoptr(GPtrArray) from_hub = make_infos ("acme", 2, 1);
  g_autoptr(GPtrArray) histories = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  HubImportResult result = { 0 };
  const HubRepoHistory *one;

  save (history, "acme", hub_day_from_ymd (2026, 11, 10), from_hub);
  preview = hub_import_preview_folder (folder, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (hub_history_import (history, ENDPOINT, preview, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.snapshots, ==, 4);
  g_assert_cmpuint (result.figures, ==, 7);
  g_assert_cmpuint (result.already_kept, ==, 1);

  days = hub_history_list_days (history, ENDPOINT, "acme", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 4);
  histories = hub_history_load_author (history, ENDPOINT, "acme", &error);
  g_assert_no_error (error);
  one = find_history (histories, "acme/one");
  /* 10-01, 11-01 and 11-11 imported; 11-10 is the Hub's, which had no acme/one. */
  g_assert_cmpuint (one->points->len, ==, 3);
  g_assert_cmpint (g_array_index (one->points, HubSnapshotPoint, 1).downloads_all_time, ==, 1300);
  g_assert_cmpint (g_array_index (one->points, HubSnapshotPoint, 2).day, ==,
                   hub_day_from_ymd (2026, 11, 11));
  g_assert_cmpint (g_array_index (one->points, HubSnapshotPoint, 2).downloads_all_time, ==, 1411);
  g_assert_nonnull (find_history (histories, "acme/repository-with-a-longish-name-00001"));

  /* The same folder again adds nothing. */
  g_assert_true (hub_history_import (history, ENDPOINT, preview, &result, &error));
  g_assert_cmpuint (result.snapshots, ==, 0);
  g_assert_cmpuint (result.already_kept, ==, 5);

  g_clear_object (&history);
  remove_history (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("hub-history-data-XXXXXX", NULL);
  int status;

  /* The default history goes into a data folder of the test's own (the
   * subprocesses inherit it). */
  if (g_getenv ("HUB_TEST_DATA_HOME") == NULL)
    g_setenv ("HUB_TEST_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_HOME", g_getenv ("HUB_TEST_DATA_HOME"), TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/history/permissions", test_permissions);
  g_test_add_func ("/net/history/default-path", test_default_path);
  g_test_add_func ("/net/history/successive-days", test_successive_days);
  g_test_add_func ("/net/history/same-day-replaces", test_same_day_replaces);
  g_test_add_func ("/net/history/incomplete-not-saved", test_incomplete_not_saved);
  g_test_add_func ("/net/history/authors", test_authors);
  g_test_add_func ("/net/history/migrations", test_migrations);
  g_test_add_func ("/net/history/notes", test_notes);
  g_test_add_func ("/net/history/newer-refused", test_newer_refused);
  g_test_add_func ("/net/history/locked", test_locked);
  g_test_add_func ("/net/history/full", test_full);
  g_test_add_func ("/net/history/damaged", test_damaged);
  g_test_add_func ("/net/history/export", test_export);
  g_test_add_func ("/net/history/import", test_import);

  status = g_test_run ();
  if (!g_test_subprocess ())
    fake_hub_remove_tree (data_home);
  return status;
}
