/* hub-sparkline.c: a repository's recent daily downloads, small, in a table cell
 *
 * The points are computed when the values are set, in a unit square (x from
 * 0 at the first day to 1 at the last, y from 0 at the largest count to 1 at
 * zero); snapshot only scales them to the allocation. The line takes the
 * style's accent colour, re-read when the style changes (dark mode).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hub-format.h"
#include "hub-range.h"
#include "hub-sparkline.h"

#define PAD 2.0

struct _HubSparkline
{
  GtkWidget         parent_instance;

  gint64           *values;
  guint             n_values;
  HubDay            last_day;
  gint64            min;
  gint64            max;
  gint64            sum;
  graphene_point_t *points;
  char             *summary;
  GdkRGBA           color;
};

G_DEFINE_FINAL_TYPE (HubSparkline, hub_sparkline, GTK_TYPE_WIDGET)

/* Mean of values[from … to), for the words of the accessible label. */
static double
mean (const gint64 *values,
      guint         from,
      guint         to)
{
  double sum = 0;

  for (guint i = from; i < to; i++)
    sum += (double) values[i];
  return to > from ? sum / (to - from) : 0;
}

/* What a sparkline of these values shows, in words: its accessible label.
 * A table keeps it with its row, made once (hub_sparkline_set_described). */
char *
hub_sparkline_describe (const gint64 *values,
                        guint         n)
{
  guint week = MIN (7u, n);
  gint64 max = 0;
  double first, last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (values != NULL || n == 0, NULL);

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);
  if (n == 0)
    return g_strdup (_("No data"));
  if (max == 0)
    return g_strdup_printf (ngettext ("No downloads over %u day",
                                      "No downloads over %u days", n), n);

  /* A week at each end, so that a weekend dip does not decide the direction. */
  first = mean (values, 0, week);
  last = mean (values, n - week, n);
  from = hub_format_count ((gint64) (first + 0.5));
  to = hub_format_count ((gint64) (last + 0.5));

  if (last > first * 1.1 && (gint64) (last + 0.5) != (gint64) (first + 0.5))
    /* Translators: a sparkline's description: "Downloads rising from 120 to 480 a day over 90 days" */
    return g_strdup_printf (ngettext ("Downloads rising from %s to %s a day over %u day",
                                      "Downloads rising from %s to %s a day over %u days", n),
                            from, to, n);
  if (last < first * 0.9 && (gint64) (last + 0.5) != (gint64) (first + 0.5))
    return g_strdup_printf (ngettext ("Downloads falling from %s to %s a day over %u day",
                                      "Downloads falling from %s to %s a day over %u days", n),
                            from, to, n);
  {
    g_autofree char *avg = hub_format_count ((gint64) (mean (values, 0, n) + 0.5));

    return g_strdup_printf (ngettext ("Downloads steady at about %s a day over %u day",
                                      "Downloads steady at about %s a day over %u days", n),
                            avg, n);
  }
}

/* Made when asked for (query-tooltip): setting a tooltip text in every
 * bind would cost a pointer query each, while the table scrolls or filters. */
char *
hub_sparkline_dup_tooltip (HubSparkline *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *sum = NULL;

  g_return_val_if_fail (HUB_IS_SPARKLINE (self), NULL);

  if (self->n_values == 0 || self->last_day == HUB_DAY_NONE)
    return NULL;

  first = hub_format_day (self->last_day - (HubDay) self->n_values + 1);
  last = hub_format_day (self->last_day);
  min = hub_format_count (self->min);
  max = hub_format_count (self->max);
  sum = hub_format_count (self->sum);
  /* The sum first: the table's column of sparklines sorts by it. */
  /* Translators: a sparkline's tooltip: the downloads over its days, then the dates
   * and the smallest and largest day, as "12,345 downloads in the last 90 days

   * 21 Aug 2026 – 19 Nov 2026, 20 to 480 a day" */
  return g_strdup_printf (ngettext ("%s downloads in the last %u day\n%s – %s, %s to %s a day",
                                    "%s downloads in the last %u days\n%s – %s, %s to %s a day",
                                    self->n_values),
                          sum, self->n_values, first, last, min, max);
}

static gboolean
hub_sparkline_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  g_autofree char *text = hub_sparkline_dup_tooltip (HUB_SPARKLINE (widget));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
hub_sparkline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 96;
    }
  else
    {
      *minimum = 16;
      *natural = 24;
    }
}

static void
hub_sparkline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  HubSparkline *self = HUB_SPARKLINE (widget);
  double w = gtk_widget_get_width (widget) - 2 * PAD;
  double h = gtk_widget_get_height (widget) - 2 * PAD;
  cairo_t *cr;
  GdkRGBA fill;

  if (self->n_values < 2 || w <= 0 || h <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  cairo_translate (cr, PAD, PAD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  cairo_move_to (cr, 0, h);
  for (guint i = 0; i < self->n_values; i++)
    cairo_line_to (cr, self->points[i].x * w, self->points[i].y * h);
  cairo_line_to (cr, w, h);
  cairo_close_path (cr);
  fill = self->color;
  fill.alpha *= 0.2f;
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);

  for (guint i = 0; i < self->n_values; i++)
    cairo_line_to (cr, self->points[i].x * w, self->points[i].y * h);
  gdk_cairo_set_source_rgba (cr, &self->color);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  cairo_arc (cr, w, self->points[self->n_values - 1].y * h, 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
hub_sparkline_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  HubSparkline *self = HUB_SPARKLINE (widget);
  g_autofree GdkRGBA *accent =
    adw_style_manager_get_accent_color_rgba (adw_style_manager_get_default ());

  GTK_WIDGET_CLASS (hub_sparkline_parent_class)->css_changed (widget, change);

  self->color = *accent;
  gtk_widget_queue_draw (widget);
}

static void
hub_sparkline_finalize (GObject *object)
{
  HubSparkline *self = HUB_SPARKLINE (object);

  g_free (self->values);
  g_free (self->points);
  g_free (self->summary);

  G_OBJECT_CLASS (hub_sparkline_parent_class)->finalize (object);
}

static void
hub_sparkline_class_init (HubSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hub_sparkline_finalize;
  widget_class->measure = hub_sparkline_measure;
  widget_class->snapshot = hub_sparkline_snapshot;
  widget_class->css_changed = hub_sparkline_css_changed;
  widget_class->query_tooltip = hub_sparkline_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_sparkline_init (HubSparkline *self)
{
  self->last_day = HUB_DAY_NONE;
  self->color = (GdkRGBA) { 0.11f, 0.44f, 0.85f, 1.0f };
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
hub_sparkline_new (void)
{
  return g_object_new (HUB_TYPE_SPARKLINE, NULL);
}

/* values[i] is the count of day last_day − (n_values − 1) + i. */
void
hub_sparkline_set_values (HubSparkline *self,
                          const gint64 *values,
                          guint         n_values,
                          HubDay        last_day)
{
  g_autofree char *summary = NULL;

  g_return_if_fail (HUB_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  summary = hub_sparkline_describe (values, n_values);
  hub_sparkline_set_described (self, values, n_values, last_day, summary);
}

/* As hub_sparkline_set_values, with the words already made by
 * hub_sparkline_describe (values, n_values): a table's cell shows rows
 * that keep theirs. */
void
hub_sparkline_set_described (HubSparkline *self,
                             const gint64 *values,
                             guint         n_values,
                             HubDay        last_day,
                             const char   *summary)
{
  g_return_if_fail (HUB_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (summary != NULL);

  /* A cell shows row after row of as many days: the buffers stay. */
  if (n_values != self->n_values || self->values == NULL)
    {
      g_free (self->values);
      g_free (self->points);
      self->values = g_new (gint64, MAX (n_values, 1));
      self->points = g_new (graphene_point_t, MAX (n_values, 1));
    }
  if (n_values > 0)
    memcpy (self->values, values, sizeof (gint64) * n_values);
  self->n_values = n_values;
  self->last_day = last_day;
  self->min = n_values ? G_MAXINT64 : 0;
  self->max = 0;
  self->sum = 0;

  for (guint i = 0; i < n_values; i++)
    {
      self->min = MIN (self->min, values[i]);
      self->max = MAX (self->max, values[i]);
      self->sum = self->sum > G_MAXINT64 - values[i] ? G_MAXINT64 : self->sum + values[i];
    }
  for (guint i = 0; i < n_values; i++)
    {
      self->points[i].x = n_values > 1 ? (float) i / (float) (n_values - 1) : 0.5f;
      self->points[i].y = self->max > 0 ? 1.0f - (float) ((double) values[i] / (double) self->max)
                                        : 1.0f;
    }

  if (g_strcmp0 (self->summary, summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_strdup (summary);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The daily counts of the n_days up to as_of. */
void
hub_sparkline_set_repo (HubSparkline  *self,
                        const HubRepo *repo,
                        HubDay         as_of,
                        guint          n_days)
{
  g_autoptr(GArray) points = NULL;
  g_autofree gint64 *values = NULL;
  HubRange days;

  g_return_if_fail (HUB_IS_SPARKLINE (self));
  g_return_if_fail (repo != NULL);

  if (as_of == HUB_DAY_NONE || n_days == 0)
    {
      hub_sparkline_clear (self);
      return;
    }

  days = hub_range_last_days (as_of, n_days);
  points = hub_repo_buckets (repo, days.first, days.last, HUB_BUCKET_DAY, FALSE);
  values = g_new (gint64, points->len);
  for (guint i = 0; i < points->len; i++)
    values[i] = g_array_index (points, HubPoint, i).value;
  hub_sparkline_set_values (self, values, points->len, as_of);
}

void
hub_sparkline_clear (HubSparkline *self)
{
  hub_sparkline_set_values (self, NULL, 0, HUB_DAY_NONE);
}

/* The points in the unit square, as described at the top of this file. */
const graphene_point_t *
hub_sparkline_get_points (HubSparkline *self,
                          guint        *n_points)
{
  g_return_val_if_fail (HUB_IS_SPARKLINE (self), NULL);

  if (n_points)
    *n_points = self->n_values;
  return self->points;
}

/* The accessible label: what the line shows, in words. */
const char *
hub_sparkline_get_summary (HubSparkline *self)
{
  g_return_val_if_fail (HUB_IS_SPARKLINE (self), NULL);

  return self->summary;
}
