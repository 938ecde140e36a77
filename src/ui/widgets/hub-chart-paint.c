/* hub-chart-paint.c: what the charts draw alike: their colours and text
 *
 * The overview chart and the audience chart take the same colours from the
 * style and put their labels down the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hub-chart-paint.h"

/* Colours come from the style: the text colour and the accent, which
 * follow dark mode and the user's accent. libadwaita offers no call for its
 * view background, so its two values are written here, for the picture's
 * background and the hollow points. */
void
hub_chart_colors_from_style (HubChartColors *colors,
                             GtkWidget      *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree GdkRGBA *accent = adw_style_manager_get_accent_color_rgba (manager);

  gtk_widget_get_color (widget, &colors->foreground);
  colors->accent = *accent;
  if (adw_style_manager_get_dark (manager))
    colors->background = (GdkRGBA) { 0x1d / 255.f, 0x1d / 255.f, 0x20 / 255.f, 1 };
  else
    colors->background = (GdkRGBA) { 1, 1, 1, 1 };
}

GdkRGBA
hub_chart_with_alpha (const GdkRGBA *color,
                      float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

void
hub_chart_ink_from_colors (const HubChartColors *colors,
                           HubChartInk          *ink)
{
  ink->grid = hub_chart_with_alpha (&colors->foreground, 0.12f);
  ink->baseline = hub_chart_with_alpha (&colors->foreground, 0.35f);
  ink->text = hub_chart_with_alpha (&colors->foreground, 0.7f);
}

/* The layout with its top left corner at x, y. */
void
hub_chart_append_layout (GtkSnapshot   *snapshot,
                         PangoLayout   *layout,
                         double         x,
                         double         y,
                         const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The placeholder (the chart's "no data" text) in the middle of the widget,
 * where there is one; a chart that draws it draws nothing else. */
gboolean
hub_chart_append_placeholder (GtkSnapshot   *snapshot,
                              GtkWidget     *widget,
                              PangoLayout   *placeholder,
                              const GdkRGBA *color)
{
  int w, h;

  if (placeholder == NULL)
    return FALSE;
  pango_layout_get_pixel_size (placeholder, &w, &h);
  hub_chart_append_layout (snapshot, placeholder, (gtk_widget_get_width (widget) - w) / 2.0,
                           (gtk_widget_get_height (widget) - h) / 2.0, color);
  return TRUE;
}
