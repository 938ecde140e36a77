/* hub-column-layer.c: a bar for each bucket, as wide as its days
 *
 * Bars sit on whole pixels so that neighbours look alike. When a bar would
 * be thinner than a pixel, each pixel column gets one bar as tall as its
 * tallest bucket instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-column-layer.h"

typedef struct
{
  graphene_rect_t rect;
  gboolean        partial;
} Bar;

struct _HubColumnLayer
{
  HubChartLayer  parent_instance;

  GArray        *columns;  /* HubChartColumn */
  GArray        *bars;     /* Bar */
  gboolean       bar_per_column;
};

G_DEFINE_FINAL_TYPE (HubColumnLayer, hub_column_layer, HUB_TYPE_CHART_LAYER)

static inline double
px_round (double x)
{
  return (double) (gint64) (x + (x < 0 ? -0.5 : 0.5));
}

static const HubChartColumn *
column_at (HubColumnLayer *self,
           guint           index)
{
  return &g_array_index (self->columns, HubChartColumn, index);
}

static double
hub_column_layer_get_max (HubChartLayer *layer)
{
  HubColumnLayer *self = HUB_COLUMN_LAYER (layer);
  gint64 max = 0;

  for (guint i = 0; i < self->columns->len; i++)
    max = MAX (max, column_at (self, i)->value);
  return (double) max;
}

static void
layout_pixel_columns (HubColumnLayer      *self,
                      const HubChartFrame *frame)
{
  int n = MAX (1, (int) frame->plot.size.width + 1);
  g_autofree gint64 *tallest = g_new0 (gint64, n);
  double bottom = frame->plot.origin.y + frame->plot.size.height;

  for (guint i = 0; i < self->columns->len; i++)
    {
      const HubChartColumn *c = column_at (self, i);
      double mid = (hub_chart_frame_x (frame, c->first) +
                    hub_chart_frame_x (frame, c->last + 1)) / 2;
      int at = CLAMP ((int) (mid - frame->plot.origin.x), 0, n - 1);

      tallest[at] = MAX (tallest[at], c->value);
    }
  for (int at = 0; at < n; at++)
    {
      Bar bar = { .partial = FALSE };
      double top;

      if (tallest[at] == 0)
        continue;
      top = hub_chart_frame_y (frame, (double) tallest[at]);
      graphene_rect_init (&bar.rect, frame->plot.origin.x + at, top, 1, bottom - top);
      g_array_append_val (self->bars, bar);
    }
}

static void
hub_column_layer_layout (HubChartLayer       *layer,
                         const HubChartFrame *frame)
{
  HubColumnLayer *self = HUB_COLUMN_LAYER (layer);
  double bottom = frame->plot.origin.y + frame->plot.size.height;
  HubDay narrowest = G_MAXINT32;

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < self->columns->len; i++)
    narrowest = MIN (narrowest, column_at (self, i)->last - column_at (self, i)->first + 1);

  self->bar_per_column = self->columns->len > 0 && frame->px_per_day * narrowest >= 1;
  if (!self->bar_per_column)
    {
      layout_pixel_columns (self, frame);
      return;
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      const HubChartColumn *c = column_at (self, i);
      double x0 = hub_chart_frame_x (frame, c->first);
      double x1 = hub_chart_frame_x (frame, c->last + 1);
      double gap = x1 - x0 >= 4 ? MIN (4, (x1 - x0) * 0.2) : 0;
      double top = px_round (hub_chart_frame_y (frame, (double) c->value));
      Bar bar = { .partial = c->partial };

      graphene_rect_init (&bar.rect, px_round (x0 + gap / 2), top,
                          MAX (1, px_round (x1 - gap / 2) - px_round (x0 + gap / 2)),
                          bottom - top);
      g_array_append_val (self->bars, bar);
    }
}

static GdkRGBA
marked_color (const HubChartColors *colors)
{
  /* Towards the text colour: darker in light, lighter in dark. */
  const GdkRGBA *a = &colors->accent, *b = &colors->foreground;

  return (GdkRGBA) { a->red + (b->red - a->red) * 0.35f,
                     a->green + (b->green - a->green) * 0.35f,
                     a->blue + (b->blue - a->blue) * 0.35f,
                     a->alpha };
}

static void
hub_column_layer_snapshot (HubChartLayer        *layer,
                           GtkSnapshot          *snapshot,
                           const HubChartFrame  *frame,
                           const HubChartColors *colors,
                           int                   marker)
{
  HubColumnLayer *self = HUB_COLUMN_LAYER (layer);
  GdkRGBA marked = marked_color (colors);
  GdkRGBA partial = colors->accent;

  partial.alpha *= 0.45f;
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      const GdkRGBA *color = bar->partial ? &partial : &colors->accent;

      if (self->bar_per_column && (int) i == marker)
        color = &marked;
      gtk_snapshot_append_color (snapshot, color, &bar->rect);
    }
}

static void
hub_column_layer_snapshot_swatch (HubChartLayer         *layer,
                                  GtkSnapshot           *snapshot,
                                  const graphene_rect_t *area,
                                  const HubChartColors  *colors)
{
  gtk_snapshot_append_color (snapshot, &colors->accent, area);
}

static void
hub_column_layer_finalize (GObject *object)
{
  HubColumnLayer *self = HUB_COLUMN_LAYER (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (hub_column_layer_parent_class)->finalize (object);
}

static void
hub_column_layer_class_init (HubColumnLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);

  object_class->finalize = hub_column_layer_finalize;
  layer_class->get_max = hub_column_layer_get_max;
  layer_class->layout = hub_column_layer_layout;
  layer_class->snapshot = hub_column_layer_snapshot;
  layer_class->snapshot_swatch = hub_column_layer_snapshot_swatch;
}

static void
hub_column_layer_init (HubColumnLayer *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (HubChartColumn));
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
}

HubChartLayer *
hub_column_layer_new (void)
{
  return g_object_new (HUB_TYPE_COLUMN_LAYER, NULL);
}

/* One column a bucket, in the order of the chart's buckets (the marker's index). */
void
hub_column_layer_set_columns (HubColumnLayer       *self,
                              const HubChartColumn *columns,
                              guint                 n_columns)
{
  g_return_if_fail (HUB_IS_COLUMN_LAYER (self));
  g_return_if_fail (columns != NULL || n_columns == 0);

  g_array_set_size (self->columns, 0);
  g_array_append_vals (self->columns, columns, n_columns);
  g_array_set_size (self->bars, 0);
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}
