/* hub-repo-row.c: one repository as an item of the table's list model
 *
 * The numbers the table shows and sorts by are computed once, when the row is
 * made, through the dataset's own functions: sorting 10,000 rows then reads
 * fields, and the search compares with a name folded in advance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-range.h"
#include "hub-repo-row.h"
#include "hub-sparkline.h"

struct _HubRepoRow
{
  GObject     parent_instance;

  HubDataset *dataset;
  guint       index;
  HubSpan     span;
  gint64      period_downloads;  /* in the span's range */
  gint64      compared;          /* in its comparison range */
  char       *folded_name;
  char       *collate_key;
  gint64      all_time;
  gint64      last_month;
  gint64      previous_month;
  gint64      recent;
  HubChange   change;
  GArray     *sparkline;  /* gint64, made when first asked for */
  char       *sparkline_summary;
  gint64      likes;      /* -1 when the Hub's listings did not say */
  gboolean    is_private;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_PERIOD_DOWNLOADS,
  PROP_ALL_TIME,
  PROP_RECENT,
  PROP_CHANGE,
  PROP_KIND,
  PROP_LIKES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubRepoRow, hub_repo_row, G_TYPE_OBJECT)

static void
hub_repo_row_finalize (GObject *object)
{
  HubRepoRow *self = HUB_REPO_ROW (object);

  g_clear_object (&self->dataset);
  g_free (self->folded_name);
  g_free (self->collate_key);
  g_clear_pointer (&self->sparkline, g_array_unref);
  g_free (self->sparkline_summary);

  G_OBJECT_CLASS (hub_repo_row_parent_class)->finalize (object);
}

static void
hub_repo_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HubRepoRow *self = HUB_REPO_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, hub_repo_row_get_name (self));
      break;
    case PROP_PERIOD_DOWNLOADS:
      g_value_set_int64 (value, hub_repo_row_get_period_downloads (self));
      break;
    case PROP_ALL_TIME:
      g_value_set_int64 (value, self->all_time);
      break;
    case PROP_RECENT:
      g_value_set_int64 (value, self->recent);
      break;
    case PROP_CHANGE:
      g_value_set_double (value, hub_repo_row_get_change_key (self));
      break;
    case PROP_LIKES:
      g_value_set_int64 (value, self->likes);
      break;
    case PROP_KIND:
      g_value_set_int (value, hub_repo_row_get_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_repo_row_class_init (HubRepoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_repo_row_finalize;
  object_class->get_property = hub_repo_row_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERIOD_DOWNLOADS] =
    g_param_spec_int64 ("period-downloads", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ALL_TIME] =
    g_param_spec_int64 ("all-time", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Downloads over the sparkline's days: that column's sort key. */
  properties[PROP_RECENT] =
    g_param_spec_int64 ("recent", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HUB_REPO_KIND_MODEL, HUB_REPO_KIND_OTHER,
                      HUB_REPO_KIND_MODEL,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The change as a sort key: "—" below every ratio, "new" above. */
  properties[PROP_CHANGE] =
    g_param_spec_double ("change", NULL, NULL, -INFINITY, INFINITY, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Likes from the Hub's listings, -1 when unknown: that column's sort key. */
  properties[PROP_LIKES] =
    g_param_spec_int64 ("likes", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_repo_row_init (HubRepoRow *self)
{
  self->likes = -1;
}

HubRepoRow *
hub_repo_row_new (HubDataset *dataset,
                  guint       index)
{
  HubRepoRow *self;
  const HubRepo *repo;
  HubDay as_of;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (index < hub_dataset_get_n_repos (dataset), NULL);

  self = g_object_new (HUB_TYPE_REPO_ROW, NULL);
  self->dataset = g_object_ref (dataset);
  self->index = index;

  repo = hub_dataset_get_repo (dataset, index);
  as_of = hub_dataset_get_as_of (dataset);
  /* The Hub's names are ASCII, which g_ascii_strdown() folds as
   * g_utf8_casefold() does, at a fifth of the cost: the rows of 5,000
   * repositories take 11 M instructions instead of 23 M. */
  self->folded_name = g_str_is_ascii (repo->name) ? g_ascii_strdown (repo->name, -1)
                                                  : g_utf8_casefold (repo->name, -1);
  self->all_time = hub_repo_all_time (repo);
  self->last_month = hub_repo_last_month (repo, as_of);
  self->previous_month = hub_repo_previous_month (repo, as_of);
  /* Until a span is set: All Time. */
  self->span = HUB_SPAN_ALL_TIME;
  self->period_downloads = self->all_time;
  self->change = (HubChange) { HUB_CHANGE_NONE, 0 };
  if (as_of != HUB_DAY_NONE)
    {
      HubRange recent = hub_range_last_days (as_of, HUB_SPARKLINE_DAYS);

      self->recent = hub_repo_range_sum (repo, recent.first, recent.last);
    }
  return self;
}

guint
hub_repo_row_get_index (HubRepoRow *self)
{
  return self->index;
}

const HubRepo *
hub_repo_row_get_repo (HubRepoRow *self)
{
  return hub_dataset_get_repo (self->dataset, self->index);
}

HubDataset *
hub_repo_row_get_dataset (HubRepoRow *self)
{
  return self->dataset;
}

const char *
hub_repo_row_get_name (HubRepoRow *self)
{
  return hub_repo_row_get_repo (self)->name;
}

/* The name folded for case-insensitive search (g_utf8_casefold). */
const char *
hub_repo_row_get_folded_name (HubRepoRow *self)
{
  return self->folded_name;
}

const char *
hub_repo_row_get_collate_key (HubRepoRow *self)
{
  /* Made when a sort first compares names (a tie, or the Name column):
   * names sort as the search matches them, whatever their case. */
  if (self->collate_key == NULL)
    self->collate_key = g_utf8_collate_key (self->folded_name, -1);
  return self->collate_key;
}

HubRepoKind
hub_repo_row_get_kind (HubRepoRow *self)
{
  return hub_repo_row_get_repo (self)->kind;
}

const HubSpan *
hub_repo_row_get_span (HubRepoRow *self)
{
  return &self->span;
}

/* The downloads in span's range and its Change, computed here once, so that
 * sorting and showing read fields. */
void
hub_repo_row_set_span (HubRepoRow    *self,
                       const HubSpan *span)
{
  const HubRepo *repo;
  gint64 downloads, compared;
  HubChange change;

  g_return_if_fail (HUB_IS_REPO_ROW (self));

  repo = hub_repo_row_get_repo (self);
  self->span = *span;
  downloads = hub_repo_span_downloads (repo, span);
  compared = hub_repo_span_compared (repo, span);
  change = hub_span_change (span, downloads, compared);
  self->compared = compared;
  if (downloads != self->period_downloads)
    {
      self->period_downloads = downloads;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_DOWNLOADS]);
    }
  if (change.kind != self->change.kind || change.ratio != self->change.ratio)
    {
      self->change = change;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
    }
}

gint64
hub_repo_row_get_period_downloads (HubRepoRow *self)
{
  return self->period_downloads;
}

/* Downloads in the span's comparison range. */
gint64
hub_repo_row_get_compared (HubRepoRow *self)
{
  return self->compared;
}

gint64
hub_repo_row_get_all_time (HubRepoRow *self)
{
  return self->all_time;
}

gint64
hub_repo_row_get_last_month (HubRepoRow *self)
{
  return self->last_month;
}

gint64
hub_repo_row_get_previous_month (HubRepoRow *self)
{
  return self->previous_month;
}

/* Downloads over the sparkline's days. */
gint64
hub_repo_row_get_recent (HubRepoRow *self)
{
  return self->recent;
}

HubChange
hub_repo_row_get_change (HubRepoRow *self)
{
  return self->change;
}

double
hub_repo_row_get_change_key (HubRepoRow *self)
{
  switch (self->change.kind)
    {
    case HUB_CHANGE_NONE:
      return -INFINITY;
    case HUB_CHANGE_NEW:
      return INFINITY;
    case HUB_CHANGE_RATIO:
    default:
      return self->change.ratio;
    }
}

/* The daily counts of the sparkline's days up to the dataset's last day
 * (none without one): computed the first time, then kept, so that showing
 * the row again (a search, a sort, a scroll) reads them. */
const gint64 *
hub_repo_row_get_sparkline (HubRepoRow *self,
                            guint      *n_values)
{
  g_return_val_if_fail (HUB_IS_REPO_ROW (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  if (self->sparkline == NULL)
    {
      HubDay as_of = hub_dataset_get_as_of (self->dataset);

      self->sparkline = g_array_sized_new (FALSE, FALSE, sizeof (gint64), HUB_SPARKLINE_DAYS);
      if (as_of != HUB_DAY_NONE)
        {
          HubRange recent = hub_range_last_days (as_of, HUB_SPARKLINE_DAYS);
          g_autoptr(GArray) points = hub_repo_buckets (hub_repo_row_get_repo (self),
                                                       recent.first, recent.last,
                                                       HUB_BUCKET_DAY, FALSE);

          for (guint i = 0; i < points->len; i++)
            g_array_append_val (self->sparkline, g_array_index (points, HubPoint, i).value);
        }
    }
  *n_values = self->sparkline->len;
  return (const gint64 *) (gpointer) self->sparkline->data;
}

/* The sparkline's words (hub_sparkline_describe): made the first time,
 * then kept, as the counts are. */
const char *
hub_repo_row_get_sparkline_summary (HubRepoRow *self)
{
  g_return_val_if_fail (HUB_IS_REPO_ROW (self), NULL);

  if (self->sparkline_summary == NULL)
    {
      guint n_values;
      const gint64 *values = hub_repo_row_get_sparkline (self, &n_values);

      self->sparkline_summary = hub_sparkline_describe (values, n_values);
    }
  return self->sparkline_summary;
}

/* What the Hub's listings say of the repository: likes (-1 when unknown)
 * and whether it is private. */
void
hub_repo_row_set_info (HubRepoRow *self,
                       gint64      likes,
                       gboolean    is_private)
{
  g_return_if_fail (HUB_IS_REPO_ROW (self));

  self->is_private = is_private;
  if (self->likes == likes)
    return;
  self->likes = likes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIKES]);
}

gint64
hub_repo_row_get_likes (HubRepoRow *self)
{
  g_return_val_if_fail (HUB_IS_REPO_ROW (self), -1);

  return self->likes;
}

gboolean
hub_repo_row_get_is_private (HubRepoRow *self)
{
  g_return_val_if_fail (HUB_IS_REPO_ROW (self), FALSE);

  return self->is_private;
}

/* The name of a repository's kind, translated; other kinds by the Hub's own word. */
const char *
hub_repo_kind_title (const HubRepo *repo)
{
  switch (repo->kind)
    {
    case HUB_REPO_KIND_MODEL:
      return _("Model");
    case HUB_REPO_KIND_DATASET:
      return _("Dataset");
    case HUB_REPO_KIND_SPACE:
      return _("Space");
    case HUB_REPO_KIND_OTHER:
    default:
      return repo->type;
    }
}

const char *
hub_repo_kind_icon_name (HubRepoKind kind)
{
  switch (kind)
    {
    case HUB_REPO_KIND_MODEL:
      return "applications-science-symbolic";
    case HUB_REPO_KIND_DATASET:
      return "x-office-spreadsheet-symbolic";
    case HUB_REPO_KIND_SPACE:
      return "web-browser-symbolic";
    case HUB_REPO_KIND_OTHER:
    default:
      return "package-x-generic-symbolic";
    }
}

/* What a cell of column says of the row when asked, or NULL. */
char *
hub_repo_row_dup_tooltip (HubRepoRow    *self,
                          HubRepoColumn  column)
{
  g_return_val_if_fail (HUB_IS_REPO_ROW (self), NULL);

  switch (column)
    {
    case HUB_REPO_COLUMN_TYPE:
      return g_strdup (hub_repo_kind_title (hub_repo_row_get_repo (self)));
    case HUB_REPO_COLUMN_NAME:
      return g_strdup (hub_repo_row_get_name (self));
    case HUB_REPO_COLUMN_PERIOD:
    case HUB_REPO_COLUMN_ALL_TIME:
      {
        gint64 value = column == HUB_REPO_COLUMN_PERIOD ? hub_repo_row_get_period_downloads (self)
                                                        : hub_repo_row_get_all_time (self);
        g_autofree char *exact = hub_format_count (value);

        return g_strdup_printf (ngettext ("%s download", "%s downloads",
                                          (gulong) MIN (value, G_MAXLONG)),
                                exact);
      }
    case HUB_REPO_COLUMN_CHANGE:
      return hub_format_span_change_tooltip (&self->span, self->period_downloads, self->compared);
    case HUB_REPO_COLUMN_LIKES:
      {
        gint64 likes = hub_repo_row_get_likes (self);
        g_autofree char *count = hub_format_count (MAX (likes, 0));

        if (likes < 0)
          return g_strdup (_("Not in the Hub’s listings"));
        else if (hub_repo_row_get_is_private (self))
          /* Translators: %s is a number of likes */
          return g_strdup_printf (ngettext ("Private, %s like", "Private, %s likes",
                                            (gulong) MIN (likes, G_MAXLONG)), count);
        else
          return g_strdup_printf (ngettext ("%s like", "%s likes",
                                            (gulong) MIN (likes, G_MAXLONG)), count);
      }
    case HUB_REPO_COLUMN_SPARKLINE:
    default:
      return NULL;
    }
}
