/* hub-chart-export.c: the chart as a titled picture, for Export Chart as PNG…, and as a drawing for the report
 *
 * A picture leaves the window: it says itself what it shows. Above the
 * chart as it is on screen go its title ("Daily downloads") and a line with
 * the repository, the range and the unit, over the view's background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-chart-paint.h"
#include "hub-chart-private.h"

#define MARGIN 16.0
#define LINE_GAP 4.0

static PangoLayout *
create_heading (HubChart   *self,
                const char *text,
                double      scale,
                int         weight,
                int         width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) ((width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/**
 * hub_chart_render_picture:
 *
 * Draws the chart as it is on screen under its title and subtitle, with the
 * renderer of the window it is in (or a software one when it has none).
 *
 * Returns: (transfer full): the picture, or %NULL when the chart has no size
 */
GdkTexture *
hub_chart_render_picture (HubChart  *self,
                          GError   **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  g_autoptr(GskRenderer) own_renderer = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autofree char *title_text = NULL;
  g_autofree char *subtitle_text = NULL;
  GdkRGBA dim;
  GtkSnapshot *snapshot;
  GdkTexture *texture;
  int title_h, subtitle_h;
  double header;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The chart is not on screen, so there is nothing to export"));
      return NULL;
    }

  if (!self->colors_valid)
    hub_chart_update_colors (self);
  dim = self->colors.foreground;
  dim.alpha *= 0.7f;

  title_text = hub_chart_dup_title (self);
  subtitle_text = hub_chart_dup_subtitle (self);
  title = create_heading (self, title_text, PANGO_SCALE_LARGE, PANGO_WEIGHT_BOLD, width);
  subtitle = create_heading (self, subtitle_text, 1.0, PANGO_WEIGHT_NORMAL, width);
  pango_layout_get_pixel_size (title, NULL, &title_h);
  pango_layout_get_pixel_size (subtitle, NULL, &subtitle_h);
  header = MARGIN + title_h + LINE_GAP + subtitle_h + MARGIN / 2;

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gtk_snapshot_append_color (snapshot, &self->colors.background,
                             &GRAPHENE_RECT_INIT (0, 0, width, header + height));
  hub_chart_append_layout (snapshot, title, MARGIN, MARGIN, &self->colors.foreground);
  hub_chart_append_layout (snapshot, subtitle, MARGIN, MARGIN + title_h + LINE_GAP, &dim);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, header));
  hub_chart_snapshot_contents (self, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  if (renderer == NULL)
    {
      own_renderer = gsk_cairo_renderer_new ();
      if (!gsk_renderer_realize_for_display (own_renderer, gdk_display_get_default (), error))
        return NULL;
      renderer = own_renderer;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width * scale,
                                                              (header + height) * scale));
  if (own_renderer != NULL)
    gsk_renderer_unrealize (own_renderer);
  return texture;
}

/**
 * hub_chart_render_node:
 *
 * @colors: (nullable): the colours to draw in (a printed page is light
 *   whatever the desktop's style), or %NULL for the style's
 *
 * Lays the chart out at @width × @height and draws it, for a page that is
 * not on screen (the report): the chart need not be in a window.
 *
 * Returns: (transfer full): the drawing, or %NULL when it is empty
 */
GskRenderNode *
hub_chart_render_node (HubChart             *self,
                       int                   width,
                       int                   height,
                       const HubChartColors *colors)
{
  GtkSnapshot *snapshot;

  g_return_val_if_fail (HUB_IS_CHART (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (colors != NULL)
    {
      self->colors = *colors;
      self->colors_valid = TRUE;
    }
  else if (!self->colors_valid)
    hub_chart_update_colors (self);
  hub_chart_layout (self, width, height);
  snapshot = gtk_snapshot_new ();
  hub_chart_snapshot_contents (self, snapshot);
  /* On screen again, the chart takes the style's colours. */
  if (colors != NULL)
    self->colors_valid = FALSE;
  return gtk_snapshot_free_to_node (snapshot);
}

/* For Export Chart as PNG…: replaces the file whole, or leaves it as it was. */
gboolean
hub_chart_save_png (HubChart  *self,
                    GFile     *file,
                    GError   **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HUB_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  texture = hub_chart_render_picture (self, error);
  if (texture == NULL)
    return FALSE;
  bytes = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
