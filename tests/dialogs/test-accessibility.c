/* test-accessibility.c: every control says what it does, every chart says what it shows
 *
 * Walks the window (dashboard and repository page), the sign-in dialog and
 * the preferences: a button shows words, or has a tooltip that a screen
 * reader also reads; charts and sparklines are images with a description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-chart.h"
#include "hub-preferences-dialog.h"
#include "hub-repo-detail.h"
#include "hub-sign-in-dialog.h"
#include "hub-sparkline.h"
#include "hub-ui-test-util.h"
#include "hub-window.h"

static gboolean
has_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_words (child))
        return TRUE;
    }
  return FALSE;
}

static const char *
describe (GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);

  return name ? name : G_OBJECT_TYPE_NAME (widget);
}

/* Buttons the toolkit owns (window controls, a spin button's arrows, a
 * menu button's inner toggle, the header bar's back button, a calendar's
 * month and year arrows) are labelled by
 * GTK, libadwaita or their owner: this test checks the app's own widgets. */
static gboolean
owned_by_toolkit (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    return TRUE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (G_OBJECT_TYPE_NAME (w), "AdwBackButton") ||
        g_str_equal (G_OBJECT_TYPE_NAME (w), "AdwSheetControls") ||
        GTK_IS_WINDOW_CONTROLS (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_DROP_DOWN (w) ||
        GTK_IS_PASSWORD_ENTRY (w) || ADW_IS_ENTRY_ROW (w) || ADW_IS_COMBO_ROW (w) ||
        GTK_IS_SEARCH_ENTRY (w) || GTK_IS_COLUMN_VIEW (w) || GTK_IS_SWITCH (w) ||
        GTK_IS_CALENDAR (w))
      return TRUE;
  return FALSE;
}

static guint
check_tree (GtkWidget *root)
{
  guint checked = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child)) && !owned_by_toolkit (child) &&
          gtk_widget_get_visible (child))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (child);

          if (!has_words (child) && (tooltip == NULL || *tooltip == '\0'))
            g_error ("%s (in %s) shows no words and has no tooltip", describe (child),
                     G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)));
          checked++;
        }
      if (HUB_IS_CHART (child) || HUB_IS_SPARKLINE (child))
        {
          g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)), ==,
                           GTK_ACCESSIBLE_ROLE_IMG);
          checked++;
        }
      checked += check_tree (child);
    }
  return checked;
}

static void
test_window (void)
{
  HubWindow *window = hub_test_open_window ("fixture.csv", 1100, 800);
  GtkWidget *split_view = hub_test_find_type (GTK_WIDGET (window), ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  guint checked;

  checked = check_tree (GTK_WIDGET (window));
  g_assert_cmpuint (checked, >, 5);

  /* The repository page: its own buttons (the back button is libadwaita's). */
  hub_test_open_repo (window, 0);
  hub_test_wait_frames (12);
  g_assert_true (adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (split_view)));
  g_assert_cmpuint (check_tree (hub_test_find_type (GTK_WIDGET (window), HUB_TYPE_REPO_DETAIL)),
                    >=, 11);

  hub_test_close_window (window);
}

static void
test_dialogs (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *sign_in = hub_sign_in_dialog_new ("https://huggingface.co", NULL, FALSE);
  GtkWidget *preferences = hub_preferences_dialog_new (settings);
  GtkWindow *sign_in_parent = hub_test_present_dialog (sign_in, 800, 640);
  GtkWindow *preferences_parent = hub_test_present_dialog (preferences, 800, 640);

  hub_test_wait_frames (12);
  g_assert_cmpuint (check_tree (sign_in), >, 1);
  g_assert_cmpuint (check_tree (preferences), >, 0);
  gtk_window_destroy (sign_in_parent);
  gtk_window_destroy (preferences_parent);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialogs/accessibility/window", test_window);
  g_test_add_func ("/dialogs/accessibility/dialogs", test_dialogs);

  return g_test_run ();
}
