/* hub-audience-view.c: who the request logs say downloads: uniques,
 * sessions, classes of requests, countries, repositories
 *
 * Every figure is the store's (hub-log.h), over the window's range: a
 * preset counts back from the logs' own last day (All Time is every day of
 * the logs), a stepped or custom range keeps its days
 * (hub_source_get_audience_span); the view only shows the figures
 * (hub-audience-figures.c). Unique figures over the range are unions of
 * the days' sketches, so the cards' uniques are not the sum of the chart's
 * days.
 * Where the source also has a breakdown, a repository's sessions sit
 * beside the Hub's counted downloads over the days both cover.
 *
 * Team traffic is left out by reading the raw logs again (sketches cannot
 * subtract): the view asks for it with "team-changed", and the window does
 * the reading, with its progress and its Cancel. That part of the view is
 * in hub-audience-view-team.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-audience-rows.h"
#include "hub-audience-view-private.h"
#include "hub-countries.h"
#include "hub-format.h"

#define N_COUNTRIES_SHOWN 15
#define N_REPOS_SHOWN     10
#define N_REGIONS_SHOWN   10

enum {
  SIGNAL_MESSAGE,
  SIGNAL_TEAM_CHANGED,
  SIGNAL_REPO_ACTIVATED,
  SIGNAL_SPAN_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubAudienceView, hub_audience_view, GTK_TYPE_WIDGET)

static HubAudienceTable
table_for_name (const char *name)
{
  if (g_str_equal (name, "countries"))
    return HUB_AUDIENCE_TABLE_COUNTRIES;
  if (g_str_equal (name, "classes"))
    return HUB_AUDIENCE_TABLE_CLASSES;
  return HUB_AUDIENCE_TABLE_REPOSITORIES;
}

static void
clear_list (GtkListBox *list)
{
  gtk_list_box_remove_all (list);
}

static void
update_cards (HubAudienceView          *self,
              const HubAudienceFigures *figures)
{
  const HubLogFigures *f = &figures->total;
  g_autofree char *caption = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *full = NULL;
  g_autofree char *share = NULL;
  guint n_days = (guint) (self->last - self->first + 1);

  hub_audience_show_uniques (self->uniques_value, self->uniques_caption, f);

  hub_audience_set_count (self->sessions_value, f->sessions);
  {
    g_autofree char *per_day = hub_format_compact ((gint64) (f->sessions / MAX (n_days, 1)));

    /* Translators: under the sessions: their mean a day */
    caption = g_strdup_printf (_("%s a day"), per_day);
    gtk_label_set_label (self->sessions_caption, caption);
    g_clear_pointer (&caption, g_free);
  }

  hub_audience_set_count (self->requests_value, f->requests);
  errors = hub_format_compact ((gint64) f->classes[HUB_LOG_CLASS_ERROR]);
  /* Translators: under the requests: how many were errors */
  caption = g_strdup_printf (_("%s errors"), errors);
  gtk_label_set_label (self->requests_caption, caption);
  g_clear_pointer (&caption, g_free);

  if (f->requests > 0)
    /* Translators: the share of requests that were downloads, as a percentage */
    share = g_strdup_printf (_("%.1f %%"),
                             100.0 * (double) f->classes[HUB_LOG_CLASS_DOWNLOAD] / (double) f->requests);
  else
    share = g_strdup ("—");
  gtk_label_set_label (self->downloads_value, share);
  full = hub_format_compact ((gint64) f->classes[HUB_LOG_CLASS_DOWNLOAD]);
  /* Translators: under the share of downloads: requests answered with the whole file */
  caption = g_strdup_printf (_("%s of the requests"), full);
  gtk_label_set_label (self->downloads_caption, caption);
}

static void
update_charts (HubAudienceView          *self,
               const HubAudienceFigures *figures)
{
  hub_audience_show_daily (self->daily_chart, figures->daily, self->first, self->last, TRUE);
  hub_audience_show_classes (self->classes_chart, figures->daily, self->first, self->last);
}

static void
update_countries (HubAudienceView          *self,
                  const HubAudienceFigures *audience,
                  HubLogStore              *store)
{
  static const char *names[] = { "requests", "uniques" };
  const char *titles[] = { _("Requests"), _("Uniques") };
  const HubLogFigures *figures = audience->countries;
  const guint *order = audience->country_order;
  guint64 top;

  clear_list (self->countries_list);
  if (order[0] == G_MAXUINT)
    return;
  g_set_object (&self->country_names, NULL);
  self->country_names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  hub_audience_add_header_row (self->countries_list, self->country_names, _("Country"), titles,
                  G_N_ELEMENTS (titles));
  top = figures[order[0]].requests;
  for (guint k = 0; order[k] != G_MAXUINT && k < N_COUNTRIES_SHOWN; k++)
    {
      const char *code = hub_log_store_get_country (store, order[k]);
      guint64 values[] = { figures[order[k]].requests, figures[order[k]].uniques };
      g_autofree char *id = g_strconcat ("country-", code, NULL);

      GtkWidget *row = hub_audience_ranked_row (self->country_names, hub_country_name (code), code,
                                   (double) values[0] / (double) MAX (top, 1), id,
                                   names, values, G_N_ELEMENTS (values));

      /* A country opens its regions. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "hub-country", g_strdup (code), g_free);
      gtk_list_box_append (self->countries_list, row);
    }
}

/* A repository's name without its owner, as the table shows it: the owner
 * is the source's. */
static const char *
short_name (const char *name)
{
  const char *slash = strchr (name, '/');

  return slash != NULL && slash[1] != '\0' ? slash + 1 : name;
}

/* The breakdown's downloads over the days it shares with the logs' span,
 * or -1 where it covers none of them. */
static gint64
hub_downloads (HubAudienceView *self,
               const char      *type,
               const char      *name)
{
  HubDataset *dataset = hub_source_get_dataset (self->source);
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  const HubRepo *repo;
  HubDay first, last;

  if (totals->as_of == HUB_DAY_NONE)
    return -1;
  first = MAX (self->first, totals->first_day);
  last = MIN (self->last, totals->as_of);
  if (first > last || (repo = hub_dataset_find_repo (dataset, type, name)) == NULL)
    return -1;
  return hub_repo_range_sum (repo, first, last);
}

static void
update_repos (HubAudienceView          *self,
              const HubAudienceFigures *audience,
              HubLogStore              *store)
{
  static const char *names[] = { "sessions", "uniques", "hub" };
  const char *titles[] = { _("Sessions"), _("Uniques"), _("Hub") };
  guint n = audience->n_repos;
  const HubLogFigures *figures = audience->repos;
  const guint *order = audience->repo_order;
  gboolean with_hub = FALSE;
  guint64 top = 0;

  clear_list (self->repos_list);
  for (guint k = 0; k < MIN (n, N_REPOS_SHOWN); k++)
    {
      const char *type, *name;

      hub_log_store_get_repo (store, order[k], &type, &name);
      top = MAX (top, figures[order[k]].sessions);
      with_hub = with_hub || hub_downloads (self, type, name) >= 0;
    }
  if (n == 0 || figures[order[0]].requests == 0)
    return;

  g_set_object (&self->repo_names, NULL);
  self->repo_names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  hub_audience_add_header_row (self->repos_list, self->repo_names, _("Repository"), titles, with_hub ? 3 : 2);
  for (guint k = 0; k < MIN (n, N_REPOS_SHOWN) && figures[order[k]].requests > 0; k++)
    {
      const HubLogFigures *f = &figures[order[k]];
      const char *type, *name;
      gint64 hub;
      guint64 values[3];
      g_autofree char *id = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row;

      hub_log_store_get_repo (store, order[k], &type, &name);
      hub = hub_downloads (self, type, name);
      values[0] = f->sessions;
      values[1] = f->uniques;
      values[2] = (guint64) MAX (hub, 0);
      id = g_strdup_printf ("repo-%s/%s", type, name);
      if (hub >= 0)
        {
          g_autofree char *s = hub_format_count ((gint64) f->sessions);
          g_autofree char *h = hub_format_count (hub);

          /* Translators: a repository's sessions in the logs beside the Hub's count of the same days */
          tooltip = g_strdup_printf (_("%s: %s sessions in the logs, %s downloads counted by the Hub"),
                                     name, s, h);
        }
      row = hub_audience_ranked_row (self->repo_names, short_name (name), tooltip ? tooltip : name,
                                     (double) f->sessions / (double) MAX (top, 1), id,
                                     names, values, with_hub ? 3 : 2);
      /* A repository opens its page. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "hub-repo-type", g_strdup (type), g_free);
      g_object_set_data_full (G_OBJECT (row), "hub-repo-name", g_strdup (name), g_free);
      gtk_list_box_append (self->repos_list, row);
    }
}

static void
update_span_label (HubAudienceView *self)
{
  g_autofree char *first = hub_format_date (self->first, HUB_DATE_FULL);
  g_autofree char *last = hub_format_date (self->last, HUB_DATE_FULL);
  guint n_days = (guint) (self->last - self->first + 1);
  g_autofree char *days = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
  g_autofree char *text = NULL;

  if (hub_source_get_team_excluded (self->source))
    /* Translators: the span of the audience figures: first day, last day, days */
    text = g_strdup_printf (_("%s – %s · %s · team traffic left out"), first, last, days);
  else
    text = g_strdup_printf (_("%s – %s · %s"), first, last, days);
  gtk_label_set_label (self->span_label, text);
}

/* The first country of the list (after its header), or NULL. */
static GtkWidget *
first_country_row (HubAudienceView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->countries_list, 1);

  return row != NULL && g_object_get_data (G_OBJECT (row), "hub-country") ? GTK_WIDGET (row) : NULL;
}

static gboolean
find_country (HubLogStore *store,
              const char  *code,
              guint       *index)
{
  for (guint c = 0; c < hub_log_store_get_n_countries (store); c++)
    if (g_str_equal (hub_log_store_get_country (store, c), code))
      {
        *index = c;
        return TRUE;
      }
  return FALSE;
}

/* The regions of the country chosen in the list (at first, the one with
 * the most requests). */
static void
update_regions (HubAudienceView          *self,
                const HubAudienceFigures *audience,
                HubLogStore              *store)
{
  static const char *names[] = { "requests", "sessions" };
  const char *titles[] = { _("Requests"), _("Sessions") };
  g_autoptr(GPtrArray) regions = NULL;
  g_autofree char *title = NULL;
  guint country;
  guint64 top;

  clear_list (self->regions_list);
  if (self->region_country == NULL || !find_country (store, self->region_country, &country))
    {
      GtkWidget *first = first_country_row (self);

      g_clear_pointer (&self->region_country, g_free);
      if (first == NULL)
        {
          gtk_widget_set_visible (self->regions_card, FALSE);
          return;
        }
      self->region_country = g_strdup (g_object_get_data (G_OBJECT (first), "hub-country"));
      if (!find_country (store, self->region_country, &country))
        return;
    }

  /* Translators: the title of the regions card; %s is a country's name */
  title = g_strdup_printf (_("Regions of %s"), hub_country_name (self->region_country));
  gtk_label_set_label (self->regions_title, title);
  gtk_widget_set_visible (self->regions_card, TRUE);

  /* The first country's are ready; another's, chosen, are few. */
  if (audience != NULL && g_strcmp0 (audience->region_country, self->region_country) == 0)
    regions = g_ptr_array_ref (audience->regions);
  else
    regions = hub_log_store_regions (store, self->first, self->last, country);
  if (regions->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("The logs name no regions in this country."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_name (none, "audience-no-regions");
      gtk_list_box_append (self->regions_list, none);
      return;
    }
  g_set_object (&self->region_names, NULL);
  self->region_names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  hub_audience_add_header_row (self->regions_list, self->region_names, _("Region"), titles,
                  G_N_ELEMENTS (titles));
  top = ((HubLogRegion *) g_ptr_array_index (regions, 0))->requests;
  for (guint i = 0; i < regions->len && i < N_REGIONS_SHOWN; i++)
    {
      const HubLogRegion *region = g_ptr_array_index (regions, i);
      guint64 values[] = { region->requests, region->sessions };
      g_autofree char *id = g_strconcat ("region-", region->region, NULL);

      gtk_list_box_append (self->regions_list,
                           hub_audience_ranked_row (self->region_names, region->region, region->region,
                                       (double) region->requests / (double) MAX (top, 1), id,
                                       names, values, G_N_ELEMENTS (values)));
    }
}

static void
on_country_activated (GtkListBox      *list,
                      GtkListBoxRow   *row,
                      HubAudienceView *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "hub-country");
  HubLogStore *store = self->source ? hub_source_get_logs (self->source) : NULL;

  if (code == NULL || store == NULL)
    return;
  g_free (self->region_country);
  self->region_country = g_strdup (code);
  update_regions (self, self->figures, store);
}

static void
on_repo_activated (GtkListBox      *list,
                   GtkListBoxRow   *row,
                   HubAudienceView *self)
{
  const char *type = g_object_get_data (G_OBJECT (row), "hub-repo-type");
  const char *name = g_object_get_data (G_OBJECT (row), "hub-repo-name");

  if (type != NULL && name != NULL)
    g_signal_emit (self, signals[SIGNAL_REPO_ACTIVATED], 0, type, name);
}

/* The lists below the first screen (regions, repositories), each in a
 * frame of its own after the one that shows the new figures: that frame
 * lays out and paints only what it shows. */
static gboolean
fill_later (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  HubAudienceView *self = HUB_AUDIENCE_VIEW (widget);
  HubLogStore *store = hub_source_get_logs (self->source);

  /* The first tick is the frame that shows the new figures. */
  switch (self->fill_step++)
    {
    case 0:
      return G_SOURCE_CONTINUE;
    case 1:
      update_regions (self, self->figures, store);
      return G_SOURCE_CONTINUE;
    default:
      update_repos (self, self->figures, store);
      self->fill_tick = 0;
      return G_SOURCE_REMOVE;
    }
}

static void
stop_filling (HubAudienceView *self)
{
  if (self->fill_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick);
  self->fill_tick = 0;
}

static void
update (HubAudienceView *self)
{
  HubLogStore *store = self->source ? hub_source_get_logs (self->source) : NULL;

  stop_filling (self);
  if (store == NULL || self->figures == NULL || self->first == HUB_DAY_NONE)
    {
      hub_chart_set_layers (self->daily_chart, HUB_DAY_NONE, HUB_DAY_NONE, NULL, 0, NULL, NULL);
      hub_chart_set_layers (self->classes_chart, HUB_DAY_NONE, HUB_DAY_NONE, NULL, 0, NULL, NULL);
      clear_list (self->countries_list);
      clear_list (self->repos_list);
      clear_list (self->regions_list);
      /* A range the logs have no day of: nothing counted, and said so,
       * rather than the figures of the range before. */
      if (store != NULL && self->figures != NULL)
        {
          update_cards (self, self->figures);
          gtk_label_set_label (self->span_label, _("The request logs have no day in the range shown"));
        }
    }
  else
    {
      update_span_label (self);
      update_cards (self, self->figures);
      update_charts (self, self->figures);
      update_countries (self, self->figures, store);
      hub_audience_view_update_team (self, store);
      /* From the view's next frame, or from its first once it is shown. */
      self->fill_step = 0;
      self->fill_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_later, NULL, NULL);
    }
  g_signal_emit (self, signals[SIGNAL_SPAN_CHANGED], 0);
}

/* Signals, emitted also by hub-audience-view-team.c */

void
hub_audience_view_emit_message (HubAudienceView *self,
                                const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

void
hub_audience_view_emit_team_changed (HubAudienceView *self,
                                     gboolean         exclude)
{
  g_signal_emit (self, signals[SIGNAL_TEAM_CHANGED], 0, exclude);
}

/* Exports */

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HubAudienceView *self = HUB_AUDIENCE_VIEW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (user_data);
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (hub_audience_view_export_finish (self, result, &error))
    /* Translators: a toast after an export; %s is the file's name */
    message = g_strdup_printf (_("Exported %s"), name);
  else
    message = g_strdup (error->message);
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
  g_object_unref (user_data);
}

typedef struct
{
  HubAudienceView  *self;
  HubAudienceTable  table;
} SaveData;

static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(HubAudienceView) self = data->self;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  HubAudienceTable table = data->table;

  g_free (data);
  if (file == NULL || self->source == NULL)
    return;
  g_clear_object (&self->export_folder);
  self->export_folder = g_file_get_parent (file);
  hub_audience_view_export_async (self, table, file, NULL, on_exported, g_object_ref (file));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  HubAudienceView *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  HubAudienceTable table = table_for_name (g_variant_get_string (parameter, NULL));
  g_autofree char *name = NULL;
  SaveData *data;

  if (self->source == NULL || hub_source_get_logs (self->source) == NULL)
    return;
  name = hub_audience_suggested_name (hub_source_get_export_name (self->source), table, self->last);
  gtk_file_dialog_set_title (dialog, _("Export Audience Table"));
  gtk_file_dialog_set_initial_name (dialog, name);
  if (self->export_folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, self->export_folder);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->table = table;
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        on_save_chosen, data);
}

/* GObject */

static void
hub_audience_view_dispose (GObject *object)
{
  HubAudienceView *self = HUB_AUDIENCE_VIEW (object);

  stop_filling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_AUDIENCE_VIEW);
  self->figures = NULL;
  g_clear_object (&self->source);
  g_clear_object (&self->actions);
  g_clear_object (&self->export_folder);
  g_clear_object (&self->country_names);
  g_clear_object (&self->repo_names);
  g_clear_object (&self->region_names);
  g_clear_pointer (&self->region_country, g_free);

  G_OBJECT_CLASS (hub_audience_view_parent_class)->dispose (object);
}

static void
hub_audience_view_class_init (HubAudienceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_audience_view_dispose;

  /* A message for the window's toast: an export done or failed. */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The user asked to leave team traffic out (TRUE) or in: the raw logs
   * must be read again. */
  signals[SIGNAL_TEAM_CHANGED] =
    g_signal_new ("team-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /* A repository's row was activated: its type and name, for its page. */
  signals[SIGNAL_REPO_ACTIVATED] =
    g_signal_new ("repo-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* The view shows other days, or another source: for the pages that
   * follow its days. */
  signals[SIGNAL_SPAN_CHANGED] =
    g_signal_new ("span-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HUB_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/hub-audience-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, content);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, span_label);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, team_switch);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, team_label);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, identities_list);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, uniques_value);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, uniques_caption);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, sessions_value);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, sessions_caption);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, requests_value);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, requests_caption);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, downloads_value);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, downloads_caption);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, daily_chart);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, classes_chart);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, countries_list);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, repos_list);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, regions_card);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, regions_title);
  gtk_widget_class_bind_template_child (widget_class, HubAudienceView, regions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_country_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_repo_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "audienceview");
}

static const GActionEntry actions[] = {
  { "export", export_activated, "s" },
  { "exclude-team", NULL, NULL, "false", hub_audience_view_exclude_team_changed },
};

static void
hub_audience_view_init (HubAudienceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->first = HUB_DAY_NONE;
  self->last = HUB_DAY_NONE;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), actions, G_N_ELEMENTS (actions),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "audience", G_ACTION_GROUP (self->actions));
}

GtkWidget *
hub_audience_view_new (void)
{
  return g_object_new (HUB_TYPE_AUDIENCE_VIEW, NULL);
}

/* Shows the logs of source (or nothing, when it has none) over the
 * window's span (hub_source_get_audience_span). */
void
hub_audience_view_set_source (HubAudienceView *self,
                              HubSource       *source,
                              const HubSpan   *span)
{
  g_return_if_fail (HUB_IS_AUDIENCE_VIEW (self));
  g_return_if_fail (source == NULL || HUB_IS_SOURCE (source));

  /* Another source's country is no choice of this one's. */
  if (source == NULL || self->source == NULL ||
      g_strcmp0 (hub_source_get_id (source), hub_source_get_id (self->source)) != 0)
    g_clear_pointer (&self->region_country, g_free);
  g_set_object (&self->source, source);
  /* All Time and the last 30 days were computed in the thread that read
   * the logs: this only shows them. */
  self->figures = source ? hub_source_get_audience_span (source, span) : NULL;
  self->first = self->figures ? self->figures->first : HUB_DAY_NONE;
  self->last = self->figures ? self->figures->last : HUB_DAY_NONE;
  update (self);
}

/* The days the figures cover, or HUB_DAY_NONE twice. */
void
hub_audience_view_get_span (HubAudienceView *self,
                            HubDay          *first,
                            HubDay          *last)
{
  g_return_if_fail (HUB_IS_AUDIENCE_VIEW (self));

  *first = self->first;
  *last = self->last;
}

static void
on_contents_replaced (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (G_FILE (object));

      g_task_return_new_error (task, error->domain, error->code,
                               /* Translators: the first %s is a file, the second why */
                               _("Could not export to %s: %s"), name, error->message);
      g_error_free (error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Writes a table, as shown, to destination: to a temporary file renamed
 * once complete, so that a failed export leaves nothing behind. */
void
hub_audience_view_export_async (HubAudienceView     *self,
                                HubAudienceTable     table,
                                GFile               *destination,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (HUB_IS_AUDIENCE_VIEW (self));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_audience_view_export_async);
  if (self->source == NULL || hub_source_get_logs (self->source) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There are no request logs to export"));
      return;
    }
  csv = hub_audience_csv (hub_source_get_logs (self->source), table, self->first, self->last);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (destination, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, on_contents_replaced,
                                       g_steal_pointer (&task));
}

gboolean
hub_audience_view_export_finish (HubAudienceView  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
