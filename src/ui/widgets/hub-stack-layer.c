/* hub-stack-layer.c: a bar for each bucket, made of parts stacked on each other
 *
 * Request classes over time: each bar is a bucket's requests, cut into its
 * classes, the first at the bottom. The parts keep their own colours in
 * light and dark, so that a class is the same colour in the legend, the
 * bars and the list beside them. Bars sit on whole pixels; each part's top
 * is rounded, so that the parts meet without gaps or overlaps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-stack-layer.h"

typedef struct
{
  graphene_rect_t rect;
  guint           part;
} Block;

struct _HubStackLayer
{
  HubChartLayer  parent_instance;

  guint          n_parts;
  char          *titles[HUB_STACK_MAX_PARTS];
  GdkRGBA        colors[HUB_STACK_MAX_PARTS];
  GArray        *columns;  /* HubStackColumn */
  GArray        *blocks;   /* Block */
};

G_DEFINE_FINAL_TYPE (HubStackLayer, hub_stack_layer, HUB_TYPE_CHART_LAYER)

static inline double
px_round (double x)
{
  return (double) (gint64) (x + (x < 0 ? -0.5 : 0.5));
}

static gint64
column_total (HubStackLayer        *self,
              const HubStackColumn *column)
{
  gint64 total = 0;

  for (guint p = 0; p < self->n_parts; p++)
    total += column->values[p];
  return total;
}

static double
hub_stack_layer_get_max (HubChartLayer *layer)
{
  HubStackLayer *self = HUB_STACK_LAYER (layer);
  gint64 max = 0;

  for (guint i = 0; i < self->columns->len; i++)
    max = MAX (max, column_total (self, &g_array_index (self->columns, HubStackColumn, i)));
  return (double) max;
}

static void
hub_stack_layer_layout (HubChartLayer       *layer,
                        const HubChartFrame *frame)
{
  HubStackLayer *self = HUB_STACK_LAYER (layer);
  double bottom = frame->plot.origin.y + frame->plot.size.height;

  g_array_set_size (self->blocks, 0);
  for (guint i = 0; i < self->columns->len; i++)
    {
      const HubStackColumn *c = &g_array_index (self->columns, HubStackColumn, i);
      double x0 = hub_chart_frame_x (frame, c->first);
      double x1 = hub_chart_frame_x (frame, c->last + 1);
      double gap = x1 - x0 >= 4 ? MIN (4, (x1 - x0) * 0.2) : 0;
      double left = px_round (x0 + gap / 2);
      double width = MAX (1, px_round (x1 - gap / 2) - left);
      double below = bottom;
      gint64 sum = 0;

      for (guint p = 0; p < self->n_parts; p++)
        {
          Block block = { .part = p };
          double top;

          if (c->values[p] <= 0)
            continue;
          sum += c->values[p];
          top = px_round (hub_chart_frame_y (frame, (double) sum));
          if (top >= below)
            continue;
          graphene_rect_init (&block.rect, left, top, width, below - top);
          g_array_append_val (self->blocks, block);
          below = top;
        }
    }
}

static void
hub_stack_layer_snapshot (HubChartLayer        *layer,
                          GtkSnapshot          *snapshot,
                          const HubChartFrame  *frame,
                          const HubChartColors *colors,
                          int                   marker)
{
  HubStackLayer *self = HUB_STACK_LAYER (layer);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      gtk_snapshot_append_color (snapshot, &self->colors[block->part], &block->rect);
    }
}

static void
hub_stack_layer_snapshot_swatch (HubChartLayer         *layer,
                                 GtkSnapshot           *snapshot,
                                 const graphene_rect_t *area,
                                 const HubChartColors  *colors)
{
  HubStackLayer *self = HUB_STACK_LAYER (layer);

  gtk_snapshot_append_color (snapshot, &self->colors[0], area);
}

static void
hub_stack_layer_finalize (GObject *object)
{
  HubStackLayer *self = HUB_STACK_LAYER (object);

  for (guint p = 0; p < self->n_parts; p++)
    g_free (self->titles[p]);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (hub_stack_layer_parent_class)->finalize (object);
}

static void
hub_stack_layer_class_init (HubStackLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HubChartLayerClass *layer_class = HUB_CHART_LAYER_CLASS (klass);

  object_class->finalize = hub_stack_layer_finalize;
  layer_class->get_max = hub_stack_layer_get_max;
  layer_class->layout = hub_stack_layer_layout;
  layer_class->snapshot = hub_stack_layer_snapshot;
  layer_class->snapshot_swatch = hub_stack_layer_snapshot_swatch;
}

static void
hub_stack_layer_init (HubStackLayer *self)
{
  self->columns = g_array_new (FALSE, FALSE, sizeof (HubStackColumn));
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
}

/* Parts bottom first, each with its legend's title and its colour. */
HubChartLayer *
hub_stack_layer_new (const char * const *part_titles,
                     const GdkRGBA      *part_colors,
                     guint               n_parts)
{
  HubStackLayer *self;

  g_return_val_if_fail (n_parts > 0 && n_parts <= HUB_STACK_MAX_PARTS, NULL);

  self = g_object_new (HUB_TYPE_STACK_LAYER, NULL);
  self->n_parts = n_parts;
  for (guint p = 0; p < n_parts; p++)
    {
      self->titles[p] = g_strdup (part_titles[p]);
      self->colors[p] = part_colors[p];
    }
  return HUB_CHART_LAYER (self);
}

guint
hub_stack_layer_get_n_parts (HubStackLayer *self)
{
  g_return_val_if_fail (HUB_IS_STACK_LAYER (self), 0);
  return self->n_parts;
}

const char *
hub_stack_layer_get_part_title (HubStackLayer *self,
                                guint          part)
{
  g_return_val_if_fail (HUB_IS_STACK_LAYER (self), NULL);
  g_return_val_if_fail (part < self->n_parts, NULL);
  return self->titles[part];
}

const GdkRGBA *
hub_stack_layer_get_part_color (HubStackLayer *self,
                                guint          part)
{
  g_return_val_if_fail (HUB_IS_STACK_LAYER (self), NULL);
  g_return_val_if_fail (part < self->n_parts, NULL);
  return &self->colors[part];
}

void
hub_stack_layer_set_columns (HubStackLayer        *self,
                             const HubStackColumn *columns,
                             guint                 n_columns)
{
  g_return_if_fail (HUB_IS_STACK_LAYER (self));
  g_return_if_fail (columns != NULL || n_columns == 0);

  g_array_set_size (self->columns, 0);
  g_array_append_vals (self->columns, columns, n_columns);
  g_array_set_size (self->blocks, 0);
  hub_chart_layer_changed (HUB_CHART_LAYER (self));
}
