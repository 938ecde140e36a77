/* hub-dataset.c: repositories, their daily series, and every number DESIGN.md defines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hub-dataset-private.h"
#include "hub-range.h"

struct _HubDataset
{
  GObject       parent_instance;

  HubRepo      *repos;
  guint         n_repos;
  GStringChunk *names;
  HubRepo       overall;
  HubTotals     totals;
  GHashTable   *index;  /* of HubRepo*, by type and name, made on first look-up */
};

G_DEFINE_FINAL_TYPE (HubDataset, hub_dataset, G_TYPE_OBJECT)

/* Counts are below 2^63 each, but a sum of many could pass it: it stops there. */
static inline gint64
add_saturated (gint64 a,
               gint64 b)
{
  gint64 r;

  if (__builtin_add_overflow (a, b, &r))
    return G_MAXINT64;
  return r;
}

HubRepoKind
hub_repo_kind_from_type (const char *type)
{
  if (g_str_equal (type, "model"))
    return HUB_REPO_KIND_MODEL;
  if (g_str_equal (type, "dataset"))
    return HUB_REPO_KIND_DATASET;
  if (g_str_equal (type, "space"))
    return HUB_REPO_KIND_SPACE;
  return HUB_REPO_KIND_OTHER;
}

HubChange
hub_change_compute (gint64 last,
                    gint64 previous)
{
  HubChange change = { HUB_CHANGE_RATIO, 0.0 };

  if (previous == 0)
    change.kind = last == 0 ? HUB_CHANGE_NONE : HUB_CHANGE_NEW;
  else
    change.ratio = ((double) last - (double) previous) / (double) previous;
  return change;
}

/* Index of the first day >= day. */
static guint
lower_bound (const HubRepo *repo,
             HubDay         day)
{
  guint lo = 0, hi = repo->n_days;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (repo->days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gint64
sum_before (const HubRepo *repo,
            guint          index)
{
  return index == 0 ? 0 : repo->cum[index - 1];
}

gint64
hub_repo_range_sum (const HubRepo *repo,
                    HubDay         first,
                    HubDay         last)
{
  guint lo, hi;

  g_return_val_if_fail (repo != NULL, 0);

  if (last < first || repo->n_days == 0)
    return 0;
  lo = lower_bound (repo, first);
  hi = last == G_MAXINT32 ? repo->n_days : lower_bound (repo, last + 1);
  if (hi <= lo)
    return 0;
  return repo->cum[hi - 1] - sum_before (repo, lo);
}

gint64
hub_repo_day_count (const HubRepo *repo,
                    HubDay         day)
{
  return hub_repo_range_sum (repo, day, day);
}

gint64
hub_repo_all_time (const HubRepo *repo)
{
  gint64 sum = repo->n_days ? repo->cum[repo->n_days - 1] : 0;

  return MAX (repo->total, sum);
}

gint64
hub_repo_last_month (const HubRepo *repo,
                     HubDay         as_of)
{
  HubRange month;

  if (as_of == HUB_DAY_NONE)
    return 0;
  month = hub_range_last_month (as_of);
  return hub_repo_range_sum (repo, month.first, month.last);
}

gint64
hub_repo_previous_month (const HubRepo *repo,
                         HubDay         as_of)
{
  HubRange previous;

  if (as_of == HUB_DAY_NONE)
    return 0;
  previous = hub_range_before (hub_range_last_month (as_of));
  return hub_repo_range_sum (repo, previous.first, previous.last);
}

gint64
hub_repo_period_downloads (const HubRepo *repo,
                           HubPeriod      period,
                           HubDay         as_of)
{
  return period == HUB_PERIOD_ALL_TIME ? hub_repo_all_time (repo)
                                       : hub_repo_last_month (repo, as_of);
}

HubChange
hub_repo_change (const HubRepo *repo,
                 HubDay         as_of)
{
  return hub_change_compute (hub_repo_last_month (repo, as_of),
                             hub_repo_previous_month (repo, as_of));
}

gboolean
hub_repo_best_day (const HubRepo *repo,
                   HubDay        *day,
                   gint64        *count)
{
  gint64 best = -1;
  HubDay best_day = HUB_DAY_NONE;

  for (guint i = 0; i < repo->n_days; i++)
    {
      gint64 c = repo->cum[i] - sum_before (repo, i);

      if (c > best)
        {
          best = c;
          best_day = repo->days[i];
        }
    }
  if (day)
    *day = best_day;
  if (count)
    *count = MAX (best, 0);
  return best_day != HUB_DAY_NONE;
}

/* One point a bucket from the one holding first to the one holding last;
 * a bucket counts only its days inside [first, last]. Cumulative points hold
 * every download up to the bucket's last day in range. */
GArray *
hub_repo_buckets (const HubRepo *repo,
                  HubDay         first,
                  HubDay         last,
                  HubBucket      unit,
                  gboolean       cumulative)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (HubPoint));

  g_return_val_if_fail (repo != NULL, points);

  if (last < first)
    return points;

  for (HubDay start = hub_bucket_start (first, unit); start <= last;
       start = hub_bucket_next (start, unit))
    {
      HubDay end = MIN (hub_bucket_next (start, unit) - 1, last);
      HubPoint point = { start, 0 };

      if (cumulative)
        point.value = hub_repo_range_sum (repo, G_MININT32 + 1, end);
      else
        point.value = hub_repo_range_sum (repo, MAX (start, first), end);
      g_array_append_val (points, point);
    }
  return points;
}

static void
hub_dataset_finalize (GObject *object)
{
  HubDataset *self = HUB_DATASET (object);

  for (guint i = 0; i < self->n_repos; i++)
    {
      g_free (self->repos[i].days);
      g_free (self->repos[i].cum);
    }
  g_free (self->repos);
  g_free (self->overall.days);
  g_free (self->overall.cum);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (hub_dataset_parent_class)->finalize (object);
}

static void
hub_dataset_class_init (HubDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_dataset_finalize;
}

static void
hub_dataset_init (HubDataset *self)
{
  self->totals.as_of = HUB_DAY_NONE;
  self->totals.first_day = HUB_DAY_NONE;
  self->overall.type = "";
  self->overall.name = "";
  self->overall.kind = HUB_REPO_KIND_OTHER;
}

/* The organisation's daily series: every repository's counts summed per day. */
static void
compute_overall (HubDataset *self)
{
  HubDay first = self->totals.first_day;
  HubDay last = self->totals.as_of;
  gsize span;
  g_autofree gint64 *sums = NULL;
  g_autofree guint8 *present = NULL;
  guint n = 0;
  gint64 running = 0;

  if (first == HUB_DAY_NONE)
    return;

  /* Dates lie within years 1…9999, so the span is bounded (a few million days). */
  span = (gsize) ((gint64) last - first + 1);
  sums = g_new0 (gint64, span);
  present = g_new0 (guint8, span);

  for (guint r = 0; r < self->n_repos; r++)
    {
      const HubRepo *repo = &self->repos[r];

      for (guint i = 0; i < repo->n_days; i++)
        {
          gsize at = (gsize) (repo->days[i] - first);

          sums[at] = add_saturated (sums[at], repo->cum[i] - sum_before (repo, i));
          present[at] = 1;
        }
    }

  for (gsize i = 0; i < span; i++)
    n += present[i];

  self->overall.days = g_new (HubDay, n);
  self->overall.cum = g_new (gint64, n);
  self->overall.n_days = n;
  n = 0;
  for (gsize i = 0; i < span; i++)
    {
      if (!present[i])
        continue;
      running = add_saturated (running, sums[i]);
      self->overall.days[n] = first + (HubDay) i;
      self->overall.cum[n] = running;
      n++;
    }
}

static void
compute_totals (HubDataset *self)
{
  HubTotals *t = &self->totals;

  for (guint r = 0; r < self->n_repos; r++)
    {
      const HubRepo *repo = &self->repos[r];

      if (repo->n_days == 0)
        continue;
      if (t->as_of == HUB_DAY_NONE || repo->days[repo->n_days - 1] > t->as_of)
        t->as_of = repo->days[repo->n_days - 1];
      if (t->first_day == HUB_DAY_NONE || repo->days[0] < t->first_day)
        t->first_day = repo->days[0];
    }

  t->repos = self->n_repos;
  for (guint r = 0; r < self->n_repos; r++)
    {
      const HubRepo *repo = &self->repos[r];
      gint64 all_time = hub_repo_all_time (repo);
      gint64 last = hub_repo_last_month (repo, t->as_of);

      t->all_time = add_saturated (t->all_time, all_time);
      t->last_month = add_saturated (t->last_month, last);
      t->previous_month = add_saturated (t->previous_month,
                                         hub_repo_previous_month (repo, t->as_of));
      switch (repo->kind)
        {
        case HUB_REPO_KIND_MODEL:
          t->models++;
          t->model_downloads[HUB_PERIOD_ALL_TIME] =
            add_saturated (t->model_downloads[HUB_PERIOD_ALL_TIME], all_time);
          t->model_downloads[HUB_PERIOD_LAST_MONTH] =
            add_saturated (t->model_downloads[HUB_PERIOD_LAST_MONTH], last);
          break;
        case HUB_REPO_KIND_DATASET:
          t->datasets++;
          t->dataset_downloads[HUB_PERIOD_ALL_TIME] =
            add_saturated (t->dataset_downloads[HUB_PERIOD_ALL_TIME], all_time);
          t->dataset_downloads[HUB_PERIOD_LAST_MONTH] =
            add_saturated (t->dataset_downloads[HUB_PERIOD_LAST_MONTH], last);
          break;
        case HUB_REPO_KIND_SPACE:
          t->spaces++;
          break;
        case HUB_REPO_KIND_OTHER:
        default:
          t->others++;
          break;
        }
    }
}

/* Takes ownership of repos (and of every days/cum array in it) and of names. */
static HubDataset *
hub_dataset_new_take (HubRepo      *repos,
                      guint         n_repos,
                      GStringChunk *names,
                      guint64       rows,
                      guint64       merged_repeats)
{
  HubDataset *self = g_object_new (HUB_TYPE_DATASET, NULL);

  self->repos = repos;
  self->n_repos = n_repos;
  self->names = names;
  self->totals.rows = rows;
  self->totals.merged_repeats = merged_repeats;
  compute_totals (self);
  compute_overall (self);
  return self;
}

guint
hub_dataset_get_n_repos (HubDataset *self)
{
  g_return_val_if_fail (HUB_IS_DATASET (self), 0);

  return self->n_repos;
}

const HubRepo *
hub_dataset_get_repo (HubDataset *self,
                      guint       index)
{
  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->n_repos, NULL);

  return &self->repos[index];
}

static guint
repo_key_hash (gconstpointer key)
{
  const HubRepo *repo = key;

  return g_str_hash (repo->name) * 31 + g_str_hash (repo->type);
}

static gboolean
repo_key_equal (gconstpointer a,
                gconstpointer b)
{
  const HubRepo *ra = a, *rb = b;

  return g_str_equal (ra->name, rb->name) && g_str_equal (ra->type, rb->type);
}

/* Keyed by type and name apart: either may hold any character but NUL. */
const HubRepo *
hub_dataset_find_repo (HubDataset *self,
                       const char *type,
                       const char *name)
{
  HubRepo key = { .type = type, .name = name };

  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);
  g_return_val_if_fail (type != NULL && name != NULL, NULL);

  if (self->index == NULL)
    {
      self->index = g_hash_table_new (repo_key_hash, repo_key_equal);
      for (guint i = 0; i < self->n_repos; i++)
        g_hash_table_add (self->index, &self->repos[i]);
    }
  return g_hash_table_lookup (self->index, &key);
}

const HubRepo *
hub_dataset_get_overall (HubDataset *self)
{
  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);

  return &self->overall;
}

const HubTotals *
hub_dataset_get_totals (HubDataset *self)
{
  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);

  return &self->totals;
}

HubDay
hub_dataset_get_as_of (HubDataset *self)
{
  g_return_val_if_fail (HUB_IS_DATASET (self), HUB_DAY_NONE);

  return self->totals.as_of;
}

typedef struct
{
  guint  index;
  gint64 value;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;
  return ra->index < rb->index ? -1 : (ra->index > rb->index);
}

/* The indexes of the n repositories with the most downloads in [first, last],
 * largest first (ties in file order). */
GArray *
hub_dataset_top (HubDataset *self,
                 HubDay      first,
                 HubDay      last,
                 guint       n)
{
  g_autofree Ranked *ranked = NULL;
  GArray *top;

  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);

  ranked = g_new (Ranked, MAX (self->n_repos, 1));
  for (guint i = 0; i < self->n_repos; i++)
    {
      ranked[i].index = i;
      ranked[i].value = hub_repo_range_sum (&self->repos[i], first, last);
    }
  qsort (ranked, self->n_repos, sizeof (Ranked), compare_ranked);

  n = MIN (n, self->n_repos);
  top = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (top, ranked[i].index);
  return top;
}

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
