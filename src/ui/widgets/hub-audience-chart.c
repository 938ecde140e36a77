/* hub-audience-chart.c: request logs' figures day by day, drawn from chart layers
 *
 * The repository chart (hub-chart.c) is a view of a breakdown's series; the
 * logs' figures are several series at once (requests, sessions, uniques, or
 * the request classes stacked), so this widget takes layers made by its
 * caller over a span of days, and lays out the same parts around them: a
 * legend (a stacked layer gives one entry a part), the count axis, the date
 * axis (hub-axis.c), and a tooltip with the caller's text for the day under
 * the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hub-audience-chart.h"
#include "hub-axis.h"
#include "hub-chart-paint.h"
#include "hub-format.h"
#include "hub-stack-layer.h"

#define AXIS_GAP        6.0
#define LABEL_GAP      12.0
#define PAD             8.0
#define Y_TICK_SPACING 36.0
#define MAX_Y_TICKS     6
#define SWATCH         12.0
#define LEGEND_GAP     16.0

typedef struct
{
  PangoLayout   *layout;
  double         x;
  double         y;
  const GdkRGBA *swatch;      /* a stacked part's colour, or NULL */
  HubChartLayer *layer;       /* the layer whose swatch is drawn */
} Label;

struct _HubAudienceChart
{
  GtkWidget       parent_instance;

  HubDay          first;
  HubDay          last;
  GPtrArray      *layers;     /* HubChartLayer, bottom first */
  GStrv           day_texts;  /* one a day, first … last, for the tooltip */
  gint64          max_value;

  HubChartFrame   frame;
  GArray         *labels;     /* Label: axes */
  GArray         *legend;     /* Label */
  GArray         *y_lines;    /* double */
  PangoLayout    *empty_layout;
  HubChartColors  colors;
  gboolean        colors_valid;
};

G_DEFINE_FINAL_TYPE (HubAudienceChart, hub_audience_chart, GTK_TYPE_WIDGET)

/* A line in a colour of its own */

struct _HubColoredLineLayer
{
  HubLineLayer parent_instance;
  GdkRGBA      color;
};

#define HUB_TYPE_COLORED_LINE_LAYER (hub_colored_line_layer_get_type ())
G_DECLARE_FINAL_TYPE (HubColoredLineLayer, hub_colored_line_layer, HUB, COLORED_LINE_LAYER,
                      HubLineLayer)
G_DEFINE_FINAL_TYPE (HubColoredLineLayer, hub_colored_line_layer, HUB_TYPE_LINE_LAYER)

static GdkRGBA
hub_colored_line_layer_get_color (HubLineLayer         *layer,
                                  const HubChartColors *colors)
{
  return HUB_COLORED_LINE_LAYER (layer)->color;
}

static void
hub_colored_line_layer_class_init (HubColoredLineLayerClass *klass)
{
  HUB_LINE_LAYER_CLASS (klass)->get_color = hub_colored_line_layer_get_color;
}

static void
hub_colored_line_layer_init (HubColoredLineLayer *self)
{
}

HubChartLayer *
hub_colored_line_layer_new (const char    *title,
                            const GdkRGBA *color)
{
  HubColoredLineLayer *self = g_object_new (HUB_TYPE_COLORED_LINE_LAYER, NULL);

  self->color = *color;
  hub_chart_layer_set_title (HUB_CHART_LAYER (self), title);
  return HUB_CHART_LAYER (self);
}

/* Layout */

static inline double
px_round (double x)
{
  return (double) (gint64) (x + (x < 0 ? -0.5 : 0.5));
}

static void
label_clear (gpointer data)
{
  g_clear_object (&((Label *) data)->layout);
}

static PangoLayout *
new_layout (HubAudienceChart *self,
            const char       *text,
            double           *width,
            double           *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
  return layout;
}

static void
add_legend_entry (HubAudienceChart *self,
                  const char       *title,
                  HubChartLayer    *layer,
                  const GdkRGBA    *swatch,
                  double           *x,
                  double           *y,
                  double            line_height,
                  int               width)
{
  double w;
  Label label = { new_layout (self, title, &w, NULL), 0, 0, swatch, layer };
  double entry = SWATCH + AXIS_GAP + w;

  if (*x > PAD && *x + entry > width - PAD)
    {
      *x = PAD;
      *y += line_height;
    }
  label.x = *x;
  label.y = *y;
  g_array_append_val (self->legend, label);
  *x += entry + LEGEND_GAP;
}

/* The legend's height. */
static double
layout_legend (HubAudienceChart *self,
               int               width,
               double            line_height)
{
  double x = PAD, y = PAD;

  for (guint i = 0; i < self->layers->len; i++)
    {
      HubChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (HUB_IS_STACK_LAYER (layer))
        for (guint p = 0; p < hub_stack_layer_get_n_parts (HUB_STACK_LAYER (layer)); p++)
          add_legend_entry (self, hub_stack_layer_get_part_title (HUB_STACK_LAYER (layer), p),
                            layer, hub_stack_layer_get_part_color (HUB_STACK_LAYER (layer), p),
                            &x, &y, line_height, width);
      else if (hub_chart_layer_get_title (layer) != NULL)
        add_legend_entry (self, hub_chart_layer_get_title (layer), layer, NULL,
                          &x, &y, line_height, width);
    }
  return self->legend->len > 0 ? y - PAD + line_height : 0;
}

static void
tick_label_widths (HubAudienceChart *self,
                   double           *widths)
{
  int year = 2026;

  hub_day_to_ymd (self->last, &year, NULL, NULL);
  for (guint f = 0; f < HUB_AXIS_N_TICK_FORMATS; f++)
    widths[f] = 0;
  for (int month = 1; month <= 12; month++)
    for (guint f = 0; f < HUB_AXIS_N_TICK_FORMATS; f++)
      {
        g_autofree char *text = hub_axis_date_label (hub_day_from_ymd (year, month, 28), f);
        double w;
        g_autoptr(PangoLayout) layout = new_layout (self, text, &w, NULL);

        widths[f] = MAX (widths[f], w + LABEL_GAP);
      }
}

static void
hub_audience_chart_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  HubAudienceChart *self = HUB_AUDIENCE_CHART (widget);
  g_autoptr(PangoLayout) probe = new_layout (self, "0", NULL, NULL);
  g_autoptr(GArray) x_ticks = NULL;
  double line_height, gutter = 0, plot_top, plot_height, bottom, right_edge = -G_MAXDOUBLE;
  double widths[HUB_AXIS_N_TICK_FORMATS];
  HubAxisTickFormat format;
  gint64 step;
  guint n_steps, first_y_label;

  g_array_set_size (self->labels, 0);
  g_array_set_size (self->legend, 0);
  g_array_set_size (self->y_lines, 0);
  g_clear_object (&self->empty_layout);
  {
    int h;

    pango_layout_get_pixel_size (probe, NULL, &h);
    line_height = h;
  }

  if (self->layers->len == 0 || self->first == HUB_DAY_NONE || self->max_value == 0)
    {
      self->empty_layout = new_layout (self, _("No requests to show"), NULL, NULL);
      return;
    }

  plot_top = PAD + layout_legend (self, width, line_height) + line_height / 2;
  plot_height = height - plot_top - (AXIS_GAP + line_height + PAD);
  n_steps = hub_axis_value_ticks (self->max_value,
                                  (guint) CLAMP (plot_height / Y_TICK_SPACING, 1, MAX_Y_TICKS),
                                  &step);
  first_y_label = self->labels->len;
  for (guint i = 0; i <= n_steps; i++)
    {
      g_autofree char *text = hub_format_axis_value ((gint64) ((guint64) step * i));
      double w;
      Label label = { new_layout (self, text, &w, NULL), w, 0, NULL, NULL };

      gutter = MAX (gutter, w);
      g_array_append_val (self->labels, label);
    }
  gutter += PAD + AXIS_GAP;

  self->frame.widget = widget;
  graphene_rect_init (&self->frame.plot, gutter, plot_top,
                      MAX (1, width - gutter - PAD), MAX (1, plot_height));
  self->frame.first = self->first;
  self->frame.px_per_day = self->frame.plot.size.width / (double) (self->last - self->first + 1);
  self->frame.top = (double) ((guint64) step * n_steps);
  bottom = self->frame.plot.origin.y + self->frame.plot.size.height;

  for (guint i = 0; i <= n_steps; i++)
    {
      Label *label = &g_array_index (self->labels, Label, first_y_label + i);
      double y = px_round (hub_chart_frame_y (&self->frame, (double) ((guint64) step * i)));

      label->x = gutter - AXIS_GAP - label->x;
      label->y = y - line_height / 2;
      g_array_append_val (self->y_lines, y);
    }

  tick_label_widths (self, widths);
  x_ticks = hub_axis_date_ticks (self->first, self->last, self->frame.px_per_day, widths, &format);
  for (guint i = 0; i < x_ticks->len; i++)
    {
      HubDay day = g_array_index (x_ticks, HubDay, i);
      g_autofree char *text = hub_axis_date_label (day, format);
      double w, x;
      Label label = { new_layout (self, text, &w, NULL), 0, bottom + AXIS_GAP, NULL, NULL };

      x = format == HUB_AXIS_TICK_DAY ? hub_chart_frame_x (&self->frame, day + 0.5) - w / 2
                                      : hub_chart_frame_x (&self->frame, day) + 2;
      x = CLAMP (x, PAD, width - PAD - w);
      if (x < right_edge + LABEL_GAP / 2)
        {
          g_object_unref (label.layout);
          continue;
        }
      right_edge = x + w;
      label.x = x;
      g_array_append_val (self->labels, label);
    }

  for (guint i = 0; i < self->layers->len; i++)
    hub_chart_layer_layout (g_ptr_array_index (self->layers, i), &self->frame);
}

static void
hub_audience_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 220;
}

/* Drawing */

static void
update_colors (HubAudienceChart *self)
{
  hub_chart_colors_from_style (&self->colors, GTK_WIDGET (self));
  self->colors_valid = TRUE;
}

static void
hub_audience_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HubAudienceChart *self = HUB_AUDIENCE_CHART (widget);
  const graphene_rect_t *plot = &self->frame.plot;
  HubChartInk ink;

  if (!self->colors_valid)
    update_colors (self);
  hub_chart_ink_from_colors (&self->colors, &ink);
  if (hub_chart_append_placeholder (snapshot, widget, self->empty_layout, &ink.text))
    return;
  if (self->y_lines->len == 0)
    return;

  for (guint i = 1; i < self->y_lines->len; i++)
    gtk_snapshot_append_color (snapshot, &ink.grid,
                               &GRAPHENE_RECT_INIT (plot->origin.x,
                                                    g_array_index (self->y_lines, double, i),
                                                    plot->size.width, 1));
  for (guint i = 0; i < self->layers->len; i++)
    hub_chart_layer_snapshot (g_ptr_array_index (self->layers, i), snapshot, &self->frame,
                              &self->colors, -1);
  gtk_snapshot_append_color (snapshot, &ink.baseline,
                             &GRAPHENE_RECT_INIT (plot->origin.x,
                                                  plot->origin.y + plot->size.height,
                                                  plot->size.width, 1));
  for (guint i = 0; i < self->labels->len; i++)
    {
      const Label *label = &g_array_index (self->labels, Label, i);

      hub_chart_append_layout (snapshot, label->layout, label->x, label->y, &ink.text);
    }
  for (guint i = 0; i < self->legend->len; i++)
    {
      const Label *label = &g_array_index (self->legend, Label, i);
      int h;
      graphene_rect_t swatch;

      pango_layout_get_pixel_size (label->layout, NULL, &h);
      graphene_rect_init (&swatch, label->x, label->y + h / 2.0 - 5, SWATCH, 10);
      if (label->swatch != NULL)
        gtk_snapshot_append_color (snapshot, label->swatch, &swatch);
      else
        hub_chart_layer_snapshot_swatch (label->layer, snapshot, &swatch, &self->colors);
      hub_chart_append_layout (snapshot, label->layout, label->x + SWATCH + AXIS_GAP, label->y,
                               &ink.text);
    }
}

static void
hub_audience_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  HubAudienceChart *self = HUB_AUDIENCE_CHART (widget);

  GTK_WIDGET_CLASS (hub_audience_chart_parent_class)->css_changed (widget, change);
  self->colors_valid = FALSE;
  gtk_widget_queue_allocate (widget);
}

static gboolean
hub_audience_chart_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  g_autofree char *text = hub_audience_chart_dup_text_at (HUB_AUDIENCE_CHART (widget), x);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_layer_changed (HubAudienceChart *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
clear_layers (HubAudienceChart *self)
{
  for (guint i = 0; i < self->layers->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->layers, i),
                                          on_layer_changed, self);
  g_ptr_array_set_size (self->layers, 0);
}

static void
hub_audience_chart_dispose (GObject *object)
{
  HubAudienceChart *self = HUB_AUDIENCE_CHART (object);

  if (self->layers != NULL)
    clear_layers (self);

  G_OBJECT_CLASS (hub_audience_chart_parent_class)->dispose (object);
}

static void
hub_audience_chart_finalize (GObject *object)
{
  HubAudienceChart *self = HUB_AUDIENCE_CHART (object);

  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->day_texts, g_strfreev);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->y_lines, g_array_unref);
  g_clear_object (&self->empty_layout);

  G_OBJECT_CLASS (hub_audience_chart_parent_class)->finalize (object);
}

static void
hub_audience_chart_class_init (HubAudienceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_audience_chart_dispose;
  object_class->finalize = hub_audience_chart_finalize;
  widget_class->measure = hub_audience_chart_measure;
  widget_class->size_allocate = hub_audience_chart_size_allocate;
  widget_class->snapshot = hub_audience_chart_snapshot;
  widget_class->css_changed = hub_audience_chart_css_changed;
  widget_class->query_tooltip = hub_audience_chart_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "audiencechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hub_audience_chart_init (HubAudienceChart *self)
{
  self->first = HUB_DAY_NONE;
  self->last = HUB_DAY_NONE;
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
  self->legend = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->legend, label_clear);
  self->y_lines = g_array_new (FALSE, FALSE, sizeof (double));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
hub_audience_chart_new (void)
{
  return g_object_new (HUB_TYPE_AUDIENCE_CHART, NULL);
}

/* Layers (taken) drawn bottom first over days first … last, day_texts
 * (taken, one a day) for the tooltip, and a description of the whole in
 * words for those who cannot see it. */
void
hub_audience_chart_set_layers (HubAudienceChart  *self,
                               HubDay             first,
                               HubDay             last,
                               HubChartLayer    **layers,
                               guint              n_layers,
                               GStrv              day_texts,
                               const char        *description)
{
  g_return_if_fail (HUB_IS_AUDIENCE_CHART (self));
  g_return_if_fail (first == HUB_DAY_NONE || last >= first);

  clear_layers (self);
  g_clear_pointer (&self->day_texts, g_strfreev);
  self->first = first;
  self->last = last;
  self->day_texts = day_texts;
  self->max_value = 0;
  for (guint i = 0; i < n_layers; i++)
    {
      double max = hub_chart_layer_get_max (layers[i]);
      gint64 whole = (gint64) max;

      self->max_value = MAX (self->max_value, whole + (max > whole));
      g_signal_connect_swapped (layers[i], "changed", G_CALLBACK (on_layer_changed), self);
      g_ptr_array_add (self->layers, layers[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description ? description : "",
                                  -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hub_audience_chart_get_n_layers (HubAudienceChart *self)
{
  g_return_val_if_fail (HUB_IS_AUDIENCE_CHART (self), 0);

  return self->layers->len;
}

HubChartLayer *
hub_audience_chart_get_layer (HubAudienceChart *self,
                              guint             index)
{
  g_return_val_if_fail (HUB_IS_AUDIENCE_CHART (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);

  return g_ptr_array_index (self->layers, index);
}

/* The tooltip's text for the day at x (widget coordinates), or NULL. */
char *
hub_audience_chart_dup_text_at (HubAudienceChart *self,
                                double            x)
{
  gint64 day;

  g_return_val_if_fail (HUB_IS_AUDIENCE_CHART (self), NULL);

  if (self->day_texts == NULL || self->frame.px_per_day <= 0 || self->y_lines->len == 0)
    return NULL;
  day = (gint64) ((x - self->frame.plot.origin.x) / self->frame.px_per_day);
  if (x < self->frame.plot.origin.x || day < 0 || day > self->last - self->first ||
      day >= (gint64) g_strv_length (self->day_texts))
    return NULL;
  return g_strdup (self->day_texts[day]);
}
