/* hub-report.c: one page for a range: cards, trend, movers, milestones, as PDF or PNG
 *
 * The page is drawn once, with cairo, onto a PDF surface (vectors and
 * text a reader can search) or an image surface; the trend is the chart
 * of the window, drawn through its own render node. A printed page is
 * light whatever the desktop's style. Every figure comes from src/core,
 * as the window's do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "hub-chart.h"
#include "hub-format.h"
#include "hub-history.h"
#include "hub-net.h"
#include "hub-report.h"
#include "hub-source.h"

#define MARGIN       36.0
#define GAP          12.0
#define CARD_HEIGHT  62.0
#define CHART_HEIGHT 210.0
#define ROW          15.0
#define N_MOVERS     5
#define N_MILESTONES 6
#define N_NOTES      5
/* The chart is laid out this much larger than it is drawn: its words are
 * sized for a screen, a page's are smaller. */
#define CHART_ZOOM   1.5

static const GdkRGBA ink = { 0.14f, 0.14f, 0.16f, 1 };
static const GdkRGBA dim = { 0.40f, 0.40f, 0.44f, 1 };
static const GdkRGBA rule = { 0.85f, 0.85f, 0.87f, 1 };
static const GdkRGBA card = { 0.96f, 0.96f, 0.97f, 1 };
static const GdkRGBA rise = { 0.10f, 0.50f, 0.30f, 1 };
static const GdkRGBA fall = { 0.75f, 0.11f, 0.14f, 1 };
/* libadwaita's blue accent: a report has no desktop to take one from. */
static const GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1 };

typedef struct
{
  cairo_t         *cr;
  const HubReport *report;
  HubDay           as_of;
  HubRange         compared;
} Page;

/* Text */

/* A layout of text in the report's font, width wide. */
static PangoLayout *
text_layout (Page           *page,
             const char     *text,
             double          width,
             double          size,
             gboolean        bold,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Draws layout from x, y; returns its height. */
static double
show_layout (Page          *page,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  int h;

  gdk_cairo_set_source_rgba (page->cr, color);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

/* text in width from x, y, on one line (ellipsized); returns its height. */
static double
draw_text (Page           *page,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          size,
           gboolean        bold,
           const GdkRGBA  *color,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = text_layout (page, text, width, size, bold, alignment);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return show_layout (page, layout, x, y, color);
}

static void
fill_rect (Page          *page,
           double         x,
           double         y,
           double         w,
           double         h,
           const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (page->cr, color);
  cairo_rectangle (page->cr, x, y, w, h);
  cairo_fill (page->cr);
}

static double
draw_heading (Page       *page,
              const char *text,
              double      x,
              double      y,
              double      width)
{
  double h = draw_text (page, text, x, y, width, 11, TRUE, &ink, PANGO_ALIGN_LEFT);

  fill_rect (page, x, y + h + 2, width, 0.75, &rule);
  return h + 6;
}

static char *
format_range (HubRange range)
{
  g_autofree char *first = hub_format_date (range.first, HUB_DATE_FULL);
  g_autofree char *last = hub_format_date (range.last, HUB_DATE_FULL);

  if (range.first == range.last)
    return g_steal_pointer (&first);
  /* Translators: a range of dates, "1 Nov 2026 – 30 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static const GdkRGBA *
change_color (HubChange change)
{
  if (change.kind == HUB_CHANGE_NEW || (change.kind == HUB_CHANGE_RATIO && change.ratio > 0))
    return &rise;
  if (change.kind == HUB_CHANGE_RATIO && change.ratio < 0)
    return &fall;
  return &dim;
}

static char *
format_signed (double value)
{
  g_autofree char *count = hub_format_compact ((gint64) (ABS (value) + 0.5));

  return g_strdup_printf ("%s%s", value < 0 ? "−" : "+", count);
}

/* Sections */

static double
draw_header (Page   *page,
             double  y)
{
  double width = HUB_REPORT_WIDTH - 2 * MARGIN;
  g_autofree char *range = format_range (page->report->range);
  g_autofree char *compared = format_range (page->compared);
  g_autofree char *as_of = hub_format_date (page->as_of, HUB_DATE_FULL);
  g_autofree char *made = g_date_time_format (page->report->made, "%Y-%m-%d %H:%M %Z");
  g_autofree char *line = NULL;
  g_autofree char *small = NULL;

  y += draw_text (page, page->report->organization, MARGIN, y, width, 22, TRUE, &ink,
                  PANGO_ALIGN_LEFT);
  if (page->report->comparison == HUB_COMPARISON_YEAR)
    /* Translators: the report's range; %s are ranges of dates */
    line = g_strdup_printf (_("Downloads %s, compared with the same dates a year earlier (%s)"),
                            range, compared);
  else
    /* Translators: the report's range; %s are ranges of dates */
    line = g_strdup_printf (_("Downloads %s, compared with %s"), range, compared);
  y += 2 + draw_text (page, line, MARGIN, y + 2, width, 10.5, FALSE, &ink, PANGO_ALIGN_LEFT);
  /* Translators: the report's last header line: the data's last day, and when the report was made */
  small = g_strdup_printf (_("Data as of %s · made %s by Hub Analytics"), as_of, made);
  y += 2 + draw_text (page, small, MARGIN, y + 2, width, 9, FALSE, &dim, PANGO_ALIGN_LEFT);
  return y + GAP;
}

static void
draw_card (Page          *page,
           double         x,
           double         y,
           double         w,
           const char    *title,
           const char    *value,
           const char    *detail,
           const GdkRGBA *detail_color)
{
  fill_rect (page, x, y, w, CARD_HEIGHT, &card);
  draw_text (page, title, x + 8, y + 7, w - 16, 8.5, FALSE, &dim, PANGO_ALIGN_LEFT);
  draw_text (page, value, x + 8, y + 20, w - 16, 17, TRUE, &ink, PANGO_ALIGN_LEFT);
  draw_text (page, detail, x + 8, y + 44, w - 16, 8.5, FALSE, detail_color, PANGO_ALIGN_LEFT);
}

static double
draw_cards (Page   *page,
            double  y)
{
  HubDataset *dataset = page->report->dataset;
  const HubRepo *overall = hub_dataset_get_overall (dataset);
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  HubRange range = page->report->range;
  gint64 current = hub_repo_range_sum (overall, range.first, range.last);
  gint64 previous = hub_repo_range_sum (overall, page->compared.first, page->compared.last);
  HubChange change = hub_change_compute (current, previous);
  HubVelocity velocity = hub_repo_velocity (overall, range.last);
  HubProjection projection = hub_repo_projection (dataset, overall);
  double w = (HUB_REPORT_WIDTH - 2 * MARGIN - 3 * GAP) / 4;
  g_autofree char *downloads = hub_format_compact (current);
  g_autofree char *change_text = hub_format_change (change);
  g_autofree char *change_line = NULL;
  g_autofree char *rate = hub_format_compact ((gint64) (velocity.rate_7 + 0.5));
  g_autofree char *acceleration = format_signed (velocity.acceleration_7);
  g_autofree char *acceleration_line = NULL;
  g_autofree char *all_time = hub_format_compact (totals->all_time);
  g_autofree char *repos_line = NULL;
  g_autofree char *milestone = hub_format_compact (projection.milestone);
  g_autofree char *milestone_line = NULL;

  /* Translators: under the downloads of the report's range; %s is a change, "+12.5 %" */
  change_line = g_strdup_printf (_("%s vs comparison"), change_text);
  /* Translators: under the downloads a day; %s is a signed count, "+1.2 K" */
  acceleration_line = g_strdup_printf (_("%s vs week before"), acceleration);
  repos_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u repository", "%u repositories",
                                             totals->repos), totals->repos);
  if (projection.status == HUB_PROJECTION_OK)
    {
      g_autofree char *day = hub_format_date (projection.day, HUB_DATE_FULL);

      /* Translators: when the next milestone is projected; %s is a date */
      milestone_line = g_strdup_printf (_("around %s"), day);
    }
  else
    milestone_line = g_strdup (_("no projection"));

  draw_card (page, MARGIN, y, w, _("Downloads"), downloads, change_line, change_color (change));
  draw_card (page, MARGIN + (w + GAP), y, w, _("A day, last 7 days"), rate, acceleration_line,
             velocity.acceleration_7 > 0 ? &rise : velocity.acceleration_7 < 0 ? &fall : &dim);
  draw_card (page, MARGIN + 2 * (w + GAP), y, w, _("All time"), all_time, repos_line, &dim);
  draw_card (page, MARGIN + 3 * (w + GAP), y, w, _("Next milestone"), milestone, milestone_line,
             &dim);
  return y + CARD_HEIGHT + GAP;
}

/* The organisation's notes, spikes and drops, and milestones passed in
 * the range, for the chart. */
static GArray *
chart_marks (Page       *page,
             GPtrArray **labels)
{
  HubDataset *dataset = page->report->dataset;
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (HubDayMark));
  g_autoptr(GArray) passed = hub_repo_milestones (dataset, hub_dataset_get_overall (dataset),
                                                  page->report->range);
  g_autoptr(GArray) spikes = hub_repo_spikes (hub_dataset_get_overall (dataset),
                                              page->report->range);

  *labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; page->report->notes != NULL && i < page->report->notes->len; i++)
    {
      const HubNote *note = g_ptr_array_index (page->report->notes, i);
      HubDayMark mark = { note->day, HUB_DAY_MARK_NOTE, note->text };

      if (note->repo_name == NULL && hub_range_contains (page->report->range, note->day))
        g_array_append_val (marks, mark);
    }

  for (guint i = 0; i < spikes->len; i++)
    {
      const HubSpike *spike = &g_array_index (spikes, HubSpike, i);
      g_autofree char *count = hub_format_compact (spike->count);
      char *label = g_strdup_printf (spike->score > 0 ? _("Spike: %s") : _("Drop: %s"), count);
      HubDayMark mark = { spike->day, spike->score > 0 ? HUB_DAY_MARK_SPIKE : HUB_DAY_MARK_DROP, label };

      g_ptr_array_add (*labels, label);
      g_array_append_val (marks, mark);
    }
  for (guint i = 0; i < passed->len; i++)
    {
      const HubMilestone *milestone = &g_array_index (passed, HubMilestone, i);
      g_autofree char *value = hub_format_compact (milestone->value);
      char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s download", "%s downloads",
                                                  (gulong) MIN (milestone->value, G_MAXLONG)),
                                     value);
      HubDayMark mark = { milestone->day, HUB_DAY_MARK_MILESTONE, label };

      /* Small round numbers of a large series would crowd the chart. */
      if (milestone->value * 100 < hub_dataset_get_totals (dataset)->all_time)
        {
          g_free (label);
          continue;
        }
      g_ptr_array_add (*labels, label);
      g_array_append_val (marks, mark);
    }
  return marks;
}

static double
draw_chart (Page   *page,
            double  y)
{
  HubDataset *dataset = page->report->dataset;
  g_autoptr(HubChart) chart = g_object_ref_sink (HUB_CHART (hub_chart_new ()));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  HubChartColors colors = { accent, ink, { 1, 1, 1, 1 } };
  double width = HUB_REPORT_WIDTH - 2 * MARGIN;

  y += draw_heading (page, _("Daily downloads"), MARGIN, y, width);
  hub_chart_set_series (chart, dataset, hub_dataset_get_overall (dataset), page->as_of);
  hub_chart_set_style (chart, HUB_CHART_STYLE_AREA);
  hub_chart_set_custom_range (chart, page->report->range);
  marks = chart_marks (page, &labels);
  hub_chart_set_day_marks (chart, (const HubDayMark *) marks->data, marks->len);

  node = hub_chart_render_node (chart, (int) (width * CHART_ZOOM), (int) (CHART_HEIGHT * CHART_ZOOM),
                                &colors);
  if (node != NULL)
    {
      cairo_save (page->cr);
      cairo_translate (page->cr, MARGIN, y);
      cairo_rectangle (page->cr, 0, 0, width, CHART_HEIGHT);
      cairo_clip (page->cr);
      cairo_scale (page->cr, 1 / CHART_ZOOM, 1 / CHART_ZOOM);
      gsk_render_node_draw (node, page->cr);
      cairo_restore (page->cr);
    }
  return y + CHART_HEIGHT + GAP;
}

/* One list of movers: name, then the change as a count and a ratio. */
static double
draw_movers (Page       *page,
             const char *title,
             GArray     *movers,
             double      x,
             double      y,
             double      width)
{
  double top = y;

  y += draw_heading (page, title, x, y, width);
  if (movers->len == 0)
    return y + draw_text (page, _("None"), x, y, width, 9, FALSE, &dim, PANGO_ALIGN_LEFT) - top;
  for (guint i = 0; i < movers->len; i++)
    {
      const HubMover *mover = &g_array_index (movers, HubMover, i);
      g_autofree char *delta = format_signed ((double) (mover->current - mover->previous));
      g_autofree char *ratio = hub_format_change (mover->change);
      g_autofree char *figures = g_strdup_printf ("%s  %s", delta, ratio);

      draw_text (page, mover->repo->name, x, y, width * 0.6, 9, FALSE, &ink, PANGO_ALIGN_LEFT);
      draw_text (page, figures, x + width * 0.6, y, width * 0.4, 9, FALSE,
                 change_color (mover->change), PANGO_ALIGN_RIGHT);
      y += ROW;
    }
  return y - top;
}

static double
draw_movers_section (Page   *page,
                     double  y)
{
  g_autoptr(HubMovers) movers = hub_movers_compute (page->report->dataset, page->report->range,
                                                    page->compared, N_MOVERS);
  double column = (HUB_REPORT_WIDTH - 2 * MARGIN - GAP) / 2;
  double left, right;

  left = draw_movers (page, _("Gainers"), movers->gainers, MARGIN, y, column);
  right = draw_movers (page, _("Losers"), movers->losers, MARGIN + column + GAP, y, column);
  y += MAX (left, right) + GAP / 2;
  if (movers->fresh->len > 0 || movers->quiet->len > 0)
    {
      g_array_set_size (movers->fresh, MIN (movers->fresh->len, 3));
      g_array_set_size (movers->quiet, MIN (movers->quiet->len, 3));
      left = draw_movers (page, _("New"), movers->fresh, MARGIN, y, column);
      right = draw_movers (page, _("Gone quiet"), movers->quiet, MARGIN + column + GAP, y, column);
      y += MAX (left, right) + GAP / 2;
    }
  return y + GAP / 2;
}

static char *
describe_projection (const HubProjection *projection)
{
  g_autofree char *day = NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;

  if (projection->status != HUB_PROJECTION_OK)
    return g_strdup (hub_projection_describe (projection->status));
  day = hub_format_date (projection->day, HUB_DATE_FULL);
  earliest = hub_format_date (projection->earliest, HUB_DATE_FULL);
  if (projection->latest == HUB_DAY_NONE)
    /* Translators: a projected date, then the earliest date it may come */
    return g_strdup_printf (_("around %s (from %s, perhaps much later)"), day, earliest);
  if (projection->earliest == projection->latest)
    /* Translators: a projected date */
    return g_strdup_printf (_("around %s"), day);
  latest = hub_format_date (projection->latest, HUB_DATE_FULL);
  /* Translators: a projected date, then the range of dates it may come in */
  return g_strdup_printf (_("around %s (%s – %s)"), day, earliest, latest);
}

static double
draw_milestones (Page   *page,
                 double  y)
{
  HubDataset *dataset = page->report->dataset;
  g_autoptr(GArray) top = hub_dataset_top (dataset, page->report->range.first,
                                           page->report->range.last, N_MILESTONES);
  double width = HUB_REPORT_WIDTH - 2 * MARGIN;

  y += draw_heading (page, _("Next milestones"), MARGIN, y, width);
  for (guint i = 0; i <= top->len; i++)
    {
      const HubRepo *repo = i == 0 ? hub_dataset_get_overall (dataset)
        : hub_dataset_get_repo (dataset, g_array_index (top, guint, i - 1));
      HubProjection projection = hub_repo_projection (dataset, repo);
      g_autofree char *all_time = hub_format_count (projection.all_time);
      g_autofree char *milestone = hub_format_count (projection.milestone);
      g_autofree char *figures = g_strdup_printf ("%s → %s", all_time, milestone);
      g_autofree char *when = describe_projection (&projection);
      g_autoptr(PangoLayout) layout = text_layout (page, when, width * 0.46, 9, FALSE,
                                                   PANGO_ALIGN_LEFT);
      double h;

      draw_text (page, i == 0 ? page->report->organization : repo->name, MARGIN, y, width * 0.3,
                 9, i == 0, &ink, PANGO_ALIGN_LEFT);
      draw_text (page, figures, MARGIN + width * 0.3, y, width * 0.22, 9, FALSE, &ink,
                 PANGO_ALIGN_RIGHT);
      /* Why no date can be projected may take two lines in a longer language. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      h = show_layout (page, layout, MARGIN + width * 0.54, y,
                       projection.status == HUB_PROJECTION_OK ? &ink : &dim);
      y += MAX (ROW, h + 3);
    }
  return y + GAP;
}

static double
draw_notes (Page   *page,
            double  y)
{
  double width = HUB_REPORT_WIDTH - 2 * MARGIN;
  guint shown = 0;

  if (page->report->notes == NULL)
    return y;
  for (guint i = 0; i < page->report->notes->len && shown < N_NOTES; i++)
    {
      const HubNote *note = g_ptr_array_index (page->report->notes, i);
      g_autofree char *day = NULL;
      g_autofree char *line = NULL;

      if (!hub_range_contains (page->report->range, note->day))
        continue;
      if (shown++ == 0)
        y += draw_heading (page, _("Notes"), MARGIN, y, width);
      day = hub_format_date (note->day, HUB_DATE_FULL);
      line = note->repo_name != NULL ? g_strdup_printf ("%s · %s", note->repo_name, note->text)
                                     : g_strdup (note->text);
      draw_text (page, day, MARGIN, y, width * 0.2, 9, FALSE, &dim, PANGO_ALIGN_LEFT);
      draw_text (page, line, MARGIN + width * 0.2, y, width * 0.8, 9, FALSE, &ink, PANGO_ALIGN_LEFT);
      y += ROW;
    }
  return y + (shown > 0 ? GAP : 0);
}

static void
draw_page (cairo_t         *cr,
           const HubReport *report)
{
  Page page = { cr, report, hub_dataset_get_as_of (report->dataset),
                hub_range_compared (report->range, report->comparison) };
  double y = MARGIN;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  y = draw_header (&page, y);
  y = draw_cards (&page, y);
  y = draw_chart (&page, y);
  y = draw_movers_section (&page, y);
  y = draw_milestones (&page, y);
  draw_notes (&page, y);
  draw_text (&page,
             _("Downloads as the Hub counts them, not deduplicated by user. Projections follow "
               "the trend of recent weeks and are no promise."),
             MARGIN, HUB_REPORT_HEIGHT - MARGIN / 2 - 10, HUB_REPORT_WIDTH - 2 * MARGIN, 7.5,
             FALSE, &dim, PANGO_ALIGN_LEFT);
}

/* Public */

/* The format a file name asks for: .pdf or .png, in any case. */
gboolean
hub_report_format_for_path (const char      *path,
                            HubReportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = HUB_REPORT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    *format = HUB_REPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *out = closure;

  return g_output_stream_write_all (out, data, length, NULL, NULL, NULL)
    ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Writes the report to path, replacing it whole or leaving it as it was.
 * Needs GTK initialised (the chart is a widget's drawing), not a window. */
gboolean
hub_report_write (const HubReport  *report,
                  const char       *path,
                  HubReportFormat   format,
                  GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL && HUB_IS_DATASET (report->dataset), FALSE);
  g_return_val_if_fail (report->organization != NULL && report->made != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (hub_dataset_get_as_of (report->dataset) == HUB_DAY_NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There are no downloads to report: the data has no days."));
      return FALSE;
    }

  /* GFile's replace writes beside the file and renames it when closed. */
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  if (format == HUB_REPORT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, out,
                                                     HUB_REPORT_WIDTH, HUB_REPORT_HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->organization);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hub Analytics");
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            HUB_REPORT_WIDTH * HUB_REPORT_PNG_SCALE,
                                            HUB_REPORT_HEIGHT * HUB_REPORT_PNG_SCALE);
    }
  cr = cairo_create (surface);
  if (format == HUB_REPORT_PNG)
    cairo_scale (cr, HUB_REPORT_PNG_SCALE, HUB_REPORT_PNG_SCALE);
  draw_page (cr, report);
  cairo_show_page (cr);
  cairo_destroy (cr);
  if (format == HUB_REPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the report %s: %s"), path, cairo_status_to_string (status));
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/* The dataset the report is made of: the breakdown file input, or the
 * breakdown of organization the app saved last on the endpoint in use
 * (no network: a timer's report of what the window fetched). name gets
 * what the page is titled. */
static HubDataset *
load_dataset (const char  *input,
              const char  *organization,
              char       **name,
              GError     **error)
{
  g_autoptr(HubCache) cache = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *endpoint = NULL;
  HubDataset *dataset;

  if (organization == NULL)
    {
      *name = g_path_get_basename (input);
      if (strrchr (*name, '.') != NULL)
        *strrchr (*name, '.') = '\0';
      return hub_dataset_load_file (input, input, NULL, NULL, error);
    }

  *name = g_strdup (organization);
  endpoint = hub_cli_dup_endpoint (error);
  if (endpoint == NULL)
    return NULL;
  cache = hub_cache_new (NULL);
  dataset = hub_cache_load_dataset (cache, endpoint, organization, NULL, NULL, &local_error);
  if (g_error_matches (local_error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING) ||
      (dataset != NULL && hub_dataset_get_as_of (dataset) == HUB_DAY_NONE))
    {
      g_clear_object (&dataset);
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                   /* Translators: %s are an organisation, the Hub's address, then the organisation */
                   _("No downloads of %s from %s are saved on this computer: open the organisation "
                     "in Hub Analytics, or run hub-analytics --org %s --fetch FILE, then make "
                     "the report again"), organization, endpoint, organization);
      return NULL;
    }
  if (dataset == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return dataset;
}

/* The notes the app keeps of organization, as its Insights show them; none
 * when it never kept any (the history is not made for a report). */
static GPtrArray *
load_notes (const char *organization)
{
  g_autofree char *path = hub_history_default_path ();
  g_autofree char *source = hub_source_id_for_organization (organization);
  g_autoptr(HubHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *notes = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  history = hub_history_open (path, &error);
  if (history != NULL)
    notes = hub_history_list_notes (history, source, NULL, NULL, &error);
  if (notes == NULL)
    g_printerr ("hub-analytics: %s\n", error->message);
  return notes;
}

/* `--report OUT.pdf|OUT.png [--range PRESET] [--compare WITH] FILE`, or
 * `--org ORG --report …` for the breakdown saved of ORG: the report for a
 * range ending on the data's asOf (a preset's nick, by default the last 7
 * days), compared by weekday ("previous") or with a year earlier ("year").
 * input and organization: one of them. Needs a display, for GTK; prints
 * the error and returns non-zero on failure. */
int
hub_report_cli (const char *input,
                const char *organization,
                const char *output,
                const char *range,
                const char *comparison)
{
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GEnumClass) presets = g_type_class_ref (HUB_TYPE_RANGE_PRESET);
  g_autoptr(GEnumClass) comparisons = g_type_class_ref (HUB_TYPE_COMPARISON);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;
  GEnumValue *preset = g_enum_get_value_by_nick (presets, range != NULL ? range : "7-days");
  GEnumValue *compare = g_enum_get_value_by_nick (comparisons,
                                                  comparison != NULL ? comparison : "previous");
  HubReportFormat format;
  HubReport report;
  HubDay as_of;

  if ((input == NULL) == (organization == NULL) || output == NULL ||
      !hub_report_format_for_path (output, &format))
    {
      g_printerr ("hub-analytics: %s\n", _("--report needs a breakdown file or --org ORG, and a "
                                           "report file ending in .pdf or .png"));
      return 2;
    }
  if (organization != NULL && *organization == '\0')
    {
      g_printerr ("hub-analytics: %s\n", _("--org needs an organisation’s name"));
      return 2;
    }
  if (preset == NULL || preset->value == HUB_RANGE_CUSTOM || compare == NULL)
    {
      g_printerr ("hub-analytics: %s\n",
                  _("Unknown range or comparison: the ranges are 7-days, 30-days, 90-days, "
                    "365-days, month-to-date, last-month, year-to-date and all; the comparisons "
                    "previous and year"));
      return 2;
    }

  /* Data first: a timer's log says what is missing even without a display. */
  dataset = load_dataset (input, organization, &name, &error);
  if (dataset == NULL)
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("hub-analytics: %s\n", _("The report needs a display to draw its chart"));
      return 1;
    }
  adw_init ();

  if (organization != NULL)
    notes = load_notes (organization);
  as_of = hub_dataset_get_as_of (dataset);
  report = (HubReport) { dataset, name,
                         hub_range_from_preset (preset->value, as_of,
                                                hub_dataset_get_totals (dataset)->first_day),
                         compare->value, notes, now };
  if (!hub_report_write (&report, output, format, &error))
    {
      g_printerr ("hub-analytics: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
run_report (GVariantDict       *options,
            const char * const *arguments)
{
  const char *output = NULL;
  const char *organization = NULL;
  const char *range = NULL;
  const char *comparison = NULL;
  const char *input = NULL;

  g_variant_dict_lookup (options, "report", "^&ay", &output);
  g_variant_dict_lookup (options, "org", "&s", &organization);
  g_variant_dict_lookup (options, "range", "&s", &range);
  g_variant_dict_lookup (options, "compare", "&s", &comparison);
  /* One breakdown file, or --org and none: else hub_report_cli says what is wrong. */
  if (organization == NULL && arguments[0] != NULL && arguments[1] == NULL)
    input = arguments[0];
  else if (arguments[0] != NULL)
    organization = NULL;
  return hub_report_cli (input, organization, output, range, comparison);
}

const HubCliCommand hub_report_command = {
  { { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write a one-page report of the breakdown FILE, or of the organisation’s saved "
         "breakdown with --org, into a PDF or PNG file and exit"),
      N_("OUT.pdf") },
    { "range", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The report’s range, with --report: 7-days (the default), 30-days, 90-days, 365-days, "
         "month-to-date, last-month, year-to-date or all"), N_("RANGE") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("What the report compares the range with, with --report: previous (the default) or year"),
      N_("WITH") } },
  run_report,
};
