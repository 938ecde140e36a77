/* hub-dataset.c: repositories, their daily series, and every number DESIGN.md defines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

static gint64
range_total (const HubRepo *repo,
             HubRange       range)
{
  return hub_repo_range_sum (repo, range.first, range.last);
}

gint64
hub_repo_last_month (const HubRepo *repo,
                     HubDay         as_of)
{
  return as_of != HUB_DAY_NONE ? range_total (repo, hub_range_last_month (as_of)) : 0;
}

gint64
hub_repo_previous_month (const HubRepo *repo,
                         HubDay         as_of)
{
  return as_of != HUB_DAY_NONE
    ? range_total (repo, hub_range_before (hub_range_last_month (as_of))) : 0;
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

/* The series of the repositories at indexes (every one when indexes is
 * NULL) summed per day over first … last, into out's days and cum: the
 * organisation's series, or the rows a filter shows. */
static void
sum_series (HubDataset  *self,
            const guint *indexes,
            guint        n_indexes,
            HubDay       first,
            HubDay       last,
            HubRepo     *out)
{
  gsize span;
  g_autofree gint64 *sums = NULL;
  g_autofree guint8 *present = NULL;
  guint n = 0;
  gint64 running = 0;

  out->n_days = 0;
  if (first == HUB_DAY_NONE || last < first)
    return;

  /* Dates lie within years 1…9999, so the span is bounded (a few million days). */
  span = (gsize) ((gint64) last - first + 1);
  sums = g_new0 (gint64, span);
  present = g_new0 (guint8, span);

  for (guint r = 0; r < n_indexes; r++)
    {
      const HubRepo *repo = &self->repos[indexes != NULL ? indexes[r] : r];

      for (guint i = lower_bound (repo, first); i < repo->n_days && repo->days[i] <= last; i++)
        {
          gsize at = (gsize) (repo->days[i] - first);

          sums[at] = add_saturated (sums[at], repo->cum[i] - sum_before (repo, i));
          present[at] = 1;
        }
    }

  for (gsize i = 0; i < span; i++)
    n += present[i];

  out->days = g_new (HubDay, n);
  out->cum = g_new (gint64, n);
  out->n_days = n;
  n = 0;
  for (gsize i = 0; i < span; i++)
    {
      if (!present[i])
        continue;
      running = add_saturated (running, sums[i]);
      out->days[n] = first + (HubDay) i;
      out->cum[n] = running;
      n++;
    }
}

/* The organisation's daily series: every repository's counts summed per day. */
static void
compute_overall (HubDataset *self)
{
  sum_series (self, NULL, self->n_repos, self->totals.first_day, self->totals.as_of,
              &self->overall);
}

/**
 * hub_dataset_sum_repos:
 * @indexes: (array length=n_indexes): repositories of @self
 *
 * The daily series of the repositories at @indexes summed per day over
 * @first … @last (those days only: a chart of them needs no more), as a
 * repository of its own, for a chart of the rows a filter shows. Free it
 * with hub_repo_free(); it lives no longer than @self.
 */
HubRepo *
hub_dataset_sum_repos (HubDataset  *self,
                       const guint *indexes,
                       guint        n_indexes,
                       HubDay       first,
                       HubDay       last)
{
  HubRepo *sum;

  g_return_val_if_fail (HUB_IS_DATASET (self), NULL);
  g_return_val_if_fail (indexes != NULL || n_indexes == 0, NULL);

  sum = g_new0 (HubRepo, 1);
  sum->type = "";
  sum->name = "";
  sum->kind = HUB_REPO_KIND_OTHER;
  sum_series (self, indexes, n_indexes, first, last, sum);
  return sum;
}

void
hub_repo_free (HubRepo *repo)
{
  if (repo == NULL)
    return;
  g_free (repo->days);
  g_free (repo->cum);
  g_free (repo);
}

/* Counts a repository of kind with its all-time, last-month and
 * previous-month downloads in totals: the one definition of the sums, for
 * the whole dataset and for the rows a filter shows (whose rows hold the
 * three figures already). */
void
hub_totals_add (HubTotals   *t,
                HubRepoKind  kind,
                gint64       all_time,
                gint64       last_month,
                gint64       previous_month)
{
  gint64 *kind_downloads = NULL;

  t->repos++;
  t->all_time = add_saturated (t->all_time, all_time);
  t->last_month = add_saturated (t->last_month, last_month);
  t->previous_month = add_saturated (t->previous_month, previous_month);
  switch (kind)
    {
    case HUB_REPO_KIND_MODEL:
      t->models++;
      kind_downloads = t->model_downloads;
      break;
    case HUB_REPO_KIND_DATASET:
      t->datasets++;
      kind_downloads = t->dataset_downloads;
      break;
    case HUB_REPO_KIND_SPACE:
      t->spaces++;
      break;
    case HUB_REPO_KIND_OTHER:
    default:
      t->others++;
      break;
    }
  if (kind_downloads != NULL)
    {
      kind_downloads[HUB_PERIOD_ALL_TIME] =
        add_saturated (kind_downloads[HUB_PERIOD_ALL_TIME], all_time);
      kind_downloads[HUB_PERIOD_LAST_MONTH] =
        add_saturated (kind_downloads[HUB_PERIOD_LAST_MONTH], last_month);
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

  for (guint r = 0; r < self->n_repos; r++)
    {
      const HubRepo *repo = &self->repos[r];

      hub_totals_add (t, repo->kind, hub_repo_all_time (repo), hub_repo_last_month (repo, t->as_of),
                      hub_repo_previous_month (repo, t->as_of));
    }
}

/* Takes ownership of repos (and of every days/cum array in it) and of names. */
HubDataset *
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
