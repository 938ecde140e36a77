/* hub-public-view.c: an author's public figures, and the history kept of them
 *
 * What the Hub's listings give for every publisher, with or without a plan:
 * each repository's downloads in the last 30 days (as the Hub counts them
 * today), all-time downloads, likes, trending score and dates. The cards
 * sum them; the chart and the table's sparklines draw the daily downloads
 * estimated from the snapshots kept (hub-estimate.c), marked as estimates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-format.h"
#include "hub-public-view.h"
#include "hub-sparkline.h"
#include "hub-ui.h"

#define SPARKLINE_DAYS 30

/* One row of the table: a listing entry and its estimated history (or NULL). */
#define HUB_TYPE_PUBLIC_ROW (hub_public_row_get_type ())
G_DECLARE_FINAL_TYPE (HubPublicRow, hub_public_row, HUB, PUBLIC_ROW, GObject)

struct _HubPublicRow
{
  GObject            parent_instance;
  const HubRepoInfo *info;
  const HubRepo     *repo;
  HubDay             as_of;
};

G_DEFINE_FINAL_TYPE (HubPublicRow, hub_public_row, G_TYPE_OBJECT)

static void
hub_public_row_class_init (HubPublicRowClass *klass)
{
}

static void
hub_public_row_init (HubPublicRow *self)
{
}

typedef enum
{
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_DOWNLOADS,
  COLUMN_ALL_TIME,
  COLUMN_LIKES,
  COLUMN_TRENDING,
  COLUMN_HISTORY,
  COLUMN_CREATED,
  COLUMN_MODIFIED,
  N_COLUMNS
} Column;

struct _HubPublicView
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkFlowBox       *flow;
  GtkLabel         *downloads_title;
  GtkLabel         *downloads_value;
  GtkLabel         *downloads_caption;
  GtkLabel         *repos_value;
  GtkLabel         *repos_caption;
  GtkLabel         *likes_value;
  GtkLabel         *likes_caption;
  GtkLabel         *history_value;
  GtkLabel         *history_caption;
  GtkWidget        *chart_card;
  GtkLabel         *chart_title;
  GtkWidget        *estimate_tag;
  GtkStack         *chart_stack;
  HubTrendChart    *trend_chart;
  GtkLabel         *waiting_label;
  GtkLabel         *estimate_caption;
  GtkColumnView    *column_view;

  GListStore       *rows;
  GtkSortListModel *sorted;
  HubSource        *source;
  HubSpan           span;
  gboolean          compact;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_REPO_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubPublicView, hub_public_view, GTK_TYPE_WIDGET)

static HubDay
day_of (GDateTime *time)
{
  if (time == NULL)
    return HUB_DAY_NONE;
  return hub_day_from_ymd (g_date_time_get_year (time), g_date_time_get_month (time),
                           g_date_time_get_day_of_month (time));
}

static void
set_count (GtkLabel *label,
           gint64    value)
{
  g_autofree char *text = value < 0 ? g_strdup ("—") : hub_format_count (value);

  gtk_label_set_label (label, text);
}

static gint64
column_count (const HubRepoInfo *info,
              Column             column)
{
  switch (column)
    {
    case COLUMN_DOWNLOADS:
      return info->downloads;
    case COLUMN_ALL_TIME:
      return info->downloads_all_time;
    case COLUMN_LIKES:
      return info->likes;
    case COLUMN_TRENDING:
      return info->trending_score;
    case COLUMN_CREATED:
      return info->created_at ? g_date_time_to_unix (info->created_at) : -1;
    case COLUMN_MODIFIED:
      return info->last_modified ? g_date_time_to_unix (info->last_modified) : -1;
    case COLUMN_HISTORY:
    case COLUMN_NAME:
    case COLUMN_TYPE:
    case N_COLUMNS:
    default:
      return -1;
    }
}

static gint64
row_history (HubPublicRow *row)
{
  return row->repo ? hub_repo_last_month (row->repo, row->as_of) : -1;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  HubPublicRow *left = HUB_PUBLIC_ROW ((gpointer) a);
  HubPublicRow *right = HUB_PUBLIC_ROW ((gpointer) b);
  Column column = GPOINTER_TO_INT (user_data);
  gint64 l, r;
  int order;

  switch (column)
    {
    case COLUMN_NAME:
      return g_utf8_collate (left->info->name, right->info->name);
    case COLUMN_TYPE:
      order = g_strcmp0 (left->info->type, right->info->type);
      return order != 0 ? order : g_utf8_collate (left->info->name, right->info->name);
    case COLUMN_HISTORY:
      l = row_history (left);
      r = row_history (right);
      break;
    case COLUMN_DOWNLOADS:
    case COLUMN_ALL_TIME:
    case COLUMN_LIKES:
    case COLUMN_TRENDING:
    case COLUMN_CREATED:
    case COLUMN_MODIFIED:
    case N_COLUMNS:
    default:
      l = column_count (left->info, column);
      r = column_count (right->info, column);
      break;
    }
  if (l != r)
    return l < r ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return g_utf8_collate (left->info->name, right->info->name);
}

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "model") == 0)
    return C_("repository type", "Model");
  if (g_strcmp0 (type, "dataset") == 0)
    return C_("repository type", "Dataset");
  if (g_strcmp0 (type, "space") == 0)
    return C_("repository type", "Space");
  return type;
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME || column == COLUMN_TYPE ? 0 : 1);
  if (column == COLUMN_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  HubPublicRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  Column column = GPOINTER_TO_INT (user_data);
  g_autofree char *text = NULL;
  gint64 value;

  switch (column)
    {
    case COLUMN_NAME:
      {
        /* The author is in the header bar: the name after it is what differs. */
        const char *slash = strchr (row->info->name, '/');
        const char *short_name = slash ? slash + 1 : row->info->name;

        if (row->info->is_private)
          /* Translators: a private repository's name in the public view's table */
          text = g_strdup_printf (_("%s (private)"), short_name);
        else
          text = g_strdup (short_name);
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), row->info->name);
      }
      break;
    case COLUMN_TYPE:
      text = g_strdup (type_label (row->info->type));
      break;
    case COLUMN_CREATED:
    case COLUMN_MODIFIED:
      {
        GDateTime *time = column == COLUMN_CREATED ? row->info->created_at
                                                   : row->info->last_modified;

        text = time ? hub_format_date (day_of (time), HUB_DATE_FULL) : g_strdup ("—");
      }
      break;
    case COLUMN_DOWNLOADS:
    case COLUMN_ALL_TIME:
    case COLUMN_LIKES:
    case COLUMN_TRENDING:
    case COLUMN_HISTORY:
    case N_COLUMNS:
    default:
      value = column_count (row->info, column);
      text = value < 0 ? g_strdup ("—") : hub_format_count (value);
      break;
    }
  gtk_label_set_label (label, text);
}

static void
setup_sparkline (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *sparkline = hub_sparkline_new ();

  gtk_widget_set_size_request (sparkline, 96, -1);
  gtk_widget_add_css_class (sparkline, "estimate");
  gtk_list_item_set_child (item, sparkline);
}

static void
bind_sparkline (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  HubPublicRow *row = gtk_list_item_get_item (item);
  HubSparkline *sparkline = HUB_SPARKLINE (gtk_list_item_get_child (item));

  if (row->repo != NULL)
    hub_sparkline_set_repo (sparkline, row->repo, row->as_of, SPARKLINE_DAYS);
  else
    hub_sparkline_clear (sparkline);
}

static void
add_column (HubPublicView *self,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  gboolean is_history = column == COLUMN_HISTORY;

  g_signal_connect (factory, "setup",
                    is_history ? G_CALLBACK (setup_sparkline) : G_CALLBACK (setup_label),
                    GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind",
                    is_history ? G_CALLBACK (bind_sparkline) : G_CALLBACK (bind_label),
                    GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  self->columns[column] = view_column;
}

/* From the second snapshot on, the source's days are estimates
 * (hub-estimate.c) that the chart draws and a range sums. */
static gboolean
shows_estimates (HubPublicView *self)
{
  HubDataset *dataset = hub_source_get_dataset (self->source);

  return hub_source_get_n_snapshots (self->source) >= 2 &&
         hub_dataset_get_totals (dataset)->as_of != HUB_DAY_NONE;
}

static void
update_cards (HubPublicView *self)
{
  g_autoptr(GPtrArray) infos = hub_source_list_repo_infos (self->source);
  gint64 downloads = 0, all_time = 0, likes = 0;
  guint models = 0, datasets = 0, spaces = 0, private = 0;
  guint n_snapshots = hub_source_get_n_snapshots (self->source);
  HubDataset *dataset = hub_source_get_dataset (self->source);
  const HubTotals *totals = hub_dataset_get_totals (dataset);
  g_autofree char *repos = NULL;
  g_autofree char *likes_text = NULL;
  g_autofree char *history = NULL;
  g_autofree char *since = NULL;
  g_autofree char *history_caption = NULL;

  for (guint i = 0; i < infos->len; i++)
    {
      const HubRepoInfo *info = g_ptr_array_index (infos, i);

      downloads += MAX (info->downloads, 0);
      all_time += MAX (info->downloads_all_time, 0);
      likes += MAX (info->likes, 0);
      models += g_strcmp0 (info->type, "model") == 0;
      datasets += g_strcmp0 (info->type, "dataset") == 0;
      spaces += g_strcmp0 (info->type, "space") == 0;
      private += info->is_private;
    }

  /* The Hub's listings count all time and the last 30 days. Any other
   * range is the sum of the days estimated from the snapshots, once there
   * are two; before that, the Hub's 30 days stand for every range. */
  if (self->span.preset != HUB_RANGE_ALL && shows_estimates (self) &&
      !hub_range_equal (self->span.range, hub_range_last_month (totals->as_of)))
    {
      HubSpanTotals sums = { 0 };
      g_autofree char *range = hub_format_range (self->span.range);
      g_autofree char *title = NULL;
      g_autofree char *caption = NULL;

      hub_dataset_span_totals (dataset, &self->span, &sums);
      /* Translators: the public view's downloads card over a range; %s is the range's days */
      title = g_strdup_printf (_("Downloads, %s"), range);
      gtk_label_set_label (self->downloads_title, title);
      set_count (self->downloads_value, sums.downloads);
      if (self->span.range.first < totals->first_day)
        {
          g_autofree char *first = hub_format_date (totals->first_day, HUB_DATE_FULL);

          /* Translators: under the estimated downloads; %s is the first estimated day */
          caption = g_strdup_printf (_("Estimated, for the days since %s"), first);
        }
      else
        caption = g_strdup (_("Estimated from the daily snapshots"));
      gtk_label_set_label (self->downloads_caption, caption);
    }
  else if (self->span.preset != HUB_RANGE_ALL)
    {
      gtk_label_set_label (self->downloads_title, _("Downloads, Last 30 Days"));
      set_count (self->downloads_value, downloads);
      gtk_label_set_label (self->downloads_caption, _("As the Hub counts them today"));
    }
  else
    {
      gtk_label_set_label (self->downloads_title, _("Downloads, All Time"));
      set_count (self->downloads_value, all_time);
      gtk_label_set_label (self->downloads_caption, _("Models and datasets"));
    }

  set_count (self->repos_value, infos->len);
  {
    g_autofree char *n_models = g_strdup_printf (ngettext ("%u model", "%u models", models), models);
    g_autofree char *n_datasets = g_strdup_printf (ngettext ("%u dataset", "%u datasets", datasets),
                                                   datasets);
    g_autofree char *n_spaces = g_strdup_printf (ngettext ("%u space", "%u spaces", spaces), spaces);

    /* Translators: the caption of the repositories card: models, datasets and spaces */
    repos = g_strdup_printf (_("%s · %s · %s"), n_models, n_datasets, n_spaces);
  }
  gtk_label_set_label (self->repos_caption, repos);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->repos_caption), repos);

  set_count (self->likes_value, likes);
  if (private > 0)
    likes_text = g_strdup_printf (ngettext ("%u private repository", "%u private repositories",
                                            private), private);
  else
    likes_text = g_strdup (_("Public repositories only"));
  gtk_label_set_label (self->likes_caption, likes_text);

  history = g_strdup_printf (ngettext ("%u day", "%u days", n_snapshots), n_snapshots);
  gtk_label_set_label (self->history_value, history);
  if (n_snapshots >= 2 && totals->first_day != HUB_DAY_NONE)
    {
      since = hub_format_date (totals->first_day - 1, HUB_DATE_FULL);
      /* Translators: the history card's caption; %s is the first snapshot's date */
      history_caption = g_strdup_printf (_("Snapshots since %s"), since);
    }
  else
    history_caption = g_strdup (_("Estimates from the second day"));
  gtk_label_set_label (self->history_caption, history_caption);
}

static void
update_chart (HubPublicView *self)
{
  HubDataset *dataset = hub_source_get_dataset (self->source);
  guint n_snapshots = hub_source_get_n_snapshots (self->source);
  g_autofree char *caption = NULL;
  gboolean estimated = shows_estimates (self);

  gtk_widget_set_visible (self->estimate_tag, estimated);
  hub_ui_set_css_class (self->chart_card, "estimate", estimated);
  if (estimated)
    {
      g_autofree char *title = NULL;

      hub_trend_chart_set_dataset (self->trend_chart, dataset, &self->span);
      /* Translators: the title of the public view's chart; %s is the trend chart's own title */
      title = g_strdup_printf (_("%s (estimated)"), hub_trend_chart_get_title (self->trend_chart));
      gtk_label_set_label (self->chart_title, title);
      gtk_stack_set_visible_child_name (self->chart_stack, "chart");
      caption = g_strdup_printf (ngettext ("Estimated from the change in all-time downloads "
                                           "between %u daily snapshot kept on this computer. "
                                           "The Hub keeps no daily history.",
                                           "Estimated from the change in all-time downloads "
                                           "between %u daily snapshots kept on this computer. "
                                           "The Hub keeps no daily history.",
                                           n_snapshots), n_snapshots);
    }
  else
    {
      hub_trend_chart_set_dataset (self->trend_chart, NULL, &self->span);
      gtk_label_set_label (self->chart_title, _("Daily downloads"));
      gtk_stack_set_visible_child_name (self->chart_stack, "waiting");
      gtk_label_set_label (self->waiting_label,
                           _("Today’s snapshot is saved. The Hub keeps no daily history: from "
                             "tomorrow’s snapshot on, daily downloads are estimated from the "
                             "change in all-time downloads."));
      caption = g_strdup (_("Keep history while you are logged in (Preferences) to take a "
                            "snapshot every day."));
    }
  gtk_label_set_label (self->estimate_caption, caption);
}

static void
fill_rows (HubPublicView *self)
{
  g_autoptr(GPtrArray) infos = hub_source_list_repo_infos (self->source);
  HubDataset *dataset = hub_source_get_dataset (self->source);
  HubDay as_of = hub_dataset_get_as_of (dataset);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < infos->len; i++)
    {
      HubPublicRow *row = g_object_new (HUB_TYPE_PUBLIC_ROW, NULL);

      row->info = g_ptr_array_index (infos, i);
      row->repo = hub_dataset_find_repo (dataset, row->info->type, row->info->name);
      row->as_of = as_of;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/* A row with estimated history opens it in the detail, as the breakdown's
 * table does. */
static void
on_activate (GtkColumnView *view,
             guint          position,
             HubPublicView *self)
{
  g_autoptr(HubPublicRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  HubDataset *dataset;

  if (row == NULL || row->repo == NULL)
    return;
  dataset = hub_source_get_dataset (self->source);
  for (guint i = 0; i < hub_dataset_get_n_repos (dataset); i++)
    if (hub_dataset_get_repo (dataset, i) == row->repo)
      {
        g_signal_emit (self, signals[SIGNAL_REPO_ACTIVATED], 0, i);
        return;
      }
}

static void
hub_public_view_dispose (GObject *object)
{
  HubPublicView *self = HUB_PUBLIC_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_PUBLIC_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (hub_public_view_parent_class)->dispose (object);
}

static void
hub_public_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubPublicView *self = HUB_PUBLIC_VIEW (object);

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
hub_public_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HubPublicView *self = HUB_PUBLIC_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      hub_public_view_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_public_view_class_init (HubPublicViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_public_view_dispose;
  object_class->get_property = hub_public_view_get_property;
  object_class->set_property = hub_public_view_set_property;

  /* On a phone's width: no chart, and tighter cards. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A repository with estimated history was activated: its index in the
   * source's dataset. */
  signals[SIGNAL_REPO_ACTIVATED] =
    g_signal_new ("repo-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (HUB_TYPE_TREND_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/hub-public-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, box);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, flow);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, downloads_title);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, downloads_value);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, downloads_caption);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, repos_value);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, repos_caption);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, likes_value);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, likes_caption);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, history_value);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, history_caption);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, chart_card);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, chart_title);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, estimate_tag);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, estimate_caption);
  gtk_widget_class_bind_template_child (widget_class, HubPublicView, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "publicview");
}

static void
hub_public_view_init (HubPublicView *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->span = HUB_SPAN_ALL_TIME;

  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  add_column (self, COLUMN_TYPE, _("Type"), FALSE);
  add_column (self, COLUMN_DOWNLOADS, _("Last 30 Days"), FALSE);
  add_column (self, COLUMN_ALL_TIME, _("All Time"), FALSE);
  add_column (self, COLUMN_HISTORY, _("Estimated Daily"), FALSE);
  add_column (self, COLUMN_LIKES, _("Likes"), FALSE);
  add_column (self, COLUMN_TRENDING, _("Trending"), FALSE);
  add_column (self, COLUMN_CREATED, _("Created"), FALSE);
  add_column (self, COLUMN_MODIFIED, _("Modified"), FALSE);

  self->rows = g_list_store_new (HUB_TYPE_PUBLIC_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted))));
  gtk_column_view_set_model (self->column_view, selection);
  gtk_column_view_set_single_click_activate (self->column_view, FALSE);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_DOWNLOADS],
                                  GTK_SORT_DESCENDING);
}

GtkWidget *
hub_public_view_new (void)
{
  return g_object_new (HUB_TYPE_PUBLIC_VIEW, NULL);
}

/* Shows an author's source (HUB_SOURCE_KIND_AUTHOR) over span. */
void
hub_public_view_set_source (HubPublicView *self,
                            HubSource     *source,
                            const HubSpan *span)
{
  g_return_if_fail (HUB_IS_PUBLIC_VIEW (self));
  g_return_if_fail (source == NULL || HUB_IS_SOURCE (source));

  self->span = *span;
  if (source == NULL)
    {
      g_list_store_remove_all (self->rows);
      g_clear_object (&self->source);
      return;
    }
  if (self->source != source)
    {
      g_list_store_remove_all (self->rows);
      g_set_object (&self->source, source);
      fill_rows (self);
    }
  update_cards (self);
  update_chart (self);
}

gboolean
hub_public_view_get_compact (HubPublicView *self)
{
  g_return_val_if_fail (HUB_IS_PUBLIC_VIEW (self), FALSE);
  return self->compact;
}

void
hub_public_view_set_compact (HubPublicView *self,
                             gboolean       compact)
{
  g_return_if_fail (HUB_IS_PUBLIC_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->chart_card, !compact);
  /* The figures first; the rest is for wider windows. */
  gtk_column_view_column_set_visible (self->columns[COLUMN_TYPE], !compact);
  gtk_column_view_column_set_visible (self->columns[COLUMN_TRENDING], !compact);
  gtk_column_view_column_set_visible (self->columns[COLUMN_CREATED], !compact);
  gtk_column_view_column_set_visible (self->columns[COLUMN_MODIFIED], !compact);
  hub_ui_set_css_class (GTK_WIDGET (self), "compact", compact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* The table's rows as shown (sorted): HubPublicRow items, for the tests. */
GListModel *
hub_public_view_get_model (HubPublicView *self)
{
  g_return_val_if_fail (HUB_IS_PUBLIC_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

const char *
hub_public_view_get_estimate_caption (HubPublicView *self)
{
  g_return_val_if_fail (HUB_IS_PUBLIC_VIEW (self), NULL);
  return gtk_label_get_label (self->estimate_caption);
}

HubTrendChart *
hub_public_view_get_chart (HubPublicView *self)
{
  g_return_val_if_fail (HUB_IS_PUBLIC_VIEW (self), NULL);
  return self->trend_chart;
}
