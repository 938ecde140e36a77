/* test-screenshots.c: pictures of the window, saved in the build folder for a
 * person to look at: the welcome page, the dashboard on the demo data in light
 * and dark, and a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-ui-test-util.h"

static void
save (HubWindow  *window,
      const char *name)
{
  g_autoptr(GdkTexture) texture = hub_test_render (GTK_WIDGET (window));
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static HubWindow *
open_demo (int width,
           int height)
{
  HubWindow *window = hub_test_open_window (NULL, width, height);

  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  g_assert_nonnull (hub_window_get_source (window));
  hub_test_run_frames (300);
  return window;
}

static void
test_welcome (void)
{
  HubWindow *window = hub_test_open_window (NULL, 1100, 760);

  hub_test_run_frames (200);
  save (window, "screenshot-welcome.png");
  hub_test_close_window (window);
}

static void
test_dashboard (void)
{
  HubWindow *window = open_demo (1280, 800);

  save (window, "screenshot-dashboard.png");
  hub_test_close_window (window);
}

static void
test_dashboard_last_month (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HubWindow *window;

  g_settings_set_enum (settings, "period", HUB_PERIOD_LAST_MONTH);
  window = open_demo (1280, 800);
  save (window, "screenshot-dashboard-last-month.png");
  hub_test_close_window (window);
  g_settings_set_enum (settings, "period", HUB_PERIOD_ALL_TIME);
}

static void
test_dashboard_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  HubWindow *window;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_demo (1280, 800);
  save (window, "screenshot-dashboard-dark.png");
  hub_test_close_window (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_narrow (void)
{
  HubWindow *window = open_demo (360, 760);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  save (window, "screenshot-narrow.png");
  hub_test_close_window (window);
}

static void
test_wide (void)
{
  HubWindow *window = open_demo (1600, 900);

  save (window, "screenshot-wide.png");
  hub_test_close_window (window);
}

static void
test_search_empty (void)
{
  HubWindow *window = open_demo (1100, 760);

  gtk_editable_set_text (hub_repo_table_get_search_entry (hub_window_get_table (window)),
                         "no such repository");
  hub_test_run_frames (200);
  save (window, "screenshot-search-empty.png");
  hub_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/screenshots/welcome", test_welcome);
  g_test_add_func ("/ui/screenshots/dashboard", test_dashboard);
  g_test_add_func ("/ui/screenshots/dashboard-last-month", test_dashboard_last_month);
  g_test_add_func ("/ui/screenshots/dashboard-dark", test_dashboard_dark);
  g_test_add_func ("/ui/screenshots/narrow", test_narrow);
  g_test_add_func ("/ui/screenshots/wide", test_wide);
  g_test_add_func ("/ui/screenshots/search-empty", test_search_empty);

  return g_test_run ();
}
