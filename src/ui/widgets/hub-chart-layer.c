/* hub-chart-layer.c: one series of a chart (columns, a line, an area, a marker)
 *
 * A layer keeps its data in days and counts. The chart lays every layer out
 * on one frame when the size or the data changes, then asks each to append
 * what it computed; a layer with a title has an entry in the legend. The
 * "changed" signal tells the chart that the data (and so the scale) moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-chart-layer.h"

typedef struct
{
  char *title;
} HubChartLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HubChartLayer, hub_chart_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

double
hub_chart_frame_x (const HubChartFrame *frame,
                   double               day)
{
  return frame->plot.origin.x + (day - frame->first) * frame->px_per_day;
}

double
hub_chart_frame_y (const HubChartFrame *frame,
                   double               value)
{
  double bottom = frame->plot.origin.y + frame->plot.size.height;

  if (frame->top <= 0)
    return bottom;
  return bottom - value / frame->top * frame->plot.size.height;
}

static double
hub_chart_layer_real_get_max (HubChartLayer *self)
{
  return 0;
}

static void
hub_chart_layer_real_snapshot_swatch (HubChartLayer         *self,
                                      GtkSnapshot           *snapshot,
                                      const graphene_rect_t *area,
                                      const HubChartColors  *colors)
{
}

static void
hub_chart_layer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubChartLayer *self = HUB_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, hub_chart_layer_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_chart_layer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HubChartLayer *self = HUB_CHART_LAYER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      hub_chart_layer_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_chart_layer_finalize (GObject *object)
{
  HubChartLayerPrivate *priv = hub_chart_layer_get_instance_private (HUB_CHART_LAYER (object));

  g_free (priv->title);

  G_OBJECT_CLASS (hub_chart_layer_parent_class)->finalize (object);
}

static void
hub_chart_layer_class_init (HubChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hub_chart_layer_get_property;
  object_class->set_property = hub_chart_layer_set_property;
  object_class->finalize = hub_chart_layer_finalize;
  klass->get_max = hub_chart_layer_real_get_max;
  klass->snapshot_swatch = hub_chart_layer_real_snapshot_swatch;

  /* The legend's words for the layer; none keeps it out of the legend. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hub_chart_layer_init (HubChartLayer *self)
{
}

const char *
hub_chart_layer_get_title (HubChartLayer *self)
{
  HubChartLayerPrivate *priv = hub_chart_layer_get_instance_private (self);

  g_return_val_if_fail (HUB_IS_CHART_LAYER (self), NULL);

  return priv->title;
}

void
hub_chart_layer_set_title (HubChartLayer *self,
                           const char    *title)
{
  HubChartLayerPrivate *priv = hub_chart_layer_get_instance_private (self);

  g_return_if_fail (HUB_IS_CHART_LAYER (self));

  if (g_set_str (&priv->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      hub_chart_layer_changed (self);
    }
}

/* The largest count the layer shows, for the chart's scale. */
double
hub_chart_layer_get_max (HubChartLayer *self)
{
  g_return_val_if_fail (HUB_IS_CHART_LAYER (self), 0);

  return HUB_CHART_LAYER_GET_CLASS (self)->get_max (self);
}

void
hub_chart_layer_layout (HubChartLayer       *self,
                        const HubChartFrame *frame)
{
  g_return_if_fail (HUB_IS_CHART_LAYER (self));

  HUB_CHART_LAYER_GET_CLASS (self)->layout (self, frame);
}

/* marker is the index of the marked bucket, or -1. */
void
hub_chart_layer_snapshot (HubChartLayer        *self,
                          GtkSnapshot          *snapshot,
                          const HubChartFrame  *frame,
                          const HubChartColors *colors,
                          int                   marker)
{
  g_return_if_fail (HUB_IS_CHART_LAYER (self));

  HUB_CHART_LAYER_GET_CLASS (self)->snapshot (self, snapshot, frame, colors, marker);
}

/* The layer's sample in the legend, drawn in area. */
void
hub_chart_layer_snapshot_swatch (HubChartLayer         *self,
                                 GtkSnapshot           *snapshot,
                                 const graphene_rect_t *area,
                                 const HubChartColors  *colors)
{
  g_return_if_fail (HUB_IS_CHART_LAYER (self));

  HUB_CHART_LAYER_GET_CLASS (self)->snapshot_swatch (self, snapshot, area, colors);
}

/* For the layers: their data changed, so the chart lays them out again. */
void
hub_chart_layer_changed (HubChartLayer *self)
{
  g_return_if_fail (HUB_IS_CHART_LAYER (self));

  g_signal_emit (self, signals[CHANGED], 0);
}
