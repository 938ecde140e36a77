/* hub-line-layer.c: a line through one value a bucket
 *
 * The points' pixels are computed when the frame changes; snapshot strokes
 * them. A segment that reaches a partial bucket is dashed and its point
 * hollow, so that a short week does not read as a drop. The marked bucket's
 * point gets a dot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-line-layer.h"

typedef struct
{
  GArray   *points;     /* HubChartPoint */
  GArray   *pixels;     /* graphene_point_t, one a point */
  double    width;      /* of the stroke */
  GdkRGBA   color;      /* the caller's, when has_color; else the class's */
  gboolean  has_color;
} HubLineLayerPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HubLineLayer, hub_line_layer, HUB_TYPE_CHART_LAYER)

#define DASH 4.0

static const HubChartPoint *
point_at (HubLineLayerPrivate *priv,
          guint                index)
{
  return &g_array_index (priv->points, HubChartPoint, index);
}

static double
hub_line_layer_get_max (HubChartLayer *layer)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (HUB_LINE_LAYER (layer));
  double max = 0;

  for (guint i = 0; i < priv->points->len; i++)
    max = MAX (max, point_at (priv, i)->value);
  return max;
}

static void
hub_line_layer_layout (HubChartLayer       *layer,
                       const HubChartFrame *frame)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (HUB_LINE_LAYER (layer));

  g_array_set_size (priv->pixels, priv->points->len);
  for (guint i = 0; i < priv->points->len; i++)
    {
      graphene_point_t *p = &g_array_index (priv->pixels, graphene_point_t, i);

      p->x = hub_chart_frame_x (frame, point_at (priv, i)->day);
      p->y = hub_chart_frame_y (frame, point_at (priv, i)->value);
    }
  priv->width = frame->px_per_day < 1 ? 1.5 : 2;
}

static GdkRGBA
hub_line_layer_real_get_color (HubLineLayer         *self,
                               const HubChartColors *colors)
{
  GdkRGBA color = colors->foreground;

  color.alpha *= 0.8f;
  return color;
}

static GdkRGBA
line_color (HubLineLayer         *self,
            const HubChartColors *colors)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  if (priv->has_color)
    return priv->color;
  return HUB_LINE_LAYER_GET_CLASS (self)->get_color (self, colors);
}

static void
stroke_segments (cairo_t             *cr,
                 HubLineLayerPrivate *priv,
                 gboolean             dashed)
{
  const graphene_point_t *p = (const graphene_point_t *) (gpointer) priv->pixels->data;

  for (guint i = 1; i < priv->pixels->len; i++)
    {
      gboolean partial = point_at (priv, i - 1)->partial || point_at (priv, i)->partial;

      if (partial != dashed)
        continue;
      cairo_move_to (cr, p[i - 1].x, p[i - 1].y);
      cairo_line_to (cr, p[i].x, p[i].y);
    }
  if (priv->pixels->len == 1 && !dashed)
    {
      cairo_move_to (cr, p[0].x, p[0].y);
      cairo_line_to (cr, p[0].x + 0.01, p[0].y);
    }
  cairo_set_dash (cr, (double[]) { DASH, DASH }, dashed ? 2 : 0, 0);
  cairo_stroke (cr);
}

static void
hub_line_layer_snapshot (HubChartLayer        *layer,
                         GtkSnapshot          *snapshot,
                         const HubChartFrame  *frame,
                         const HubChartColors *colors,
                         int                   marker)
{
  HubLineLayer *self = HUB_LINE_LAYER (layer);
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);
  GdkRGBA color = line_color (self, colors);
  const graphene_point_t *p = (const graphene_point_t *) (gpointer) priv->pixels->data;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (priv->pixels->len == 0)
    return;

  graphene_rect_inset_r (&frame->plot, -5, -5, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, priv->width);
  gdk_cairo_set_source_rgba (cr, &color);
  stroke_segments (cr, priv, FALSE);
  stroke_segments (cr, priv, TRUE);

  for (guint i = 0; i < priv->pixels->len; i++)
    {
      gboolean marked = marker >= 0 && point_at (priv, i)->bucket == (guint) marker;

      if (!marked && !point_at (priv, i)->partial)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, p[i].x, p[i].y, marked ? 4 : 3, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &colors->background);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
hub_line_layer_snapshot_swatch (HubChartLayer         *layer,
                                GtkSnapshot           *snapshot,
                                const graphene_rect_t *area,
                                const HubChartColors  *colors)
{
  HubLineLayer *self = HUB_LINE_LAYER (layer);
  GdkRGBA color = line_color (self, colors);
  double y = area->origin.y + area->size.height / 2 - 1;

  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (area->origin.x, y, area->size.width, 2));
}

static void
hub_line_layer_finalize (GObject *object)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (HUB_LINE_LAYER (object));

  g_clear_pointer (&priv->points, g_array_unref);
  g_clear_pointer (&priv->pixels, g_array_unref);

  G_OBJECT_CLASS (hub_line_layer_parent_class)->finalize (object);
}

static void
hub_line_layer_class_init (HubLineLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);

  object_class->finalize = hub_line_layer_finalize;
  layer_class->get_max = hub_line_layer_get_max;
  layer_class->layout = hub_line_layer_layout;
  layer_class->snapshot = hub_line_layer_snapshot;
  layer_class->snapshot_swatch = hub_line_layer_snapshot_swatch;
  klass->get_color = hub_line_layer_real_get_color;
}

static void
hub_line_layer_init (HubLineLayer *self)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  priv->points = g_array_new (FALSE, FALSE, sizeof (HubChartPoint));
  priv->pixels = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  priv->width = 2;
}

HubChartLayer *
hub_line_layer_new (void)
{
  return g_object_new (HUB_TYPE_LINE_LAYER, NULL);
}

/* A colour of its own, for a chart of several lines (the request logs'
 * daily figures), instead of the one its class draws with. */
void
hub_line_layer_set_color (HubLineLayer  *self,
                          const GdkRGBA *color)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  g_return_if_fail (HUB_IS_LINE_LAYER (self));
  g_return_if_fail (color != NULL);

  priv->color = *color;
  priv->has_color = TRUE;
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}

void
hub_line_layer_set_points (HubLineLayer        *self,
                           const HubChartPoint *points,
                           guint                n_points)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  g_return_if_fail (HUB_IS_LINE_LAYER (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (priv->points, 0);
  g_array_append_vals (priv->points, points, n_points);
  g_array_set_size (priv->pixels, 0);
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}

const HubChartPoint *
hub_line_layer_get_points (HubLineLayer *self,
                           guint        *n_points)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  g_return_val_if_fail (HUB_IS_LINE_LAYER (self), NULL);

  if (n_points)
    *n_points = priv->points->len;
  return (const HubChartPoint *) (gpointer) priv->points->data;
}

/* Where the points were laid out, one a point; for the area beneath. */
const graphene_point_t *
hub_line_layer_get_pixels (HubLineLayer *self,
                           guint        *n_pixels)
{
  HubLineLayerPrivate *priv = hub_line_layer_get_instance_private (self);

  g_return_val_if_fail (HUB_IS_LINE_LAYER (self), NULL);

  if (n_pixels)
    *n_pixels = priv->pixels->len;
  return (const graphene_point_t *) (gpointer) priv->pixels->data;
}
