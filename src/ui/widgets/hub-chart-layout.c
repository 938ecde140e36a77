/* hub-chart-layout.c: where the chart puts its legend, axes and plot, and how it draws them
 *
 * The geometry and the labels are computed when the size or the data
 * changes; snapshot only appends what is cached. The x axis is linear in
 * days, so a bucket clipped by the range is drawn as narrow as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hub-chart-paint.h"
#include "hub-chart-private.h"
#include "hub-format.h"

#define AXIS_GAP        6.0   /* between an axis label and the plot */
#define LABEL_GAP      12.0   /* the least room between two x labels */
#define PAD             8.0   /* around the chart, room for the focus ring */
#define Y_TICK_SPACING 36.0   /* the least room between two y grid lines */
#define MAX_Y_TICKS     8
#define SWATCH         12.0   /* a legend sample's width */
#define LEGEND_GAP     16.0   /* between two legend entries */

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

void
hub_chart_label_clear (gpointer data)
{
  HubChartLabel *label = data;

  g_clear_object (&label->layout);
}

static void
add_label (GArray      *labels,
           PangoLayout *layout,
           double       x,
           double       y)
{
  HubChartLabel label = { g_object_ref (layout), x, y };

  g_array_append_val (labels, label);
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

void
hub_chart_update_colors (HubChart *self)
{
  hub_chart_colors_from_style (&self->colors, GTK_WIDGET (self));
  self->colors_valid = TRUE;
}

/* The widest label of each format, over the twelve months' names. */
static void
ensure_tick_label_widths (HubChart *self)
{
  int year = 2026;

  if (self->tick_label_widths_valid)
    return;

  if (self->span.last != HUB_DAY_NONE)
    hub_day_to_ymd (self->span.last, &year, NULL, NULL);

  for (guint f = 0; f < HUB_AXIS_N_TICK_FORMATS; f++)
    self->tick_label_widths[f] = 0;

  for (int month = 1; month <= 12; month++)
    {
      HubDay day = hub_day_from_ymd (year, month, 28);

      for (guint f = 0; f < HUB_AXIS_N_TICK_FORMATS; f++)
        {
          g_autofree char *text = hub_axis_date_label (day, f);
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
          double w;

          measure_layout (layout, &w, NULL);
          self->tick_label_widths[f] = MAX (self->tick_label_widths[f], w + LABEL_GAP);
        }
    }
  self->tick_label_widths_valid = TRUE;
}

/* Moves the legend entries first … last - 1, laid out from PAD, so that
 * their row ends at the right edge. */
static void
align_legend_row (HubChart *self,
                  guint     first,
                  guint     last,
                  double    right,
                  int       width)
{
  for (guint i = first; i < last; i++)
    g_array_index (self->legend, HubChartLabel, i).x += MAX (0, width - PAD - right);
}

static void
add_legend_entry (HubChart      *self,
                  HubChartLayer *layer,
                  int            part)
{
  HubChartLegendEntry entry = { layer, part };

  g_array_append_val (self->legend_entries, entry);
}

static const char *
legend_entry_title (const HubChartLegendEntry *entry)
{
  if (entry->part >= 0)
    return hub_stack_layer_get_part_title (HUB_STACK_LAYER (entry->layer), (guint) entry->part);
  return hub_chart_layer_get_title (entry->layer);
}

/* A legend entry for each titled layer and each part of a stacked one,
 * when there is more than one series to tell apart: right-aligned rows
 * above the plot, as many as the width needs. Returns the height they take. */
static double
layout_legend (HubChart *self,
               int       width,
               double    line_height)
{
  double x = PAD, y = PAD;
  guint row_start = 0;

  g_array_set_size (self->legend, 0);
  g_array_set_size (self->legend_entries, 0);
  for (guint i = 0; i < self->layers->len; i++)
    {
      HubChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (HUB_IS_STACK_LAYER (layer))
        for (guint p = 0; p < hub_stack_layer_get_n_parts (HUB_STACK_LAYER (layer)); p++)
          add_legend_entry (self, layer, (int) p);
      else if (hub_chart_layer_get_title (layer) != NULL)
        add_legend_entry (self, layer, -1);
    }
  if (self->legend_entries->len < 2)
    {
      g_array_set_size (self->legend_entries, 0);
      return 0;
    }

  for (guint i = 0; i < self->legend_entries->len; i++)
    {
      const HubChartLegendEntry *entry = &g_array_index (self->legend_entries,
                                                         HubChartLegendEntry, i);
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (GTK_WIDGET (self), legend_entry_title (entry));
      double w, entry_width;

      measure_layout (layout, &w, NULL);
      entry_width = SWATCH + AXIS_GAP + w;
      if (i > row_start && x + entry_width > width - PAD)
        {
          align_legend_row (self, row_start, i, x - LEGEND_GAP, width);
          row_start = i;
          x = PAD;
          y += line_height;
        }
      /* label.x is where the entry starts: its swatch, then the words. */
      add_label (self->legend, layout, x, y);
      x += entry_width + LEGEND_GAP;
    }
  align_legend_row (self, row_start, self->legend->len, x - LEGEND_GAP, width);
  return y - PAD + line_height + AXIS_GAP;
}

void
hub_chart_layout (HubChart *self,
                  int       width,
                  int       height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, "0");
  g_autoptr(GArray) x_ticks = NULL;
  HubAxisTickFormat format;
  double line_height, gutter = 0, plot_height, plot_top, bottom;
  gint64 step;
  guint n_steps, max_ticks;
  double right_edge = -G_MAXDOUBLE;

  g_array_set_size (self->y_labels, 0);
  g_array_set_size (self->y_lines, 0);
  g_array_set_size (self->x_labels, 0);
  g_array_set_size (self->x_marks, 0);
  g_array_set_size (self->legend, 0);
  g_array_set_size (self->legend_entries, 0);
  g_clear_object (&self->empty_layout);

  measure_layout (probe, NULL, &line_height);

  if (self->points->len == 0)
    {
      self->empty_layout = gtk_widget_create_pango_layout (widget, self->placeholder != NULL
                                                                   ? self->placeholder
                                                                   : _("No downloads to show"));
      return;
    }

  plot_top = PAD + layout_legend (self, width, line_height) + line_height / 2;

  /* The y axis: as many grid lines as fit, and a gutter for their labels. */
  plot_height = height - plot_top - (AXIS_GAP + line_height + PAD);
  max_ticks = (guint) CLAMP (plot_height / Y_TICK_SPACING, 1, MAX_Y_TICKS);
  n_steps = hub_axis_value_ticks (self->max_value, max_ticks, &step);

  for (guint i = 0; i <= n_steps; i++)
    {
      g_autofree char *text = hub_format_axis_value ((gint64) ((guint64) step * i));
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double w;

      measure_layout (layout, &w, NULL);
      gutter = MAX (gutter, w);
      add_label (self->y_labels, layout, w, 0);
    }
  gutter += PAD + AXIS_GAP;

  self->frame.widget = widget;
  graphene_rect_init (&self->frame.plot, gutter, plot_top,
                      MAX (1, width - gutter - PAD), MAX (1, plot_height));
  self->frame.first = self->span.first;
  self->frame.px_per_day = self->frame.plot.size.width /
                           (double) (self->span.last - self->span.first + 1);
  self->frame.top = (double) ((guint64) step * n_steps);
  bottom = self->frame.plot.origin.y + self->frame.plot.size.height;

  for (guint i = 0; i <= n_steps; i++)
    {
      HubChartLabel *label = &g_array_index (self->y_labels, HubChartLabel, i);
      double y = px_round (hub_chart_frame_y (&self->frame, (double) ((guint64) step * i)));

      /* label->x held the label's width until now. */
      label->x = gutter - AXIS_GAP - label->x;
      label->y = y - line_height / 2;
      g_array_append_val (self->y_lines, y);
    }

  /* The x axis: ticks that leave room for their labels, none clipped. */
  ensure_tick_label_widths (self);
  x_ticks = hub_axis_date_ticks (self->span.first, self->span.last, self->frame.px_per_day,
                                 self->tick_label_widths, &format);
  for (guint i = 0; i < x_ticks->len; i++)
    {
      HubDay day = g_array_index (x_ticks, HubDay, i);
      g_autofree char *text = hub_axis_date_label (day, format);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      double w, x, mark;

      measure_layout (layout, &w, NULL);
      if (format == HUB_AXIS_TICK_DAY)
        {
          mark = hub_chart_frame_x (&self->frame, day + 0.5);
          x = mark - w / 2;
        }
      else
        {
          /* A month or a year starts at its tick: the label follows it. */
          mark = hub_chart_frame_x (&self->frame, day);
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

  for (guint i = 0; i < self->layers->len; i++)
    hub_chart_layer_layout (g_ptr_array_index (self->layers, i), &self->frame);
}

void
hub_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* Minimum and natural width, then height, of each style. */
  static const int sizes[][4] = {
    [HUB_CHART_STYLE_COLUMNS] = { 200, 640, 140, 280 },
    [HUB_CHART_STYLE_AREA] = { 200, 600, 120, 160 },
    [HUB_CHART_STYLE_LAYERS] = { 200, 600, 160, 220 },
  };
  const int *size = sizes[hub_chart_get_style (HUB_CHART (widget))];

  *minimum = size[orientation == GTK_ORIENTATION_HORIZONTAL ? 0 : 2];
  *natural = size[orientation == GTK_ORIENTATION_HORIZONTAL ? 1 : 3];
}

static void
append_label (GtkSnapshot         *snapshot,
              const HubChartLabel *label,
              double               dx,
              const GdkRGBA       *color)
{
  hub_chart_append_layout (snapshot, label->layout, label->x + dx, label->y, color);
}

static void
snapshot_legend (HubChart      *self,
                 GtkSnapshot   *snapshot,
                 const GdkRGBA *text)
{
  for (guint i = 0; i < self->legend->len; i++)
    {
      const HubChartLabel *label = &g_array_index (self->legend, HubChartLabel, i);
      const HubChartLegendEntry *entry = &g_array_index (self->legend_entries,
                                                         HubChartLegendEntry, i);
      double h;
      graphene_rect_t swatch;

      measure_layout (label->layout, NULL, &h);
      graphene_rect_init (&swatch, label->x, label->y + h / 2 - 5, SWATCH, 10);
      if (entry->part >= 0)
        gtk_snapshot_append_color (snapshot,
                                   hub_stack_layer_get_part_color (HUB_STACK_LAYER (entry->layer),
                                                                   (guint) entry->part),
                                   &swatch);
      else
        hub_chart_layer_snapshot_swatch (entry->layer, snapshot, &swatch, &self->colors);
      append_label (snapshot, label, SWATCH + AXIS_GAP, text);
    }
}

static void
snapshot_marker_band (HubChart    *self,
                      GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA band = hub_chart_with_alpha (&self->colors.foreground,
                             gtk_widget_has_focus (widget) ? 0.14f : 0.09f);
  HubDay d0, d1;
  double x0, x1;

  hub_chart_point_span (self, (guint) self->marker, &d0, &d1);
  x0 = px_floor (hub_chart_frame_x (&self->frame, d0));
  x1 = MAX (x0 + 1, px_ceil (hub_chart_frame_x (&self->frame, d1 + 1)));
  gtk_snapshot_append_color (snapshot, &band,
                             &GRAPHENE_RECT_INIT (x0, self->frame.plot.origin.y,
                                                  x1 - x0, self->frame.plot.size.height));
}

void
hub_chart_snapshot_contents (HubChart    *self,
                             GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const graphene_rect_t *plot = &self->frame.plot;
  double left = plot->origin.x;
  double right = left + plot->size.width;
  double bottom = plot->origin.y + plot->size.height;
  HubChartInk ink;

  if (!self->colors_valid)
    hub_chart_update_colors (self);
  hub_chart_ink_from_colors (&self->colors, &ink);
  if (hub_chart_append_placeholder (snapshot, widget, self->empty_layout, &ink.text))
    return;
  if (self->points->len == 0 || self->y_lines->len == 0)
    return;

  /* The marked bucket, behind everything. */
  if (self->marker >= 0)
    snapshot_marker_band (self, snapshot);

  for (guint i = 1; i < self->y_lines->len; i++)
    {
      double y = g_array_index (self->y_lines, double, i);

      gtk_snapshot_append_color (snapshot, &ink.grid, &GRAPHENE_RECT_INIT (left, y, right - left, 1));
    }

  for (guint i = 0; i < self->layers->len; i++)
    hub_chart_layer_snapshot (g_ptr_array_index (self->layers, i), snapshot, &self->frame,
                              &self->colors, self->marker);

  gtk_snapshot_append_color (snapshot, &ink.baseline,
                             &GRAPHENE_RECT_INIT (left, bottom, right - left, 1));
  for (guint i = 0; i < self->x_marks->len; i++)
    {
      double x = g_array_index (self->x_marks, double, i);

      gtk_snapshot_append_color (snapshot, &ink.baseline, &GRAPHENE_RECT_INIT (x, bottom, 1, 4));
    }

  for (guint i = 0; i < self->y_labels->len; i++)
    append_label (snapshot, &g_array_index (self->y_labels, HubChartLabel, i), 0, &ink.text);
  for (guint i = 0; i < self->x_labels->len; i++)
    append_label (snapshot, &g_array_index (self->x_labels, HubChartLabel, i), 0, &ink.text);
  snapshot_legend (self, snapshot, &ink.text);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA ring = hub_chart_with_alpha (&self->colors.accent, 0.5f);

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
