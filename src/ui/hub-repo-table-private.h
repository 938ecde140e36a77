/* hub-repo-table-private.h: the table's state, shared by hub-repo-table.c
 * (the models and the API), hub-repo-table-cells.c (the cells),
 * hub-repo-table-sort.c (the order) and hub-repo-table-fill.c (a dataset's
 * rows into the table)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-repo-row.h"
#include "hub-repo-table.h"

G_BEGIN_DECLS

#define HUB_TYPE_REPO_ROWS (hub_repo_rows_get_type ())
G_DECLARE_FINAL_TYPE (HubRepoRows, hub_repo_rows, HUB, REPO_ROWS, GObject)

/* The table's own rows, in the order they came. */
struct _HubRepoRows
{
  GObject    parent_instance;

  GPtrArray *rows;  /* HubRepoRow */
};

void hub_repo_rows_append  (HubRepoRows  *self,
                            HubRepoRow  **rows,
                            guint         n);
void hub_repo_rows_replace (HubRepoRows  *self,
                            GPtrArray    *rows);

#define HUB_TYPE_REPO_PLACE (hub_repo_place_get_type ())
G_DECLARE_FINAL_TYPE (HubRepoPlace, hub_repo_place, HUB, REPO_PLACE, GObject)

#define HUB_TYPE_REPO_PLACES (hub_repo_places_get_type ())
G_DECLARE_FINAL_TYPE (HubRepoPlaces, hub_repo_places, HUB, REPO_PLACES, GObject)

HubRepoPlaces *hub_repo_places_new    (GtkSingleSelection *source);
HubRepoRow    *hub_repo_place_get_row (HubRepoPlace       *self);

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
  GtkSorter           *period_sorter;
  GtkSorter           *change_sorter;
  GtkSorter           *likes_sorter;
  GtkLabel            *count_label;

  HubDataset          *dataset;
  HubSpan              span;
  gboolean             compact;
  HubRepoRows         *store;
  GtkSortListModel    *sort_model;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  HubRepoPlaces       *places;       /* over selection: the view's model */
  GHashTable          *bound;        /* GtkListItem: the cells bound to a place */
  GCancellable        *making;       /* a dataset's rows being made off the main thread */
  HubSource           *infos_source; /* whose likes and privacy (from the Hub's listings) the
                                      * rows show, or NULL: the Likes column shows only then */
  GPtrArray           *filling;      /* HubRepoRow: a dataset's rows, in the order shown */
  guint                filled;       /* how many of them the store has */
  guint                fill_tick;
  double               fill_row_us;  /* what adding a row costs here while the view makes its
                                      * widgets, in µs, 0 until measured; kept for later fills */
  double               fill_rest_us; /* and a row past those, which gets none */
  gboolean             fill_hidden;  /* the table was transparent in the fill's last frame */
  GtkCustomFilter     *filter;
  char                *query;        /* casefolded; "" for none */
  int                  kind_filter;  /* a HubRepoKind, or KIND_ALL */
  gboolean             narrowed;     /* a query or a kind hides rows */
  GArray              *type_kinds;   /* int: the kind of each type_dropdown entry */
};

/* What a column's cell does when it shows another row: only set data. */
typedef void        (* HubRepoCellUpdate) (HubRepoTable *self,
                                           GtkListItem  *item,
                                           HubRepoRow   *row);
/* A new cell's widget. */
typedef GtkWidget * (* HubRepoCellNew)    (GtkListItem  *item);

void                hub_repo_table_cells_class_init (GtkWidgetClass    *widget_class);
GtkListItemFactory *hub_repo_table_cell_factory_new (HubRepoTable      *self,
                                                     HubRepoCellNew     child_new,
                                                     HubRepoCellUpdate  update);
void hub_repo_table_refresh_cells    (HubRepoTable   *self,
                                      gboolean        all);

/* hub-repo-table-fill.c: a dataset's rows into the table */
void hub_repo_table_fill             (HubRepoTable       *self);
void hub_repo_table_stop_filling     (HubRepoTable       *self);
/* Every row in at once: for what reads the table as a whole (an export). */
void hub_repo_table_finish_filling   (HubRepoTable       *self);
/* The likes and privacy of the table's infos_source on rows from first on. */
void hub_repo_table_set_rows_infos   (HubRepoTable       *self,
                                      GPtrArray          *rows,
                                      guint               first);
void hub_repo_table_notify_filling   (HubRepoTable       *self);
/* How many rows a frame adds: as many as budget_us pays for at row_us
 * each, at least 1 and at most most (most when row_us is 0). */
guint  hub_repo_fill_per_frame       (double              row_us,
                                      double              budget_us,
                                      guint               most);
/* What a row costs, in µs, once a frame's rows cost measured_us each:
 * row_us (0: nothing measured) moved halfway there, the first measure as
 * it is. */
double hub_repo_fill_estimate        (double              row_us,
                                      double              measured_us);

/* hub-repo-table-sort.c: the columns' sorters and the order shown */
typedef struct
{
  HubRepoColumn column;
  gboolean      descending;
  gboolean      sorted;      /* FALSE: no column sorts the view */
} HubRepoOrder;

void hub_repo_table_sort_init        (HubRepoTable       *self);
void hub_repo_table_get_order        (HubRepoTable       *self,
                                      HubRepoOrder       *order);
void hub_repo_order_sort             (const HubRepoOrder *order,
                                      GPtrArray          *rows);

G_END_DECLS
