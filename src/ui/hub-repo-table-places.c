/* hub-repo-table-places.c: the model the column view shows, one place per
 * position of the rows shown
 *
 * GTK 4.18's list widgets keep a row of widgets for each of some 200 items
 * around the one in view, and when an item leaves their model they destroy
 * its row of widgets and build another for the item that takes its place
 * (GtkListItemManager keeps a removed item's widgets only for that same
 * item). A search that changes the first rows of a filter model so costs
 * some 200 rows of seven widgets each, built and destroyed: 50–130 ms, most
 * of it in GTK. Here the item at position i is always the same HubRepoPlace,
 * whose row changes; the view sees items added or removed at the end only,
 * and the table's cells show the place's new row (HubRepoTable walks the
 * cells bound, hub-repo-table-cells.c). Past the last row, the places the
 * view has widgets for are kept, with no row, up to PLACES_SPARE_MAX: when
 * the search widens again, they show rows without new widgets.
 *
 * The selection is the GtkSingleSelection under it, whose positions are the
 * same (it follows its row as the filter changes): this model passes its
 * questions on, and tells the view when the selected position moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-repo-table-private.h"

#define PLACES_SPARE_MAX 256

struct _HubRepoPlace
{
  GObject        parent_instance;

  HubRepoPlaces *places;    /* not owned; NULL once the model let it go */
  guint          position;
  HubRepoRow    *row;       /* NULL past the last row */
};

struct _HubRepoPlaces
{
  GObject             parent_instance;

  GtkSingleSelection *source;
  GPtrArray          *items;     /* HubRepoPlace, not owned: those alive, else NULL */
  guint               selected;  /* the source's selected position, as last told */
};

G_DEFINE_FINAL_TYPE (HubRepoPlace, hub_repo_place, G_TYPE_OBJECT)

static void
hub_repo_place_finalize (GObject *object)
{
  HubRepoPlace *self = HUB_REPO_PLACE (object);

  if (self->places != NULL)
    g_ptr_array_index (self->places->items, self->position) = NULL;
  g_clear_object (&self->row);

  G_OBJECT_CLASS (hub_repo_place_parent_class)->finalize (object);
}

static void
hub_repo_place_class_init (HubRepoPlaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_repo_place_finalize;
}

static void
hub_repo_place_init (HubRepoPlace *self)
{
}

/* The row shown at this place, or NULL past the last one. */
HubRepoRow *
hub_repo_place_get_row (HubRepoPlace *self)
{
  return self->row;
}

static void hub_repo_places_model_init     (GListModelInterface      *iface);
static void hub_repo_places_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HubRepoPlaces, hub_repo_places, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hub_repo_places_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      hub_repo_places_selection_init))

static GType
hub_repo_places_get_item_type (GListModel *model)
{
  return HUB_TYPE_REPO_PLACE;
}

static guint
hub_repo_places_get_n_items (GListModel *model)
{
  return HUB_REPO_PLACES (model)->items->len;
}

static gpointer
hub_repo_places_get_item (GListModel *model,
                          guint       position)
{
  HubRepoPlaces *self = HUB_REPO_PLACES (model);
  HubRepoPlace *place;

  if (position >= self->items->len)
    return NULL;
  place = g_ptr_array_index (self->items, position);
  if (place != NULL)
    return g_object_ref (place);

  place = g_object_new (HUB_TYPE_REPO_PLACE, NULL);
  place->places = self;
  place->position = position;
  place->row = g_list_model_get_item (G_LIST_MODEL (self->source), position);
  g_ptr_array_index (self->items, position) = place;
  return place;
}

static void
hub_repo_places_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hub_repo_places_get_item_type;
  iface->get_n_items = hub_repo_places_get_n_items;
  iface->get_item = hub_repo_places_get_item;
}

/* Positions past the source's last row are places without a row: never selected. */
static gboolean
in_source (HubRepoPlaces *self,
           guint          position)
{
  return position < g_list_model_get_n_items (G_LIST_MODEL (self->source));
}

static gboolean
hub_repo_places_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  HubRepoPlaces *self = HUB_REPO_PLACES (model);

  return in_source (self, position) &&
         gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->source), position);
}

static gboolean
hub_repo_places_select_item (GtkSelectionModel *model,
                             guint              position,
                             gboolean           unselect_rest)
{
  HubRepoPlaces *self = HUB_REPO_PLACES (model);

  return in_source (self, position) &&
         gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->source), position,
                                          unselect_rest);
}

static gboolean
hub_repo_places_unselect_item (GtkSelectionModel *model,
                               guint              position)
{
  HubRepoPlaces *self = HUB_REPO_PLACES (model);

  return in_source (self, position) &&
         gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (self->source), position);
}

static gboolean
hub_repo_places_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (HUB_REPO_PLACES (model)->source));
}

static void
hub_repo_places_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = hub_repo_places_is_selected;
  iface->select_item = hub_repo_places_select_item;
  iface->unselect_item = hub_repo_places_unselect_item;
  iface->unselect_all = hub_repo_places_unselect_all;
}

/* Lets go of the places from position on: they are no longer in the model. */
static void
truncate_places (HubRepoPlaces *self,
                 guint          position)
{
  for (guint i = position; i < self->items->len; i++)
    {
      HubRepoPlace *place = g_ptr_array_index (self->items, i);

      if (place != NULL)
        place->places = NULL;
    }
  g_ptr_array_set_size (self->items, position);
}

/* Tells the view of a selected position that changed (the selection
 * follows its row, which may now be at another place). */
static void
update_selected (HubRepoPlaces *self)
{
  guint selected = gtk_single_selection_get_selected (self->source);
  guint was = self->selected;

  if (selected == was)
    return;
  self->selected = selected;
  if (was != GTK_INVALID_LIST_POSITION && was < self->items->len)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), was, 1);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->items->len)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), selected, 1);
}

static void
on_source_items_changed (GListModel    *source,
                         guint          position,
                         guint          removed,
                         guint          added,
                         HubRepoPlaces *self)
{
  guint len = self->items->len;
  guint n_rows = g_list_model_get_n_items (source);
  guint keep = n_rows;

  /* The places that stay take their new rows (or none, past the last). */
  for (guint i = position; i < len; i++)
    {
      HubRepoPlace *place = g_ptr_array_index (self->items, i);

      if (place == NULL)
        continue;
      g_clear_object (&place->row);
      place->row = i < n_rows ? g_list_model_get_item (source, i) : NULL;
    }

  while (keep < len && keep < PLACES_SPARE_MAX && g_ptr_array_index (self->items, keep) != NULL)
    keep++;
  if (keep < len)
    {
      truncate_places (self, keep);
      g_list_model_items_changed (G_LIST_MODEL (self), keep, len - keep, 0);
    }
  else if (n_rows > len)
    {
      g_ptr_array_set_size (self->items, n_rows);
      g_list_model_items_changed (G_LIST_MODEL (self), len, 0, n_rows - len);
    }
  update_selected (self);
}

static void
on_source_selection_changed (GtkSelectionModel *source,
                             guint              position,
                             guint              n_items,
                             HubRepoPlaces     *self)
{
  guint len = self->items->len;

  self->selected = gtk_single_selection_get_selected (self->source);
  /* Told while the source's rows change, before this model's length follows. */
  if (position < len)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, len - position));
}

static void
hub_repo_places_dispose (GObject *object)
{
  HubRepoPlaces *self = HUB_REPO_PLACES (object);

  if (self->source != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->source, self);
      truncate_places (self, 0);
      g_clear_object (&self->source);
    }

  G_OBJECT_CLASS (hub_repo_places_parent_class)->dispose (object);
}

static void
hub_repo_places_finalize (GObject *object)
{
  g_ptr_array_unref (HUB_REPO_PLACES (object)->items);

  G_OBJECT_CLASS (hub_repo_places_parent_class)->finalize (object);
}

static void
hub_repo_places_class_init (HubRepoPlacesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hub_repo_places_dispose;
  G_OBJECT_CLASS (klass)->finalize = hub_repo_places_finalize;
}

static void
hub_repo_places_init (HubRepoPlaces *self)
{
  self->items = g_ptr_array_new ();
  self->selected = GTK_INVALID_LIST_POSITION;
}

/* The places over source's rows (HubRepoRow items). Connect to source's
 * items-changed after this, to find the places' new rows in place. */
HubRepoPlaces *
hub_repo_places_new (GtkSingleSelection *source)
{
  HubRepoPlaces *self = g_object_new (HUB_TYPE_REPO_PLACES, NULL);

  self->source = g_object_ref (source);
  g_ptr_array_set_size (self->items, g_list_model_get_n_items (G_LIST_MODEL (source)));
  self->selected = gtk_single_selection_get_selected (source);
  g_signal_connect (source, "items-changed", G_CALLBACK (on_source_items_changed), self);
  g_signal_connect (source, "selection-changed", G_CALLBACK (on_source_selection_changed), self);
  return self;
}
