/* test-sparkline.c: HubSparkline's points, words and drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-core.h"
#include "hub-sparkline.h"
#include "hub-ui-test-util.h"

static void
assert_point (const graphene_point_t *p,
              float                   x,
              float                   y)
{
  g_assert_cmpfloat_with_epsilon (p->x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (p->y, y, 1e-6);
}

static void
test_points (void)
{
  GtkWidget *sparkline = g_object_ref_sink (hub_sparkline_new ());
  const gint64 values[] = { 0, 50, 100, 25, 100 };
  const graphene_point_t *points;
  guint n;

  hub_sparkline_set_values (HUB_SPARKLINE (sparkline), values, G_N_ELEMENTS (values),
                            hub_day_from_ymd (2026, 11, 21));
  points = hub_sparkline_get_points (HUB_SPARKLINE (sparkline), &n);
  g_assert_cmpuint (n, ==, 5);
  assert_point (&points[0], 0.0f, 1.0f);
  assert_point (&points[1], 0.25f, 0.5f);
  assert_point (&points[2], 0.5f, 0.0f);
  assert_point (&points[3], 0.75f, 0.75f);
  assert_point (&points[4], 1.0f, 0.0f);

  /* All zero: a flat line at the bottom, no division by zero. */
  {
    const gint64 zeros[] = { 0, 0, 0 };

    hub_sparkline_set_values (HUB_SPARKLINE (sparkline), zeros, 3, hub_day_from_ymd (2026, 1, 3));
    points = hub_sparkline_get_points (HUB_SPARKLINE (sparkline), &n);
    g_assert_cmpuint (n, ==, 3);
    for (guint i = 0; i < n; i++)
      g_assert_cmpfloat (points[i].y, ==, 1.0f);
    g_assert_cmpstr (hub_sparkline_get_summary (HUB_SPARKLINE (sparkline)), ==,
                     "No downloads over 3 days");
  }

  g_assert_finalize_object (sparkline);
}

static void
test_from_repo (void)
{
  g_autofree char *path = hub_test_fixture_path ("fixture.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_dataset_load_file (path, NULL, NULL, NULL, &error);
  GtkWidget *sparkline = g_object_ref_sink (hub_sparkline_new ());
  const HubRepo *alpha;
  const graphene_point_t *points;
  guint n;

  g_assert_no_error (error);
  alpha = hub_dataset_find_repo (dataset, "model", "org/alpha");
  g_assert_nonnull (alpha);

  /* 90 days to 2026-11-21: 150 on 10-01, 200 on 11-20, 100 on 11-21. */
  hub_sparkline_set_repo (HUB_SPARKLINE (sparkline), alpha, hub_dataset_get_as_of (dataset), 90);
  points = hub_sparkline_get_points (HUB_SPARKLINE (sparkline), &n);
  g_assert_cmpuint (n, ==, 90);
  assert_point (&points[89], 1.0f, 0.5f);
  assert_point (&points[88], 88.0f / 89.0f, 0.0f);
  assert_point (&points[89 - 51], (89.0f - 51.0f) / 89.0f, 0.25f);
  assert_point (&points[0], 0.0f, 1.0f);
  {
    g_autofree char *tooltip = hub_sparkline_dup_tooltip (HUB_SPARKLINE (sparkline));

    /* The sum first: the table's "Last 90 Days" column sorts by it. */
    g_assert_cmpstr (tooltip, ==,
                     "450 downloads in the last 90 days\n24 Aug 2026 – 21 Nov 2026, 0 to 200 a day");
  }

  g_assert_finalize_object (sparkline);
}

static void
test_words (void)
{
  GtkWidget *sparkline = g_object_ref_sink (hub_sparkline_new ());
  gint64 values[90];

  for (guint i = 0; i < 90; i++)
    values[i] = i < 7 ? 120 : (i >= 83 ? 480 : 120 + (gint64) i * 4);
  hub_sparkline_set_values (HUB_SPARKLINE (sparkline), values, 90, hub_day_from_ymd (2026, 11, 21));
  g_assert_cmpstr (hub_sparkline_get_summary (HUB_SPARKLINE (sparkline)), ==,
                   "Downloads rising from 120 to 480 a day over 90 days");

  for (guint i = 0; i < 90; i++)
    values[i] = 480 - (gint64) i * 4;
  hub_sparkline_set_values (HUB_SPARKLINE (sparkline), values, 90, hub_day_from_ymd (2026, 11, 21));
  g_assert_true (g_str_has_prefix (hub_sparkline_get_summary (HUB_SPARKLINE (sparkline)),
                                   "Downloads falling from "));

  for (guint i = 0; i < 90; i++)
    values[i] = 100 + (i % 7 == 0 ? 5 : 0);
  hub_sparkline_set_values (HUB_SPARKLINE (sparkline), values, 90, hub_day_from_ymd (2026, 11, 21));
  g_assert_true (g_str_has_prefix (hub_sparkline_get_summary (HUB_SPARKLINE (sparkline)),
                                   "Downloads steady at about "));

  g_assert_finalize_object (sparkline);
}

/* Drawn through the window's renderer, in light and dark: the line is there
 * and takes the accent colour. */
static void
test_render (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sparkline = hub_sparkline_new ();
  const gint64 values[] = { 0, 10, 40, 20, 80, 60, 100 };
  gboolean dark = FALSE;

  gtk_widget_set_size_request (sparkline, 100, 24);
  gtk_window_set_child (GTK_WINDOW (window), sparkline);
  hub_sparkline_set_values (HUB_SPARKLINE (sparkline), values, G_N_ELEMENTS (values),
                            hub_day_from_ymd (2026, 11, 21));
  gtk_window_present (GTK_WINDOW (window));

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guchar *pixels = NULL;
      int width, height;
      guint coloured = 0;
      double blue = 0, red = 0;

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      hub_test_wait_frames (6);
      texture = hub_test_render (sparkline);
      g_assert_nonnull (texture);
      width = gdk_texture_get_width (texture);
      height = gdk_texture_get_height (texture);
      g_assert_cmpint (width, ==, gtk_widget_get_width (sparkline));
      g_assert_cmpint (height, ==, gtk_widget_get_height (sparkline));

      pixels = g_malloc (width * height * 4);
      gdk_texture_download (texture, pixels, width * 4);
      /* Premultiplied BGRA (CAIRO_FORMAT_ARGB32 in memory on little-endian). */
      for (int i = 0; i < width * height; i++)
        if (pixels[i * 4 + 3] > 200)
          {
            coloured++;
            blue += pixels[i * 4];
            red += pixels[i * 4 + 2];
          }
      g_assert_cmpuint (coloured, >, 50);
      /* libadwaita's accent is blue in both styles. */
      g_assert_cmpfloat (blue, >, red);
      dark = TRUE;
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/sparkline/points", test_points);
  g_test_add_func ("/ui/sparkline/from-repo", test_from_repo);
  g_test_add_func ("/ui/sparkline/words", test_words);
  g_test_add_func ("/ui/sparkline/render", test_render);

  return g_test_run ();
}
