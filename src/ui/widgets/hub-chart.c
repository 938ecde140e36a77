/* hub-chart.c: a repository's downloads over a range of days, drawn from layers
 *
 * When the series, the range, the bucket, the cumulative switch or the
 * style changes, the points come from the core (bucket sums, the 7-day
 * average, the downloads before the daily rows) and go to the layers: a
 * column a bucket, an area for a total over time, the average as a line and
 * a labelled level for what the daily rows do not hold. The files beside
 * this one lay them out, handle input and export the picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart-private.h"
#include "hub-format.h"

G_DEFINE_FINAL_TYPE (HubChart, hub_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (HubChartStyle, hub_chart_style,
  G_DEFINE_ENUM_VALUE (HUB_CHART_STYLE_COLUMNS, "columns"),
  G_DEFINE_ENUM_VALUE (HUB_CHART_STYLE_AREA, "area"),
  G_DEFINE_ENUM_VALUE (HUB_CHART_STYLE_LAYERS, "layers"))

enum {
  PROP_0,
  PROP_RANGE,
  PROP_BUCKET,
  PROP_CUMULATIVE,
  PROP_STYLE,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const HubPoint *
point_at (HubChart *self,
          guint     index)
{
  return &g_array_index (self->points, HubPoint, index);
}

/* The days of a point inside the range. */
void
hub_chart_point_span (HubChart *self,
                      guint     index,
                      HubDay   *first,
                      HubDay   *last)
{
  HubDay start = point_at (self, index)->start;

  *first = MAX (start, self->span.first);
  *last = MIN (hub_bucket_next (start, self->bucket) - 1, self->span.last);
}

/* The last point starting on or before day. */
int
hub_chart_index_for_day (HubChart *self,
                         HubDay    day)
{
  guint lo = 0, hi = self->points->len;

  if (hi == 0)
    return -1;
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

/* Data */

/* The 7-day average goes over daily bars only. */
gboolean
hub_chart_shows_average (HubChart *self)
{
  return self->style == HUB_CHART_STYLE_COLUMNS && self->bucket == HUB_BUCKET_DAY &&
         !self->cumulative;
}

/* The caller's layers: a point a day, for the marker and the tooltip,
 * none when no layer has a count above 0. */
static void
compute_days (HubChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->given->len; i++)
    max = MAX (max, hub_chart_layer_get_max (g_ptr_array_index (self->given, i)));
  if (self->given_span.first == HUB_DAY_NONE || max <= 0)
    return;

  self->span = self->given_span;
  for (HubDay day = self->span.first; day <= self->span.last; day++)
    {
      HubPoint point = { day, 0 };

      g_array_append_val (self->points, point);
    }
}

static void
compute_points (HubChart *self)
{
  g_autoptr(GArray) points = NULL;
  HubDay first_day;

  g_array_set_size (self->points, 0);
  g_array_set_size (self->average, 0);
  self->earlier = 0;
  self->span = (HubRange) { HUB_DAY_NONE, HUB_DAY_NONE };

  if (self->style == HUB_CHART_STYLE_LAYERS)
    {
      compute_days (self);
      return;
    }
  if (self->repo == NULL || self->as_of == HUB_DAY_NONE)
    return;

  first_day = self->repo->n_days > 0 ? self->repo->days[0] : HUB_DAY_NONE;
  if (self->range == HUB_RANGE_CUSTOM)
    self->span = self->custom;
  else
    self->span = hub_range_from_preset (self->range, self->as_of, first_day);
  points = hub_repo_buckets (self->repo, self->span.first, self->span.last,
                             self->bucket, self->cumulative);
  g_array_append_vals (self->points, points->data, points->len);

  if (self->cumulative)
    {
      self->earlier = hub_repo_earlier_downloads (self->dataset, self->repo);
      for (guint i = 0; i < self->points->len; i++)
        g_array_index (self->points, HubPoint, i).value += self->earlier;
    }

  if (hub_chart_shows_average (self))
    for (guint i = 0; i < self->points->len; i++)
      {
        double mean;

        if (hub_repo_average (self->repo, point_at (self, i)->start, &mean))
          g_array_append_val (self->average, mean);
      }
}

/* What the main series counts: the legend's and the picture's title. */
const char *
hub_chart_get_bucket_title (HubChart *self)
{
  if (self->cumulative)
    return _("Cumulative downloads");
  switch (self->bucket)
    {
    case HUB_BUCKET_WEEK:
      return _("Weekly downloads");
    case HUB_BUCKET_MONTH:
      return _("Monthly downloads");
    case HUB_BUCKET_DAY:
    default:
      return _("Daily downloads");
    }
}

static void
fill_layers (HubChart *self)
{
  guint n = self->points->len;
  g_autofree HubChartColumn *columns = g_new0 (HubChartColumn, MAX (n, 1));
  g_autofree HubChartPoint *line = g_new0 (HubChartPoint, MAX (n, 1));
  guint n_average = self->average->len;
  g_autofree HubChartPoint *average = g_new0 (HubChartPoint, MAX (n_average, 1));
  gboolean as_area = self->cumulative || self->style == HUB_CHART_STYLE_AREA;

  g_ptr_array_set_size (self->layers, 0);
  if (self->style == HUB_CHART_STYLE_LAYERS)
    {
      for (guint i = 0; n > 0 && i < self->given->len; i++)
        g_ptr_array_add (self->layers, g_ptr_array_index (self->given, i));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      HubDay d0, d1;
      gboolean partial = hub_chart_get_point_partial (self, i);

      hub_chart_point_span (self, i, &d0, &d1);
      columns[i] = (HubChartColumn) { d0, d1, point_at (self, i)->value, partial };
      /* A running total is whole up to its last day: only a sum can fall short. */
      line[i] = (HubChartPoint) { (d0 + d1 + 1) / 2.0, (double) point_at (self, i)->value, i,
                                  partial && !self->cumulative };
    }
  for (guint i = 0; i < n_average; i++)
    {
      guint at = n - n_average + i;

      average[i] = (HubChartPoint) { point_at (self, at)->start + 0.5,
                                     g_array_index (self->average, double, i), at, FALSE };
    }

  hub_column_layer_set_columns (HUB_COLUMN_LAYER (self->columns), columns, as_area ? 0 : n);
  hub_line_layer_set_points (HUB_LINE_LAYER (self->area), line, as_area ? n : 0);
  hub_line_layer_set_points (HUB_LINE_LAYER (self->average_line), average, n_average);
  hub_chart_layer_set_title (as_area ? self->area : self->columns,
                             hub_chart_get_bucket_title (self));

  if (self->earlier > 0 && n > 0)
    {
      g_autofree char *count = hub_format_count (self->earlier);
      /* Translators: a level on the cumulative chart; %s is a count */
      g_autofree char *label = g_strdup_printf (_("%s downloads before the daily figures begin"),
                                                count);

      hub_marker_layer_set_level (HUB_MARKER_LAYER (self->earlier_level),
                                  (double) self->earlier, label);
    }
  else
    hub_marker_layer_set_level (HUB_MARKER_LAYER (self->earlier_level), 0, NULL);

  if (n == 0)
    return;
  g_ptr_array_add (self->layers, as_area ? self->area : self->columns);
  if (n_average > 0)
    g_ptr_array_add (self->layers, self->average_line);
  if (self->earlier > 0)
    g_ptr_array_add (self->layers, self->earlier_level);
  if (hub_day_mark_layer_get_n_marks (HUB_DAY_MARK_LAYER (self->day_marks)) > 0)
    g_ptr_array_add (self->layers, self->day_marks);
}

static void
recompute (HubChart *self)
{
  HubDay marked = HUB_DAY_NONE;

  if (self->marker >= 0 && (guint) self->marker < self->points->len)
    marked = point_at (self, self->marker)->start;

  compute_points (self);
  self->max_value = 0;
  fill_layers (self);
  for (guint i = 0; i < self->layers->len; i++)
    {
      double max = hub_chart_layer_get_max (g_ptr_array_index (self->layers, i));
      gint64 whole = (gint64) max;

      /* Rounded up, so that an average's peak stays under the top line. */
      self->max_value = MAX (self->max_value, whole + (max > whole));
    }
  /* Marked days write their words at the plot's top: a quarter of it
   * is kept clear of the data for them. */
  if (g_ptr_array_find (self->layers, self->day_marks, NULL))
    self->max_value += self->max_value / 3;

  /* The marker stays on the day it was on, while the range holds it. */
  self->marker = -1;
  if (marked != HUB_DAY_NONE && self->points->len > 0 &&
      marked >= point_at (self, 0)->start && marked <= self->span.last)
    self->marker = hub_chart_index_for_day (self, marked);

  hub_chart_update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
on_layer_changed (HubChart *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static HubChartLayer *
add_layer (HubChart      *self,
           HubChartLayer *layer)
{
  g_signal_connect_object (layer, "changed", G_CALLBACK (on_layer_changed), self,
                           G_CONNECT_SWAPPED);
  return layer;
}

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
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
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
    case PROP_STYLE:
      hub_chart_set_style (self, g_value_get_enum (value));
      break;
    case PROP_PLACEHOLDER:
      if (g_set_str (&self->placeholder, g_value_get_string (value)))
        {
          gtk_widget_queue_allocate (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
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
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_object (&self->columns);
  g_clear_object (&self->area);
  g_clear_object (&self->average_line);
  g_clear_object (&self->earlier_level);
  g_clear_object (&self->day_marks);
  g_clear_pointer (&self->given, g_ptr_array_unref);
  g_clear_pointer (&self->day_texts, g_strfreev);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->placeholder, g_free);
  g_clear_pointer (&self->y_labels, g_array_unref);
  g_clear_pointer (&self->y_lines, g_array_unref);
  g_clear_pointer (&self->x_labels, g_array_unref);
  g_clear_pointer (&self->x_marks, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->legend_entries, g_array_unref);
  g_clear_object (&self->empty_layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (hub_chart_parent_class)->finalize (object);
}

static void
hub_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  hub_chart_layout (HUB_CHART (widget), width, height);
}

static void
hub_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  hub_chart_snapshot_contents (HUB_CHART (widget), snapshot);
}

static void
hub_chart_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  HubChart *self = HUB_CHART (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (hub_chart_parent_class)->css_changed (widget, change);

  hub_chart_update_colors (self);
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
                       HUB_TYPE_RANGE_PRESET, HUB_RANGE_LAST_90_DAYS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUCKET] =
    g_param_spec_enum ("bucket", NULL, NULL,
                       HUB_TYPE_BUCKET, HUB_BUCKET_DAY,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CUMULATIVE] =
    g_param_spec_boolean ("cumulative", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       HUB_TYPE_CHART_STYLE, HUB_CHART_STYLE_COLUMNS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What an empty chart says, instead of "No downloads to show". */
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_chart_init (HubChart *self)
{
  self->as_of = HUB_DAY_NONE;
  self->span = (HubRange) { HUB_DAY_NONE, HUB_DAY_NONE };
  self->range = HUB_RANGE_LAST_90_DAYS;
  self->bucket = HUB_BUCKET_DAY;
  self->marker = -1;

  self->points = g_array_new (FALSE, FALSE, sizeof (HubPoint));
  self->average = g_array_new (FALSE, FALSE, sizeof (double));
  self->layers = g_ptr_array_new ();
  self->columns = add_layer (self, hub_column_layer_new ());
  self->area = add_layer (self, hub_area_layer_new ());
  self->average_line = add_layer (self, hub_line_layer_new ());
  /* Translators: the legend of the line over the daily bars */
  hub_chart_layer_set_title (self->average_line, _("7-day average"));
  self->earlier_level = add_layer (self, hub_marker_layer_new ());
  self->day_marks = add_layer (self, hub_day_mark_layer_new ());
  self->given_span = (HubRange) { HUB_DAY_NONE, HUB_DAY_NONE };
  self->given = g_ptr_array_new_with_free_func (g_object_unref);

  self->y_labels = g_array_new (FALSE, FALSE, sizeof (HubChartLabel));
  g_array_set_clear_func (self->y_labels, hub_chart_label_clear);
  self->y_lines = g_array_new (FALSE, FALSE, sizeof (double));
  self->x_labels = g_array_new (FALSE, FALSE, sizeof (HubChartLabel));
  g_array_set_clear_func (self->x_labels, hub_chart_label_clear);
  self->x_marks = g_array_new (FALSE, FALSE, sizeof (double));
  self->legend = g_array_new (FALSE, FALSE, sizeof (HubChartLabel));
  g_array_set_clear_func (self->legend, hub_chart_label_clear);
  self->legend_entries = g_array_new (FALSE, FALSE, sizeof (HubChartLegendEntry));

  hub_chart_init_input (self);
  hub_chart_update_accessible (self);
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
  recompute (self);
}

HubRangePreset
hub_chart_get_range (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), HUB_RANGE_LAST_90_DAYS);

  return self->range;
}

void
hub_chart_set_range (HubChart       *self,
                     HubRangePreset  range)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (range <= HUB_RANGE_CUSTOM);

  if (self->range == range)
    return;
  self->range = range;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

/* Shows the days of range, and makes the chart's range HUB_RANGE_CUSTOM. */
void
hub_chart_set_custom_range (HubChart *self,
                            HubRange  range)
{
  gboolean changed;

  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (range.first <= range.last);

  changed = self->range != HUB_RANGE_CUSTOM;
  self->range = HUB_RANGE_CUSTOM;
  self->custom = range;
  recompute (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

/* Spikes, drops, notes and milestones marked on their days (those in the
 * range shown); no marks removes them. */
void
hub_chart_set_day_marks (HubChart         *self,
                         const HubDayMark *marks,
                         guint             n_marks)
{
  g_return_if_fail (HUB_IS_CHART (self));

  hub_day_mark_layer_set_marks (HUB_DAY_MARK_LAYER (self->day_marks), marks, n_marks);
  recompute (self);
}

/**
 * hub_chart_set_layers:
 * @layers: (transfer full) (array length=n_layers): drawn bottom first
 * @day_texts: (transfer full) (nullable): the tooltip's text of each day,
 *   first … last
 * @description: (nullable): the whole chart in words, for those who cannot see it
 *
 * Shows the caller's layers over the days first … last, in the layers
 * style; no layers, or HUB_DAY_NONE, empties the chart.
 */
void
hub_chart_set_layers (HubChart       *self,
                      HubDay          first,
                      HubDay          last,
                      HubChartLayer **layers,
                      guint           n_layers,
                      GStrv           day_texts,
                      const char     *description)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (self->style == HUB_CHART_STYLE_LAYERS);
  g_return_if_fail (first == HUB_DAY_NONE || last >= first);

  g_ptr_array_set_size (self->given, 0);
  for (guint i = 0; i < n_layers; i++)
    g_ptr_array_add (self->given, add_layer (self, layers[i]));
  self->given_span = (HubRange) { first, last };
  g_clear_pointer (&self->day_texts, g_strfreev);
  self->day_texts = day_texts;
  g_set_str (&self->description, description);
  self->marker = -1;
  self->tick_label_widths_valid = FALSE;
  recompute (self);
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
  recompute (self);
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
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUMULATIVE]);
}

HubChartStyle
hub_chart_get_style (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), HUB_CHART_STYLE_COLUMNS);

  return self->style;
}

void
hub_chart_set_style (HubChart      *self,
                     HubChartStyle  style)
{
  g_return_if_fail (HUB_IS_CHART (self));
  g_return_if_fail (style <= HUB_CHART_STYLE_LAYERS);

  if (self->style == style)
    return;
  self->style = style;
  recompute (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

/**
 * hub_chart_get_points:
 *
 * Returns: (transfer none) (element-type HubPoint): the cached points, one a
 *   bucket from the one holding the range's first day to asOf; cumulative
 *   points count the downloads before the daily rows too
 */
const GArray *
hub_chart_get_points (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  return self->points;
}

/* Whether the range cut off part of a week or month, so its value is not
 * the bucket's whole. A cumulative value only misses the days after asOf. */
gboolean
hub_chart_get_point_partial (HubChart *self,
                             guint     index)
{
  HubDay start, end;

  g_return_val_if_fail (HUB_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->points->len, FALSE);

  if (self->bucket == HUB_BUCKET_DAY)
    return FALSE;
  start = point_at (self, index)->start;
  end = hub_bucket_next (start, self->bucket) - 1;
  if (end > self->span.last)
    return TRUE;
  return !self->cumulative && start < self->span.first;
}

/**
 * hub_chart_get_average:
 *
 * Returns: (transfer none) (array length=n_values): the 7-day average of
 *   the last n_values points, one a day; days before the repository's
 *   first row have none, and only daily bars show it
 */
const double *
hub_chart_get_average (HubChart *self,
                       guint    *n_values)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);

  if (n_values)
    *n_values = self->average->len;
  return (const double *) (gpointer) self->average->data;
}

/* What the cumulative points count before the daily rows begin (0 unless cumulative). */
gint64
hub_chart_get_earlier (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), 0);

  return self->earlier;
}

void
hub_chart_get_span (HubChart *self,
                    HubDay   *first,
                    HubDay   *last)
{
  g_return_if_fail (HUB_IS_CHART (self));

  if (first)
    *first = self->span.first;
  if (last)
    *last = self->span.last;
}

/* The layers drawn, bottom first. */
guint
hub_chart_get_n_layers (HubChart *self)
{
  g_return_val_if_fail (HUB_IS_CHART (self), 0);

  return self->layers->len;
}

HubChartLayer *
hub_chart_get_layer (HubChart *self,
                     guint     index)
{
  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);

  return g_ptr_array_index (self->layers, index);
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

  hub_chart_move_marker (self, index);
}
