/* hub-repo-detail.c: the page about one repository: cards, the chart, Open on Hugging Face
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-net.h"
#include "hub-repo-row.h"
#include "hub-ui.h"

#include "hub-chart.h"
#include "hub-format.h"
#include "hub-repo-detail.h"

typedef struct
{
  const char *name;
  GtkLabel   *value;
  GtkLabel   *caption;
} Card;

enum {
  CARD_ALL_TIME,
  CARD_LAST_MONTH,
  CARD_LAST_WEEK,
  CARD_BEST_DAY,
  N_CARDS
};

struct _HubRepoDetail
{
  GtkWidget        parent_instance;

  HubDataset      *dataset;
  guint            index;
  char            *endpoint;
  Card             cards[N_CARDS];
  GtkToggleButton *range_buttons[4];
  GtkToggleButton *bucket_buttons[3];

  GtkWidget       *box;
  AdwWindowTitle  *window_title;
  GtkFlowBox      *cards_box;
  GtkBox          *range_box;
  GtkBox          *bucket_box;
  GtkToggleButton *cumulative_button;
  GtkBox          *chart_card;
  HubChart        *chart;
};

G_DEFINE_FINAL_TYPE (HubRepoDetail, hub_repo_detail, GTK_TYPE_WIDGET)

enum {
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_card (Card       *card,
          gint64      value,
          const char *caption)
{
  g_autofree char *compact = hub_format_compact (value);
  g_autofree char *exact = hub_format_count (value);

  gtk_label_set_label (card->value, compact);
  gtk_widget_set_tooltip_text (GTK_WIDGET (card->value), exact);
  gtk_label_set_label (card->caption, caption ? caption : "");
}

static void
update_cards (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  HubDay as_of = hub_dataset_get_as_of (self->dataset);
  g_autofree char *change = hub_format_change (hub_repo_change (repo, as_of));
  g_autofree char *change_caption = NULL;
  g_autofree char *best_caption = NULL;
  g_autofree char *first_caption = NULL;
  HubRange week = hub_range_from_preset (HUB_RANGE_LAST_7_DAYS, as_of, HUB_DAY_NONE);
  HubDay best_day;
  gint64 best = 0;

  if (repo->n_days > 0)
    {
      g_autofree char *since = hub_format_day (repo->days[0]);

      /* Translators: %s is the date of the repository's first row */
      first_caption = g_strdup_printf (_("Daily figures since %s"), since);
    }
  set_card (&self->cards[CARD_ALL_TIME], hub_repo_all_time (repo), first_caption);

  switch (hub_repo_change (repo, as_of).kind)
    {
    case HUB_CHANGE_NEW:
      change_caption = g_strdup (_("None in the 30 days before"));
      break;
    case HUB_CHANGE_NONE:
      change_caption = g_strdup (_("None in the 60 days to the data’s last day"));
      break;
    case HUB_CHANGE_RATIO:
    default:
      /* Translators: %s is a change such as "+12.5 %" */
      change_caption = g_strdup_printf (_("%s against the 30 days before"), change);
      break;
    }
  set_card (&self->cards[CARD_LAST_MONTH], hub_repo_last_month (repo, as_of), change_caption);

  set_card (&self->cards[CARD_LAST_WEEK], hub_repo_range_sum (repo, week.first, week.last),
            _("The 7 days to the data’s last day"));

  if (hub_repo_best_day (repo, &best_day, &best))
    {
      g_autofree char *day = hub_format_day (best_day);

      /* Translators: %s is the date of the repository's best day */
      best_caption = g_strdup_printf (_("on %s"), day);
    }
  set_card (&self->cards[CARD_BEST_DAY], best, best_caption);
}

static void
on_range_toggled (GtkToggleButton *button,
                  HubRepoDetail   *self)
{
  if (gtk_toggle_button_get_active (button))
    hub_chart_set_range (self->chart,
                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value")));
}

static void
on_bucket_toggled (GtkToggleButton *button,
                   HubRepoDetail   *self)
{
  if (gtk_toggle_button_get_active (button))
    hub_chart_set_bucket (self->chart,
                          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value")));
}

static void
on_cumulative_toggled (GtkToggleButton *button,
                       HubRepoDetail   *self)
{
  hub_chart_set_cumulative (self->chart, gtk_toggle_button_get_active (button));
}

/* The toggles follow the chart, whoever changed it. */
static void
on_chart_notify (HubRepoDetail *self)
{
  HubRangePreset range = hub_chart_get_range (self->chart);
  HubBucket bucket = hub_chart_get_bucket (self->chart);

  for (guint i = 0; i < G_N_ELEMENTS (self->range_buttons); i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->range_buttons[i]), "value")) == (int) range)
      gtk_toggle_button_set_active (self->range_buttons[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (self->bucket_buttons); i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self->bucket_buttons[i]), "value")) == (int) bucket)
      gtk_toggle_button_set_active (self->bucket_buttons[i], TRUE);
  gtk_toggle_button_set_active (self->cumulative_button, hub_chart_get_cumulative (self->chart));
}

static GtkToggleButton *
add_toggle (GtkBox          *box,
            GtkToggleButton *group,
            const char      *name,
            const char      *label,
            const char      *tooltip,
            int              value,
            GCallback        callback,
            HubRepoDetail   *self)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (value));
  if (group)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
  g_signal_connect (button, "toggled", callback, self);
  gtk_box_append (box, button);
  return GTK_TOGGLE_BUTTON (button);
}

static Card
add_card (HubRepoDetail *self,
          const char    *title)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *caption = gtk_label_new ("");
  Card result = { title, GTK_LABEL (value), GTK_LABEL (caption) };

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "summary-card");
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  /* Captions wrap, so that four cards fit on one line of a wide window. */
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 20);
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_flow_box_append (self->cards_box, card);
  return result;
}

static void
open_on_hub (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  g_autofree char *url = hub_repo_detail_dup_url (self);

  if (url != NULL)
    {
      g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (url);

      gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL,
                               NULL);
    }
}

static void
copy_name (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  const HubRepo *repo = hub_repo_detail_get_repo (self);

  if (repo != NULL)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), repo->name);
      g_signal_emit (self, signals[MESSAGE], 0, _("Repository name copied"));
    }
}

static void
on_png_chosen (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HubRepoDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file == NULL)
    return;
  if (hub_chart_save_png (self->chart, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is the name of the PNG file written */
      g_autofree char *message = g_strdup_printf (_("Chart saved as %s"), name);

      g_signal_emit (self, signals[MESSAGE], 0, message);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not save the chart: %s"),
                                                  error->message);

      g_signal_emit (self, signals[MESSAGE], 0, message);
    }
}

static void
export_png (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (widget);
  const HubRepo *repo = hub_repo_detail_get_repo (self);
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (repo == NULL)
    return;

  base = g_path_get_basename (repo->name);
  name = g_strconcat (base, "-downloads.png", NULL);
  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export Chart as PNG"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, on_png_chosen,
                        g_object_ref (self));
}

static void
hub_repo_detail_dispose (GObject *object)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (object);

  g_clear_object (&self->dataset);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_REPO_DETAIL);

  G_OBJECT_CLASS (hub_repo_detail_parent_class)->dispose (object);
}

static void
hub_repo_detail_finalize (GObject *object)
{
  HubRepoDetail *self = HUB_REPO_DETAIL (object);

  g_free (self->endpoint);

  G_OBJECT_CLASS (hub_repo_detail_parent_class)->finalize (object);
}

static void
hub_repo_detail_class_init (HubRepoDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_repo_detail_dispose;
  object_class->finalize = hub_repo_detail_finalize;

  /* A short message for a toast. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  hub_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "dialogs/hub-repo-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, box);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, window_title);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (HubRepoDetail, cards_box));
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, range_box);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, bucket_box);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, cumulative_button);
  gtk_widget_class_bind_template_child (widget_class, HubRepoDetail, chart_card);

  gtk_widget_class_install_action (widget_class, "detail.open-on-hub", NULL, open_on_hub);
  gtk_widget_class_install_action (widget_class, "detail.export-png", NULL, export_png);
  gtk_widget_class_install_action (widget_class, "detail.copy-name", NULL, copy_name);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "repodetail");
}

static void
hub_repo_detail_init (HubRepoDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cards[CARD_ALL_TIME] = add_card (self, _("All Time"));
  self->cards[CARD_LAST_MONTH] = add_card (self, _("Last Month"));
  self->cards[CARD_LAST_WEEK] = add_card (self, _("Last 7 Days"));
  self->cards[CARD_BEST_DAY] = add_card (self, _("Best Day"));

  self->range_buttons[0] = add_toggle (self->range_box, NULL, "range-30", _("30 Days"),
                                       _("The last 30 days"), HUB_RANGE_LAST_30_DAYS,
                                       G_CALLBACK (on_range_toggled), self);
  self->range_buttons[1] = add_toggle (self->range_box, self->range_buttons[0], "range-90", _("90 Days"),
                                       _("The last 90 days"), HUB_RANGE_LAST_90_DAYS,
                                       G_CALLBACK (on_range_toggled), self);
  self->range_buttons[2] = add_toggle (self->range_box, self->range_buttons[0], "range-year", _("1 Year"),
                                       _("The last 365 days"), HUB_RANGE_LAST_365_DAYS,
                                       G_CALLBACK (on_range_toggled), self);
  self->range_buttons[3] = add_toggle (self->range_box, self->range_buttons[0], "range-all", _("All"),
                                       _("Every day in the data"), HUB_RANGE_ALL,
                                       G_CALLBACK (on_range_toggled), self);

  self->bucket_buttons[0] = add_toggle (self->bucket_box, NULL, "bucket-day", _("Daily"),
                                        _("One bar a day"), HUB_BUCKET_DAY,
                                        G_CALLBACK (on_bucket_toggled), self);
  self->bucket_buttons[1] = add_toggle (self->bucket_box, self->bucket_buttons[0], "bucket-week", _("Weekly"),
                                        _("One bar a week, Monday to Sunday"), HUB_BUCKET_WEEK,
                                        G_CALLBACK (on_bucket_toggled), self);
  self->bucket_buttons[2] = add_toggle (self->bucket_box, self->bucket_buttons[0], "bucket-month", _("Monthly"),
                                        _("One bar a calendar month"), HUB_BUCKET_MONTH,
                                        G_CALLBACK (on_bucket_toggled), self);
  g_signal_connect (self->cumulative_button, "toggled", G_CALLBACK (on_cumulative_toggled), self);

  self->chart = HUB_CHART (hub_chart_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 280);
  gtk_box_append (self->chart_card, GTK_WIDGET (self->chart));
  g_signal_connect_swapped (self->chart, "notify::range", G_CALLBACK (on_chart_notify), self);
  g_signal_connect_swapped (self->chart, "notify::bucket", G_CALLBACK (on_chart_notify), self);
  g_signal_connect_swapped (self->chart, "notify::cumulative", G_CALLBACK (on_chart_notify), self);

  gtk_toggle_button_set_active (self->range_buttons[1], TRUE);
  gtk_toggle_button_set_active (self->bucket_buttons[0], TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-on-hub", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-png", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-name", FALSE);
}

GtkWidget *
hub_repo_detail_new (void)
{
  return g_object_new (HUB_TYPE_REPO_DETAIL, NULL);
}

/* Shows repository index of dataset; endpoint is the Hub the repository's
 * page is on (NULL for https://huggingface.co). */
void
hub_repo_detail_set_repo (HubRepoDetail *self,
                          HubDataset    *dataset,
                          guint          index,
                          const char    *endpoint)
{
  const HubRepo *repo;

  g_return_if_fail (HUB_IS_REPO_DETAIL (self));
  g_return_if_fail (HUB_IS_DATASET (dataset));
  g_return_if_fail (index < hub_dataset_get_n_repos (dataset));

  g_set_object (&self->dataset, dataset);
  self->index = index;
  g_free (self->endpoint);
  self->endpoint = g_strdup (endpoint);

  repo = hub_dataset_get_repo (dataset, index);
  adw_window_title_set_title (self->window_title, repo->name);
  adw_window_title_set_subtitle (self->window_title, hub_repo_kind_title (repo));
  update_cards (self);
  hub_chart_set_series (self->chart, dataset, repo, hub_dataset_get_as_of (dataset));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-on-hub", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-png", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-name", TRUE);
}

const HubRepo *
hub_repo_detail_get_repo (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  if (self->dataset == NULL)
    return NULL;
  return hub_dataset_get_repo (self->dataset, self->index);
}

char *
hub_repo_detail_dup_url (HubRepoDetail *self)
{
  const HubRepo *repo = hub_repo_detail_get_repo (self);

  return repo ? hub_endpoint_repo_url (self->endpoint, repo) : NULL;
}

GtkWidget *
hub_repo_detail_get_chart (HubRepoDetail *self)
{
  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* The value shown on a card ("All Time", "Last Month", "Last 7 Days",
 * "Best Day", untranslated), for tests. */
const char *
hub_repo_detail_get_card (HubRepoDetail *self,
                          const char    *name)
{
  static const char *names[N_CARDS] = { "All Time", "Last Month", "Last 7 Days", "Best Day" };

  g_return_val_if_fail (HUB_IS_REPO_DETAIL (self), NULL);

  for (guint i = 0; i < N_CARDS; i++)
    if (g_str_equal (names[i], name))
      return gtk_label_get_label (self->cards[i].value);
  return NULL;
}

