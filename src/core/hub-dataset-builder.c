/* hub-dataset-builder.c: the one gate every dataset passes
 *
 * The parser's rows and the dataset file's series alike go through it, and
 * it refuses whatever breaks what the rest of the code relies on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-dataset-private.h"

/* The builder: the one gate every dataset passes, whether its rows come from
 * the parser or its series from a dataset file. Rows arrive grouped by
 * repository, so the previous row's repository is compared before any hash
 * look-up; a repeated day is merged as it arrives, so that memory follows
 * the distinct (repository, day) pairs, not the rows. */

G_DEFINE_QUARK (hub-dataset-error-quark, hub_dataset_error)

typedef struct
{
  const char  *type;  /* interned */
  char        *name;
  gsize        name_len;
  gsize        type_len;
  gint64       total;
  HubDay      *days;
  gint64      *counts;
  guint        len;
  guint        cap;
  gboolean     unsorted;
  gboolean     sums;      /* counts holds running sums, as a dataset file gave them */
} BuildRepo;

struct _HubDatasetBuilder
{
  GHashTable   *index;
  GPtrArray    *repos;
  GStringChunk *names;
  BuildRepo    *current;
  guint64       rows;
  gboolean      merged_given;   /* hub_dataset_builder_set_rows() was called */
  guint64       merged_repeats;
};

static guint
build_repo_hash (gconstpointer key)
{
  const BuildRepo *repo = key;

  return g_str_hash (repo->name) ^ GPOINTER_TO_UINT (repo->type);
}

static gboolean
build_repo_equal (gconstpointer a,
                  gconstpointer b)
{
  const BuildRepo *ra = a, *rb = b;

  return ra->type == rb->type && ra->name_len == rb->name_len &&
         memcmp (ra->name, rb->name, ra->name_len) == 0;
}

static void
build_repo_free (BuildRepo *repo)
{
  if (repo == NULL)
    return;
  g_free (repo->days);
  g_free (repo->counts);
  g_free (repo);
}

HubDatasetBuilder *
hub_dataset_builder_new (void)
{
  HubDatasetBuilder *builder = g_new0 (HubDatasetBuilder, 1);

  builder->index = g_hash_table_new (build_repo_hash, build_repo_equal);
  builder->repos = g_ptr_array_new_with_free_func ((GDestroyNotify) build_repo_free);
  builder->names = g_string_chunk_new (64 * 1024);
  return builder;
}

void
hub_dataset_builder_free (HubDatasetBuilder *builder)
{
  if (builder == NULL)
    return;
  g_hash_table_unref (builder->index);
  g_ptr_array_unref (builder->repos);
  g_clear_pointer (&builder->names, g_string_chunk_free);
  g_free (builder);
}

static BuildRepo *
lookup_repo (HubDatasetBuilder *builder,
             const char        *type,
             const char        *name,
             gsize              name_len)
{
  BuildRepo key = { .type = g_intern_string (type), .name = (char *) name, .name_len = name_len };
  BuildRepo *repo = g_hash_table_lookup (builder->index, &key);

  if (repo == NULL)
    {
      repo = g_new0 (BuildRepo, 1);
      repo->type = key.type;
      repo->type_len = strlen (key.type);
      repo->name = g_string_chunk_insert_len (builder->names, name, (gssize) name_len);
      repo->name_len = name_len;
      g_ptr_array_add (builder->repos, repo);
      g_hash_table_add (builder->index, repo);
    }
  return repo;
}

/* A series taken whole from a file keeps its running sums until a row is
 * added to it. */
static void
build_repo_take_counts (BuildRepo *repo)
{
  if (!repo->sums)
    return;
  for (guint i = repo->len; i > 1; i--)
    repo->counts[i - 1] -= repo->counts[i - 2];
  repo->sums = FALSE;
}

typedef struct
{
  HubDay day;
  gint64 count;
} DayCount;

static int
compare_day_count (gconstpointer a,
                   gconstpointer b)
{
  const DayCount *da = a, *db = b;

  return (da->day > db->day) - (da->day < db->day);
}

/* Sorts the days and sums the counts of repeated ones, in place. Counts
 * are never negative, so the order in which they are summed does not
 * change a saturated sum. Days in order are already unique: a repeat of
 * the last day is merged as it arrives. */
static void
compact_build_repo (BuildRepo *repo)
{
  g_autofree DayCount *pairs = NULL;
  guint n = 0;

  if (!repo->unsorted)
    return;

  pairs = g_new (DayCount, MAX (repo->len, 1));
  for (guint i = 0; i < repo->len; i++)
    pairs[i] = (DayCount) { repo->days[i], repo->counts[i] };
  qsort (pairs, repo->len, sizeof (DayCount), compare_day_count);
  for (guint i = 0; i < repo->len; i++)
    {
      repo->days[i] = pairs[i].day;
      repo->counts[i] = pairs[i].count;
    }
  repo->unsorted = FALSE;

  for (guint i = 0; i < repo->len; i++)
    {
      if (n > 0 && repo->days[n - 1] == repo->days[i])
        {
          repo->counts[n - 1] = add_saturated (repo->counts[n - 1], repo->counts[i]);
          continue;
        }
      repo->days[n] = repo->days[i];
      repo->counts[n] = repo->counts[i];
      n++;
    }
  repo->len = n;
}

static void
build_repo_reserve (BuildRepo *repo,
                    guint      more)
{
  guint cap = repo->cap ? repo->cap : 16;

  if (repo->len + more <= repo->cap)
    return;
  while (cap < repo->len + more)
    cap *= 2;
  repo->cap = cap;
  repo->days = g_renew (HubDay, repo->days, cap);
  repo->counts = g_renew (gint64, repo->counts, cap);
}

/* A full array of rows out of order may hold repeats: merged first, it
 * grows only when the distinct days fill more than half of it. */
static void
build_repo_make_room (BuildRepo *repo)
{
  if (repo->unsorted)
    {
      compact_build_repo (repo);
      if (repo->len <= repo->cap / 2)
        return;
    }
  build_repo_reserve (repo, 1);
}

static inline void
build_repo_append (BuildRepo *repo,
                   HubDay     day,
                   gint64     count)
{
  if (G_UNLIKELY (repo->sums))
    build_repo_take_counts (repo);
  if (repo->len > 0 && day == repo->days[repo->len - 1])
    {
      repo->counts[repo->len - 1] = add_saturated (repo->counts[repo->len - 1], count);
      return;
    }
  if (G_UNLIKELY (repo->len == repo->cap))
    build_repo_make_room (repo);
  /* Compared after making room, which may have sorted the days. */
  if (repo->len > 0 && day <= repo->days[repo->len - 1])
    repo->unsorted = TRUE;
  repo->days[repo->len] = day;
  repo->counts[repo->len] = count;
  repo->len++;
}

/* What every row must hold before the rest of the code can rely on it. */
static inline gboolean
row_is_valid (gint64 total,
              HubDay day,
              gint64 downloads)
{
  return day >= HUB_DAY_FIRST && day <= HUB_DAY_LAST && total >= 0 && downloads >= 0;
}

/* type and name are NUL-terminated at their lengths. */
gboolean
hub_dataset_builder_add (HubDatasetBuilder *builder,
                         const char        *type,
                         gsize              type_len,
                         const char        *name,
                         gsize              name_len,
                         gint64             total,
                         HubDay             day,
                         gint64             downloads)
{
  BuildRepo *repo = builder->current;

  if (G_UNLIKELY (!row_is_valid (total, day, downloads)))
    return FALSE;
  if (repo == NULL || repo->name_len != name_len || repo->type_len != type_len ||
      memcmp (repo->name, name, name_len) != 0 || memcmp (repo->type, type, type_len) != 0)
    repo = builder->current = lookup_repo (builder, type, name, name_len);

  repo->total = MAX (repo->total, total);
  build_repo_append (repo, day, downloads);
  builder->rows++;
  return TRUE;
}

/* A row of the same repository as the previous one, when the caller knows
 * it is: no name to compare. */
gboolean
hub_dataset_builder_add_to_current (HubDatasetBuilder *builder,
                                    gint64             total,
                                    HubDay             day,
                                    gint64             downloads)
{
  BuildRepo *repo = builder->current;

  g_return_val_if_fail (repo != NULL, FALSE);

  if (G_UNLIKELY (!row_is_valid (total, day, downloads)))
    return FALSE;
  repo->total = MAX (repo->total, total);
  build_repo_append (repo, day, downloads);
  builder->rows++;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *why)
{
  g_set_error_literal (error, HUB_DATASET_ERROR, HUB_DATASET_ERROR_INVALID, why);
  return FALSE;
}

/* A repository's whole series as a dataset file keeps it: sorted days and
 * their running sums. Counted as n_days rows, until set_rows() says more. */
gboolean
hub_dataset_builder_add_series (HubDatasetBuilder  *builder,
                                const char         *type,
                                gsize               type_len,
                                const char         *name,
                                gsize               name_len,
                                gint64              total,
                                const HubDay       *days,
                                const gint64       *cum,
                                guint               n_days,
                                GError            **error)
{
  BuildRepo *repo;
  g_autofree char *type_copy = NULL;

  if (type_len == 0 || name_len == 0 ||
      !g_utf8_validate_len (type, type_len, NULL) || !g_utf8_validate_len (name, name_len, NULL))
    return refuse (error, _("a repository has no type or name, or one that is not text"));
  if (total < 0)
    return refuse (error, _("a repository’s total is negative"));
  for (guint i = 0; i < n_days; i++)
    {
      if (days[i] < HUB_DAY_FIRST || days[i] > HUB_DAY_LAST)
        return refuse (error, _("a day lies outside the years 1 to 9999"));
      if (i > 0 && days[i] <= days[i - 1])
        return refuse (error, _("the days of a repository are out of order"));
      if (cum[i] < (i > 0 ? cum[i - 1] : 0))
        return refuse (error, _("the downloads of a day are negative"));
    }

  type_copy = g_strndup (type, type_len);
  repo = builder->current = lookup_repo (builder, type_copy, name, name_len);
  repo->total = MAX (repo->total, total);
  if (repo->cap == 0 && n_days > 0)
    {
      /* The usual case, a repository met once: its days are in order, and
       * its sums are kept as they are, in arrays of their exact size. */
      repo->days = g_memdup2 (days, n_days * sizeof (HubDay));
      repo->counts = g_memdup2 (cum, n_days * sizeof (gint64));
      repo->len = repo->cap = n_days;
      repo->sums = TRUE;
    }
  else
    {
      build_repo_reserve (repo, n_days);
      for (guint i = 0; i < n_days; i++)
        build_repo_append (repo, days[i], cum[i] - (i > 0 ? cum[i - 1] : 0));
    }
  builder->rows += n_days;
  return TRUE;
}

/* The counts a dataset file records, checked against the series at finish. */
void
hub_dataset_builder_set_rows (HubDatasetBuilder *builder,
                              guint64            rows,
                              guint64            merged_repeats)
{
  builder->rows = rows;
  builder->merged_repeats = merged_repeats;
  builder->merged_given = TRUE;
}

guint64
hub_dataset_builder_get_rows (HubDatasetBuilder *builder)
{
  return builder->rows;
}

guint64
hub_dataset_builder_get_capacity (HubDatasetBuilder *builder)
{
  guint64 held = 0;

  for (guint i = 0; i < builder->repos->len; i++)
    held += ((BuildRepo *) g_ptr_array_index (builder->repos, i))->cap;
  return held;
}

/* Moves every row of other into builder; other is left empty. A repository
 * that builder lacks changes hands whole, so its rows are not copied (the
 * halves of a split file share only the repository at the split). */
void
hub_dataset_builder_merge (HubDatasetBuilder *builder,
                           HubDatasetBuilder *other)
{
  for (guint i = 0; i < other->repos->len; i++)
    {
      BuildRepo *from = g_ptr_array_index (other->repos, i);
      BuildRepo key = { .type = from->type, .name = from->name, .name_len = from->name_len };
      BuildRepo *into = g_hash_table_lookup (builder->index, &key);

      if (into == NULL)
        {
          from->name = g_string_chunk_insert_len (builder->names, from->name,
                                                  (gssize) from->name_len);
          g_ptr_array_add (builder->repos, from);
          g_hash_table_add (builder->index, from);
          other->repos->pdata[i] = NULL;
          continue;
        }

      into->total = MAX (into->total, from->total);
      if (from->len == 0)
        continue;
      build_repo_take_counts (into);
      build_repo_take_counts (from);
      build_repo_reserve (into, from->len);
      if (into->len > 0 && from->days[0] <= into->days[into->len - 1])
        into->unsorted = TRUE;
      memcpy (into->days + into->len, from->days, from->len * sizeof (HubDay));
      memcpy (into->counts + into->len, from->counts, from->len * sizeof (gint64));
      into->len += from->len;
      into->unsorted |= from->unsorted;
    }
  builder->rows += other->rows;
  builder->current = NULL;
  g_hash_table_remove_all (other->index);
  g_ptr_array_set_size (other->repos, 0);
  other->current = NULL;
  other->rows = 0;
}

/* Turns the counts of a compacted repository into running sums in place
 * and gives the arrays to out. */
static void
finish_build_repo (BuildRepo *repo,
                   HubRepo   *out)
{
  gint64 running = 0;

  for (guint i = 0; i < repo->len && !repo->sums; i++)
    {
      running = add_saturated (running, repo->counts[i]);
      repo->counts[i] = running;
    }

  out->type = repo->type;
  out->name = repo->name;
  out->kind = hub_repo_kind_from_type (repo->type);
  out->total = repo->total;
  out->n_days = repo->len;
  out->days = g_renew (HubDay, g_steal_pointer (&repo->days), MAX (repo->len, 1));
  out->cum = g_renew (gint64, g_steal_pointer (&repo->counts), MAX (repo->len, 1));
}

HubDataset *
hub_dataset_builder_finish (HubDatasetBuilder  *builder,
                            GError            **error)
{
  guint n = builder->repos->len;
  HubRepo *repos;
  guint64 pairs = 0;

  for (guint i = 0; i < n; i++)
    {
      BuildRepo *repo = g_ptr_array_index (builder->repos, i);

      compact_build_repo (repo);
      pairs += repo->len;
    }
  /* Each row read is a distinct (repository, day) or a repeat of one. */
  if (builder->rows > G_MAXINT64 || builder->rows < pairs ||
      (builder->merged_given && builder->merged_repeats != builder->rows - pairs))
    {
      refuse (error, _("the count of rows does not match the days"));
      return NULL;
    }

  repos = g_new0 (HubRepo, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    finish_build_repo (g_ptr_array_index (builder->repos, i), &repos[i]);

  g_hash_table_remove_all (builder->index);
  g_ptr_array_set_size (builder->repos, 0);
  builder->current = NULL;

  return hub_dataset_new_take (repos, n, g_steal_pointer (&builder->names),
                               builder->rows, builder->rows - pairs);
}
