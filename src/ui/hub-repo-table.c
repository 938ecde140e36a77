/* hub-repo-table.c: the searchable, sortable table of repositories
 *
 * The models, bottom up: HubRepoRows, every HubRepoRow in an array; a
 * GtkSortListModel with the column view's own sorter; a GtkFilterListModel
 * for the search and the type (told MORE_STRICT or LESS_STRICT as the text
 * grows or shrinks, so that only the rows shown, or only those hidden, are
 * tested again, against names folded once); and a GtkSingleSelection. The
 * filter sits above the sort, so the order is kept while the search changes
 * and typing never re-sorts. The column view recycles its rows of widgets:
 * a cell's setup makes its widget once, bind only sets the row's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-format.h"
#include "hub-repo-row.h"
#include "hub-repo-table.h"
#include "hub-sparkline.h"

/* Every type, in the type filter. */
#define KIND_ALL (-1)

#define HUB_TYPE_REPO_ROWS (hub_repo_rows_get_type ())
G_DECLARE_FINAL_TYPE (HubRepoRows, hub_repo_rows, HUB, REPO_ROWS, GObject)

struct _HubRepoTable
{
  GtkWidget            parent_instance;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *type_dropdown;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *period_column;
  GtkColumnViewColumn *all_time_column;
  GtkColumnViewColumn *sparkline_column;
  GtkColumnViewColumn *change_column;
  GtkColumnViewColumn *likes_column;
  GtkNumericSorter    *period_sorter;
  GtkNumericSorter    *likes_sorter;
  GtkLabel            *count_label;

  HubDataset          *dataset;
  HubPeriod            period;
  gboolean             compact;
  gboolean             has_infos;    /* likes and privacy from the Hub's listings */
  HubRepoRows         *store;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  GHashTable          *bound;        /* GtkListItem: the cells showing a row now */
  GtkCustomFilter     *filter;
  char                *query;        /* casefolded; "" for none */
  int                  kind_filter;  /* a HubRepoKind, or KIND_ALL */
  GArray              *type_kinds;   /* int: the kind of each type_dropdown entry */
};

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_COMPACT,
  N_PROPS
};

enum {
  REPO_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HubRepoTable, hub_repo_table, GTK_TYPE_WIDGET)

/* HubRepoRows: every row, in the dataset's order, in an array. The sort model
 * reads its items in sorted order, that is at random: a GListStore (a
 * GSequence, a tree) costs a walk down the tree for each. */
struct _HubRepoRows
{
  GObject    parent_instance;

  GPtrArray *rows;  /* HubRepoRow */
};

static void hub_repo_rows_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HubRepoRows, hub_repo_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hub_repo_rows_model_init))

static GType
hub_repo_rows_get_item_type (GListModel *model)
{
  return HUB_TYPE_REPO_ROW;
}

static guint
hub_repo_rows_get_n_items (GListModel *model)
{
  return HUB_REPO_ROWS (model)->rows->len;
}

static gpointer
hub_repo_rows_get_item (GListModel *model,
                        guint       position)
{
  GPtrArray *rows = HUB_REPO_ROWS (model)->rows;

  return position < rows->len ? g_object_ref (g_ptr_array_index (rows, position)) : NULL;
}

static void
hub_repo_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hub_repo_rows_get_item_type;
  iface->get_n_items = hub_repo_rows_get_n_items;
  iface->get_item = hub_repo_rows_get_item;
}

static void
hub_repo_rows_finalize (GObject *object)
{
  g_ptr_array_unref (HUB_REPO_ROWS (object)->rows);

  G_OBJECT_CLASS (hub_repo_rows_parent_class)->finalize (object);
}

static void
hub_repo_rows_class_init (HubRepoRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_repo_rows_finalize;
}

static void
hub_repo_rows_init (HubRepoRows *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Takes rows (HubRepoRow, owned) in place of all: one items-changed. */
static void
hub_repo_rows_replace (HubRepoRows *self,
                       GPtrArray   *rows)
{
  guint removed = self->rows->len;

  g_ptr_array_unref (self->rows);
  self->rows = rows;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, rows->len);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  HubRepoTable *self = user_data;
  HubRepoRow *row = item;

  if (self->kind_filter != KIND_ALL && (int) hub_repo_row_get_kind (row) != self->kind_filter)
    return FALSE;
  return self->query[0] == '\0' || strstr (hub_repo_row_get_folded_name (row), self->query) != NULL;
}

static void
update_count (HubRepoTable *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *shown_text = hub_format_count (shown);
  g_autofree char *total_text = hub_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: "12 of 150 repositories": the rows shown and all rows */
  text = g_strdup_printf (ngettext ("%s of %s repository", "%s of %s repositories", total),
                          shown_text, total_text);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, shown == 0 && total > 0 ? "empty" : "table");
}

static void
on_filter_items_changed (GListModel   *model,
                         guint         position,
                         guint         removed,
                         guint         added,
                         HubRepoTable *self)
{
  update_count (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   HubRepoTable   *self)
{
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  GtkFilterChange change;

  if (g_str_equal (query, self->query))
    return;
  if (strstr (query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->query, query) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_stop_search (GtkSearchEntry *entry,
                HubRepoTable   *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_type_selected (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  HubRepoTable *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  int kind = KIND_ALL;

  if (self->type_kinds != NULL && selected < self->type_kinds->len)
    kind = g_array_index (self->type_kinds, int, selected);
  if (kind == self->kind_filter)
    return;
  self->kind_filter = kind;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             HubRepoTable  *self)
{
  g_autoptr(HubRepoRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (row == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[REPO_ACTIVATED], 0, hub_repo_row_get_index (row));
}

static const char *kind_label (HubRepoKind kind);

/* What a column's cell does when it shows another row: only set data. */
typedef void (* UpdateCell) (HubRepoTable *self,
                             GtkListItem  *item,
                             HubRepoRow   *row);

static void
update_cell (HubRepoTable *self,
             GtkListItem  *item)
{
  UpdateCell update = g_object_get_data (G_OBJECT (item), "hub-update");

  update (self, item, gtk_list_item_get_item (item));
}

/* In each column's setup: the cell's update. */
static void
setup_cell (HubRepoTable *self,
            GtkListItem  *item,
            GtkWidget    *child,
            UpdateCell    update)
{
  g_object_set_data (G_OBJECT (item), "hub-update", update);
  gtk_list_item_set_child (item, child);
}

/* Every column's bind and unbind: the cells bound are those a change of
 * period or number form shows anew. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HubRepoTable             *self)
{
  g_hash_table_add (self->bound, item);
  update_cell (self, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HubRepoTable             *self)
{
  g_hash_table_remove (self->bound, item);
}

/* Every cell bound shows its row anew (the period or the number form changed). */
static void
refresh_cells (HubRepoTable *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_cell (self, item);
}

/* Cell tooltips are made when asked for: gtk_widget_set_tooltip_text() in
 * every bind would query the pointer each time (a round trip to the display
 * server on X11), and a search rebinds every visible row. */
static gboolean
on_cell_query_tooltip (GtkWidget   *widget,
                       int          x,
                       int          y,
                       gboolean     keyboard_mode,
                       GtkTooltip  *tooltip,
                       GtkListItem *item)
{
  HubRepoRow *row = gtk_list_item_get_item (item);
  HubRepoColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "hub-column"));
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;

  switch (column)
    {
    case HUB_REPO_COLUMN_TYPE:
      {
        const HubRepo *repo = hub_repo_row_get_repo (row);
        const char *label = kind_label (repo->kind);

        text = g_strdup (label ? label : repo->type);
      }
      break;
    case HUB_REPO_COLUMN_NAME:
      text = g_strdup (hub_repo_row_get_name (row));
      break;
    case HUB_REPO_COLUMN_PERIOD:
    case HUB_REPO_COLUMN_ALL_TIME:
      {
        gint64 value = column == HUB_REPO_COLUMN_PERIOD ? hub_repo_row_get_period_downloads (row)
                                                        : hub_repo_row_get_all_time (row);
        g_autofree char *exact = hub_format_count (value);

        text = g_strdup_printf (ngettext ("%s download", "%s downloads",
                                          (gulong) MIN (value, G_MAXLONG)),
                                exact);
      }
      break;
    case HUB_REPO_COLUMN_CHANGE:
      {
        g_autofree char *last = hub_format_count (hub_repo_row_get_last_month (row));
        g_autofree char *previous = hub_format_count (hub_repo_row_get_previous_month (row));

        text = g_strdup_printf (_("Last 30 days: %s\nPrevious 30 days: %s"), last, previous);
      }
      break;
    case HUB_REPO_COLUMN_LIKES:
      {
        gint64 likes = hub_repo_row_get_likes (row);
        g_autofree char *count = hub_format_count (MAX (likes, 0));

        if (likes < 0)
          text = g_strdup (_("Not in the Hub’s listings"));
        else if (hub_repo_row_get_is_private (row))
          /* Translators: %s is a number of likes */
          text = g_strdup_printf (ngettext ("Private, %s like", "Private, %s likes",
                                            (gulong) MIN (likes, G_MAXLONG)), count);
        else
          text = g_strdup_printf (ngettext ("%s like", "%s likes",
                                            (gulong) MIN (likes, G_MAXLONG)), count);
      }
      break;
    case HUB_REPO_COLUMN_SPARKLINE:
    default:
      return FALSE;
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_cell_tooltip (GtkWidget     *widget,
                  GtkListItem   *item,
                  HubRepoColumn  column)
{
  g_object_set_data (G_OBJECT (widget), "hub-column", GINT_TO_POINTER (column));
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), item);
}

static const char *
kind_icon_name (HubRepoKind kind)
{
  switch (kind)
    {
    case HUB_REPO_KIND_MODEL:
      return "applications-science-symbolic";
    case HUB_REPO_KIND_DATASET:
      return "x-office-spreadsheet-symbolic";
    case HUB_REPO_KIND_SPACE:
      return "web-browser-symbolic";
    case HUB_REPO_KIND_OTHER:
    default:
      return "package-x-generic-symbolic";
    }
}

static const char *
kind_label (HubRepoKind kind)
{
  switch (kind)
    {
    case HUB_REPO_KIND_MODEL:
      return _("Model");
    case HUB_REPO_KIND_DATASET:
      return _("Dataset");
    case HUB_REPO_KIND_SPACE:
      return _("Space");
    case HUB_REPO_KIND_OTHER:
    default:
      return NULL;
    }
}

static void update_type (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_name (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_period (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_all_time (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_sparkline (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_change (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);
static void update_likes (HubRepoTable *self, GtkListItem *item, HubRepoRow *row);

static void
setup_type (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HubRepoTable             *self)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (image, "dim-label");
  set_cell_tooltip (image, item, HUB_REPO_COLUMN_TYPE);
  setup_cell (self, item, image, update_type);
}

static void
update_type (HubRepoTable *self,
             GtkListItem  *item,
             HubRepoRow   *row)
{
  GtkWidget *image = gtk_list_item_get_child (item);
  const HubRepo *repo = hub_repo_row_get_repo (row);
  const char *label = kind_label (repo->kind);

  const char *icon_name = kind_icon_name (repo->kind);

  /* Other kinds are named by the Hub's own word for them. */
  if (label == NULL)
    label = repo->type;
  /* Setting the same icon again would clear and look it up anew. */
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
setup_name (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HubRepoTable             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  set_cell_tooltip (label, item, HUB_REPO_COLUMN_NAME);
  setup_cell (self, item, label, update_name);
}

static void
update_name (HubRepoTable *self,
             GtkListItem  *item,
             HubRepoRow   *row)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *name = hub_repo_row_get_name (row);

  const char *slash = strchr (name, '/');

  /* Narrow, the organisation (the same on every row, and in the header bar)
   * gives its room to the repository's own name; the tooltip has it all. */
  gtk_label_set_label (GTK_LABEL (label), self->compact && slash ? slash + 1 : name);
}

static void
setup_number_for (HubRepoTable  *self,
                  GtkListItem   *item,
                  HubRepoColumn  column,
                  UpdateCell     update)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  set_cell_tooltip (label, item, column);
  setup_cell (self, item, label, update);
}

static void
setup_period (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HubRepoTable             *self)
{
  setup_number_for (self, item, HUB_REPO_COLUMN_PERIOD, update_period);
}

static void
setup_all_time (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HubRepoTable             *self)
{
  setup_number_for (self, item, HUB_REPO_COLUMN_ALL_TIME, update_all_time);
}

static void
setup_change (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HubRepoTable             *self)
{
  setup_number_for (self, item, HUB_REPO_COLUMN_CHANGE, update_change);
}

/* The exact count, or a short form (the tooltip has the exact one). */
static void
set_count (HubRepoTable *self,
           GtkLabel     *label,
           gint64        value)
{
  g_autofree char *text = self->compact ? hub_format_compact (value) : hub_format_count (value);

  gtk_label_set_label (label, text);
}

static void
update_period (HubRepoTable *self,
               GtkListItem  *item,
               HubRepoRow   *row)
{
  set_count (self, GTK_LABEL (gtk_list_item_get_child (item)),
             hub_repo_row_get_period_downloads (row));
}

static void
update_all_time (HubRepoTable *self,
                 GtkListItem  *item,
                 HubRepoRow   *row)
{
  set_count (self, GTK_LABEL (gtk_list_item_get_child (item)), hub_repo_row_get_all_time (row));
}

static void
setup_sparkline (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 HubRepoTable             *self)
{
  setup_cell (self, item, hub_sparkline_new (), update_sparkline);
}

static void
update_sparkline (HubRepoTable *self,
                  GtkListItem  *item,
                  HubRepoRow   *row)
{
  guint n_values;
  const gint64 *values = hub_repo_row_get_sparkline (row, &n_values);

  /* The counts are the row's, computed once. */
  if (n_values == 0)
    hub_sparkline_clear (HUB_SPARKLINE (gtk_list_item_get_child (item)));
  else
    hub_sparkline_set_values (HUB_SPARKLINE (gtk_list_item_get_child (item)), values, n_values,
                              hub_dataset_get_as_of (hub_repo_row_get_dataset (row)));
}

static void
update_change (HubRepoTable *self,
               GtkListItem  *item,
               HubRepoRow   *row)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  HubChange change = hub_repo_row_get_change (row);
  g_autofree char *text = hub_format_change (change);

  static const char *const classes[] = { "dim-label", "success", "error" };
  guint style;

  gtk_label_set_label (GTK_LABEL (label), text);
  if (change.kind == HUB_CHANGE_NONE)
    style = 0;
  else if (change.kind == HUB_CHANGE_NEW || change.ratio > 0)
    style = 1;
  else if (change.ratio < 0)
    style = 2;
  else
    style = G_N_ELEMENTS (classes);
  /* Only the class that changes: each change restyles the label. */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (gtk_widget_has_css_class (label, classes[i]) != (i == style))
      {
        if (i == style)
          gtk_widget_add_css_class (label, classes[i]);
        else
          gtk_widget_remove_css_class (label, classes[i]);
      }
}

/* A lock for a private repository, then its likes. */
static void
setup_likes (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HubRepoTable             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *lock = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Private"), -1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), lock);
  gtk_box_append (GTK_BOX (box), label);
  set_cell_tooltip (box, item, HUB_REPO_COLUMN_LIKES);
  setup_cell (self, item, box, update_likes);
}

static void
update_likes (HubRepoTable *self,
              GtkListItem  *item,
              HubRepoRow   *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *lock = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  gint64 likes = hub_repo_row_get_likes (row);

  gtk_widget_set_visible (lock, hub_repo_row_get_is_private (row));
  if (likes < 0)
    gtk_label_set_label (GTK_LABEL (label), "");
  else
    set_count (self, GTK_LABEL (label), likes);
}

static void
update_columns (HubRepoTable *self)
{
  gtk_column_view_column_set_title (self->period_column,
                                    self->period == HUB_PERIOD_ALL_TIME ? _("All Time")
                                                                        : _("Last 30 Days"));
  /* The period column already says All Time; narrow windows keep the essentials. */
  gboolean all_time = self->period != HUB_PERIOD_ALL_TIME && !self->compact;
  gboolean sparkline = !self->compact;

  /* A hidden column gives its fixed width back. */
  gtk_column_view_column_set_visible (self->all_time_column, all_time);
  gtk_column_view_column_set_fixed_width (self->all_time_column, all_time ? 128 : -1);
  gtk_column_view_column_set_visible (self->sparkline_column, sparkline);
  gtk_column_view_column_set_fixed_width (self->sparkline_column, sparkline ? 132 : -1);
  gtk_column_view_column_set_fixed_width (self->period_column, self->compact ? 84 : 128);
  gtk_column_view_column_set_fixed_width (self->change_column, self->compact ? 80 : 96);
  gtk_column_view_column_set_visible (self->likes_column, self->has_infos && !self->compact);
  gtk_column_view_column_set_fixed_width (self->likes_column,
                                          self->has_infos && !self->compact ? 84 : -1);
  gtk_column_view_column_set_fixed_width (self->type_column, self->compact ? 40 : 64);
}

static void
rebuild_type_filter (HubRepoTable *self)
{
  const HubTotals *totals = self->dataset ? hub_dataset_get_totals (self->dataset) : NULL;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  int kind;

  g_array_set_size (self->type_kinds, 0);

#define ADD_TYPE(label, k) \
  G_STMT_START { gtk_string_list_append (strings, label); kind = k; \
                 g_array_append_val (self->type_kinds, kind); } G_STMT_END

  /* Translators: the type filter's entry for every repository */
  ADD_TYPE (C_("repository type", "All"), KIND_ALL);
  ADD_TYPE (_("Models"), HUB_REPO_KIND_MODEL);
  ADD_TYPE (_("Datasets"), HUB_REPO_KIND_DATASET);
  if (totals != NULL && totals->spaces > 0)
    ADD_TYPE (_("Spaces"), HUB_REPO_KIND_SPACE);
  if (totals != NULL && totals->others > 0)
    /* Translators: the type filter's entry for kinds of repository other than models,
     * datasets and spaces */
    ADD_TYPE (_("Other Types"), HUB_REPO_KIND_OTHER);
#undef ADD_TYPE

  self->kind_filter = KIND_ALL;
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->type_dropdown, 0);
}

static void
hub_repo_table_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HubRepoTable *self = HUB_REPO_TABLE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_int (value, self->period);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_repo_table_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HubRepoTable *self = HUB_REPO_TABLE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      hub_repo_table_set_period (self, g_value_get_int (value));
      break;
    case PROP_COMPACT:
      hub_repo_table_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_repo_table_dispose (GObject *object)
{
  HubRepoTable *self = HUB_REPO_TABLE (object);
  GtkWidget *child;

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_func (self->filter_model, on_filter_items_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_REPO_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (hub_repo_table_parent_class)->dispose (object);
}

static void
hub_repo_table_finalize (GObject *object)
{
  HubRepoTable *self = HUB_REPO_TABLE (object);

  g_free (self->query);
  g_clear_pointer (&self->type_kinds, g_array_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (hub_repo_table_parent_class)->finalize (object);
}

static void
hub_repo_table_class_init (HubRepoTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_repo_table_dispose;
  object_class->finalize = hub_repo_table_finalize;
  object_class->get_property = hub_repo_table_get_property;
  object_class->set_property = hub_repo_table_set_property;

  properties[PROP_PERIOD] =
    g_param_spec_int ("period", NULL, NULL,
                      HUB_PERIOD_ALL_TIME, HUB_PERIOD_LAST_MONTH, HUB_PERIOD_ALL_TIME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Short numbers and fewer columns, for narrow windows. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubRepoTable::repo-activated:
   * @index: the repository's index in the dataset
   *
   * A row was activated (double click, Enter): the detail view opens on it.
   */
  signals[REPO_ACTIVATED] =
    g_signal_new ("repo-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (HUB_TYPE_REPO_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/hub-repo-table.ui");
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, stack);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, type_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, period_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, all_time_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, sparkline_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, change_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, period_sorter);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, likes_sorter);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, likes_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_type);
  gtk_widget_class_bind_template_callback (widget_class, setup_name);
  gtk_widget_class_bind_template_callback (widget_class, setup_period);
  gtk_widget_class_bind_template_callback (widget_class, setup_all_time);
  gtk_widget_class_bind_template_callback (widget_class, setup_change);
  gtk_widget_class_bind_template_callback (widget_class, setup_likes);
  gtk_widget_class_bind_template_callback (widget_class, setup_sparkline);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "repotable");
}

static void
hub_repo_table_init (HubRepoTable *self)
{
  static const gsize tie_broken[] = {
    G_STRUCT_OFFSET (HubRepoTable, type_column),
    G_STRUCT_OFFSET (HubRepoTable, period_column),
    G_STRUCT_OFFSET (HubRepoTable, all_time_column),
    G_STRUCT_OFFSET (HubRepoTable, sparkline_column),
    G_STRUCT_OFFSET (HubRepoTable, change_column),
    G_STRUCT_OFFSET (HubRepoTable, likes_column),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->query = g_strdup ("");
  self->kind_filter = KIND_ALL;
  self->type_kinds = g_array_new (FALSE, FALSE, sizeof (int));
  self->bound = g_hash_table_new (NULL, NULL);

  self->store = g_object_new (HUB_TYPE_REPO_ROWS, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->filter_model, "items-changed",
                    G_CALLBACK (on_filter_items_changed), self);

  /* Equal values go by name, whichever the direction, so the order is stable. */
  for (guint i = 0; i < G_N_ELEMENTS (tie_broken); i++)
    {
      GtkColumnViewColumn *column = *(GtkColumnViewColumn **) G_STRUCT_MEMBER_P (self, tie_broken[i]);
      GtkMultiSorter *sorter = gtk_multi_sorter_new ();

      gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_column_get_sorter (column)));
      gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_column_get_sorter (self->name_column)));
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
    }

  rebuild_type_filter (self);
  update_columns (self);
  update_count (self);
  gtk_column_view_sort_by_column (self->column_view, self->period_column, GTK_SORT_DESCENDING);
}

GtkWidget *
hub_repo_table_new (void)
{
  return g_object_new (HUB_TYPE_REPO_TABLE, NULL);
}

/* Shows a new dataset: the search and the sort stay as the user left them. */
void
hub_repo_table_set_dataset (HubRepoTable *self,
                            HubDataset   *dataset,
                            HubPeriod     period)
{
  guint n;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  if (self->period != period)
    {
      self->period = period;
      update_columns (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
    }

  n = dataset ? hub_dataset_get_n_repos (dataset) : 0;
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      HubRepoRow *row = hub_repo_row_new (dataset, i);

      hub_repo_row_set_period (row, period);
      g_ptr_array_add (rows, row);
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* One change: the sort model sorts once, the filter filters once. */
  hub_repo_rows_replace (self->store, g_steal_pointer (&rows));

  rebuild_type_filter (self);
  update_count (self);
}

HubDataset *
hub_repo_table_get_dataset (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return self->dataset;
}

void
hub_repo_table_set_period (HubRepoTable *self,
                           HubPeriod     period)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  if (self->period == period)
    return;
  self->period = period;

  for (guint i = 0; i < self->store->rows->len; i++)
    hub_repo_row_set_period (g_ptr_array_index (self->store->rows, i), period);
  /* The period column's values changed under its sorter, and in every row. */
  gtk_sorter_changed (GTK_SORTER (self->period_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  refresh_cells (self);
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

HubPeriod
hub_repo_table_get_period (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), HUB_PERIOD_ALL_TIME);

  return self->period;
}

gboolean
hub_repo_table_get_compact (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), FALSE);

  return self->compact;
}

void
hub_repo_table_set_compact (HubRepoTable *self,
                            gboolean      compact)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  update_columns (self);
  /* The cells show the other number form. */
  refresh_cells (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* The rows as shown: filtered and sorted, HubRepoRow items. */
GListModel *
hub_repo_table_get_model (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GtkEditable *
hub_repo_table_get_search_entry (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
hub_repo_table_focus_search (HubRepoTable *self)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Typing anywhere in widget goes to the search. */
void
hub_repo_table_set_key_capture_widget (HubRepoTable *self,
                                       GtkWidget    *widget)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, widget);
}

/* kind: a HubRepoKind, or -1 for every type. A kind the data does not have
 * selects every type. */
void
hub_repo_table_set_type_filter (HubRepoTable *self,
                                int           kind)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));

  for (guint i = 0; i < self->type_kinds->len; i++)
    if (g_array_index (self->type_kinds, int, i) == kind)
      {
        gtk_drop_down_set_selected (self->type_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->type_dropdown, 0);
}

void
hub_repo_table_sort_by (HubRepoTable  *self,
                        HubRepoColumn  column,
                        GtkSortType    order)
{
  GtkColumnViewColumn *columns[] = {
    [HUB_REPO_COLUMN_TYPE] = self->type_column,
    [HUB_REPO_COLUMN_NAME] = self->name_column,
    [HUB_REPO_COLUMN_PERIOD] = self->period_column,
    [HUB_REPO_COLUMN_ALL_TIME] = self->all_time_column,
    [HUB_REPO_COLUMN_SPARKLINE] = self->sparkline_column,
    [HUB_REPO_COLUMN_CHANGE] = self->change_column,
    [HUB_REPO_COLUMN_LIKES] = self->likes_column,
  };

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (column <= HUB_REPO_COLUMN_LIKES);

  gtk_column_view_sort_by_column (self->column_view, columns[column], order);
}

/* The dataset indexes of the rows as shown, for the export of the table. */
guint *
hub_repo_table_get_visible_indexes (HubRepoTable *self,
                                    guint        *n_indexes)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint *indexes = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HubRepoRow) row = g_list_model_get_item (model, i);

      indexes[i] = hub_repo_row_get_index (row);
    }
  *n_indexes = n;
  return indexes;
}

/* Likes and privacy from the Hub's listings of source, when it has them:
 * the Likes column shows only then. */
void
hub_repo_table_set_source_infos (HubRepoTable *self,
                                 HubSource    *source)
{
  gboolean has_infos;

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (source == NULL || HUB_IS_SOURCE (source));

  has_infos = source != NULL && hub_source_has_repo_infos (source);
  for (guint i = 0; i < self->store->rows->len; i++)
    {
      HubRepoRow *row = g_ptr_array_index (self->store->rows, i);
      const HubRepoInfo *info = has_infos ? hub_source_find_repo_info (source,
                                                                       hub_repo_row_get_repo (row))
                                          : NULL;

      hub_repo_row_set_info (row, info ? info->likes : -1, info ? info->is_private : FALSE);
    }
  self->has_infos = has_infos;
  update_columns (self);
  gtk_sorter_changed (GTK_SORTER (self->likes_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  refresh_cells (self);
}
