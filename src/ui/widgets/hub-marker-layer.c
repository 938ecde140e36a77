/* hub-marker-layer.c: a labelled level across the plot
 *
 * A dashed rule at one count, its words just above it at the plot's left:
 * what the cumulative chart counts before the daily figures begin. A
 * marker with no label draws nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-chart-paint.h"
#include "hub-marker-layer.h"

#define LABEL_INSET 6.0

struct _HubMarkerLayer
{
  HubChartLayer  parent_instance;

  double         value;
  char          *label;

  PangoLayout   *layout;
  double         y;
};

G_DEFINE_FINAL_TYPE (HubMarkerLayer, hub_marker_layer, HUB_TYPE_CHART_LAYER)

static double
hub_marker_layer_get_max (HubChartLayer *layer)
{
  HubMarkerLayer *self = HUB_MARKER_LAYER (layer);

  return self->label != NULL ? self->value : 0;
}

static void
hub_marker_layer_layout (HubChartLayer       *layer,
                         const HubChartFrame *frame)
{
  HubMarkerLayer *self = HUB_MARKER_LAYER (layer);

  g_clear_object (&self->layout);
  if (self->label == NULL)
    return;
  self->layout = gtk_widget_create_pango_layout (frame->widget, self->label);
  pango_layout_set_width (self->layout,
                          (int) ((frame->plot.size.width - 2 * LABEL_INSET) * PANGO_SCALE));
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  self->y = (double) (gint64) hub_chart_frame_y (frame, self->value);
}

static void
hub_marker_layer_snapshot (HubChartLayer        *layer,
                           GtkSnapshot          *snapshot,
                           const HubChartFrame  *frame,
                           const HubChartColors *colors,
                           int                   marker)
{
  HubMarkerLayer *self = HUB_MARKER_LAYER (layer);
  GdkRGBA rule = colors->foreground, text = colors->foreground;
  int w, h;

  if (self->layout == NULL)
    return;

  rule.alpha *= 0.5f;
  text.alpha *= 0.75f;
  for (double x = frame->plot.origin.x; x < frame->plot.origin.x + frame->plot.size.width; x += 8)
    gtk_snapshot_append_color (snapshot, &rule,
                               &GRAPHENE_RECT_INIT (x, self->y, 4, 1));

  pango_layout_get_pixel_size (self->layout, &w, &h);
  hub_chart_append_layout (snapshot, self->layout, frame->plot.origin.x + LABEL_INSET,
                           MAX (frame->plot.origin.y, self->y - h - 2), &text);
}

static void
hub_marker_layer_finalize (GObject *object)
{
  HubMarkerLayer *self = HUB_MARKER_LAYER (object);

  g_clear_object (&self->layout);
  g_free (self->label);

  G_OBJECT_CLASS (hub_marker_layer_parent_class)->finalize (object);
}

static void
hub_marker_layer_class_init (HubMarkerLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);

  object_class->finalize = hub_marker_layer_finalize;
  layer_class->get_max = hub_marker_layer_get_max;
  layer_class->layout = hub_marker_layer_layout;
  layer_class->snapshot = hub_marker_layer_snapshot;
}

static void
hub_marker_layer_init (HubMarkerLayer *self)
{
}

HubChartLayer *
hub_marker_layer_new (void)
{
  return g_object_new (HUB_TYPE_MARKER_LAYER, NULL);
}

/* A level at value, with label's words; a NULL label hides the marker. */
void
hub_marker_layer_set_level (HubMarkerLayer *self,
                            double          value,
                            const char     *label)
{
  g_return_if_fail (HUB_IS_MARKER_LAYER (self));

  self->value = value;
  g_set_str (&self->label, label);
  g_clear_object (&self->layout);
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}

const char *
hub_marker_layer_get_label (HubMarkerLayer *self)
{
  g_return_val_if_fail (HUB_IS_MARKER_LAYER (self), NULL);

  return self->label;
}
