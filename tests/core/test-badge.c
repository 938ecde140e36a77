/* test-badge.c: badges in the shields.io look, parsed back and drawn by librsvg, and their Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <librsvg/rsvg.h>

#include "hub-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

/* librsvg 2.60 declares no cleanup for its handle. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

static void
test_format_count (void)
{
  static const struct { gint64 count; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1k" }, { 1234, "1.2k" }, { 9949, "9.9k" },
    { 9950, "10k" }, { 12345, "12k" }, { 999499, "999k" }, { 999500, "1M" }, { 1234567, "1.2M" },
    { 42000000, "42M" }, { G_GINT64_CONSTANT (5000000000), "5G" },
    { G_MAXINT64, "9.2E" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hub_badge_format_count (cases[i].count);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The figures: the last 30 days, all time (downloads before the rows
 * included), and the month of asOf. */
static void
test_counts (void)
{
  g_autoptr(HubDataset) dataset = hub_test_parse (HEADER
    "model,org/a,5000,2026-10-25,100\n"
    "model,org/a,5000,2026-11-02,20\n"
    "model,org/a,5000,2026-11-21,3\n"
    "dataset,org/b,0,2026-11-01,7\n");
  const HubRepo *a = hub_dataset_find_repo (dataset, "model", "org/a");

  g_assert_cmpint (hub_badge_count (dataset, a, HUB_BADGE_LAST_30_DAYS), ==, 123);
  g_assert_cmpint (hub_badge_count (dataset, a, HUB_BADGE_ALL_TIME), ==, 5000);
  g_assert_cmpint (hub_badge_count (dataset, a, HUB_BADGE_THIS_MONTH), ==, 23);
  g_assert_cmpint (hub_badge_count (dataset, hub_dataset_get_overall (dataset), HUB_BADGE_ALL_TIME),
                   ==, 5007);
  g_assert_cmpint (hub_badge_count (dataset, hub_dataset_get_overall (dataset), HUB_BADGE_THIS_MONTH),
                   ==, 30);
}

typedef struct
{
  gboolean   in_text;
  gboolean   in_title;
  GPtrArray *texts;
  GString   *title;
} Reader;

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;

  reader->in_text = g_str_equal (name, "text");
  reader->in_title = g_str_equal (name, "title");
  if (reader->in_text)
    g_ptr_array_add (reader->texts, g_strdup (""));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;

  reader->in_text = reader->in_title = FALSE;
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  if (reader->in_text)
    {
      char **last = (char **) &reader->texts->pdata[reader->texts->len - 1];
      char *joined = g_strdup_printf ("%s%.*s", *last, (int) len, content);

      g_free (*last);
      *last = joined;
    }
  else if (reader->in_title)
    g_string_append_len (reader->title, content, len);
}

/* The badge's words, as its <text> elements and <title> hold them. */
static void
read_words (const char  *svg,
            GPtrArray  **texts,
            char       **title)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Reader reader = { FALSE, FALSE, g_ptr_array_new_with_free_func (g_free), g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  *texts = reader.texts;
  *title = g_string_free (reader.title, FALSE);
}

/* The pixel at x, y of the badge drawn by librsvg at its own size. */
static void
pixel_at (RsvgHandle *handle,
          double      width,
          int         x,
          int         y,
          guint8      rgb[3])
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width,
                                                         HUB_BADGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  RsvgRectangle viewport = { 0, 0, width, HUB_BADGE_HEIGHT };
  guint32 argb;

  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  argb = *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4);
  rgb[0] = (argb >> 16) & 0xff;
  rgb[1] = (argb >> 8) & 0xff;
  rgb[2] = argb & 0xff;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* librsvg reads the badge back at the width it was made for, 20 px high,
 * with its words, and draws the label and the value in their colours. */
static void
check_badge (HubBadgeVariant variant)
{
  g_autofree char *value = hub_badge_format_count (1234567);
  guint width = 0, wider = 0;
  g_autofree char *svg = hub_badge_svg ("downloads/month", value, variant, &width);
  g_autofree char *longer = hub_badge_svg ("downloads/month", "1234567890", variant, &wider);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsvgHandle) handle = rsvg_handle_new_from_data ((const guint8 *) svg, strlen (svg), &error);
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *title = NULL;
  double w = 0, h = 0;
  guint8 label[3], figure[3];

  g_assert_no_error (error);
  g_assert_nonnull (handle);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &w, &h));
  g_assert_cmpfloat (w, ==, width);
  g_assert_cmpfloat (h, ==, HUB_BADGE_HEIGHT);
  g_assert_cmpuint (width, ==, (guint) (hub_badge_text_width ("downloads/month") + 10.5) +
                               (guint) (hub_badge_text_width ("1.2M") + 10.5));
  g_assert_cmpuint (wider, >, width);

  read_words (svg, &texts, &title);
  g_assert_cmpuint (texts->len, ==, 4);   /* each text and its shadow */
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "downloads/month");
  g_assert_cmpstr (g_ptr_array_index (texts, 3), ==, "1.2M");
  g_assert_cmpstr (title, ==, "downloads/month: 1.2M");

  /* Away from the text: the label's grey and the value's blue. */
  pixel_at (handle, w, 2, 3, label);
  pixel_at (handle, w, (int) w - 2, 3, figure);
  g_test_message ("label %02x%02x%02x, value %02x%02x%02x",
                  label[0], label[1], label[2], figure[0], figure[1], figure[2]);
  g_assert_cmpint (ABS (label[0] - label[2]), <, 12);
  g_assert_cmpint (figure[2], >, figure[0] + 60);
  if (variant == HUB_BADGE_LIGHT)
    g_assert_cmpint (label[0], <, 110);
  else
    g_assert_cmpint (label[0], >, 190);
}

static void
test_svg_light (void)
{
  check_badge (HUB_BADGE_LIGHT);
}

static void
test_svg_dark (void)
{
  check_badge (HUB_BADGE_DARK);
}

/* Markup in a name cannot break out of the SVG. */
static void
test_svg_escaped (void)
{
  g_autofree char *svg = hub_badge_svg ("a<b & \"c\"", "1k", HUB_BADGE_LIGHT, NULL);
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *title = NULL;

  read_words (svg, &texts, &title);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "a<b & \"c\"");
  g_assert_cmpstr (title, ==, "a<b & \"c\": 1k");
}

/* The link (hub_endpoint_repo_url () in the app) around the image. */
static void
test_markdown (void)
{
  g_autofree char *markdown = hub_badge_markdown ("downloads", "1.2M", "org-a-downloads.svg",
                                                  "https://huggingface.co/org/a");

  g_assert_cmpstr (markdown, ==,
                   "[![downloads: 1.2M](org-a-downloads.svg)](https://huggingface.co/org/a)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/badge/format-count", test_format_count);
  g_test_add_func ("/core/badge/counts", test_counts);
  g_test_add_func ("/core/badge/svg-light", test_svg_light);
  g_test_add_func ("/core/badge/svg-dark", test_svg_dark);
  g_test_add_func ("/core/badge/svg-escaped", test_svg_escaped);
  g_test_add_func ("/core/badge/markdown", test_markdown);

  return g_test_run ();
}
