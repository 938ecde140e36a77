/* hub-ui-test-util.c: what the window and widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hub-history.h"
#include "hub-ui.h"
#include "hub-ui-test-util.h"

/* The C locale, so that the expected strings need no grouping; a test of the
 * grouping sets LC_NUMERIC itself. Without a GPU (Xvfb), GDK would load
 * Mesa's software driver and unload it again, which LeakSanitizer then reports
 * from an unknown module that no suppression can name: the tests draw with
 * GSK's cairo renderer unless GDK_DISABLE says otherwise. */
void
hub_test_ui_init (int    *argc,
                  char ***argv)
{
  /* Kept in memory, unless a test chose a keyfile of its own first. */
  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "keyfile") != 0)
    g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_DISABLE", "gl", FALSE);
  gtk_test_init (argc, argv, NULL);
  /* After gtk_test_init, which enters en_US.UTF-8 where the machine has it. */
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  hub_ui_init ();
}

static void
on_wait_frames_timeout (gpointer what)
{
  g_error ("%s", (const char *) what);
}

/* Runs the main loop until every window shown has painted n more frames
 * (so that layout and paint have happened), asking each for frames
 * meanwhile; with no window shown, until nothing is left to do. A wait of
 * more than 20 s fails the test. */
void
hub_test_wait_frames (guint n)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) clocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint timeout;
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_mapped (window) ? gtk_widget_get_frame_clock (window)
                                                            : NULL;
      gint64 target;

      if (clock == NULL)
        continue;
      target = gdk_frame_clock_get_frame_counter (clock) + n;
      g_ptr_array_add (clocks, g_object_ref (clock));
      g_array_append_val (targets, target);
    }

  timeout = g_timeout_add_seconds_once (20, on_wait_frames_timeout,
                                        (gpointer) "The windows painted no frames for 20 s");
  while (!done)
    {
      done = TRUE;
      for (guint i = 0; i < clocks->len; i++)
        {
          GdkFrameClock *clock = g_ptr_array_index (clocks, i);

          if (gdk_frame_clock_get_frame_counter (clock) < g_array_index (targets, gint64, i))
            {
              gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
              done = FALSE;
            }
        }
      if (!done || g_main_context_pending (NULL))
        {
          g_main_context_iteration (NULL, !done);
          done = done && !g_main_context_pending (NULL);
        }
    }
  g_source_remove (timeout);
}

void
hub_test_wait_loaded (HubWindow *window)
{
  HubRepoTable *table = hub_window_get_table (window);

  /* The read, then the table filling over its first frames. */
  while (hub_window_get_loading (window) || hub_repo_table_get_filling (table))
    g_main_context_iteration (NULL, TRUE);
  hub_test_wait_frames (6);
}

/* The range every window shows: those open now, as Alt+1 … Alt+8 choose
 * it, and those opened next, as the range chosen last. What earlier tests
 * left (a source's own range, the comparison) goes. */
void
hub_test_set_preset (HubRangePreset preset)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GEnumClass) presets = g_type_class_ref (HUB_TYPE_RANGE_PRESET);
  GListModel *toplevels = gtk_window_get_toplevels ();
  int index = 0;
  HubRangePreset at;

  while (hub_range_picker_preset_at ((guint) index, &at) && at != preset)
    index++;
  g_assert_cmpint (at, ==, preset);
  g_settings_reset (settings, "ranges");
  g_settings_reset (settings, "comparison");
  g_settings_set_value (settings, "last-range",
                        g_variant_new ("(siss)", g_enum_get_value (presets, preset)->value_nick,
                                       0, "", ""));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (HUB_IS_WINDOW (window))
        g_assert_true (gtk_widget_activate_action (window, "win.range-preset", "i", index));
    }
  hub_test_wait_frames (3);
}

char *
hub_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "ui", name, NULL);
}

/* A window at the given size, with the fixture opened (when not NULL). */
HubWindow *
hub_test_open_window (const char *fixture,
                      int         width,
                      int         height)
{
  HubWindow *window = hub_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (fixture != NULL)
    {
      g_autofree char *path = hub_test_fixture_path (fixture);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      hub_window_open_file (window, file);
      hub_test_wait_loaded (window);
    }
  hub_test_wait_frames (6);
  return window;
}

/* Destroys the window and checks that nothing kept it alive. */
void
hub_test_close_window (HubWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 1000 && weak != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

GtkWidget *
hub_test_find_named (GtkWidget  *root,
                     const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hub_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
hub_test_find_type (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hub_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

const char *
hub_test_label_text (GtkWidget  *root,
                     const char *name)
{
  GtkWidget *label = hub_test_find_named (root, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

/* What the widget shows, drawn by its window's renderer. A widget waiting
 * for its allocation draws nothing: that is waited for, up to two seconds. */
GdkTexture *
hub_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = 0, height = 0;

  g_assert_nonnull (renderer);
  for (int attempt = 0; attempt < 40 && node == NULL; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        hub_test_wait_frames (3);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static gboolean
on_wait_timeout (gpointer what)
{
  g_error ("%s did not happen in time", (const char *) what);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until done (data) holds; a test that waits longer than
 * seconds fails, naming what it waited for. */
void
hub_test_wait_for (HubTestDone  done,
                   gpointer     data,
                   guint        seconds,
                   const char  *what)
{
  guint timeout = g_timeout_add_seconds (seconds, on_wait_timeout, (gpointer) what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* Starts server on 127.0.0.1 and returns its address as an endpoint
 * ("http://127.0.0.1:PORT", no final slash). */
char *
hub_test_listen_local (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *text = NULL;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  text = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';
  return g_steal_pointer (&text);
}

/* A dialog shown as the app shows it: over a window of the given size,
 * which the test destroys (and the dialog with it). */
GtkWindow *
hub_test_present_dialog (GtkWidget *dialog,
                         int        width,
                         int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
  return window;
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Emits signal on instance (a row's activation), then waits until the
 * repository's page has slid in where the window pushes it (a collapsed
 * split view). A window destroyed while that transition runs corrupts
 * memory in libadwaita 1.7 (the page is put back into the navigation view
 * being disposed), and a person cannot close a window that fast. */
static void
open_and_wait (HubWindow  *window,
               gpointer    instance,
               const char *signal,
               guint       position)
{
  AdwNavigationSplitView *split =
    ADW_NAVIGATION_SPLIT_VIEW (hub_test_find_type (GTK_WIDGET (window),
                                                   ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  AdwNavigationPage *content = adw_navigation_split_view_get_content (split);
  gboolean shown = FALSE;
  gulong id = g_signal_connect_swapped (content, "shown", G_CALLBACK (set_flag), &shown);

  g_signal_emit_by_name (instance, signal, position);
  if (adw_navigation_split_view_get_collapsed (split))
    hub_test_wait_for (flag_set, &shown, 10, "the repository's page to slide in");
  g_signal_handler_disconnect (content, id);
}

/* What a double click on a row of the table does, at position as shown. */
void
hub_test_activate_row (HubWindow *window,
                       guint      position)
{
  open_and_wait (window, hub_test_find_type (GTK_WIDGET (hub_window_get_table (window)),
                                             GTK_TYPE_COLUMN_VIEW),
                 "activate", position);
}

/* Opens the page of the repository at index of the dataset. */
void
hub_test_open_repo (HubWindow *window,
                    guint      index)
{
  open_and_wait (window, hub_window_get_table (window), "repo-activated", index);
}

/* The insights' organisation: 120 days to 2026-11-21 (a Saturday), a
 * growing model, a falling one, a steady dataset with a spike on 11 Nov,
 * one new in the last week, one gone quiet; with_space adds a space. */
HubDataset *
hub_test_insights_dataset (gboolean with_space)
{
  g_autoptr(GString) csv = g_string_new ("repoType,repoName,total,timestamp,downloads\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HubDay as_of = hub_day_from_ymd (2026, 11, 21);
  HubDataset *dataset;

  for (int i = 0; i < 120; i++)
    {
      HubDay day = as_of - 119 + i;
      char iso[HUB_DAY_ISO_LEN];
      gboolean weekend = hub_day_weekday (day) >= 6;

      hub_day_format (day, iso);
      g_string_append_printf (csv, "model,aurora/rising,900000,%s,%d\n", iso,
                              (2000 + 40 * i) * (weekend ? 6 : 10) / 10);
      g_string_append_printf (csv, "model,aurora/fading,0,%s,%d\n", iso, 9000 - 60 * i);
      g_string_append_printf (csv, "dataset,aurora/corpus,0,%s,%d\n", iso, i == 110 ? 30000 : 3000);
      if (i >= 114)
        g_string_append_printf (csv, "model,aurora/fresh,0,%s,%d\n", iso, 500 + i);
      if (i < 100)
        g_string_append_printf (csv, "model,aurora/retired,0,%s,%d\n", iso, 300);
      if (with_space)
        g_string_append_printf (csv, "space,aurora/demo,0,%s,%d\n", iso, 800 + 10 * (i % 7));
    }
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = hub_dataset_load_bytes (bytes, "aurora.csv", &error);
  g_assert_no_error (error);
  return dataset;
}

/* Two followed authors' snapshots in the app's history, over the days of
 * hub_test_insights_dataset () (for Insights' comparison): lumen a week
 * apart (and on the last day), 700 more downloads a day; quill daily, 300
 * a day, then 600 from 10 Nov. */
void
hub_test_save_author_snapshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubHistory) history = hub_history_open (NULL, &error);
  HubDay first = hub_day_from_ymd (2026, 10, 1), last = hub_day_from_ymd (2026, 11, 21);
  gint64 quill = 50000;

  g_assert_no_error (error);
  for (HubDay day = first; day <= last; day++)
    {
      const char *authors[] = { "lumen", "quill" };

      if (day > first)
        quill += day >= hub_day_from_ymd (2026, 11, 10) ? 600 : 300;
      for (guint a = 0; a < 2; a++)
        {
          g_autoptr(GPtrArray) infos = NULL;
          HubRepoInfo *info;

          if (a == 0 && (day - first) % 7 != 0 && day != last)
            continue;
          infos = g_ptr_array_new_with_free_func ((GDestroyNotify) hub_repo_info_free);
          info = g_new0 (HubRepoInfo, 1);
          info->type = g_strdup ("model");
          info->name = g_strdup_printf ("%s/model", authors[a]);
          info->likes = -1;
          info->downloads = -1;
          info->trending_score = -1;
          info->downloads_all_time = a == 0 ? 1000000 + 700 * (day - first) : quill;
          g_ptr_array_add (infos, info);
          g_assert_true (hub_history_save_snapshot (history, "https://huggingface.co", authors[a], day,
                                                    NULL, infos, &error));
          g_assert_no_error (error);
        }
    }
}
