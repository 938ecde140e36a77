/* test-preferences.c: the preferences window keeps GSettings in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-preferences-dialog.h"
#include "hub-ui-test-util.h"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "endpoint");
  g_settings_reset (settings, "refresh-on-startup");
  return settings;
}

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type,
              guint      nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (nth == 0)
            return child;
          nth--;
        }
      found = find_by_type (child, type, nth);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_refresh (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *dialog = hub_preferences_dialog_new (settings);
  GtkWindow *window = hub_test_present_dialog (dialog, 800, 640);
  GtkSwitch *refresh = GTK_SWITCH (find_by_type (dialog, GTK_TYPE_SWITCH, 0));

  g_assert_true (gtk_switch_get_active (refresh));
  gtk_switch_set_active (refresh, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "refresh-on-startup"));

  gtk_window_destroy (window);
}

static void
test_endpoint_validation (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *dialog = hub_preferences_dialog_new (settings);
  GtkWindow *window = hub_test_present_dialog (dialog, 800, 640);
  AdwEntryRow *row = ADW_ENTRY_ROW (find_by_type (dialog, ADW_TYPE_ENTRY_ROW, 0));
  g_autofree char *kept = NULL;

  /* A plain http:// address to another machine would send the token in clear. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://hub.example.com");
  g_signal_emit_by_name (row, "apply");
  kept = g_settings_get_string (settings, "endpoint");
  g_assert_cmpstr (kept, ==, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_clear_pointer (&kept, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "https://hub.example.com/");
  g_signal_emit_by_name (row, "apply");
  kept = g_settings_get_string (settings, "endpoint");
  g_assert_cmpstr (kept, ==, "https://hub.example.com");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_clear_pointer (&kept, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_signal_emit_by_name (row, "apply");
  kept = g_settings_get_string (settings, "endpoint");
  g_assert_cmpstr (kept, ==, "");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/preferences/refresh", test_refresh);
  g_test_add_func ("/dialogs/preferences/endpoint-validation", test_endpoint_validation);

  return g_test_run ();
}
