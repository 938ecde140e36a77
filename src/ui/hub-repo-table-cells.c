/* hub-repo-table-cells.c: the table's cells, one column factory each
 *
 * Setup makes a cell's widget once; bind sets the row's data, and the cells
 * bound are kept, to show their rows anew when the period or the number form
 * changes. Tooltips are made when asked for, from the row.
 *
 * The view keeps some 200 rows of widgets around what it shows, and a
 * search that changes the first rows binds them all again: text is shown
 * with GtkInscription, whose size comes from the font, not from the text, so
 * a new text costs a redraw, not a new layout of the whole table, and the
 * rows out of sight never shape theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-format.h"
#include "hub-repo-table-private.h"
#include "hub-sparkline.h"

typedef HubRepoCellUpdate UpdateCell;

/* The row of widgets a cell is in: hidden at a place past the last row. */
static void
show_row_widget (GtkListItem *item,
                 gboolean     visible)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = child ? gtk_widget_get_parent (child) : NULL;
  GtkWidget *row_widget = cell ? gtk_widget_get_parent (cell) : NULL;

  if (row_widget != NULL)
    gtk_widget_set_visible (row_widget, visible);
}

/* The cell shows its place's row; unless all, only when that is another row
 * than the one it shows. */
static void
update_cell (HubRepoTable *self,
             GtkListItem  *item,
             gboolean      all)
{
  HubRepoPlace *place = gtk_list_item_get_item (item);
  HubRepoRow *row = place ? hub_repo_place_get_row (place) : NULL;
  UpdateCell update;

  if (!all && g_object_get_data (G_OBJECT (item), "hub-row") == row)
    return;
  /* A reference: a row let go could leave its address to another. */
  g_object_set_data_full (G_OBJECT (item), "hub-row", row ? g_object_ref (row) : NULL,
                          g_object_unref);
  show_row_widget (item, row != NULL);
  if (row == NULL)
    return;
  update = g_object_get_data (G_OBJECT (item), "hub-update");
  update (self, item, row);
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
  update_cell (self, item, FALSE);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HubRepoTable             *self)
{
  g_hash_table_remove (self->bound, item);
  g_object_set_data (G_OBJECT (item), "hub-row", NULL);
}

/* Every cell bound shows its place's row: anew when all (the period or the
 * number form changed), else only where the place's row changed (a search,
 * a sort). */
void
hub_repo_table_refresh_cells (HubRepoTable *self,
                              gboolean      all)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_cell (self, item, all);
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
  HubRepoPlace *place = gtk_list_item_get_item (item);
  HubRepoRow *row = place ? hub_repo_place_get_row (place) : NULL;
  HubRepoColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "hub-column"));
  g_autofree char *text = NULL;

  if (row == NULL)
    return FALSE;

  text = hub_repo_row_dup_tooltip (row, column);
  if (text == NULL)
    return FALSE;
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
  const char *label = hub_repo_kind_title (repo);
  const char *icon_name = hub_repo_kind_icon_name (repo->kind);

  /* Setting the same icon again would clear and look it up anew; the same
   * label would be sent to the accessibility tree again. */
  if (g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon_name) != 0)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (image), "hub-label"), label) != 0)
    {
      g_object_set_data_full (G_OBJECT (image), "hub-label", g_strdup (label), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
setup_name (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            HubRepoTable             *self)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 32);
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
  gtk_inscription_set_text (GTK_INSCRIPTION (label), self->compact && slash ? slash + 1 : name);
}

/* A number, right-aligned in tabular figures. */
static GtkWidget *
number_new (void)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
setup_number_for (HubRepoTable  *self,
                  GtkListItem   *item,
                  HubRepoColumn  column,
                  UpdateCell     update)
{
  GtkWidget *label = number_new ();

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
set_count (HubRepoTable   *self,
           GtkInscription *label,
           gint64          value)
{
  g_autofree char *text = self->compact ? hub_format_compact (value) : hub_format_count (value);

  gtk_inscription_set_text (label, text);
}

static void
update_period (HubRepoTable *self,
               GtkListItem  *item,
               HubRepoRow   *row)
{
  set_count (self, GTK_INSCRIPTION (gtk_list_item_get_child (item)),
             hub_repo_row_get_period_downloads (row));
}

static void
update_all_time (HubRepoTable *self,
                 GtkListItem  *item,
                 HubRepoRow   *row)
{
  set_count (self, GTK_INSCRIPTION (gtk_list_item_get_child (item)),
             hub_repo_row_get_all_time (row));
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

  /* The counts and their words are the row's, made once. */
  if (n_values == 0)
    hub_sparkline_clear (HUB_SPARKLINE (gtk_list_item_get_child (item)));
  else
    hub_sparkline_set_described (HUB_SPARKLINE (gtk_list_item_get_child (item)), values, n_values,
                                 hub_dataset_get_as_of (hub_repo_row_get_dataset (row)),
                                 hub_repo_row_get_sparkline_summary (row));
}

static void
update_change (HubRepoTable *self,
               GtkListItem  *item,
               HubRepoRow   *row)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  HubChange change = hub_repo_row_get_change (row);
  g_autofree char *text = hub_format_change (change);
  const char *style = hub_format_change_style (change);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* "numeric" from setup, then the change's class (style may be NULL: none);
   * only when it changes, since each change restyles the label. */
  if (g_object_get_data (G_OBJECT (label), "hub-style") != style)
    {
      gtk_widget_set_css_classes (label, (const char *[]) { "numeric", style, NULL });
      g_object_set_data (G_OBJECT (label), "hub-style", (gpointer) style);
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
  GtkWidget *label = number_new ();

  /* The lock beside the number, both at the cell's end, as in the other
   * columns of numbers. */
  gtk_widget_set_hexpand (lock, TRUE);
  gtk_widget_set_halign (lock, GTK_ALIGN_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 5);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Private"), -1);
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
    gtk_inscription_set_text (GTK_INSCRIPTION (label), NULL);
  else
    set_count (self, GTK_INSCRIPTION (label), likes);
}

/* The column factories' callbacks, named in hub-repo-table.ui. */
static void
setup_added_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  HubRepoTable             *self)
{
  HubRepoCellNew child_new = g_object_get_data (G_OBJECT (factory), "hub-child-new");

  setup_cell (self, item, child_new (item), g_object_get_data (G_OBJECT (factory), "hub-update"));
}

/* The factory of a column made outside the template: its cells are made by
 * child_new and show their place's row through update, as the template's
 * columns do, so that a search or a new period updates them too. */
GtkListItemFactory *
hub_repo_table_cell_factory_new (HubRepoTable      *self,
                                 HubRepoCellNew     child_new,
                                 HubRepoCellUpdate  update)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "hub-child-new", child_new);
  g_object_set_data (G_OBJECT (factory), "hub-update", update);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_added_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  return factory;
}

void
hub_repo_table_cells_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, bind_cell);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell);
  gtk_widget_class_bind_template_callback (widget_class, setup_type);
  gtk_widget_class_bind_template_callback (widget_class, setup_name);
  gtk_widget_class_bind_template_callback (widget_class, setup_period);
  gtk_widget_class_bind_template_callback (widget_class, setup_all_time);
  gtk_widget_class_bind_template_callback (widget_class, setup_change);
  gtk_widget_class_bind_template_callback (widget_class, setup_likes);
  gtk_widget_class_bind_template_callback (widget_class, setup_sparkline);
}
