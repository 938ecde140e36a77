/* screenshots.c: pictures of the window for a person to look at
 *
 * Not a test: build-aux/test.sh runs it after the tests, and it writes PNG
 * files into the folder it is given. Each state of the window (welcome,
 * loading, dashboard, the repository beside or over the table, a banner,
 * the sign-in dialog) at a phone's size (360 × 640), a laptop's (1024 × 768)
 * and a wide screen's (1920 × 1080), in light and dark. With --german MO, the
 * same in German from that compiled catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "fake-hub.h"
#include "hub-import-dialog.h"
#include "hub-net.h"
#include "hub-sign-in-dialog.h"
#include "hub-ui-test-util.h"
#include "hub-window-private.h"
#include "hub-window-public.h"

static const char *out_dir;
static FakeHub *hub;
static const char *prefix = "";
static guint saved;

static const struct {
  const char *name;
  int         width;
  int         height;
} sizes[] = {
  { "360x640", 360, 640 },
  { "1024x768", 1024, 768 },
  { "1920x1080", 1920, 1080 },
};

static const struct {
  const char     *name;
  AdwColorScheme  scheme;
} schemes[] = {
  { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
  { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
};

static void
save (HubWindow  *window,
      const char *state,
      const char *size,
      const char *scheme)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = g_strdup_printf ("%s%s-%s-%s.png", prefix, state, size, scheme);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);

  /* A picture program, not a test: let animations and layout finish. */
  hub_test_wait_frames (25);
  texture = hub_test_render (GTK_WIDGET (window));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s\n", path);
  saved++;
}

static HubWindow *
open_demo (int width,
           int height)
{
  HubWindow *window = hub_test_open_window (NULL, width, height);

  hub_window_open_demo (window);
  hub_test_wait_loaded (window);
  return window;
}

static gboolean
not_loading (gpointer data)
{
  return !hub_window_get_loading (HUB_WINDOW (data));
}

static gboolean
import_shown (gpointer data)
{
  return HUB_IS_IMPORT_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)));
}

static gboolean
no_dialog (gpointer data)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (data)) == NULL;
}

/* An author's public view from the test Hub: snapshots a week apart over
 * two months, so that the chart draws estimates; then the same view as an
 * organisation's fallback when its plan has no breakdown, and the preview
 * of a folder of community snapshots. */
static void
shoot_public (guint size,
              guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  g_autoptr(GError) refusal = g_error_new_literal (HUB_NET_ERROR, HUB_NET_ERROR_FORBIDDEN,
                                                   "refused");
  g_autoptr(GFile) folder = g_file_new_for_path (SNAPSHOTS_DIR);
  HubWindow *window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  HubDay first = hub_day_from_ymd (2026, 9, 20);

  for (guint week = 0; week <= 9; week++)
    {
      hub_window_set_today (window, first + week * 7);
      hub_window_open_author (window, "aurora");
      hub_test_wait_for (not_loading, window, 30, "a snapshot of aurora");
    }
  save (window, "public", size_name, scheme_name);
  g_signal_emit_by_name (hub_window_get_public_view (window), "repo-activated", 0);
  save (window, "public-detail", size_name, scheme_name);
  adw_navigation_split_view_set_show_content (window->split_view, FALSE);

  hub_window_fall_back_to_public (window, "aurora", refusal);
  hub_test_wait_for (not_loading, window, 30, "aurora's fallback");
  save (window, "plan-refused", size_name, scheme_name);

  hub_window_import_folder (window, folder);
  hub_test_wait_for (import_shown, window, 30, "the import preview");
  save (window, "import-preview", size_name, scheme_name);
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  hub_test_wait_for (no_dialog, window, 10, "the import preview to close");
  hub_test_close_window (window);
}

/* Request logs alone: a repository of the Audience view opens a page of
 * its figures in the logs, with no chart of the Hub's downloads. */
static void
shoot_logs_repo (guint size,
                 guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  const char *names[] = { "day-1.csv", "day-2.jsonl" };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  HubWindow *window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (LOGS_DIR, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  hub_window_open_files (window, G_LIST_MODEL (files));
  hub_test_wait_loaded (window);
  row = hub_test_find_named (GTK_WIDGET (window->audience), "repo-model/acme/acme-phi-small-0");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  save (window, "logs-repo", size_name, scheme_name);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (window->logs_repo_box),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "logs-repo-end", size_name, scheme_name);
  }
  hub_test_close_window (window);
}

static void
shoot_size (guint size,
            guint scheme)
{
  const char *size_name = sizes[size].name;
  const char *scheme_name = schemes[scheme].name;
  g_autoptr(GError) offline = g_error_new_literal (HUB_NET_ERROR, HUB_NET_ERROR_OFFLINE,
                                                   "offline");
  HubWindow *window;
  GtkWidget *dialog;
  GtkWindow *dialog_parent;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme].scheme);

  window = hub_test_open_window (NULL, sizes[size].width, sizes[size].height);
  save (window, "welcome", size_name, scheme_name);
  hub_window_begin_progress (window, "big-breakdown.csv", FALSE);
  save (window, "loading", size_name, scheme_name);
  hub_window_end_progress (window);
  hub_test_close_window (window);

  window = open_demo (sizes[size].width, sizes[size].height);
  save (window, "dashboard", size_name, scheme_name);

  /* A custom range of two weeks, against the two weeks before it
   * (weekday-matched); then its picker's menu, a surface of its own. */
  {
    HubDay as_of = hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window)));
    HubRangePicker *picker = size == 0 ? window->narrow_range_picker : window->range_picker;
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (picker))));
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%srange-menu-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    g_action_group_activate_action (G_ACTION_GROUP (window), "comparison", g_variant_new_string ("previous"));
    hub_range_picker_set_range (picker, HUB_RANGE_CUSTOM, (HubRange) { as_of - 20, as_of - 7 });
    save (window, "range", size_name, scheme_name);
    gtk_menu_button_popup (button);
    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (gtk_menu_button_get_popover (button)));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
    gtk_menu_button_popdown (button);
    /* The other scenes in the last 30 days. */
    hub_range_picker_set_preset (picker, HUB_RANGE_LAST_30_DAYS);
  }

  /* The demo's month of request logs: the Audience view, its top and its end. */
  adw_view_stack_set_visible_child_name (window->view_stack, "audience");
  save (window, "audience", size_name, scheme_name);
  {
    /* The top identities, to be marked as the organisation's own. */
    GtkMenuButton *team = GTK_MENU_BUTTON (hub_test_find_named (GTK_WIDGET (window->audience),
                                                                "audience-team-button"));

    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%saudience-team-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    /* A popover is a surface of its own: it is pictured alone. */
    gtk_menu_button_popup (team);
    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (gtk_menu_button_get_popover (team)));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
    gtk_menu_button_popdown (team);
  }
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (window->audience),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "audience-end", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  adw_view_stack_set_visible_child_name (window->view_stack, "downloads");

  hub_test_open_repo (window, 0);
  /* Two notes of the repository, marked on its chart (the history keeps
   * them from one size to the next). */
  if (hub_repo_detail_get_n_notes (window->detail) == 0)
    {
      HubDay as_of = hub_dataset_get_as_of (hub_source_get_dataset (hub_window_get_source (window)));
      g_autoptr(GError) error = NULL;

      if (!hub_repo_detail_add_note (window->detail, as_of - 40, "Paper accepted", &error) ||
          !hub_repo_detail_add_note (window->detail, as_of - 12, "Version 2 released", &error))
        g_error ("%s", error->message);
    }
  save (window, "detail", size_name, scheme_name);
  {
    /* The notes under the chart. */
    GtkWidget *notes = hub_test_find_named (GTK_WIDGET (window->detail), "notes");
    GtkWidget *scroller = gtk_widget_get_ancestor (notes, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (notes, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adjustment, at.y - gtk_adjustment_get_page_size (adjustment) / 2);
    save (window, "detail-notes", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  {
    /* The repository in the request logs, under its downloads. */
    GtkWidget *audience = hub_repo_detail_get_audience (window->detail);
    GtkWidget *scroller = gtk_widget_get_ancestor (audience, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    g_assert_true (gtk_widget_get_visible (audience));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save (window, "detail-audience", size_name, scheme_name);
    gtk_adjustment_set_value (adjustment, 0);
  }
  adw_navigation_split_view_set_show_content (window->split_view, FALSE);

  hub_window_set_problem (window, "demo", offline);
  save (window, "banner", size_name, scheme_name);
  hub_window_set_problem (window, "demo", NULL);

  /* The datasets alone: the cards sum the rows shown. */
  hub_repo_table_set_type_filter (hub_window_get_table (window), HUB_REPO_KIND_DATASET);
  save (window, "narrowed", size_name, scheme_name);
  hub_repo_table_set_type_filter (hub_window_get_table (window), -1);

  gtk_editable_set_text (hub_repo_table_get_search_entry (hub_window_get_table (window)),
                         "no such repository");
  save (window, "search-empty", size_name, scheme_name);
  hub_test_close_window (window);

  shoot_logs_repo (size, scheme);

  shoot_public (size, scheme);

  dialog = hub_sign_in_dialog_new ("https://huggingface.co", NULL, FALSE);
  dialog_parent = hub_test_present_dialog (dialog, sizes[size].width, sizes[size].height);
  {
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree char *name = g_strdup_printf ("%ssign-in-%s-%s.png", prefix, size_name, scheme_name);
    g_autofree char *path = g_build_filename (out_dir, name, NULL);

    hub_test_wait_frames (25);
    texture = hub_test_render (GTK_WIDGET (dialog_parent));
    if (!gdk_texture_save_to_png (texture, path))
      g_error ("Could not write %s", path);
    g_print ("%s\n", path);
    saved++;
  }
  gtk_window_destroy (dialog_parent);
}

/* A catalogue compiled from po/de.po, in a folder of its own for gettext. */
static void
use_german (const char *mo_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *localedir = g_dir_make_tmp ("hub-locale-XXXXXX", &error);
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  messages = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_mkdir_with_parents (messages, 0700);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (mo_path, &contents, &length, &error) ||
      !g_file_set_contents (target, contents, (gssize) length, &error))
    g_error ("%s", error->message);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  prefix = "de-";
}

int
main (int   argc,
      char *argv[])
{
  const char *german = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--german"))
    {
      german = argv[2];
      g_setenv ("LANGUAGE", "de", TRUE);
      g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
      out_dir = argv[3];
    }
  else if (argc == 2)
    out_dir = argv[1];
  else
    {
      g_printerr ("usage: %s [--german MO-FILE] OUT-DIR\n", argv[0]);
      return 2;
    }

  hub_test_ui_init (&argc, &argv);
  /* Numbers as a person reads them: grouped, in the language shown. */
  if (german != NULL)
    {
      setlocale (LC_ALL, "de_DE.UTF-8");
      use_german (german);
    }
  else if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_mkdir_with_parents (out_dir, 0755);

  /* The public view's Hub and history: the test Hub, a history of its own;
   * a cache of its own. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *data_dir = g_dir_make_tmp ("hub-screenshots-XXXXXX", &error);

    g_assert_no_error (error);
    g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
    /* The request logs' stores too: nothing of a run stays in the user's cache. */
    g_setenv ("XDG_CACHE_HOME", data_dir, TRUE);
    hub = fake_hub_new (g_bytes_new_static ("repoType,repoName,total,timestamp,downloads\n", 43));
    g_setenv ("HF_ENDPOINT", hub->url, TRUE);
    g_unsetenv ("HF_TOKEN");
    g_setenv ("HF_TOKEN_PATH", "/nonexistent/token", TRUE);
  }

  if (german != NULL)
    shoot_size (1, 0);
  else
    for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
      for (guint scheme = 0; scheme < G_N_ELEMENTS (schemes); scheme++)
        shoot_size (size, scheme);

  g_print ("%u pictures in %s\n", saved, out_dir);
  return 0;
}
