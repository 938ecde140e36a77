/* hub-area-layer.c: a line with the area beneath it filled
 *
 * The chart's main series when it is a total over time (cumulative
 * downloads, the organisation's overview): in the accent colour, the line
 * drawn by HubLineLayer over a faint fill down to zero.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-area-layer.h"

struct _HubAreaLayer
{
  HubLineLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (HubAreaLayer, hub_area_layer, HUB_TYPE_LINE_LAYER)

static GdkRGBA
hub_area_layer_get_color (HubLineLayer         *layer,
                          const HubChartColors *colors)
{
  return colors->accent;
}

static void
hub_area_layer_snapshot (HubChartLayer        *layer,
                         GtkSnapshot          *snapshot,
                         const HubChartFrame  *frame,
                         const HubChartColors *colors,
                         int                   marker)
{
  guint n;
  const graphene_point_t *p = hub_line_layer_get_pixels (HUB_LINE_LAYER (layer), &n);
  double bottom = frame->plot.origin.y + frame->plot.size.height;
  GdkRGBA fill = colors->accent;

  if (n > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &frame->plot);

      cairo_move_to (cr, p[0].x, bottom);
      for (guint i = 0; i < n; i++)
        cairo_line_to (cr, p[i].x, p[i].y);
      cairo_line_to (cr, p[n - 1].x, bottom);
      cairo_close_path (cr);
      fill.alpha *= 0.22f;
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill (cr);
      cairo_destroy (cr);
    }

  HUB_CHART_LAYER_CLASS (hub_area_layer_parent_class)->snapshot (layer, snapshot, frame,
                                                                 colors, marker);
}

static void
hub_area_layer_snapshot_swatch (HubChartLayer         *layer,
                                GtkSnapshot           *snapshot,
                                const graphene_rect_t *area,
                                const HubChartColors  *colors)
{
  GdkRGBA fill = colors->accent;

  fill.alpha *= 0.22f;
  gtk_snapshot_append_color (snapshot, &fill, area);
  gtk_snapshot_append_color (snapshot, &colors->accent,
                             &GRAPHENE_RECT_INIT (area->origin.x, area->origin.y,
                                                  area->size.width, 2));
}

static void
hub_area_layer_class_init (HubAreaLayerClass *klass)
{
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);
  HubLineLayerClass *line_class = HUB_LINE_LAYER_CLASS (klass);

  layer_class->snapshot = hub_area_layer_snapshot;
  layer_class->snapshot_swatch = hub_area_layer_snapshot_swatch;
  line_class->get_color = hub_area_layer_get_color;
}

static void
hub_area_layer_init (HubAreaLayer *self)
{
}

HubChartLayer *
hub_area_layer_new (void)
{
  return g_object_new (HUB_TYPE_AREA_LAYER, NULL);
}
