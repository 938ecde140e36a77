/* hub-repo-audience.c: one repository in the request logs, on its page
 *
 * Below the repository's downloads: its unique downloaders, sessions and
 * requests over the Audience view's days, the first two a day, its request
 * classes stacked, and its countries by requests and sessions. Where the breakdown covers some of
 * those days, the Hub's counted downloads of the same days sit under the
 * sessions, so that a publisher sees how far the Hub's count is from
 * people. Every figure is the store's (hub-log.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-audience-rows.h"
#include "hub-countries.h"
#include "hub-format.h"
#include "hub-repo-audience.h"

#define N_COUNTRIES_SHOWN 8

struct _HubRepoAudience
{
  GtkWidget         parent_instance;

  GtkLabel         *title;
  GtkLabel         *uniques_value;
  GtkLabel         *uniques_caption;
  GtkLabel         *sessions_value;
  GtkLabel         *sessions_caption;
  GtkLabel         *requests_value;
  GtkLabel         *requests_caption;
  HubChart         *daily_chart;
  HubChart         *classes_chart;
  GtkListBox       *countries_list;
  GtkSizeGroup     *country_names;

  HubSource        *source;   /* of the repository shown */
  char             *type;
  char             *name;
};

G_DEFINE_FINAL_TYPE (HubRepoAudience, hub_repo_audience, GTK_TYPE_WIDGET)

static gboolean
find_repo (HubLogStore *logs,
           const char  *type,
           const char  *name,
           guint       *index)
{
  for (guint r = 0; r < hub_log_store_get_n_repos (logs); r++)
    {
      const char *t, *n;

      hub_log_store_get_repo (logs, r, &t, &n);
      if (g_str_equal (t, type) && g_str_equal (n, name))
        {
          *index = r;
          return TRUE;
        }
    }
  return FALSE;
}

static void
update_cards (HubRepoAudience *self,
              HubLogStore     *logs,
              HubDataset      *dataset,
              const char      *type,
              const char      *name,
              HubLogFilter     filter,
              HubDay           first,
              HubDay           last)
{
  HubLogFigures f;
  const HubRepo *repo = dataset ? hub_dataset_find_repo (dataset, type, name) : NULL;
  const HubTotals *totals = dataset ? hub_dataset_get_totals (dataset) : NULL;
  g_autofree char *caption = NULL;
  g_autofree char *downloads = NULL;

  hub_log_store_figures (logs, filter, first, last, &f);
  hub_audience_show_uniques (self->uniques_value, self->uniques_caption, &f);

  hub_audience_set_count (self->sessions_value, f.sessions);
  if (repo != NULL && totals->as_of != HUB_DAY_NONE &&
      MAX (first, totals->first_day) <= MIN (last, totals->as_of))
    {
      HubDay d0 = MAX (first, totals->first_day), d1 = MIN (last, totals->as_of);
      g_autofree char *hub = hub_format_count (hub_repo_range_sum (repo, d0, d1));
      HubLogFigures shared;
      g_autofree char *sessions = NULL;

      hub_log_store_figures (logs, filter, d0, d1, &shared);
      sessions = hub_format_count ((gint64) shared.sessions);
      /* Translators: under a repository's sessions: the Hub's count of the days
       * both the breakdown and the logs cover, beside the sessions of those days */
      caption = g_strdup_printf (_("Hub counted %s; logs %s"), hub, sessions);
    }
  else
    caption = g_strdup (_("Not in the breakdown on these days"));
  gtk_label_set_label (self->sessions_caption, caption);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sessions_caption), caption);
  g_clear_pointer (&caption, g_free);

  hub_audience_set_count (self->requests_value, f.requests);
  downloads = hub_format_compact ((gint64) f.classes[HUB_LOG_CLASS_DOWNLOAD]);
  caption = g_strdup_printf (_("%s of the requests"), downloads);
  gtk_label_set_label (self->requests_caption, caption);
}

static void
update_charts (HubRepoAudience *self,
               HubLogStore     *logs,
               HubLogFilter     filter,
               HubDay           first,
               HubDay           last)
{
  g_autofree HubLogFigures *daily = g_new0 (HubLogFigures, (gsize) (last - first + 1));

  hub_log_store_daily (logs, filter, first, last, daily);
  hub_audience_show_daily (self->daily_chart, daily, first, last, FALSE);
  hub_audience_show_classes (self->classes_chart, daily, first, last);
}

/* The store keeps no sketch of a repository in one country: its countries
 * show requests and sessions, which add up. */
typedef struct
{
  guint   country;
  guint64 requests;
  guint64 sessions;
} CountryFigures;

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  const CountryFigures *x = a, *y = b;

  if (x->requests != y->requests)
    return x->requests > y->requests ? -1 : 1;
  return x->country < y->country ? -1 : x->country > y->country;
}

static void
update_countries (HubRepoAudience *self,
                  HubLogStore     *logs,
                  guint            repo,
                  HubDay           first,
                  HubDay           last)
{
  static const char *names[] = { "requests", "sessions" };
  const char *titles[] = { _("Requests"), _("Sessions") };
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (CountryFigures));

  gtk_list_box_remove_all (self->countries_list);
  for (guint c = 0; c < hub_log_store_get_n_countries (logs); c++)
    {
      HubLogFigures f;
      CountryFigures cf;

      hub_log_store_figures (logs, (HubLogFilter) { (int) repo, (int) c }, first, last, &f);
      if (f.requests == 0)
        continue;
      cf = (CountryFigures) { c, f.requests, f.sessions };
      g_array_append_val (countries, cf);
    }
  g_array_sort (countries, compare_countries);
  if (countries->len == 0)
    return;

  g_set_object (&self->country_names, NULL);
  self->country_names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  hub_audience_add_header_row (self->countries_list, self->country_names, _("Country"), titles,
                               G_N_ELEMENTS (titles));
  for (guint i = 0; i < countries->len && i < N_COUNTRIES_SHOWN; i++)
    {
      const CountryFigures *cf = &g_array_index (countries, CountryFigures, i);
      const char *code = hub_log_store_get_country (logs, cf->country);
      guint64 values[] = { cf->requests, cf->sessions };
      g_autofree char *id = g_strconcat ("repo-country-", code, NULL);
      double top = (double) g_array_index (countries, CountryFigures, 0).requests;

      gtk_list_box_append (self->countries_list,
                           hub_audience_ranked_row (self->country_names, hub_country_name (code), code,
                                                    (double) cf->requests / MAX (top, 1), id,
                                                    names, values, G_N_ELEMENTS (values)));
    }
}

static void
hub_repo_audience_dispose (GObject *object)
{
  HubRepoAudience *self = HUB_REPO_AUDIENCE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_REPO_AUDIENCE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->country_names);
  g_clear_object (&self->source);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hub_repo_audience_parent_class)->dispose (object);
}

static void
hub_repo_audience_class_init (HubRepoAudienceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_repo_audience_dispose;

  g_type_ensure (HUB_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/hub-repo-audience.ui");
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, title);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, uniques_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, uniques_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, sessions_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, sessions_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, requests_value);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, requests_caption);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, daily_chart);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, classes_chart);
  gtk_widget_class_bind_template_child (widget_class, HubRepoAudience, countries_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "repoaudience");
}

static void
hub_repo_audience_init (HubRepoAudience *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hub_repo_audience_new (void)
{
  return g_object_new (HUB_TYPE_REPO_AUDIENCE, NULL);
}

/* Shows the repository (type, name) in the logs of source over days
 * first … last, with the breakdown's downloads beside them. Returns whether
 * the logs name it; the caller hides the widget when they do not. */
gboolean
hub_repo_audience_set_repo (HubRepoAudience *self,
                            HubSource       *source,
                            const char      *type,
                            const char      *name,
                            HubDay           first,
                            HubDay           last)
{
  HubLogStore *logs;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *title = NULL;
  HubLogFilter filter = HUB_LOG_FILTER_ALL;
  guint repo;

  g_return_val_if_fail (HUB_IS_REPO_AUDIENCE (self), FALSE);
  g_return_val_if_fail (HUB_IS_SOURCE (source), FALSE);

  g_set_object (&self->source, source);
  g_set_str (&self->type, type);
  g_set_str (&self->name, name);
  logs = hub_source_get_logs (source);
  if (logs == NULL || first == HUB_DAY_NONE || !find_repo (logs, type, name, &repo))
    return FALSE;

  filter.repo = (int) repo;
  from = hub_format_date (first, HUB_DATE_FULL);
  to = hub_format_date (last, HUB_DATE_FULL);
  /* Translators: the heading of a repository's audience: the first and last day */
  title = g_strdup_printf (_("In the Request Logs, %s – %s"), from, to);
  gtk_label_set_label (self->title, title);
  update_cards (self, logs, hub_source_get_dataset (source), type, name, filter, first, last);
  update_charts (self, logs, filter, first, last);
  update_countries (self, logs, repo, first, last);
  return TRUE;
}

/* The same repository over other days, when source is still the one it
 * was shown from; FALSE when there is nothing of it to show. */
gboolean
hub_repo_audience_set_span (HubRepoAudience *self,
                            HubSource       *source,
                            HubDay           first,
                            HubDay           last)
{
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HUB_IS_REPO_AUDIENCE (self), FALSE);

  if (self->source == NULL || source != self->source)
    return FALSE;
  type = g_strdup (self->type);
  name = g_strdup (self->name);
  return hub_repo_audience_set_repo (self, source, type, name, first, last);
}
