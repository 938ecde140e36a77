/* hub-summary-cards.c: the headline numbers above the table
 *
 * Downloads in the range, models and datasets (count and downloads), the
 * change against the comparison range, and the date the data runs to with
 * how old it is. Every number is the dataset's over the span
 * (hub_dataset_span_totals), or, while a search or the type filter narrows
 * the table, the sum of the rows it shows (hub_repo_table_sum_shown), which
 * a line above the cards says; exact
 * values go in tooltips where the card shows a short form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-format.h"
#include "hub-summary-cards.h"
#include "hub-ui.h"

/* Longer exact numbers are shown in their short form ("1.2 B"). */

struct _HubSummaryCards
{
  GtkWidget   parent_instance;

  GtkWidget  *box;         /* bound for gtk_widget_dispose_template only */
  GtkLabel   *shown_label;
  GtkFlowBox *flow;
  GtkWidget  *downloads_card;
  GtkLabel   *downloads_value;
  GtkLabel   *downloads_caption;
  GtkWidget  *models_card;
  GtkLabel   *models_value;
  GtkLabel   *models_caption;
  GtkWidget  *datasets_card;
  GtkLabel   *datasets_value;
  GtkLabel   *datasets_caption;
  GtkWidget  *change_card;
  GtkImage   *change_icon;
  GtkLabel   *change_value;
  GtkLabel   *change_caption;
  GtkWidget  *as_of_card;
  GtkLabel   *as_of_value;
  GtkLabel   *as_of_caption;

  HubSource  *source;
  HubSpan     span;
  gboolean    narrowed;
  HubSpanTotals all;      /* the whole source's, over the span */
  HubSpanTotals shown;    /* the rows shown, while narrowed */
  gboolean    compact;
  guint       age_timeout;
};

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubSummaryCards, hub_summary_cards, GTK_TYPE_WIDGET)

static char *
format_headline (HubSummaryCards *self,
                 gint64           value)
{
  g_autofree char *tooltip = NULL;

  /* The card's tooltip says the exact count in words already. */
  return hub_format_count_fitting (value, !self->compact && hub_format_fits_card (value), &tooltip);
}

static void
set_downloads_tooltip (GtkWidget *card,
                       gint64     value)
{
  g_autofree char *exact = hub_format_count (value);
  g_autofree char *text = g_strdup_printf (ngettext ("%s download", "%s downloads",
                                                     (gulong) MIN (value, G_MAXLONG)),
                                           exact);

  gtk_widget_set_tooltip_text (card, text);
}

static void
update_kind_card (HubSummaryCards *self,
                  GtkWidget       *card,
                  GtkLabel        *value_label,
                  GtkLabel        *caption,
                  guint            count,
                  gint64           downloads)
{
  g_autofree char *count_text = hub_format_count (count);
  g_autofree char *short_downloads = hub_format_compact (downloads);
  g_autofree char *caption_text = NULL;

  gtk_label_set_label (value_label, count_text);
  /* Translators: under the count of models or datasets: "1.2 M downloads" */
  caption_text = g_strdup_printf (ngettext ("%s download", "%s downloads",
                                            (gulong) MIN (downloads, G_MAXLONG)),
                                  short_downloads);
  gtk_label_set_label (caption, caption_text);
  set_downloads_tooltip (card, downloads);
}

static void
update_age (HubSummaryCards *self)
{
  GDateTime *updated = self->source ? hub_source_get_updated (self->source) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *age = NULL;
  g_autofree char *caption = NULL;

  if (self->source == NULL)
    return;

  if (updated == NULL)
    {
      gtk_label_set_label (self->as_of_caption, _("Demo data"));
      return;
    }

  age = hub_format_age (updated, now);
  if (hub_source_get_kind (self->source) == HUB_SOURCE_KIND_FILE)
    /* Translators: %s is an age, as "3 days ago" */
    caption = g_strdup_printf (_("File modified %s"), age);
  else
    /* Translators: %s is an age, as "3 hours ago" */
    caption = g_strdup_printf (_("Fetched %s"), age);
  gtk_label_set_label (self->as_of_caption, caption);
}

static gboolean
on_age_timeout (gpointer user_data)
{
  update_age (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_change (HubSummaryCards     *self,
               const HubSpanTotals *totals)
{
  HubChange change = hub_span_change (&self->span, totals->downloads, totals->compared);
  g_autofree char *text = hub_format_change (change);
  g_autofree char *tooltip = hub_format_span_change_tooltip (&self->span, totals->downloads,
                                                             totals->compared);
  GtkWidget *value = GTK_WIDGET (self->change_value);
  GtkWidget *icon = GTK_WIDGET (self->change_icon);

  const char *style = hub_format_change_style (change);

  gtk_label_set_label (self->change_value, text);
  /* The template's classes, then the change's (style may be NULL: none). */
  gtk_widget_set_css_classes (value, (const char *[]) { "title-2", "numeric", style, NULL });
  gtk_widget_set_css_classes (icon, (const char *[]) { style, NULL });
  gtk_widget_set_visible (icon, change.kind == HUB_CHANGE_RATIO && change.ratio != 0.0);
  if (gtk_widget_get_visible (icon))
    gtk_image_set_from_icon_name (self->change_icon,
                                  change.ratio > 0 ? "go-up-symbolic" : "go-down-symbolic");

  gtk_widget_set_tooltip_text (self->change_card, tooltip);
  if (!hub_span_has_change (&self->span))
    /* Translators: under the change card in All Time; keep it short */
    gtk_label_set_label (self->change_caption, _("No comparison"));
  else if (self->span.comparison == HUB_COMPARISON_YEAR)
    /* Translators: under the change card's percentage; keep it short */
    gtk_label_set_label (self->change_caption, _("Vs. a year earlier"));
  else
    /* Translators: under the change card's percentage: the range as many
     * days before, starting on the same weekday; keep it short */
    gtk_label_set_label (self->change_caption, _("Vs. previous period"));
}

/* "12 of 150 repositories: 4.2 M downloads", above the cards. */
static void
update_shown (HubSummaryCards *self,
              const HubTotals *all,
              gint64           downloads)
{
  g_autofree char *shown_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *downloads_text = NULL;
  g_autofree char *repos = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->shown_label), self->narrowed);
  if (!self->narrowed)
    return;
  shown_text = hub_format_count (self->shown.repos);
  total_text = hub_format_count (all->repos);
  downloads_text = hub_format_compact (downloads);
  /* Translators: "12 of 150 repositories": the rows shown and all rows */
  repos = g_strdup_printf (ngettext ("%s of %s repository", "%s of %s repositories", all->repos),
                           shown_text, total_text);
  sum = g_strdup_printf (ngettext ("%s download", "%s downloads", (gulong) MIN (downloads, G_MAXLONG)),
                         downloads_text);
  /* Translators: above the summary cards while a search or the type filter
   * narrows the table: "12 of 150 repositories: 4.2 M downloads" */
  text = g_strdup_printf (C_("rows shown", "%s: %s"), repos, sum);
  gtk_label_set_label (self->shown_label, text);
}

static void
update (HubSummaryCards *self)
{
  HubDataset *dataset;
  const HubTotals *all;
  const HubSpanTotals *totals;
  gint64 downloads;
  g_autofree char *value = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *tooltip = NULL;

  if (self->source == NULL)
    return;

  dataset = hub_source_get_dataset (self->source);
  all = hub_dataset_get_totals (dataset);
  totals = self->narrowed ? &self->shown : &self->all;

  downloads = totals->downloads;
  value = format_headline (self, downloads);
  gtk_label_set_label (self->downloads_value, value);
  caption = hub_span_has_change (&self->span) ? hub_format_range (self->span.range)
                                              : g_strdup (_("All time"));
  gtk_label_set_label (self->downloads_caption, caption);
  set_downloads_tooltip (self->downloads_card, downloads);

  update_kind_card (self, self->models_card, self->models_value, self->models_caption,
                    totals->models, totals->model_downloads);
  update_kind_card (self, self->datasets_card, self->datasets_value, self->datasets_caption,
                    totals->datasets, totals->dataset_downloads);
  update_change (self, totals);
  update_shown (self, all, downloads);

  as_of = hub_format_day (all->as_of);
  gtk_label_set_label (self->as_of_value, as_of);
  /* Translators: the as-of card's tooltip; %s is a date */
  tooltip = g_strdup_printf (_("The latest day in the data is %s. "
                               "Every window ends on that day."), as_of);
  gtk_widget_set_tooltip_text (self->as_of_card, tooltip);
  update_age (self);
}

static void
hub_summary_cards_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HubSummaryCards *self = HUB_SUMMARY_CARDS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_summary_cards_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HubSummaryCards *self = HUB_SUMMARY_CARDS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      hub_summary_cards_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_summary_cards_dispose (GObject *object)
{
  HubSummaryCards *self = HUB_SUMMARY_CARDS (object);

  g_clear_handle_id (&self->age_timeout, g_source_remove);
  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_SUMMARY_CARDS);

  G_OBJECT_CLASS (hub_summary_cards_parent_class)->dispose (object);
}

static void
hub_summary_cards_class_init (HubSummaryCardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_summary_cards_dispose;
  object_class->get_property = hub_summary_cards_get_property;
  object_class->set_property = hub_summary_cards_set_property;

  /* Short forms everywhere, for narrow windows. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/hub-summary-cards.ui");
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, box);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, shown_label);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, flow);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, downloads_card);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, downloads_value);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, downloads_caption);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, models_card);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, models_value);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, models_caption);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, datasets_card);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, datasets_value);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, datasets_caption);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, change_card);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, change_icon);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, change_value);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, change_caption);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, as_of_card);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, as_of_value);
  gtk_widget_class_bind_template_child (widget_class, HubSummaryCards, as_of_caption);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarycards");
}

static void
hub_summary_cards_init (HubSummaryCards *self)
{
  GtkWidget *child;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The cards are not choices: keep the flow box's children out of the focus chain. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->flow));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

GtkWidget *
hub_summary_cards_new (void)
{
  return g_object_new (HUB_TYPE_SUMMARY_CARDS, NULL);
}

void
hub_summary_cards_set_source (HubSummaryCards *self,
                              HubSource       *source,
                              const HubSpan   *span)
{
  g_return_if_fail (HUB_IS_SUMMARY_CARDS (self));
  g_return_if_fail (source == NULL || HUB_IS_SOURCE (source));
  g_return_if_fail (span != NULL);

  if (self->source != source)
    self->narrowed = FALSE;
  g_set_object (&self->source, source);
  self->span = *span;
  if (source != NULL)
    hub_dataset_span_totals (hub_source_get_dataset (source), span, &self->all);
  if (source != NULL && self->age_timeout == 0)
    self->age_timeout = g_timeout_add_seconds (60, on_age_timeout, self);
  update (self);
}

/* The totals of the rows shown while a filter narrows the table
 * (hub_repo_table_sum_shown); NULL: the whole source again. */
void
hub_summary_cards_set_shown (HubSummaryCards     *self,
                             const HubSpanTotals *shown)
{
  g_return_if_fail (HUB_IS_SUMMARY_CARDS (self));

  self->narrowed = shown != NULL;
  if (shown != NULL)
    self->shown = *shown;
  update (self);
}

/* The card at index, in the order shown, or NULL past the last: for a
 * window that shows them one at a time as a dashboard appears. */
GtkWidget *
hub_summary_cards_get_card (HubSummaryCards *self,
                            guint            index)
{
  GtkWidget *cards[] = {
    self->downloads_card, self->models_card, self->datasets_card, self->change_card,
    self->as_of_card,
  };

  g_return_val_if_fail (HUB_IS_SUMMARY_CARDS (self), NULL);

  return index < G_N_ELEMENTS (cards) ? cards[index] : NULL;
}

gboolean
hub_summary_cards_get_compact (HubSummaryCards *self)
{
  g_return_val_if_fail (HUB_IS_SUMMARY_CARDS (self), FALSE);

  return self->compact;
}

void
hub_summary_cards_set_compact (HubSummaryCards *self,
                               gboolean         compact)
{
  g_return_if_fail (HUB_IS_SUMMARY_CARDS (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  /* Compact, the cards are one strip that scrolls sideways, so that the
   * table keeps the height of a phone's screen. */
  gtk_flow_box_set_min_children_per_line (self->flow, compact ? 5 : 2);
  hub_ui_set_css_class (GTK_WIDGET (self), "compact", compact);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
