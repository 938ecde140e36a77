/* hub-ui.c: what src/ui needs before its first widget
 *
 * The resource is registered by hand: src/ui is a static library, and a
 * constructor in an object file nothing refers to would be dropped by the
 * linker. The application and the tests both call hub_ui_init().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "hub-resources.h"
#include "hub-ui.h"

/* The one resource bundle: templates, styles, icons and the demo data. */
void
hub_ui_ensure_resources (void)
{
  static gsize resources_registered = 0;

  if (g_once_init_enter (&resources_registered))
    {
      hub_register_resource ();
      g_once_init_leave (&resources_registered, 1);
    }
}

void
hub_ui_init (void)
{
  GdkDisplay *display;
  g_autoptr(GtkCssProvider) provider = NULL;

  hub_ui_ensure_resources ();

  display = gdk_display_get_default ();
  if (display == NULL || g_object_get_data (G_OBJECT (display), "hub-ui-styled"))
    return;

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PREFIX "icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "hub-analytics.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data (G_OBJECT (display), "hub-ui-styled", GINT_TO_POINTER (TRUE));
}

/* Adds css_class to widget when set, else removes it. */
void
hub_ui_set_css_class (GtkWidget  *widget,
                      const char *css_class,
                      gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}
