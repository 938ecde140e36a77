/* hub-repo-table.c: the searchable, sortable table of repositories
 *
 * The models, bottom up: HubRepoRows, every HubRepoRow in an array; a
 * GtkSortListModel with the column view's own sorter; a GtkFilterListModel
 * for the search and the type (told MORE_STRICT or LESS_STRICT as the text
 * grows or shrinks, so that only the rows shown, or only those hidden, are
 * tested again, against names folded once); a GtkSingleSelection; and
 * HubRepoPlaces, the view's model, whose items are positions, not rows
 * (hub-repo-table-places.c says why). The filter sits above the sort, so the
 * order is kept while the search changes and typing never re-sorts. The
 * column view's rows of widgets stay at their places: a cell's setup makes
 * its widget once, and a search or a sort only sets the rows' new data.
 * The columns' sorters are in hub-repo-table-sort.c, the cells in
 * hub-repo-table-cells.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-format.h"
#include "hub-repo-table-private.h"

/* Every type, in the type filter. */
#define KIND_ALL (-1)


enum {
  PROP_0,
  PROP_COMPACT,
  PROP_FILLING,
  PROP_NARROWED,
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

/* Adds n rows (HubRepoRow, referenced) at the end: one items-changed. */
void
hub_repo_rows_append (HubRepoRows *self,
                      HubRepoRow **rows,
                      guint        n)
{
  guint position = self->rows->len;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->rows, g_object_ref (rows[i]));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n);
}

/* Takes rows (HubRepoRow, owned) in place of all: one items-changed. */
void
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

/* A search or the type filter hides rows: "narrowed" says so. */
static void
update_narrowed (HubRepoTable *self)
{
  gboolean narrowed = self->query[0] != '\0' || self->kind_filter != KIND_ALL;

  if (self->narrowed == narrowed)
    return;
  self->narrowed = narrowed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROWED]);
}

/* The filter applied: "narrowed" turns off before the rows come back and on
 * after they went, so that whoever sums the rows shown while narrowed
 * (the summary cards) goes over them once a change. */
static void
apply_filter (HubRepoTable    *self,
              GtkFilterChange  change)
{
  if (self->query[0] == '\0' && self->kind_filter == KIND_ALL)
    update_narrowed (self);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_narrowed (self);
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

/* The cells whose place shows another row show it. */
static void
on_places_changed (HubRepoTable *self)
{
  hub_repo_table_refresh_cells (self, FALSE);
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
  apply_filter (self, change);
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
  apply_filter (self, GTK_FILTER_CHANGE_DIFFERENT);
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

static void
update_columns (HubRepoTable *self)
{
  gboolean all_time_shown = self->span.preset == HUB_RANGE_ALL;

  /* Translators: the title of the table's column of downloads in a custom range */
  gtk_column_view_column_set_title (self->period_column,
                                    self->span.preset == HUB_RANGE_CUSTOM ? C_("column", "Range")
                                    : hub_format_range_preset (self->span.preset));
  /* The period column already says All Time; narrow windows keep the essentials. */
  gboolean all_time = !all_time_shown && !self->compact;
  gboolean sparkline = !self->compact;

  /* A hidden column gives its fixed width back. */
  gtk_column_view_column_set_visible (self->all_time_column, all_time);
  gtk_column_view_column_set_fixed_width (self->all_time_column, all_time ? 128 : -1);
  gtk_column_view_column_set_visible (self->sparkline_column, sparkline);
  gtk_column_view_column_set_fixed_width (self->sparkline_column, sparkline ? 132 : -1);
  gtk_column_view_column_set_fixed_width (self->period_column, self->compact ? 84 : 128);
  gtk_column_view_column_set_fixed_width (self->change_column, self->compact ? 80 : 96);
  gtk_column_view_column_set_visible (self->likes_column,
                                      self->infos_source != NULL && !self->compact);
  gtk_column_view_column_set_fixed_width (self->likes_column,
                                          self->infos_source != NULL && !self->compact ? 84 : -1);
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

  /* A new dataset shows every type again (it may lack the one chosen). */
  if (self->kind_filter != KIND_ALL)
    {
      self->kind_filter = KIND_ALL;
      apply_filter (self, GTK_FILTER_CHANGE_LESS_STRICT);
    }
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
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_FILLING:
      g_value_set_boolean (value, hub_repo_table_get_filling (self));
      break;
    case PROP_NARROWED:
      g_value_set_boolean (value, self->narrowed);
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
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_places_changed, self);
  hub_repo_table_stop_filling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_REPO_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->places);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->infos_source);

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

  /* Short numbers and fewer columns, for narrow windows. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Rows of a dataset just shown are still being added (a few frames). */
  properties[PROP_FILLING] =
    g_param_spec_boolean ("filling", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* A search or the type filter hides rows (hub_repo_table_get_model). */
  properties[PROP_NARROWED] =
    g_param_spec_boolean ("narrowed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, likes_column);
  gtk_widget_class_bind_template_child (widget_class, HubRepoTable, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  hub_repo_table_cells_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "repotable");
}

static void
hub_repo_table_init (HubRepoTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->query = g_strdup ("");
  self->kind_filter = KIND_ALL;
  self->span = HUB_SPAN_ALL_TIME;
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
  self->places = hub_repo_places_new (self->selection);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->places));
  /* After the places' own handler: they have their new rows. */
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_places_changed), self);
  g_signal_connect (self->filter_model, "items-changed",
                    G_CALLBACK (on_filter_items_changed), self);

  hub_repo_table_sort_init (self);

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
                            HubDataset    *dataset,
                            const HubSpan *span)
{
  gboolean was_filling;

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (dataset == NULL || HUB_IS_DATASET (dataset));
  g_return_if_fail (span != NULL);

  was_filling = hub_repo_table_get_filling (self);
  g_set_object (&self->dataset, dataset);
  self->span = *span;
  update_columns (self);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  hub_repo_table_fill (self);
  if (was_filling != hub_repo_table_get_filling (self))
    hub_repo_table_notify_filling (self);

  rebuild_type_filter (self);
  update_count (self);
}

/* The totals of the rows shown (all of them when nothing narrows the
 * table), as the summary cards show them. Over the table's own rows and
 * filter: the filtered model's items cost a lookup each. */
void
hub_repo_table_sum_shown (HubRepoTable  *self,
                          HubSpanTotals *totals)
{
  GPtrArray *rows;

  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (totals != NULL);

  *totals = (HubSpanTotals) { 0 };
  rows = self->store->rows;
  for (guint i = 0; i < rows->len; i++)
    {
      HubRepoRow *row = g_ptr_array_index (rows, i);

      if (filter_row (row, self))
        hub_span_totals_add (totals, hub_repo_row_get_kind (row),
                             hub_repo_row_get_period_downloads (row),
                             hub_repo_row_get_compared (row));
    }
}

gboolean
hub_repo_table_get_narrowed (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), FALSE);

  return self->narrowed;
}

HubDataset *
hub_repo_table_get_dataset (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return self->dataset;
}

/* The rows count span's range and compare it with its comparison range. */
void
hub_repo_table_set_span (HubRepoTable  *self,
                         const HubSpan *span)
{
  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (span != NULL);

  self->span = *span;
  for (guint i = 0; i < self->store->rows->len; i++)
    hub_repo_row_set_span (g_ptr_array_index (self->store->rows, i), span);
  for (guint i = self->filled; self->filling != NULL && i < self->filling->len; i++)
    hub_repo_row_set_span (g_ptr_array_index (self->filling, i), span);
  /* The period and change columns' values changed under their sorters, and in every row. */
  gtk_sorter_changed (self->period_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->change_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  hub_repo_table_refresh_cells (self, TRUE);
  update_columns (self);
}

const HubSpan *
hub_repo_table_get_span (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return &self->span;
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
  hub_repo_table_refresh_cells (self, TRUE);
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

/* The dataset indexes of the rows as shown, for the export of the table. */
guint *
hub_repo_table_get_visible_indexes (HubRepoTable *self,
                                    guint        *n_indexes)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n;
  guint *indexes;

  hub_repo_table_finish_filling (self);
  n = g_list_model_get_n_items (model);
  indexes = g_new (guint, MAX (n, 1));

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
  g_return_if_fail (HUB_IS_REPO_TABLE (self));
  g_return_if_fail (source == NULL || HUB_IS_SOURCE (source));

  if (source != NULL && !hub_source_has_repo_infos (source))
    source = NULL;
  g_set_object (&self->infos_source, source);
  /* The rows in the store, and those of a dataset still filling the table
   * (rows still being made get them when they come). */
  hub_repo_table_set_rows_infos (self, self->store->rows, 0);
  if (self->filling != NULL)
    hub_repo_table_set_rows_infos (self, self->filling, self->filled);
  update_columns (self);
  gtk_sorter_changed (self->likes_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  hub_repo_table_refresh_cells (self, TRUE);
}

/* The table's vertical scrolling, for what scrolls away with it. */
GtkAdjustment *
hub_repo_table_get_vadjustment (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), NULL);

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
}

void
hub_repo_table_notify_filling (HubRepoTable *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILLING]);
}

gboolean
hub_repo_table_get_filling (HubRepoTable *self)
{
  g_return_val_if_fail (HUB_IS_REPO_TABLE (self), FALSE);

  return self->making != NULL || self->filling != NULL;
}
