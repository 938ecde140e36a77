/* hub-badge.c: a badge of downloads in the shields.io look, as SVG, and its Markdown
 *
 * The layout is shields.io's "flat" style: two rectangles with rounded
 * outer corners, each text padded by 5 px, Verdana 11 px, a faint
 * shadow under the text. Its width needs the text's width without a
 * font at hand (this runs without GTK, and the reader's browser draws
 * it): the advance widths of Verdana's glyphs, as shields.io measures
 * them too. A badge's words are in English, as shields.io's are: it is
 * read by the readers of a README, not by the app's user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-badge.h"
#include "hub-range.h"

#define FONT_SIZE  11.0
#define PADDING    5.0

/* Verdana's advance widths in 1/2048 em, for printable ASCII from ' '. */
static const guint16 verdana[95] = {
  /*   */ 720, /* ! */ 824, /* " */ 1064, /* # */ 1680, /* $ */ 1302, /* % */ 2222,
  /* & */ 1490, /* ' */ 550, /* ( */ 932, /* ) */ 932, /* * */ 1302, /* + */ 1680,
  /* , */ 745, /* - */ 891, /* . */ 745, /* / */ 932,
  /* 0-9 */ 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302,
  /* : */ 932, /* ; */ 932, /* < */ 1680, /* = */ 1680, /* > */ 1680, /* ? */ 1118,
  /* @ */ 2048,
  /* A-Z */ 1401, 1405, 1430, 1579, 1294, 1178, 1577, 1540, 862, 925, 1417, 1145, 1747,
            1534, 1636, 1243, 1636, 1430, 1400, 1241, 1500, 1401, 2025, 1403, 1241, 1403,
  /* [ */ 932, /* \ */ 932, /* ] */ 932, /* ^ */ 1680, /* _ */ 1302, /* ` */ 1302,
  /* a-z */ 1229, 1276, 1067, 1276, 1220, 720, 1276, 1296, 562, 690, 1193, 562, 1992,
            1296, 1243, 1276, 1276, 874, 1067, 807, 1296, 1193, 1646, 1193, 1193, 1051,
  /* { */ 1302, /* | */ 932, /* } */ 1302, /* ~ */ 1680,
};

/* The width of text in Verdana 11 px; a character beyond ASCII counts as
 * a wide lower-case letter. */
double
hub_badge_text_width (const char *text)
{
  double units = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      units += c >= 0x20 && c < 0x7f ? verdana[c - 0x20] : 1300;
    }
  return units * FONT_SIZE / 2048.0;
}

/* The figure a badge shows, for a repository or (the dataset's overall
 * series) the organisation. */
gint64
hub_badge_count (HubDataset     *dataset,
                 const HubRepo  *repo,
                 HubBadgeFigure  figure)
{
  HubDay as_of;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), 0);
  g_return_val_if_fail (repo != NULL, 0);

  as_of = hub_dataset_get_as_of (dataset);
  if (figure == HUB_BADGE_ALL_TIME)
    return repo == hub_dataset_get_overall (dataset)
      ? hub_dataset_get_totals (dataset)->all_time : hub_repo_all_time (repo);
  if (as_of == HUB_DAY_NONE)
    return 0;
  if (figure == HUB_BADGE_THIS_MONTH)
    {
      HubRange month = hub_range_from_preset (HUB_RANGE_MONTH_TO_DATE, as_of, HUB_DAY_NONE);

      return hub_repo_range_sum (repo, month.first, month.last);
    }
  return hub_repo_last_month (repo, as_of);
}

/* A count as shields.io writes one: 999, 1.2k, 12k, 123k, 1.2M … with
 * one decimal below 10 of a unit, rounded, never a locale's separators. */
char *
hub_badge_format_count (gint64 count)
{
  static const char units[] = "kMGTPE";
  double value = (double) count;
  int unit = -1;

  if (count < 1000)
    return g_strdup_printf ("%" G_GINT64_FORMAT, MAX (count, 0));
  while (value >= 999.5 && unit < (int) sizeof units - 2)
    {
      value /= 1000;
      unit++;
    }
  if (value < 9.95)
    {
      char digits[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (digits, sizeof digits, "%.1f", value);
      if (g_str_has_suffix (digits, ".0"))
        digits[strlen (digits) - 2] = '\0';
      return g_strdup_printf ("%s%c", digits, units[unit]);
    }
  return g_strdup_printf ("%.0f%c", value, units[unit]);
}

const char *
hub_badge_label (HubBadgeFigure figure)
{
  switch (figure)
    {
    case HUB_BADGE_ALL_TIME:
      return "downloads";
    case HUB_BADGE_THIS_MONTH:
      return "downloads this month";
    case HUB_BADGE_LAST_30_DAYS:
    default:
      return "downloads/month";
    }
}

/* One text with its shadow, centred in a part that starts at x and is
 * width wide; shields.io draws at ten times the size, then scales by 0.1,
 * for sub-pixel placement. */
static void
append_text (GString    *svg,
             const char *escaped,
             double      x,
             double      width,
             const char *fill,
             const char *shadow)
{
  guint centre = (guint) ((x + width / 2) * 10), length = (guint) ((width - 2 * PADDING) * 10);

  g_string_append_printf (svg,
    "<text aria-hidden=\"true\" x=\"%u\" y=\"150\" fill=\"%s\" fill-opacity=\".3\" "
    "transform=\"scale(.1)\" textLength=\"%u\">%s</text>"
    "<text x=\"%u\" y=\"140\" transform=\"scale(.1)\" fill=\"%s\" textLength=\"%u\">%s</text>",
    centre, shadow, length, escaped, centre, fill, length, escaped);
}

/* The badge's SVG; width, when not NULL, gets its width in pixels. */
char *
hub_badge_svg (const char      *label,
               const char      *value,
               HubBadgeVariant  variant,
               guint           *width)
{
  /* Light: shields.io's grey and blue under white text. Dark: a light
   * label and a lighter blue under dark text, to stand out on a dark page. */
  const char *label_fill = variant == HUB_BADGE_DARK ? "#e1e4e8" : "#555";
  const char *value_fill = variant == HUB_BADGE_DARK ? "#58a6ff" : "#007ec6";
  const char *text_fill = variant == HUB_BADGE_DARK ? "#0d1117" : "#fff";
  const char *shadow = variant == HUB_BADGE_DARK ? "#fff" : "#010101";
  g_autofree char *label_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *title = NULL;
  GString *svg;
  guint label_width, value_width, total;

  g_return_val_if_fail (label != NULL && value != NULL, NULL);

  label_width = (guint) (hub_badge_text_width (label) + 2 * PADDING + 0.5);
  value_width = (guint) (hub_badge_text_width (value) + 2 * PADDING + 0.5);
  total = label_width + value_width;
  label_text = g_markup_escape_text (label, -1);
  value_text = g_markup_escape_text (value, -1);
  title = g_strdup_printf ("%s: %s", label_text, value_text);

  svg = g_string_new (NULL);
  g_string_append_printf (svg,
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%u\" role=\"img\" "
    "aria-label=\"%s\"><title>%s</title>"
    "<linearGradient id=\"s\" x2=\"0\" y2=\"100%%\"><stop offset=\"0\" stop-color=\"#bbb\" "
    "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
    "<clipPath id=\"r\"><rect width=\"%u\" height=\"%u\" rx=\"3\" fill=\"#fff\"/></clipPath>"
    "<g clip-path=\"url(#r)\"><rect width=\"%u\" height=\"%u\" fill=\"%s\"/>"
    "<rect x=\"%u\" width=\"%u\" height=\"%u\" fill=\"%s\"/>"
    "<rect width=\"%u\" height=\"%u\" fill=\"url(#s)\"/></g>"
    "<g text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
    "text-rendering=\"geometricPrecision\" font-size=\"110\">",
    total, HUB_BADGE_HEIGHT, title, title,
    total, HUB_BADGE_HEIGHT,
    label_width, HUB_BADGE_HEIGHT, label_fill,
    label_width, value_width, HUB_BADGE_HEIGHT, value_fill,
    total, HUB_BADGE_HEIGHT);
  append_text (svg, label_text, 0, label_width, text_fill, shadow);
  append_text (svg, value_text, label_width, value_width, text_fill, shadow);
  g_string_append (svg, "</g></svg>\n");

  if (width)
    *width = total;
  return g_string_free (svg, FALSE);
}

/* Markdown for a README: the badge image (a file name beside the README
 * or a URL) as a link to link; the alternative text says the figure. */
char *
hub_badge_markdown (const char *label,
                    const char *value,
                    const char *image,
                    const char *link)
{
  g_return_val_if_fail (label != NULL && value != NULL && image != NULL && link != NULL, NULL);

  return g_strdup_printf ("[![%s: %s](%s)](%s)", label, value, image, link);
}
