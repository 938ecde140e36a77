/* test-layers.c: what each layer of the chart draws for its data on a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hub-area-layer.h"
#include "hub-column-layer.h"
#include "hub-marker-layer.h"

static const HubChartColors colors = {
  { 0.2f, 0.4f, 0.8f, 1 }, { 0, 0, 0, 0.8f }, { 1, 1, 1, 1 },
};

/* A plot of width × 100 pixels over n_days days from day 0, counts 0 … top. */
static HubChartFrame
make_frame (GtkWidget *widget,
            double     width,
            HubDay     n_days,
            double     top)
{
  HubChartFrame frame = { widget, GRAPHENE_RECT_INIT (10, 10, width, 100), 0, 0, top };

  frame.px_per_day = width / n_days;
  return frame;
}

static void
collect_colors (GskRenderNode *node,
                GPtrArray     *found)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_colors (gsk_container_node_get_child (node, i), found);
      break;
    case GSK_COLOR_NODE:
      g_ptr_array_add (found, node);
      break;
    default:
      break;
    }
}

/* The color nodes the layer appends, in order. */
static GPtrArray *
draw (HubChartLayer       *layer,
      const HubChartFrame *frame,
      int                  marker,
      GskRenderNode      **out_node)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GPtrArray *found = g_ptr_array_new ();

  hub_chart_layer_layout (layer, frame);
  hub_chart_layer_snapshot (layer, snapshot, frame, &colors, marker);
  *out_node = gtk_snapshot_free_to_node (snapshot);
  if (*out_node != NULL)
    collect_colors (*out_node, found);
  return found;
}

/* A bar a bucket, as wide as its days, its top at its count; a partial one fainter. */
static void
test_columns (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(HubChartLayer) layer = hub_column_layer_new ();
  const HubChartColumn columns[] = {
    { 0, 6, 50, TRUE }, { 7, 13, 100, FALSE }, { 14, 19, 25, TRUE },
  };
  HubChartFrame frame = make_frame (widget, 200, 20, 100);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  graphene_rect_t r;

  hub_column_layer_set_columns (HUB_COLUMN_LAYER (layer), columns, G_N_ELEMENTS (columns));
  g_assert_cmpfloat (hub_chart_layer_get_max (layer), ==, 100);
  bars = draw (layer, &frame, 1, &node);
  g_assert_cmpuint (bars->len, ==, 3);

  /* 70 px for 7 days, less a 4 px gap; half the plot's height. */
  gsk_render_node_get_bounds (g_ptr_array_index (bars, 0), &r);
  g_assert_cmpfloat (r.origin.x, ==, 12);
  g_assert_cmpfloat (r.size.width, ==, 66);
  g_assert_cmpfloat (r.origin.y, ==, 60);
  g_assert_cmpfloat (r.size.height, ==, 50);
  /* The partial bars are fainter; the marked one leans to the text colour. */
  g_assert_cmpfloat (gsk_color_node_get_color (g_ptr_array_index (bars, 0))->alpha, <, 1);
  g_assert_cmpfloat (gsk_color_node_get_color (g_ptr_array_index (bars, 2))->alpha, <, 1);
  g_assert_false (gdk_rgba_equal (gsk_color_node_get_color (g_ptr_array_index (bars, 1)),
                                  &colors.accent));

  g_object_unref (widget);
}

/* Thinner than a pixel: one bar a pixel column, as tall as its tallest day. */
static void
test_columns_thin (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(HubChartLayer) layer = hub_column_layer_new ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (HubChartColumn));
  HubChartFrame frame = make_frame (widget, 50, 1000, 1000);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  double tallest = 0;

  for (HubDay day = 0; day < 1000; day++)
    {
      HubChartColumn c = { day, day, day, FALSE };

      g_array_append_val (columns, c);
    }
  hub_column_layer_set_columns (HUB_COLUMN_LAYER (layer),
                                (const HubChartColumn *) (gpointer) columns->data, columns->len);
  bars = draw (layer, &frame, -1, &node);
  g_assert_cmpuint (bars->len, <=, 51);
  g_assert_cmpuint (bars->len, >=, 49);
  for (guint i = 0; i < bars->len; i++)
    {
      graphene_rect_t r;

      gsk_render_node_get_bounds (g_ptr_array_index (bars, i), &r);
      g_assert_cmpfloat (r.size.width, ==, 1);
      tallest = MAX (tallest, r.size.height);
    }
  /* Day 999 of a scale topped at 1000. */
  g_assert_cmpfloat_with_epsilon (tallest, 99.9, 0.01);

  g_object_unref (widget);
}

/* An area and its line: each point where the frame puts it, drawn with cairo. */
static void
test_area (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(HubChartLayer) layer = hub_area_layer_new ();
  const HubChartPoint points[] = {
    { 3.5, 40, 0, TRUE }, { 10.5, 80, 1, FALSE }, { 17, 20, 2, TRUE },
  };
  HubChartFrame frame = make_frame (widget, 200, 20, 100);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) color_nodes = NULL;
  const graphene_point_t *pixels;
  guint n;

  hub_line_layer_set_points (HUB_LINE_LAYER (layer), points, G_N_ELEMENTS (points));
  g_assert_cmpfloat (hub_chart_layer_get_max (layer), ==, 80);
  color_nodes = draw (layer, &frame, 1, &node);
  g_assert_nonnull (node);
  g_assert_cmpuint (color_nodes->len, ==, 0);
  pixels = hub_line_layer_get_pixels (HUB_LINE_LAYER (layer), &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (pixels[0].x, ==, 45);
  g_assert_cmpfloat (pixels[0].y, ==, 70);
  g_assert_cmpfloat (pixels[1].x, ==, 115);
  g_assert_cmpfloat (pixels[1].y, ==, 30);
  g_assert_cmpfloat (pixels[2].x, ==, 180);
  g_assert_cmpfloat (pixels[2].y, ==, 90);

  g_object_unref (widget);
}

/* A level with words draws a rule and its label; without words, nothing. */
static void
test_marker (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(HubChartLayer) layer = hub_marker_layer_new ();
  HubChartFrame frame = make_frame (widget, 200, 20, 100);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderNode) none = NULL;
  g_autoptr(GPtrArray) dashes = NULL;
  g_autoptr(GPtrArray) nothing = NULL;

  hub_marker_layer_set_level (HUB_MARKER_LAYER (layer), 50, "50 before the rows");
  g_assert_cmpfloat (hub_chart_layer_get_max (layer), ==, 50);
  dashes = draw (layer, &frame, -1, &node);
  /* A dash every 8 px across 200 px, all at the level's height. */
  g_assert_cmpuint (dashes->len, ==, 25);
  for (guint i = 0; i < dashes->len; i++)
    {
      graphene_rect_t r;

      gsk_render_node_get_bounds (g_ptr_array_index (dashes, i), &r);
      g_assert_cmpfloat (r.origin.y, ==, 60);
    }

  hub_marker_layer_set_level (HUB_MARKER_LAYER (layer), 50, NULL);
  g_assert_cmpfloat (hub_chart_layer_get_max (layer), ==, 0);
  nothing = draw (layer, &frame, -1, &none);
  g_assert_cmpuint (nothing->len, ==, 0);

  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/widgets/layers/columns", test_columns);
  g_test_add_func ("/widgets/layers/columns-thinner-than-a-pixel", test_columns_thin);
  g_test_add_func ("/widgets/layers/area", test_area);
  g_test_add_func ("/widgets/layers/marker", test_marker);

  return g_test_run ();
}
