/* hub-audience-rows.c: what the Audience view and the repository's audience
 * share: the classes' names and colours, the rows of a ranked list, the
 * figures of the cards and the two charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-audience-rows.h"
#include "hub-format.h"
#include "hub-line-layer.h"
#include "hub-stack-layer.h"

/* Each class keeps its colour in light and dark: libadwaita's palette. */
const GdkRGBA hub_audience_class_colors[HUB_LOG_N_CLASSES] = {
  { 0x35 / 255.f, 0x84 / 255.f, 0xe4 / 255.f, 1 },  /* download: blue 3 */
  { 0x21 / 255.f, 0x90 / 255.f, 0xa4 / 255.f, 1 },  /* partial: teal 4 */
  { 0x91 / 255.f, 0x41 / 255.f, 0xac / 255.f, 1 },  /* probe: purple 3 */
  { 0xe5 / 255.f, 0xa5 / 255.f, 0x0a / 255.f, 1 },  /* redirect: yellow 5 */
  { 0x2e / 255.f, 0xc2 / 255.f, 0x7e / 255.f, 1 },  /* revalidation: green 4 */
  { 0xe0 / 255.f, 0x1b / 255.f, 0x24 / 255.f, 1 },  /* error: red 3 */
  { 0x9a / 255.f, 0x99 / 255.f, 0x96 / 255.f, 1 },  /* other: light 5 */
};

static const GdkRGBA sessions_color = { 0xff / 255.f, 0x78 / 255.f, 0x00 / 255.f, 1 };  /* orange 3 */
static const GdkRGBA uniques_color = { 0xc0 / 255.f, 0x61 / 255.f, 0xcb / 255.f, 1 };   /* purple 2 */

const char *
hub_audience_class_title (HubLogClass klass)
{
  switch (klass)
    {
    case HUB_LOG_CLASS_DOWNLOAD:
      /* Translators: a class of requests: GET answered in full */
      return C_("request class", "Downloads");
    case HUB_LOG_CLASS_PARTIAL:
      /* Translators: a class of requests: GET of a range (206) */
      return C_("request class", "Partial");
    case HUB_LOG_CLASS_PROBE:
      /* Translators: a class of requests: HEAD */
      return C_("request class", "Probes");
    case HUB_LOG_CLASS_REDIRECT:
      return C_("request class", "Redirects");
    case HUB_LOG_CLASS_REVALIDATION:
      /* Translators: a class of requests: 304 Not Modified */
      return C_("request class", "Revalidations");
    case HUB_LOG_CLASS_ERROR:
      return C_("request class", "Errors");
    case HUB_LOG_CLASS_OTHER:
    default:
      return C_("request class", "Other");
    }
}

/* A row of a ranked list: the name, a bar as long as its share of the
 * first row's, and figures at the end. */
GtkWidget *
hub_audience_ranked_row (GtkSizeGroup  *names,
                         const char    *name,
                         const char    *tooltip,
                         double         fraction,
                         const char    *id,
                         const char   **figure_names,
                         guint64       *figures,
                         guint          n_figures)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *row;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_tooltip_text (label, tooltip);
  /* The bars of a list start at one edge. */
  gtk_size_group_add_widget (names, label);
  gtk_box_append (GTK_BOX (box), label);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 24, -1);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), bar);

  for (guint i = 0; i < n_figures; i++)
    {
      g_autofree char *text = hub_format_compact ((gint64) MIN (figures[i], (guint64) G_MAXINT64));
      g_autofree char *exact = hub_format_count ((gint64) MIN (figures[i], (guint64) G_MAXINT64));
      g_autofree char *widget_name = g_strdup_printf ("%s-%s", id, figure_names[i]);
      GtkWidget *value = gtk_label_new (text);

      gtk_widget_set_name (value, widget_name);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_label_set_width_chars (GTK_LABEL (value), 5);
      gtk_widget_set_tooltip_text (value, exact);
      gtk_widget_add_css_class (value, "numeric");
      if (i > 0)
        gtk_widget_add_css_class (value, "dim-label");
      gtk_box_append (GTK_BOX (box), value);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, id);
  return row;
}

void
hub_audience_add_header_row (GtkListBox    *list,
                             GtkSizeGroup  *names,
                             const char    *first,
                             const char   **figures,
                             guint          n_figures)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (first);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_size_group_add_widget (names, label);
  gtk_box_append (GTK_BOX (box), label);
  for (guint i = 0; i < n_figures; i++)
    {
      GtkWidget *title = gtk_label_new (figures[i]);

      gtk_label_set_xalign (GTK_LABEL (title), 1);
      gtk_label_set_width_chars (GTK_LABEL (title), 5);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), title);
    }
  gtk_widget_add_css_class (box, "caption-heading");
  gtk_widget_add_css_class (box, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);
}


/* A card's figure, in full. */
void
hub_audience_set_count (GtkLabel *label,
                        guint64   value)
{
  g_autofree char *text = hub_format_count ((gint64) MIN (value, (guint64) G_MAXINT64));

  gtk_label_set_label (label, text);
}

/* The unique downloaders' card: the count, and under it the signed-in users
 * and the anonymous addresses among them. */
void
hub_audience_show_uniques (GtkLabel            *value,
                           GtkLabel            *caption,
                           const HubLogFigures *figures)
{
  g_autofree char *users = hub_format_compact ((gint64) figures->users);
  g_autofree char *anonymous = hub_format_compact ((gint64) figures->anonymous_ips);
  g_autofree char *text = NULL;

  hub_audience_set_count (value, figures->uniques);
  /* Translators: under the unique downloaders: signed-in users and anonymous addresses */
  text = g_strdup_printf (_("%s users · %s anonymous"), users, anonymous);
  gtk_label_set_label (caption, text);
}

static HubChartLayer *
line_layer (const char          *title,
            const GdkRGBA       *color,
            const HubChartPoint *points,
            guint                n_points)
{
  HubChartLayer *layer = hub_line_layer_new ();

  hub_chart_layer_set_title (layer, title);
  hub_line_layer_set_color (HUB_LINE_LAYER (layer), color);
  hub_line_layer_set_points (HUB_LINE_LAYER (layer), points, n_points);
  return layer;
}

/* The sessions and unique downloaders of days first … last as lines, and
 * the requests under them when with_requests (the whole Audience view);
 * daily holds the figures of each of those days. */
void
hub_audience_show_daily (HubChart            *chart,
                         const HubLogFigures *daily,
                         HubDay               first,
                         HubDay               last,
                         gboolean             with_requests)
{
  guint n = (guint) (last - first + 1);
  g_autofree HubChartPoint *requests = g_new0 (HubChartPoint, n);
  g_autofree HubChartPoint *sessions = g_new0 (HubChartPoint, n);
  g_autofree HubChartPoint *uniques = g_new0 (HubChartPoint, n);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  HubChartLayer *layers[3];
  guint n_layers = 0;
  g_autofree char *from = hub_format_day (first);
  g_autofree char *to = hub_format_day (last);
  g_autofree char *description = NULL;

  for (guint i = 0; i < n; i++)
    {
      HubDay day = first + (HubDay) i;
      const HubLogFigures *f = &daily[i];
      g_autofree char *date = hub_format_day (day);
      g_autofree char *r = hub_format_count ((gint64) f->requests);
      g_autofree char *s = hub_format_count ((gint64) f->sessions);
      g_autofree char *u = hub_format_count ((gint64) f->uniques);

      requests[i] = (HubChartPoint) { day + 0.5, (double) f->requests, i, FALSE };
      sessions[i] = (HubChartPoint) { day + 0.5, (double) f->sessions, i, FALSE };
      uniques[i] = (HubChartPoint) { day + 0.5, (double) f->uniques, i, FALSE };
      if (with_requests)
        g_strv_builder_take (texts,
                             /* Translators: the tooltip of a day of the audience chart */
                             g_strdup_printf (_("%s\nRequests: %s\nSessions: %s\nUnique downloaders: %s"),
                                              date, r, s, u));
      else
        g_strv_builder_take (texts,
                             /* Translators: the tooltip of a day of a repository's audience chart */
                             g_strdup_printf (_("%s\nSessions: %s\nUnique downloaders: %s"),
                                              date, s, u));
    }

  if (with_requests)
    layers[n_layers++] = line_layer (_("Requests"),
                                     &hub_audience_class_colors[HUB_LOG_CLASS_DOWNLOAD],
                                     requests, n);
  layers[n_layers++] = line_layer (_("Sessions"), &sessions_color, sessions, n);
  layers[n_layers++] = line_layer (_("Unique downloaders"), &uniques_color, uniques, n);
  if (with_requests)
    /* Translators: what the audience chart shows, for a screen reader */
    description = g_strdup_printf (_("Requests, sessions and unique downloaders a day, from %s to %s"),
                                   from, to);
  else
    /* Translators: what a repository's audience chart shows, for a screen reader */
    description = g_strdup_printf (_("Sessions and unique downloaders a day, from %s to %s"),
                                   from, to);
  hub_chart_set_layers (chart, first, last, layers, n_layers, g_strv_builder_end (texts),
                        description);
}

/* The requests of days first … last by class, stacked a day; daily holds
 * the figures of each of those days. */
void
hub_audience_show_classes (HubChart            *chart,
                           const HubLogFigures *daily,
                           HubDay               first,
                           HubDay               last)
{
  guint n = (guint) (last - first + 1);
  g_autofree HubStackColumn *stacks = g_new0 (HubStackColumn, n);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  const char *titles[HUB_LOG_N_CLASSES];
  HubChartLayer *layer;
  g_autofree char *from = hub_format_day (first);
  g_autofree char *to = hub_format_day (last);
  g_autofree char *description = NULL;

  for (guint i = 0; i < n; i++)
    {
      HubDay day = first + (HubDay) i;
      g_autofree char *date = hub_format_day (day);
      g_autoptr(GString) text = g_string_new (date);

      stacks[i].first = day;
      stacks[i].last = day;
      for (guint k = 0; k < HUB_LOG_N_CLASSES; k++)
        {
          g_autofree char *count = hub_format_count ((gint64) daily[i].classes[k]);

          stacks[i].values[k] = (gint64) daily[i].classes[k];
          g_string_append_printf (text, "\n%s: %s", hub_audience_class_title (k), count);
        }
      g_strv_builder_take (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }

  for (guint k = 0; k < HUB_LOG_N_CLASSES; k++)
    titles[k] = hub_audience_class_title (k);
  layer = hub_stack_layer_new (titles, hub_audience_class_colors, HUB_LOG_N_CLASSES);
  hub_stack_layer_set_columns (HUB_STACK_LAYER (layer), stacks, n);
  /* Translators: what the classes chart shows, for a screen reader */
  description = g_strdup_printf (_("Requests a day by class, stacked, from %s to %s"), from, to);
  hub_chart_set_layers (chart, first, last, &layer, 1, g_strv_builder_end (texts),
                                 description);
}
