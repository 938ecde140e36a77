/* hub-chart-text.c: what the chart says in words: its tooltip, its description, its titles
 *
 * Every count and date here is written by hub-format.c, and the 7-day
 * average shown as the whole number hub_average_round() makes of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart-private.h"
#include "hub-format.h"

static const HubPoint *
point_at (HubChart *self,
          guint     index)
{
  return &g_array_index (self->points, HubPoint, index);
}

static char *
dup_bucket_title (HubChart *self,
                  guint     index)
{
  HubDay start = point_at (self, index)->start;
  g_autofree char *title = NULL;

  switch (self->bucket)
    {
    case HUB_BUCKET_WEEK:
      {
        g_autofree char *date = hub_format_day (start);

        /* Translators: %s is a date, the Monday that starts the week */
        title = g_strdup_printf (_("Week of %s"), date);
      }
      break;
    case HUB_BUCKET_MONTH:
      title = hub_format_date (start, HUB_DATE_MONTH_LONG);
      break;
    case HUB_BUCKET_DAY:
    default:
      title = hub_format_date (start, HUB_DATE_WEEKDAY);
      break;
    }

  if (hub_chart_get_point_partial (self, index))
    /* Translators: a week or month the chart's range cuts short */
    return g_strdup_printf (_("%s (partial)"), title);
  return g_steal_pointer (&title);
}

static const char *
series_name (HubChart *self)
{
  if (self->repo == NULL || self->repo->name == NULL || self->repo->name[0] == '\0')
    return _("all repositories");
  return self->repo->name;
}

/* What the tooltip says of a point: its date, its value, and for a day its
 * 7-day average, as a whole number. */
char *
hub_chart_dup_point_text (HubChart *self,
                          guint     index)
{
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *value = NULL;
  guint n_before_average;
  gint64 v;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  if (self->style == HUB_CHART_STYLE_LAYERS)
    return g_strdup (self->day_texts != NULL && index < g_strv_length (self->day_texts)
                     ? self->day_texts[index] : "");

  title = dup_bucket_title (self, index);
  v = point_at (self, index)->value;
  count = hub_format_count (v);
  if (self->cumulative)
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s download in all", "%s downloads in all",
                                          (gulong) v), count);
  else
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s download", "%s downloads",
                                          (gulong) v), count);

  n_before_average = self->points->len - self->average->len;
  if (index >= n_before_average)
    {
      double mean = g_array_index (self->average, double, index - n_before_average);
      g_autofree char *average = hub_format_count (hub_average_round (mean));

      /* Translators: the mean of the 7 days up to the day shown */
      return g_strdup_printf (_("%s\n%s\n7-day average: %s"), title, value, average);
    }
  return g_strdup_printf ("%s\n%s", title, value);
}

/* A cumulative chart in words: where the total starts and ends. */
static char *
describe_cumulative (HubChart   *self,
                     const char *name,
                     const char *from,
                     const char *to)
{
  g_autofree char *start = hub_format_count (self->earlier +
                                             hub_repo_range_sum (self->repo, G_MININT32 + 1,
                                                                 self->span.first - 1));
  g_autofree char *total = hub_format_count (point_at (self, self->points->len - 1)->value);
  g_autofree char *rising = NULL;
  g_autofree char *earlier = NULL;

  /* Translators: cumulative downloads of a repository (1st %s), from a date
   * to a date, rising from a count to a count */
  rising = g_strdup_printf (_("Cumulative downloads of %s from %s to %s, rising from %s to %s."),
                            name, from, to, start, total);
  if (self->earlier == 0)
    return g_steal_pointer (&rising);

  earlier = hub_format_count (self->earlier);
  /* Translators: the cumulative chart's description (1st %s), then a count */
  return g_strdup_printf (_("%s %s of them were counted before the daily figures begin."),
                          rising, earlier);
}

/* Bars in words: the total and the best bucket. */
static char *
describe_buckets (HubChart   *self,
                  const char *name,
                  const char *from,
                  const char *to)
{
  guint best_index = 0;
  g_autofree char *total = NULL;
  g_autofree char *best = NULL;
  g_autofree char *best_title = NULL;

  for (guint i = 1; i < self->points->len; i++)
    if (point_at (self, i)->value > point_at (self, best_index)->value)
      best_index = i;
  total = hub_format_count (hub_repo_range_sum (self->repo, self->span.first, self->span.last));
  best = hub_format_count (point_at (self, best_index)->value);
  best_title = dup_bucket_title (self, best_index);

  switch (self->bucket)
    {
    case HUB_BUCKET_WEEK:
      /* Translators: weekly downloads of a repository, from a date to a date,
       * the total, then the best week ("Week of 3 Nov 2026") and its count */
      return g_strdup_printf (_("Weekly downloads of %s from %s to %s: %s in total; "
                                "the most in a week, %s, was %s."),
                              name, from, to, total, best_title, best);
    case HUB_BUCKET_MONTH:
      return g_strdup_printf (_("Monthly downloads of %s from %s to %s: %s in total; "
                                "the most in a month, %s, was %s."),
                              name, from, to, total, best_title, best);
    case HUB_BUCKET_DAY:
    default:
      if (!hub_chart_shows_average (self))
        return g_strdup_printf (_("Daily downloads of %s from %s to %s: %s in total; "
                                  "the most in a day, %s, was %s."),
                                name, from, to, total, best_title, best);
      return g_strdup_printf (_("Daily downloads of %s from %s to %s, with a 7-day average: "
                                "%s in total; the most in a day, %s, was %s."),
                              name, from, to, total, best_title, best);
    }
}

/* The chart in words, for the accessible label. */
char *
hub_chart_dup_description (HubChart *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  if (self->style == HUB_CHART_STYLE_LAYERS)
    return g_strdup (self->description != NULL ? self->description : "");
  if (self->points->len == 0)
    return g_strdup (_("Downloads chart, with no data"));

  from = hub_format_day (self->span.first);
  to = hub_format_day (self->span.last);
  if (self->cumulative)
    return describe_cumulative (self, series_name (self), from, to);
  return describe_buckets (self, series_name (self), from, to);
}

/* The picture's title: what is counted ("Daily downloads"). */
char *
hub_chart_dup_title (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  return g_strdup (hub_chart_get_bucket_title (self));
}

/* The picture's second line: the repository, the range and the unit, as
 * "org/model · 24 Aug 2026 – 21 Nov 2026 · downloads a day". */
char *
hub_chart_dup_subtitle (HubChart *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *unit;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  if (self->points->len == 0)
    return g_strdup (series_name (self));

  from = hub_format_day (self->span.first);
  to = hub_format_day (self->span.last);
  if (self->cumulative)
    unit = _("downloads in all");
  else if (self->bucket == HUB_BUCKET_WEEK)
    unit = _("downloads a week");
  else if (self->bucket == HUB_BUCKET_MONTH)
    unit = _("downloads a month");
  else
    unit = _("downloads a day");
  /* Translators: a chart's subtitle: the repository, the first and last
   * dates, and what the values count ("downloads a day") */
  return g_strdup_printf (_("%s · %s – %s · %s"), series_name (self), from, to, unit);
}
