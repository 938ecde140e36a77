/* hub-chart.c: the repository detail chart, daily bars with a 7-day average
 *
 * The points (bucket sums from the dataset's running sums, and the trailing
 * 7-day mean) are computed when the series, the range, the bucket or the
 * cumulative switch changes; the geometry and the tick labels when the size
 * changes; snapshot only appends what is cached. The x axis is linear in
 * days, so a bucket clipped by the range is drawn as narrow as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart.h"

#define AXIS_GAP        6.0   /* between an axis label and the plot */
#define LABEL_GAP      12.0   /* the least room between two x labels */
#define PAD             8.0   /* around the chart, room for the focus ring */
#define Y_TICK_SPACING 36.0   /* the least room between two y grid lines */
#define MAX_Y_TICKS     8
#define AVERAGE_DAYS    7

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
} Label;

struct _HubChart
{
  GtkWidget      parent_instance;

  HubDataset    *dataset;
  const HubRepo *repo;
  HubDay         as_of;

  HubChartRange  range;
  HubBucket      bucket;
  gboolean       cumulative;

  /* Computed when the data changes. */
  HubDay         first;
  HubDay         last;
  GArray        *points;   /* HubPoint */
  GArray        *average;  /* double, one a point; empty unless daily bars */
  gint64         max_value;

  /* Computed when the size (or the data) changes. */
  graphene_rect_t plot;
  double          px_per_day;
  guint64         y_top;
  GArray         *y_labels;  /* Label */
  GArray         *y_lines;   /* double: y of each grid line */
  GArray         *x_labels;  /* Label */
  GArray         *x_marks;   /* double: x of each tick mark */
  GArray         *bars;      /* graphene_rect_t */
  gboolean        bar_per_point;  /* else one bar a pixel column */
  GArray         *curve;     /* graphene_point_t: the average, or the cumulative line */
  PangoLayout    *empty_layout;
  double          tick_label_widths[HUB_CHART_N_TICK_FORMATS];
  PangoFontDescription *font;  /* the labels were measured in it */
  gboolean        tick_label_widths_valid;

  int            marker;   /* a point index, or -1 */

  GdkRGBA        accent;
  GdkRGBA        foreground;
  GdkRGBA        background;
  gboolean       colors_valid;
};

G_DEFINE_FINAL_TYPE (HubChart, hub_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (HubChartRange, hub_chart_range,
  G_DEFINE_ENUM_VALUE (HUB_CHART_RANGE_30_DAYS, "30-days"),
  G_DEFINE_ENUM_VALUE (HUB_CHART_RANGE_90_DAYS, "90-days"),
  G_DEFINE_ENUM_VALUE (HUB_CHART_RANGE_YEAR, "year"),
  G_DEFINE_ENUM_VALUE (HUB_CHART_RANGE_ALL, "all"))

/* HubBucket belongs to the core, which has no GTypes: registered here under
 * the chart's name, so it cannot clash with another registration. */
G_DEFINE_ENUM_TYPE (HubChartBucket, hub_chart_bucket,
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_DAY, "day"),
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_WEEK, "week"),
  G_DEFINE_ENUM_VALUE (HUB_BUCKET_MONTH, "month"))

enum {
  PROP_0,
  PROP_RANGE,
  PROP_BUCKET,
  PROP_CUMULATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pixel rounding without libm, which the UI library does not link. Values
 * are pixels and counts far below 2^63. */
static inline double
px_floor (double x)
{
  double t = (double) (gint64) x;

  return t > x ? t - 1 : t;
}

static inline double
px_ceil (double x)
{
  return -px_floor (-x);
}

static inline double
px_round (double x)
{
  return px_floor (x + 0.5);
}

/* Pure helpers */

/* The smallest step of 1, 2 or 5 × 10^n that reaches max in at most
 * max_ticks steps; returns the number of steps. The top (steps × step) may
 * pass G_MAXINT64 but always fits a guint64. */
guint
hub_chart_compute_y_ticks (gint64  max,
                           guint   max_ticks,
                           gint64 *step)
{
  static const guint64 mantissas[] = { 1, 2, 5 };

  max_ticks = MAX (max_ticks, 1);
  if (max <= 0)
    {
      if (step)
        *step = 1;
      return 1;
    }

  for (guint64 magnitude = 1; ; magnitude *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          guint64 s = mantissas[i] * magnitude;
          guint64 n;

          if (s > G_MAXINT64)
            {
              /* Only with max_ticks 1 and a max above 5 × 10^18. */
              if (step)
                *step = max;
              return 1;
            }
          n = ((guint64) max - 1) / s + 1;
          if (n <= max_ticks)
            {
              if (step)
                *step = (gint64) s;
              return (guint) n;
            }
        }
    }
}

typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepKind;

typedef struct
{
  StepKind kind;
  guint    n;
  guint    min_days;  /* the fewest days between two of its ticks */
} TickStep;

static const TickStep tick_steps[] = {
  { STEP_DAYS, 1, 1 },
  { STEP_DAYS, 7, 7 },
  { STEP_DAYS, 14, 14 },
  { STEP_MONTHS, 1, 28 },
  { STEP_MONTHS, 2, 59 },
  { STEP_MONTHS, 3, 89 },
  { STEP_MONTHS, 6, 181 },
  { STEP_YEARS, 1, 365 },
  { STEP_YEARS, 2, 730 },
  { STEP_YEARS, 5, 1826 },
  { STEP_YEARS, 10, 3652 },
  { STEP_YEARS, 20, 7305 },
  { STEP_YEARS, 50, 18262 },
  { STEP_YEARS, 100, 36524 },
  { STEP_YEARS, 1000, 365242 },
};

static HubChartTickFormat
step_format (const TickStep *step)
{
  switch (step->kind)
    {
    case STEP_MONTHS:
      return HUB_CHART_TICK_MONTH;
    case STEP_YEARS:
      return HUB_CHART_TICK_YEAR;
    case STEP_DAYS:
    default:
      return HUB_CHART_TICK_DAY;
    }
}

static void
append_ticks (GArray         *ticks,
              const TickStep *step,
              HubDay          first,
              HubDay          last)
{
  int y, m, d;

  switch (step->kind)
    {
    case STEP_DAYS:
      if (step->n == 1)
        {
          for (HubDay day = first; day <= last; day++)
            g_array_append_val (ticks, day);
          return;
        }
      /* Mondays; every other one counted from the Monday 1969-12-29 (day −3). */
      for (HubDay day = hub_day_week_start (first); day <= last; day += 7)
        {
          if (day < first || ((day + 3) / 7) % (step->n / 7) != 0)
            continue;
          g_array_append_val (ticks, day);
        }
      return;

    case STEP_MONTHS:
      for (HubDay day = hub_day_month_start (first); day <= last; day = hub_day_next_month (day))
        {
          hub_day_to_ymd (day, NULL, &m, NULL);
          if (day >= first && (guint) (m - 1) % step->n == 0)
            g_array_append_val (ticks, day);
        }
      return;

    case STEP_YEARS:
    default:
      hub_day_to_ymd (first, &y, &m, &d);
      for (int year = y + (m != 1 || d != 1); ; year++)
        {
          HubDay day;

          if (year > 9999)
            return;
          day = hub_day_from_ymd (year, 1, 1);
          if (day > last)
            return;
          if ((guint) year % step->n == 0)
            g_array_append_val (ticks, day);
        }
    }
}

/* The days that get a label on an x axis of px_per_day pixels a day: the
 * finest step whose labels cannot overlap. label_widths holds the widest
 * label of each HubChartTickFormat, gaps included. Ticks fall on days,
 * Mondays, first days of months or first days of years. */
GArray *
hub_chart_compute_x_ticks (HubDay              first,
                           HubDay              last,
                           double              px_per_day,
                           const double       *label_widths,
                           HubChartTickFormat *format)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (HubDay));
  const TickStep *step = &tick_steps[G_N_ELEMENTS (tick_steps) - 1];

  if (last < first || px_per_day <= 0)
    {
      if (format)
        *format = HUB_CHART_TICK_DAY;
      return ticks;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      if (tick_steps[i].min_days * px_per_day >= label_widths[step_format (&tick_steps[i])])
        {
          step = &tick_steps[i];
          break;
        }
    }

  append_ticks (ticks, step, first, last);
  if (format)
    *format = step_format (step);
  return ticks;
}

/* A short form for an axis: 999, 1.2 K, 15 K, 3 M, 1.5 B, 2 T. Kept here,
 * not shared, so that the chart depends on no other part of the UI. */
char *
hub_chart_format_compact (guint64 value)
{
  static const double units[] = { 1e3, 1e6, 1e9, 1e12 };
  g_autofree char *digits = NULL;
  guint i = 0;
  double r;

  if (value < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  while (i + 1 < G_N_ELEMENTS (units) && (double) value >= units[i + 1])
    i++;
  r = (double) value / units[i];
  r = r < 9.95 ? px_round (r * 10) / 10 : px_round (r);
  if (r >= 1000 && i + 1 < G_N_ELEMENTS (units))
    {
      i++;
      r = px_round ((double) value / units[i] * 10) / 10;
    }

  if (r == px_floor (r))
    digits = g_strdup_printf ("%'.0f", r);
  else
    digits = g_strdup_printf ("%.1f", r);

  switch (i)
    {
    case 0:
      /* Translators: a compact number, as 1.2 K for 1,200 */
      return g_strdup_printf (C_("compact number", "%s K"), digits);
    case 1:
      /* Translators: a compact number, as 3 M for 3,000,000 */
      return g_strdup_printf (C_("compact number", "%s M"), digits);
    case 2:
      /* Translators: a compact number, as 1.5 B for 1,500,000,000 */
      return g_strdup_printf (C_("compact number", "%s B"), digits);
    default:
      /* Translators: a compact number, as 2 T for 2,000,000,000,000 */
      return g_strdup_printf (C_("compact number", "%s T"), digits);
    }
}

static char *
format_day (HubDay      day,
            const char *format)
{
  g_autoptr(GDateTime) dt = hub_day_to_date_time (day);

  return g_date_time_format (dt, format);
}

char *
hub_chart_format_tick_date (HubDay             day,
                            HubChartTickFormat format)
{
  switch (format)
    {
    case HUB_CHART_TICK_MONTH:
      /* Translators: an x axis label for a month, a g_date_time_format() format */
      return format_day (day, C_("chart axis", "%b %Y"));
    case HUB_CHART_TICK_YEAR:
      /* Translators: an x axis label for a year, a g_date_time_format() format */
      return format_day (day, C_("chart axis", "%Y"));
    case HUB_CHART_TICK_DAY:
    default:
      /* Translators: an x axis label for a day, a g_date_time_format() format */
      return format_day (day, C_("chart axis", "%-d %b"));
    }
}

static char *
format_full_date (HubDay day)
{
  /* Translators: a date in a tooltip or a description, a g_date_time_format() format */
  return format_day (day, C_("chart date", "%-d %b %Y"));
}

static char *
format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/* Data */

static HubDay
bucket_next (HubDay    start,
             HubBucket bucket)
{
  switch (bucket)
    {
    case HUB_BUCKET_WEEK:
      return start + 7;
    case HUB_BUCKET_MONTH:
      return hub_day_next_month (start);
    case HUB_BUCKET_DAY:
    default:
      return start + 1;
    }
}

static const HubPoint *
point_at (HubChart *self,
          guint     index)
{
  return &g_array_index (self->points, HubPoint, index);
}

/* The days of a point inside the range. */
static void
point_span (HubChart *self,
            guint     index,
            HubDay   *first,
            HubDay   *last)
{
  HubDay start = point_at (self, index)->start;

  *first = MAX (start, self->first);
  *last = MIN (bucket_next (start, self->bucket) - 1, self->last);
}

/* Whether the range cut off part of a week or month, so its value is not
 * the bucket's whole. A cumulative value only misses the days after asOf. */
static gboolean
point_is_partial (HubChart *self,
                  guint     index)
{
  HubDay start = point_at (self, index)->start;
  HubDay end = bucket_next (start, self->bucket) - 1;

  if (self->bucket == HUB_BUCKET_DAY)
    return FALSE;
  if (end > self->last)
    return TRUE;
  return !self->cumulative && start < self->first;
}

static int
index_for_day (HubChart *self,
               HubDay    day)
{
  guint lo = 0, hi;

  if (self->points->len == 0)
    return -1;
  hi = self->points->len;
  /* The last point starting on or before day. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (point_at (self, mid)->start <= day)
        lo = mid;
      else
        hi = mid;
    }
  return (int) lo;
}

static void update_accessible_label (HubChart *self);
static void update_accessible_marker (HubChart *self);

static void
recompute_points (HubChart *self)
{
  HubDay first_marked = HUB_DAY_NONE;

  if (self->marker >= 0 && (guint) self->marker < self->points->len)
    first_marked = point_at (self, self->marker)->start;

  g_array_set_size (self->points, 0);
  g_array_set_size (self->average, 0);
  self->max_value = 0;
  self->first = self->last = HUB_DAY_NONE;

  if (self->repo != NULL && self->as_of != HUB_DAY_NONE)
    {
      g_autoptr(GArray) points = NULL;

      self->last = self->as_of;
      switch (self->range)
        {
        case HUB_CHART_RANGE_30_DAYS:
          self->first = self->as_of - 29;
          break;
        case HUB_CHART_RANGE_90_DAYS:
          self->first = self->as_of - 89;
          break;
        case HUB_CHART_RANGE_YEAR:
          self->first = self->as_of - 364;
          break;
        case HUB_CHART_RANGE_ALL:
        default:
          /* From the series' first day; a series with no days shows 30 empty ones. */
          self->first = self->repo->n_days > 0 ? MIN (self->repo->days[0], self->as_of)
                                               : self->as_of - 29;
          break;
        }

      points = hub_repo_buckets (self->repo, self->first, self->last,
                                 self->bucket, self->cumulative);
      g_array_append_vals (self->points, points->data, points->len);

      for (guint i = 0; i < self->points->len; i++)
        self->max_value = MAX (self->max_value, point_at (self, i)->value);

      if (self->bucket == HUB_BUCKET_DAY && !self->cumulative)
        {
          /* A trailing mean: the days before the range count, as they happened. */
          for (guint i = 0; i < self->points->len; i++)
            {
              HubDay day = point_at (self, i)->start;
              double mean = (double) hub_repo_range_sum (self->repo, day - (AVERAGE_DAYS - 1), day)
                            / AVERAGE_DAYS;

              g_array_append_val (self->average, mean);
              self->max_value = MAX (self->max_value, (gint64) px_ceil (mean));
            }
        }
    }

  /* The marker stays on the day it was on, while the range holds it. */
  self->marker = -1;
  if (first_marked != HUB_DAY_NONE && self->points->len > 0 &&
      first_marked >= point_at (self, 0)->start && first_marked <= self->last)
    self->marker = index_for_day (self, first_marked);

  update_accessible_label (self);
  update_accessible_marker (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Colours */

static void
update_colors (HubChart *self)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &self->foreground);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &self->background))
    gdk_rgba_parse (&self->background, "#fafafa");
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->colors_valid = TRUE;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     float          t)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * t,
                     a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t,
                     a->alpha };
}

/* Geometry */

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

static void
measure_layout (PangoLayout *layout,
                double      *width,
                double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

/* The widest label of each format, over the twelve months' names. */
static void
ensure_tick_label_widths (HubChart *self)
{
  int year = 2026;

  if (self->tick_label_widths_valid)
    return;

  if (self->last != HUB_DAY_NONE)
    hub_day_to_ymd (self->last, &year, NULL, NULL);

  for (guint f = 0; f < HUB_CHART_N_TICK_FORMATS; f++)
    self->tick_label_widths[f] = 0;

  for (int month = 1; month <= 12; month++)
    {
      HubDay day = hub_day_from_ymd (year, month, 28);

      for (guint f = 0; f < HUB_CHART_N_TICK_FORMATS; f++)
        {
          g_autofree char *text = hub_chart_format_tick_date (day, f);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
          double w;

          measure_layout (layout, &w, NULL);
          self->tick_label_widths[f] = MAX (self->tick_label_widths[f], w + LABEL_GAP);
        }
    }
  self->tick_label_widths_valid = TRUE;
}

static double
x_for_day (HubChart *self,
           HubDay    day)
{
  return self->plot.origin.x + (double) (day - self->first) * self->px_per_day;
}

static double
y_for_value (HubChart *self,
             double    value)
{
  double bottom = self->plot.origin.y + self->plot.size.height;

  if (self->y_top == 0)
    return bottom;
  return bottom - value / (double) self->y_top * self->plot.size.height;
}

static void
layout_bars (HubChart *self)
{
  double bottom = self->plot.origin.y + self->plot.size.height;

  g_array_set_size (self->bars, 0);
  g_array_set_size (self->curve, 0);
  self->bar_per_point = FALSE;

  if (self->cumulative)
    {
      for (guint i = 0; i < self->points->len; i++)
        {
          HubDay d0, d1;
          graphene_point_t p;

          point_span (self, i, &d0, &d1);
          p.x = (x_for_day (self, d0) + x_for_day (self, d1 + 1)) / 2;
          p.y = y_for_value (self, (double) point_at (self, i)->value);
          g_array_append_val (self->curve, p);
        }
      return;
    }

  if (self->px_per_day * (self->bucket == HUB_BUCKET_DAY ? 1 : 7) < 1)
    {
      /* Thinner than a pixel: one bar a pixel column, as tall as its tallest day. */
      int columns = (int) px_ceil (self->plot.size.width);
      g_autofree gint64 *tallest = g_new0 (gint64, MAX (columns, 1));

      for (guint i = 0; i < self->points->len; i++)
        {
          HubDay d0, d1;
          int c;

          point_span (self, i, &d0, &d1);
          c = (int) px_floor ((x_for_day (self, d0) + x_for_day (self, d1 + 1)) / 2
                              - self->plot.origin.x);
          c = CLAMP (c, 0, columns - 1);
          tallest[c] = MAX (tallest[c], point_at (self, i)->value);
        }
      for (int c = 0; c < columns; c++)
        {
          graphene_rect_t r;
          double top;

          if (tallest[c] == 0)
            continue;
          top = y_for_value (self, (double) tallest[c]);
          graphene_rect_init (&r, self->plot.origin.x + c, top, 1, bottom - top);
          g_array_append_val (self->bars, r);
        }
    }
  else
    {
      self->bar_per_point = TRUE;
      for (guint i = 0; i < self->points->len; i++)
        {
          HubDay d0, d1;
          double x0, x1, gap, top;
          graphene_rect_t r;

          point_span (self, i, &d0, &d1);
          x0 = x_for_day (self, d0);
          x1 = x_for_day (self, d1 + 1);
          gap = x1 - x0 >= 4 ? MIN (4, (x1 - x0) * 0.2) : 0;
          top = y_for_value (self, (double) point_at (self, i)->value);
          /* Bars on whole pixels, so that neighbours look alike. */
          graphene_rect_init (&r, px_round (x0 + gap / 2), px_round (top),
                              MAX (1, px_round (x1 - gap / 2) - px_round (x0 + gap / 2)),
                              bottom - px_round (top));
          g_array_append_val (self->bars, r);
        }
    }

  for (guint i = 0; i < self->average->len; i++)
    {
      HubDay day = point_at (self, i)->start;
      graphene_point_t p;

      p.x = x_for_day (self, day) + self->px_per_day / 2;
      p.y = y_for_value (self, g_array_index (self->average, double, i));
      g_array_append_val (self->curve, p);
    }
}

static void
add_label (GArray      *labels,
           PangoLayout *layout,
           double       x,
           double       y)
{
  Label label = { g_object_ref (layout), x, y };

  g_array_append_val (labels, label);
}

static void
layout_chart (HubChart *self,
              int       width,
              int       height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, "0");
  g_autoptr(GArray) x_ticks = NULL;
  HubChartTickFormat format;
  double line_height, gutter = 0, plot_height, bottom;
  gint64 step;
  guint n_steps, max_ticks;
  double right_edge = -G_MAXDOUBLE;

  g_array_set_size (self->y_labels, 0);
  g_array_set_size (self->y_lines, 0);
  g_array_set_size (self->x_labels, 0);
  g_array_set_size (self->x_marks, 0);
  g_array_set_size (self->bars, 0);
  g_array_set_size (self->curve, 0);
  g_clear_object (&self->empty_layout);

  measure_layout (probe, NULL, &line_height);

  if (self->points->len == 0)
    {
      self->empty_layout = gtk_widget_create_pango_layout (widget, _("No downloads to show"));
      return;
    }

  /* The y axis: as many grid lines as fit, and a gutter for their labels. */
  plot_height = height - PAD - line_height / 2 - (AXIS_GAP + line_height + PAD);
  max_ticks = (guint) CLAMP (plot_height / Y_TICK_SPACING, 1, MAX_Y_TICKS);
  n_steps = hub_chart_compute_y_ticks (self->max_value, max_ticks, &step);
  self->y_top = (guint64) step * n_steps;

  for (guint i = 0; i <= n_steps; i++)
    {
      g_autofree char *text = hub_chart_format_compact ((guint64) step * i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double w;

      measure_layout (layout, &w, NULL);
      gutter = MAX (gutter, w);
      add_label (self->y_labels, layout, w, 0);
    }
  gutter += PAD + AXIS_GAP;

  graphene_rect_init (&self->plot, gutter, PAD + line_height / 2,
                      MAX (1, width - gutter - PAD), MAX (1, plot_height));
  self->px_per_day = self->plot.size.width / (double) (self->last - self->first + 1);
  bottom = self->plot.origin.y + self->plot.size.height;

  for (guint i = 0; i <= n_steps; i++)
    {
      Label *label = &g_array_index (self->y_labels, Label, i);
      double y = px_round (y_for_value (self, (double) ((guint64) step * i)));

      /* label->x held the label's width until now. */
      label->x = gutter - AXIS_GAP - label->x;
      label->y = y - line_height / 2;
      g_array_append_val (self->y_lines, y);
    }

  /* The x axis: ticks that leave room for their labels, none clipped. */
  ensure_tick_label_widths (self);
  x_ticks = hub_chart_compute_x_ticks (self->first, self->last, self->px_per_day,
                                       self->tick_label_widths, &format);
  for (guint i = 0; i < x_ticks->len; i++)
    {
      HubDay day = g_array_index (x_ticks, HubDay, i);
      g_autofree char *text = hub_chart_format_tick_date (day, format);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double w, x, mark;

      measure_layout (layout, &w, NULL);
      if (format == HUB_CHART_TICK_DAY)
        {
          mark = x_for_day (self, day) + self->px_per_day / 2;
          x = mark - w / 2;
        }
      else
        {
          /* A month or a year starts at its tick: the label follows it. */
          mark = x_for_day (self, day);
          x = mark + 2;
        }
      x = CLAMP (x, PAD, width - PAD - w);
      if (x < right_edge + LABEL_GAP / 2)
        continue;
      right_edge = x + w;
      mark = px_round (mark);
      g_array_append_val (self->x_marks, mark);
      add_label (self->x_labels, layout, x, bottom + AXIS_GAP);
    }

  layout_bars (self);
}

/* Text */

static char *
dup_bucket_title (HubChart *self,
                  guint     index)
{
  HubDay start = point_at (self, index)->start;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  switch (self->bucket)
    {
    case HUB_BUCKET_WEEK:
      date = format_full_date (start);
      /* Translators: %s is a date, the Monday that starts the week */
      title = g_strdup_printf (_("Week of %s"), date);
      break;
    case HUB_BUCKET_MONTH:
      /* Translators: a month in a tooltip, a g_date_time_format() format */
      title = format_day (start, C_("chart month", "%B %Y"));
      break;
    case HUB_BUCKET_DAY:
    default:
      /* Translators: a day in a tooltip, a g_date_time_format() format */
      title = format_day (start, C_("chart day", "%a %-d %b %Y"));
      break;
    }

  if (point_is_partial (self, index))
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

/* The label tells the whole chart, the description the marked point. */
static void
update_accessible_label (HubChart *self)
{
  g_autofree char *label = hub_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_accessible_marker (HubChart *self)
{
  if (self->marker >= 0)
    {
      g_autofree char *text = hub_chart_dup_point_text (self, self->marker);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Interaction */

static int
index_at_x (HubChart *self,
            double    x)
{
  HubDay day;

  if (self->points->len == 0 || self->px_per_day <= 0 ||
      x < self->plot.origin.x || x >= self->plot.origin.x + self->plot.size.width)
    return -1;
  day = self->first + (HubDay) px_floor ((x - self->plot.origin.x) / self->px_per_day);
  day = CLAMP (day, self->first, self->last);
  return index_for_day (self, day);
}

static void
set_marker (HubChart *self,
            int       index)
{
  if (index >= (int) self->points->len)
    index = (int) self->points->len - 1;
  if (index < -1)
    index = -1;
  if (index == self->marker)
    return;

  self->marker = index;
  update_accessible_marker (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HubChart                 *self)
{
  int index = index_at_x (self, x);

  if (index >= 0)
    set_marker (self, index);
}

static void
on_leave (GtkEventControllerMotion *controller,
          HubChart                 *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_marker (self, -1);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HubChart        *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HubChart              *self)
{
  int n = (int) self->points->len;
  int index = self->marker;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      index = index < 0 ? n - 1 : MAX (index - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      index = index < 0 ? n - 1 : MIN (index + 1, n - 1);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      index = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      index = n - 1;
      break;
    case GDK_KEY_Escape:
      if (index < 0)
        return FALSE;
      index = -1;
      break;
    default:
      return FALSE;
    }

  set_marker (self, index);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

/* GtkWidget */

static gboolean
hub_chart_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  HubChart *self = HUB_CHART (widget);
  int index = keyboard_mode ? self->marker : index_at_x (self, x);
  g_autofree char *text = NULL;
  HubDay d0, d1;
  GdkRectangle area;

  if (index < 0)
    return FALSE;

  text = hub_chart_dup_point_text (self, index);
  gtk_tooltip_set_text (tooltip, text);

  /* The tooltip follows the pointer from one bucket to the next. */
  point_span (self, index, &d0, &d1);
  area.x = (int) px_floor (x_for_day (self, d0));
  area.width = MAX (1, (int) px_ceil (x_for_day (self, d1 + 1)) - area.x);
  area.y = (int) self->plot.origin.y;
  area.height = (int) self->plot.size.height;
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
hub_chart_measure (GtkWidget      *widget,
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
      *natural = 640;
    }
  else
    {
      *minimum = 140;
      *natural = 280;
    }
}

static void
hub_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  layout_chart (HUB_CHART (widget), width, height);
}

static void
append_cairo_curve (HubChart     *self,
                    GtkSnapshot  *snapshot,
                    gboolean      area)
{
  cairo_t *cr;
  graphene_rect_t bounds;
  const graphene_point_t *p = (const graphene_point_t *) self->curve->data;
  double bottom = self->plot.origin.y + self->plot.size.height;
  GdkRGBA line = area ? self->accent : with_alpha (&self->foreground, 0.8f);

  if (self->curve->len == 0)
    return;

  graphene_rect_inset_r (&self->plot, -2, -2, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i < self->curve->len; i++)
    cairo_line_to (cr, p[i].x, p[i].y);
  if (self->curve->len == 1)
    cairo_line_to (cr, p[0].x + 0.01, p[0].y);

  if (area)
    {
      GdkRGBA fill = with_alpha (&self->accent, 0.25f);

      cairo_save (cr);
      cairo_line_to (cr, p[self->curve->len - 1].x, bottom);
      cairo_line_to (cr, p[0].x, bottom);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill (cr);
      cairo_restore (cr);

      cairo_move_to (cr, p[0].x, p[0].y);
      for (guint i = 1; i < self->curve->len; i++)
        cairo_line_to (cr, p[i].x, p[i].y);
    }

  gdk_cairo_set_source_rgba (cr, &line);
  cairo_set_line_width (cr, self->px_per_day < 1 ? 1.5 : 2);
  cairo_stroke (cr);

  /* The marked point on the line. */
  if (self->marker >= 0 && (guint) self->marker < self->curve->len)
    {
      cairo_arc (cr, p[self->marker].x, p[self->marker].y, 4, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &self->background);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &line);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
append_label (GtkSnapshot   *snapshot,
              const Label   *label,
              const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (label->x, label->y));
  gtk_snapshot_append_layout (snapshot, label->layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
hub_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HubChart *self = HUB_CHART (widget);
  double left = self->plot.origin.x;
  double right = left + self->plot.size.width;
  double bottom = self->plot.origin.y + self->plot.size.height;
  GdkRGBA grid, baseline, text, marked_bar;

  if (!self->colors_valid)
    update_colors (self);
  /* The marked bar leans towards the text colour: darker in light, lighter in dark. */
  marked_bar = mix (&self->accent, &self->foreground, 0.35f);
  grid = with_alpha (&self->foreground, 0.12f);
  baseline = with_alpha (&self->foreground, 0.35f);
  text = with_alpha (&self->foreground, 0.7f);

  if (self->empty_layout != NULL)
    {
      int w, h;

      pango_layout_get_pixel_size (self->empty_layout, &w, &h);
      append_label (snapshot,
                    &(Label) { self->empty_layout,
                               (gtk_widget_get_width (widget) - w) / 2.0,
                               (gtk_widget_get_height (widget) - h) / 2.0 },
                    &text);
      return;
    }
  if (self->points->len == 0)
    return;

  /* The marked bucket, behind everything. */
  if (self->marker >= 0)
    {
      HubDay d0, d1;
      double x0, x1;
      GdkRGBA band = with_alpha (&self->foreground, gtk_widget_has_focus (widget) ? 0.14f : 0.09f);

      point_span (self, self->marker, &d0, &d1);
      x0 = px_floor (x_for_day (self, d0));
      x1 = MAX (x0 + 1, px_ceil (x_for_day (self, d1 + 1)));
      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (x0, self->plot.origin.y,
                                                      x1 - x0, self->plot.size.height));
    }

  for (guint i = 1; i < self->y_lines->len; i++)
    {
      double y = g_array_index (self->y_lines, double, i);

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (left, y, right - left, 1));
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      gboolean marked = self->bar_per_point && (int) i == self->marker;

      gtk_snapshot_append_color (snapshot, marked ? &marked_bar : &self->accent,
                                 &g_array_index (self->bars, graphene_rect_t, i));
    }

  append_cairo_curve (self, snapshot, self->cumulative);

  gtk_snapshot_append_color (snapshot, &baseline,
                             &GRAPHENE_RECT_INIT (left, bottom, right - left, 1));
  for (guint i = 0; i < self->x_marks->len; i++)
    {
      double x = g_array_index (self->x_marks, double, i);

      gtk_snapshot_append_color (snapshot, &baseline, &GRAPHENE_RECT_INIT (x, bottom, 1, 4));
    }

  for (guint i = 0; i < self->y_labels->len; i++)
    append_label (snapshot, &g_array_index (self->y_labels, Label, i), &text);
  for (guint i = 0; i < self->x_labels->len; i++)
    append_label (snapshot, &g_array_index (self->x_labels, Label, i), &text);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA ring = with_alpha (&self->accent, 0.5f);

      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (1, 1,
                                                            gtk_widget_get_width (widget) - 2,
                                                            gtk_widget_get_height (widget) - 2),
                                       6);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { ring, ring, ring, ring });
    }
}

static void
hub_chart_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  HubChart *self = HUB_CHART (widget);

  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (hub_chart_parent_class)->css_changed (widget, change);

  update_colors (self);
  gtk_widget_queue_draw (widget);

  /* A new font (or size) measures the labels again; a new state does not. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font == NULL || font == NULL || !pango_font_description_equal (self->font, font))
    {
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = font != NULL ? pango_font_description_copy (font) : NULL;
      self->tick_label_widths_valid = FALSE;
      gtk_widget_queue_resize (widget);
    }
}

static void
hub_chart_state_flags_changed (GtkWidget     *widget,
                               GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (hub_chart_parent_class)->state_flags_changed (widget, previous);

  /* The focus ring, and the marker band stronger while the chart has the focus. */
  if ((gtk_widget_get_state_flags (widget) ^ previous) &
      (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

/* GObject */

static void
hub_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HubChart *self = HUB_CHART (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_enum (value, self->range);
      break;
    case PROP_BUCKET:
      g_value_set_enum (value, self->bucket);
      break;
    case PROP_CUMULATIVE:
      g_value_set_boolean (value, self->cumulative);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HubChart *self = HUB_CHART (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      hub_chart_set_range (self, g_value_get_enum (value));
      break;
    case PROP_BUCKET:
      hub_chart_set_bucket (self, g_value_get_enum (value));
      break;
    case PROP_CUMULATIVE:
      hub_chart_set_cumulative (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_chart_dispose (GObject *object)
{
  HubChart *self = HUB_CHART (object);

  self->repo = NULL;
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (hub_chart_parent_class)->dispose (object);
}

static void
hub_chart_finalize (GObject *object)
{
  HubChart *self = HUB_CHART (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->average, g_array_unref);
  g_clear_pointer (&self->y_labels, g_array_unref);
  g_clear_pointer (&self->y_lines, g_array_unref);
  g_clear_pointer (&self->x_labels, g_array_unref);
  g_clear_pointer (&self->x_marks, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->curve, g_array_unref);
  g_clear_object (&self->empty_layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (hub_chart_parent_class)->finalize (object);
}

static void
hub_chart_class_init (HubChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hub_chart_get_property;
  object_class->set_property = hub_chart_set_property;
  object_class->dispose = hub_chart_dispose;
  object_class->finalize = hub_chart_finalize;

  widget_class->measure = hub_chart_measure;
  widget_class->size_allocate = hub_chart_size_allocate;
  widget_class->snapshot = hub_chart_snapshot;
  widget_class->css_changed = hub_chart_css_changed;
  widget_class->state_flags_changed = hub_chart_state_flags_changed;
  widget_class->query_tooltip = hub_chart_query_tooltip;

  properties[PROP_RANGE] =
    g_param_spec_enum ("range", NULL, NULL,
                       HUB_TYPE_CHART_RANGE, HUB_CHART_RANGE_90_DAYS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUCKET] =
    g_param_spec_enum ("bucket", NULL, NULL,
                       HUB_TYPE_CHART_BUCKET, HUB_BUCKET_DAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CUMULATIVE] =
    g_param_spec_boolean ("cumulative", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_chart_init (HubChart *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->as_of = HUB_DAY_NONE;
  self->first = self->last = HUB_DAY_NONE;
  self->range = HUB_CHART_RANGE_90_DAYS;
  self->bucket = HUB_BUCKET_DAY;
  self->marker = -1;

  self->points = g_array_new (FALSE, FALSE, sizeof (HubPoint));
  self->average = g_array_new (FALSE, FALSE, sizeof (double));
  self->y_labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->y_labels, label_clear);
  self->y_lines = g_array_new (FALSE, FALSE, sizeof (double));
  self->x_labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->x_labels, label_clear);
  self->x_marks = g_array_new (FALSE, FALSE, sizeof (double));
  self->bars = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->curve = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_accessible_label (self);
}

/* Public */

GtkWidget *
hub_chart_new (void)
{
  return g_object_new (HUB_TYPE_CHART, NULL);
}

/**
 * hub_chart_set_series:
 * @dataset: (nullable): keeps @repo alive; the chart holds a reference
 * @repo: (nullable): a repository of @dataset, or its overall series
 * @as_of: the day every range ends on (the dataset's asOf)
 */
void
hub_chart_set_series (HubChart      *self,
                      HubDataset    *dataset,
                      const HubRepo *repo,
                      HubDay         as_of)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));
  g_return_if_fail (repo == NULL || dataset != NULL);

  g_set_object (&self->dataset, dataset);
  self->repo = repo;
  self->as_of = repo != NULL ? as_of : HUB_DAY_NONE;
  self->marker = -1;
  self->tick_label_widths_valid = FALSE;
  recompute_points (self);
}

HubChartRange
hub_chart_get_range (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), HUB_CHART_RANGE_90_DAYS);

  return self->range;
}

void
hub_chart_set_range (HubChart      *self,
                     HubChartRange  range)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (range <= HUB_CHART_RANGE_ALL);

  if (self->range == range)
    return;
  self->range = range;
  recompute_points (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

HubBucket
hub_chart_get_bucket (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), HUB_BUCKET_DAY);

  return self->bucket;
}

void
hub_chart_set_bucket (HubChart  *self,
                      HubBucket  bucket)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (bucket <= HUB_BUCKET_MONTH);

  if (self->bucket == bucket)
    return;
  self->bucket = bucket;
  recompute_points (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUCKET]);
}

gboolean
hub_chart_get_cumulative (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), FALSE);

  return self->cumulative;
}

void
hub_chart_set_cumulative (HubChart *self,
                          gboolean  cumulative)
{
  g_return_if_fail (HUB_IS_CHART (self));

  cumulative = !!cumulative;
  if (self->cumulative == cumulative)
    return;
  self->cumulative = cumulative;
  recompute_points (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUMULATIVE]);
}

/**
 * hub_chart_get_points:
 *
 * Returns: (transfer none) (element-type HubPoint): the cached points, one a
 *   bucket from the one holding the range's first day to asOf
 */
const GArray *
hub_chart_get_points (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  return self->points;
}

/**
 * hub_chart_get_average:
 *
 * Returns: (transfer none) (array length=n_values): the trailing 7-day mean
 *   of each point, or none unless the chart shows daily bars
 */
const double *
hub_chart_get_average (HubChart *self,
                       guint    *n_values)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  if (n_values)
    *n_values = self->average->len;
  return (const double *) self->average->data;
}

void
hub_chart_get_span (HubChart *self,
                    HubDay   *first,
                    HubDay   *last)
{
  g_return_if_fail (HUB_IS_CHART (self));

  if (first)
    *first = self->first;
  if (last)
    *last = self->last;
}

int
hub_chart_get_marker (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), -1);

  return self->marker;
}

void
hub_chart_set_marker (HubChart *self,
                      int       index)
{
  g_return_if_fail (HUB_IS_CHART (self));

  set_marker (self, index);
}

/* What the tooltip says of a point: its date, its value, and for a day its
 * 7-day average. */
char *
hub_chart_dup_point_text (HubChart *self,
                          guint     index)
{
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *value = NULL;
  gint64 v;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  title = dup_bucket_title (self, index);
  v = point_at (self, index)->value;
  count = format_count (v);
  if (self->cumulative)
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s download in all", "%s downloads in all",
                                          (gulong) v), count);
  else
    value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s download", "%s downloads",
                                          (gulong) v), count);

  if (index < self->average->len)
    {
      double average = g_array_index (self->average, double, index);
      g_autofree char *mean = g_strdup_printf ("%'.1f", average);

      /* Translators: the mean of the 7 days up to the day shown */
      return g_strdup_printf (_("%s\n%s\n7-day average: %s"), title, value, mean);
    }
  return g_strdup_printf ("%s\n%s", title, value);
}

/* The chart in words, for the accessible label. */
char *
hub_chart_dup_description (HubChart *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *total = NULL;
  g_autofree char *best = NULL;
  g_autofree char *best_title = NULL;
  guint best_index = 0;
  const char *name;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  if (self->points->len == 0)
    return g_strdup (_("Downloads chart, with no data"));

  name = series_name (self);
  from = format_full_date (self->first);
  to = format_full_date (self->last);

  if (self->cumulative)
    {
      g_autofree char *start = format_count (hub_repo_range_sum (self->repo, G_MININT32 + 1,
                                                                 self->first - 1));

      total = format_count (point_at (self, self->points->len - 1)->value);
      /* Translators: cumulative downloads of a repository (1st %s), from a date
       * to a date, rising from a count to a count */
      return g_strdup_printf (_("Cumulative downloads of %s from %s to %s, rising from %s to %s."),
                              name, from, to, start, total);
    }

  for (guint i = 1; i < self->points->len; i++)
    if (point_at (self, i)->value > point_at (self, best_index)->value)
      best_index = i;
  total = format_count (hub_repo_range_sum (self->repo, self->first, self->last));
  best = format_count (point_at (self, best_index)->value);
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
      return g_strdup_printf (_("Daily downloads of %s from %s to %s, with a 7-day average: "
                                "%s in total; the most in a day, %s, was %s."),
                              name, from, to, total, best_title, best);
    }
}

/**
 * hub_chart_render_texture:
 *
 * Draws the chart as it is on screen, over the window's background, with the
 * renderer of the window it is in (or a software one when it has none).
 *
 * Returns: (transfer full): the picture, or %NULL when the chart has no size
 */
GdkTexture *
hub_chart_render_texture (HubChart  *self,
                          GError   **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  g_autoptr(GskRenderer) own_renderer = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GdkTexture *texture;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The chart is not on screen, so there is nothing to export"));
      return NULL;
    }

  if (!self->colors_valid)
    update_colors (self);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_color (snapshot, &self->background,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  if (renderer == NULL)
    {
      own_renderer = gsk_cairo_renderer_new ();
      if (!gsk_renderer_realize (own_renderer, NULL, error))
        return NULL;
      renderer = own_renderer;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
  if (own_renderer != NULL)
    gsk_renderer_unrealize (own_renderer);
  return texture;
}

/* For "Export Chart as PNG…": replaces the file whole, or leaves it as it was. */
gboolean
hub_chart_save_png (HubChart  *self,
                    GFile     *file,
                    GError   **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HUB_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  texture = hub_chart_render_texture (self, error);
  if (texture == NULL)
    return FALSE;
  bytes = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
