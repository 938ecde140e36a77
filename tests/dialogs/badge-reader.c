/* badge-reader.c: a badge's SVG read back with librsvg, for the dialogs' tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>

#include "badge-reader.h"
#include "hub-badge.h"

/* librsvg 2.60 declares no cleanup for its handle. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  if (g_strcmp0 (g_markup_parse_context_get_element (context), "title") == 0)
    g_string_append_len (user_data, text, len);
}

void
badge_reader_read (const char  *svg,
                   char       **label,
                   char       **value)
{
  static const GMarkupParser parser = { NULL, NULL, on_text, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsvgHandle) handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), &error);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, title, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;
  const char *colon;

  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  g_assert_cmpfloat (height, ==, HUB_BADGE_HEIGHT);
  g_assert_cmpfloat (width, >, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, width, height },
                                              &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  colon = strstr (title->str, ": ");
  g_assert_nonnull (colon);
  *label = g_strndup (title->str, colon - title->str);
  *value = g_strdup (colon + 2);
}
