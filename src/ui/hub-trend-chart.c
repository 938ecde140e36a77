/* hub-trend-chart.c: the organisation's downloads over time
 *
 * Daily downloads of all repositories together over the last 90 days, or,
 * for All Time, over the whole history (weekly when that is longer than half
 * a year). The points and the axis labels are computed when the data is set;
 * snapshot scales them. Colours come from the style and follow dark mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart.h"
#include "hub-format.h"
#include "hub-trend-chart.h"

#define N_Y_TICKS 4
#define N_X_TICKS 4
#define AXIS_GAP 6.0
#define TOP_PAD 8.0

struct _HubTrendChart
{
  GtkWidget         parent_instance;

  GArray           *points;      /* HubPoint */
  HubBucket         unit;
  gint64            axis_max;    /* the top gridline's value */
  graphene_point_t *unit_points; /* as in HubSparkline: x, y in [0, 1], y 0 at axis_max */
  char             *title;
  PangoLayout      *y_labels[N_Y_TICKS + 1];
  PangoLayout      *x_labels[N_X_TICKS];
  guint             x_label_at[N_X_TICKS];
  int               hover;       /* index of the point under the pointer, or -1 */
  GdkRGBA           accent;
  GdkRGBA           foreground;
};

G_DEFINE_FINAL_TYPE (HubTrendChart, hub_trend_chart, GTK_TYPE_WIDGET)

/* The smallest round number at least value: 1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6
 * or 8 × 10^k, each divisible by the four ticks for k ≥ 1. */
static gint64
nice_ceiling (gint64 value)
{
  static const int steps[] = { 10, 12, 16, 20, 24, 30, 40, 50, 60, 80, 100 };
  gint64 unit = 1;

  if (value <= 0)
    return N_Y_TICKS;
  while (unit <= G_MAXINT64 / 100 && unit * 100 <= value)
    unit *= 10;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (unit <= G_MAXINT64 / steps[i] && unit * steps[i] >= value)
      return unit * steps[i];
  return G_MAXINT64;
}

static void
clear_labels (HubTrendChart *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->y_labels); i++)
    g_clear_object (&self->y_labels[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->x_labels); i++)
    g_clear_object (&self->x_labels[i]);
}

static void
make_labels (HubTrendChart *self)
{
  guint n = self->points ? self->points->len : 0;

  clear_labels (self);
  if (n == 0)
    return;

  for (guint i = 0; i <= N_Y_TICKS; i++)
    {
      /* Axis labels as the detail chart writes them: "500 K", not "500.0 K". */
      g_autofree char *text = hub_chart_format_compact ((guint64) (self->axis_max / N_Y_TICKS * (gint64) i));

      self->y_labels[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
    }
  for (guint i = 0; i < N_X_TICKS && n > 1; i++)
    {
      guint at = (guint) ((double) (n - 1) * i / (N_X_TICKS - 1) + 0.5);
      HubDay day = g_array_index (self->points, HubPoint, at).start;
      HubDay span = g_array_index (self->points, HubPoint, n - 1).start
                    - g_array_index (self->points, HubPoint, 0).start;
      g_autofree char *text = span < 300 ? hub_format_day_short (day) : hub_format_month (day);

      self->x_labels[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      self->x_label_at[i] = at;
    }
}

static void
update_accessible (HubTrendChart *self)
{
  gint64 total = 0;
  g_autofree char *sum = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; self->points && i < self->points->len; i++)
    total += g_array_index (self->points, HubPoint, i).value;
  sum = hub_format_count (total);
  /* Translators: the chart's accessible description: its title, then the total shown */
  label = g_strdup_printf (_("%s: %s downloads in all"), self->title ? self->title : "", sum);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The plot area inside the widget: the y labels take the left, the x labels the bottom. */
static graphene_rect_t
plot_area (HubTrendChart *self)
{
  int label_w = 0, label_h = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->y_labels); i++)
    {
      int w, h;

      if (self->y_labels[i] == NULL)
        continue;
      pango_layout_get_pixel_size (self->y_labels[i], &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
    }
  return GRAPHENE_RECT_INIT (label_w + AXIS_GAP, TOP_PAD,
                             MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - label_w - AXIS_GAP - 4),
                             MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - TOP_PAD
                                     - label_h - AXIS_GAP));
}

static void
hub_trend_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  HubTrendChart *self = HUB_TREND_CHART (widget);
  guint n = self->points ? self->points->len : 0;
  graphene_rect_t area = plot_area (self);
  GdkRGBA grid = self->foreground, text = self->foreground, fill = self->accent;
  cairo_t *cr;

  if (n < 2 || area.size.width <= 0 || area.size.height <= 0)
    return;

  grid.alpha *= 0.12f;
  text.alpha *= 0.6f;
  fill.alpha *= 0.18f;

  for (guint i = 0; i <= N_Y_TICKS; i++)
    {
      float y = area.origin.y + area.size.height * (1.0f - (float) i / N_Y_TICKS);
      int w, h;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (area.origin.x, y, area.size.width, 1));
      pango_layout_get_pixel_size (self->y_labels[i], &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (area.origin.x - AXIS_GAP - w, y - h / 2.0f));
      gtk_snapshot_append_layout (snapshot, self->y_labels[i], &text);
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < N_X_TICKS; i++)
    {
      float x;
      int w, h;

      if (self->x_labels[i] == NULL)
        continue;
      x = area.origin.x + self->unit_points[self->x_label_at[i]].x * area.size.width;
      pango_layout_get_pixel_size (self->x_labels[i], &w, &h);
      x = CLAMP (x - w / 2.0f, area.origin.x, area.origin.x + area.size.width - w);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x, area.origin.y + area.size.height + AXIS_GAP));
      gtk_snapshot_append_layout (snapshot, self->x_labels[i], &text);
      gtk_snapshot_restore (snapshot);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &area);
  cairo_translate (cr, area.origin.x, area.origin.y);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, 0, area.size.height);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, self->unit_points[i].x * area.size.width,
                   self->unit_points[i].y * area.size.height);
  cairo_line_to (cr, area.size.width, area.size.height);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, self->unit_points[i].x * area.size.width,
                   self->unit_points[i].y * area.size.height);
  gdk_cairo_set_source_rgba (cr, &self->accent);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);

  if (self->hover >= 0 && (guint) self->hover < n)
    {
      double x = self->unit_points[self->hover].x * area.size.width;
      double y = self->unit_points[self->hover].y * area.size.height;

      gdk_cairo_set_source_rgba (cr, &text);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x + 0.5, 0);
      cairo_line_to (cr, x + 0.5, area.size.height);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, &self->accent);
      cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
hub_trend_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 120;
      *natural = 160;
    }
}

static int
point_at (HubTrendChart *self,
          double         x)
{
  graphene_rect_t area = plot_area (self);
  guint n = self->points ? self->points->len : 0;
  double t;

  if (n < 2 || area.size.width <= 0)
    return -1;
  t = (x - area.origin.x) / area.size.width;
  if (t < -0.02 || t > 1.02)
    return -1;
  return (int) CLAMP (t * (n - 1) + 0.5, 0, n - 1);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HubTrendChart            *self)
{
  int hover = point_at (self, x);

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          HubTrendChart            *self)
{
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
hub_trend_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  HubTrendChart *self = HUB_TREND_CHART (widget);
  int at = point_at (self, x);
  const HubPoint *point;
  g_autofree char *day = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (at < 0)
    return FALSE;
  point = &g_array_index (self->points, HubPoint, at);
  day = hub_format_day (point->start);
  count = hub_format_count (point->value);
  if (self->unit == HUB_BUCKET_WEEK)
    /* Translators: the trend chart's tooltip over a week: "Week of 16 Nov 2026: 1,234 downloads" */
    text = g_strdup_printf (_("Week of %s: %s downloads"), day, count);
  else
    /* Translators: the trend chart's tooltip over a day: "16 Nov 2026: 1,234 downloads" */
    text = g_strdup_printf (_("%s: %s downloads"), day, count);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
hub_trend_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  HubTrendChart *self = HUB_TREND_CHART (widget);
  GtkStyleContext *context;

  GTK_WIDGET_CLASS (hub_trend_chart_parent_class)->css_changed (widget, change);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    self->accent = self->foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* The font may have changed with the style. */
  make_labels (self);
  gtk_widget_queue_draw (widget);
}

static void
hub_trend_chart_finalize (GObject *object)
{
  HubTrendChart *self = HUB_TREND_CHART (object);

  clear_labels (self);
  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->unit_points);
  g_free (self->title);

  G_OBJECT_CLASS (hub_trend_chart_parent_class)->finalize (object);
}

static void
hub_trend_chart_class_init (HubTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hub_trend_chart_finalize;
  widget_class->snapshot = hub_trend_chart_snapshot;
  widget_class->measure = hub_trend_chart_measure;
  widget_class->query_tooltip = hub_trend_chart_query_tooltip;
  widget_class->css_changed = hub_trend_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_trend_chart_init (HubTrendChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  self->accent = (GdkRGBA) { 0.11f, 0.44f, 0.85f, 1.0f };
  self->foreground = (GdkRGBA) { 0, 0, 0, 0.8f };
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
hub_trend_chart_new (void)
{
  return g_object_new (HUB_TYPE_TREND_CHART, NULL);
}

/* Last Month shows the last 90 days, day by day; All Time the whole history. */
void
hub_trend_chart_set_dataset (HubTrendChart *self,
                             HubDataset    *dataset,
                             HubPeriod      period)
{
  const HubTotals *totals;
  HubDay first, last;
  gint64 max = 0;
  guint n;

  g_return_if_fail (HUB_IS_TREND_CHART (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->unit_points, g_free);
  g_clear_pointer (&self->title, g_free);
  self->hover = -1;

  if (dataset != NULL && (totals = hub_dataset_get_totals (dataset))->as_of != HUB_DAY_NONE)
    {
      last = totals->as_of;
      if (period == HUB_PERIOD_LAST_MONTH)
        {
          first = last - (HUB_TREND_RECENT_DAYS - 1);
          self->unit = HUB_BUCKET_DAY;
          self->title = g_strdup_printf (ngettext ("Daily downloads, last %u day",
                                                   "Daily downloads, last %u days",
                                                   HUB_TREND_RECENT_DAYS),
                                         HUB_TREND_RECENT_DAYS);
        }
      else
        {
          first = totals->first_day;
          self->unit = last - first > 182 ? HUB_BUCKET_WEEK : HUB_BUCKET_DAY;
          self->title = g_strdup (self->unit == HUB_BUCKET_WEEK ? _("Weekly downloads, all time")
                                                                : _("Daily downloads, all time"));
        }
      self->points = hub_repo_buckets (hub_dataset_get_overall (dataset),
                                       first, last, self->unit, FALSE);
      /* A partial first or last week would look like a drop: leave them out. */
      if (self->unit == HUB_BUCKET_WEEK && self->points->len > 2)
        {
          if (g_array_index (self->points, HubPoint, self->points->len - 1).start + 6 > last)
            g_array_set_size (self->points, self->points->len - 1);
          if (g_array_index (self->points, HubPoint, 0).start < first)
            g_array_remove_index (self->points, 0);
        }
    }
  else
    self->points = g_array_new (FALSE, FALSE, sizeof (HubPoint));

  n = self->points->len;
  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->points, HubPoint, i).value);
  self->axis_max = nice_ceiling (max);
  /* Ticks at quarters of the top: keep it divisible. */
  if (self->axis_max % N_Y_TICKS != 0 && self->axis_max < G_MAXINT64 - N_Y_TICKS)
    self->axis_max += N_Y_TICKS - self->axis_max % N_Y_TICKS;

  self->unit_points = g_new (graphene_point_t, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->unit_points[i].x = n > 1 ? (float) i / (float) (n - 1) : 0.5f;
      self->unit_points[i].y = 1.0f - (float) ((double) g_array_index (self->points, HubPoint, i).value
                                               / (double) self->axis_max);
    }

  make_labels (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What the chart shows, for the heading above it. */
const char *
hub_trend_chart_get_title (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), NULL);

  return self->title;
}

guint
hub_trend_chart_get_n_points (HubTrendChart *self)
{
  g_return_val_if_fail (HUB_IS_TREND_CHART (self), 0);

  return self->points ? self->points->len : 0;
}
