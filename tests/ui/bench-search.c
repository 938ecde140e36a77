/* bench-search.c: typing in the search over a big table
 *
 * Keys are typed and erased one at a time, as a user does: a character
 * inserted at the end of the entry's text, or the last one deleted (setting
 * the whole text instead would pass through the empty text, which
 * GtkSearchEntry reports at once, and so measure two searches per key).
 * For each keystroke: the time from `search-changed` to the filtered model
 * (every handler of the signal ran, the table's rows rebound), then the next
 * frame's layout (the table's rows measured and allocated) and paint. The
 * budget is one frame, 16 ms, from search-changed to the table laid out,
 * worst keystroke included. The main thread's CPU time over that span is
 * printed too: on a busy machine the wall clock counts other programs' time. The rows out of view follow in the coming
 * frames: after each key, the time until the last frame painted before
 * 100 ms without any (frame waits included) is reported too, and the next
 * key waits for it, as a typist's pause would.
 *
 * Then the whole table is scrolled, half a page a step, each step waiting
 * for its frame: the time from the step to that frame laid out and painted
 * (the frame clock's wait for its slot included).
 *
 *   bench-search FILE.csv [WORD…]
 *
 * The words typed are given, or five of the generator's names: one is
 * enough to count instructions under callgrind, with
 * --collect-atstart=no --toggle-collect=type_key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hub-ui-test-util.h"

typedef struct
{
  const char *text;      /* the text whose search-changed is awaited */
  gint64   emitted;      /* search-changed began */
  gint64   filtered;     /* every handler of search-changed ran */
  gint64   frame_start;  /* the next frame's before-paint */
  gint64   laid_out;     /* the frame's layout phase ended */
  gint64   painted;      /* the frame's paint phase ended */
  gint64   cpu_emitted;  /* the main thread's CPU time at search-changed, */
  gint64   cpu_laid_out; /* at the layout's end */
  gboolean waiting;
} Timing;

/* The main thread's CPU time, in µs: what a keystroke costs whatever else
 * the machine runs (the tests draw with cairo, in this thread). */
static gint64
thread_cpu (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * G_USEC_PER_SEC + t.tv_nsec / 1000;
}

static Timing timing;

static gboolean
on_emission (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  GtkEditable *entry = g_value_get_object (&values[0]);

  if (timing.text != NULL && g_str_equal (gtk_editable_get_text (entry), timing.text))
    {
      timing.emitted = g_get_monotonic_time ();
      timing.cpu_emitted = timing.cpu_laid_out = thread_cpu ();
    }
  return TRUE;
}

static void
on_search_changed_after (GtkSearchEntry *entry,
                         gpointer        user_data)
{
  if (timing.text == NULL || timing.emitted == 0 ||
      !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), timing.text))
    {
      g_printerr ("unexpected search-changed for “%s”\n",
                  gtk_editable_get_text (GTK_EDITABLE (entry)));
      exit (1);
    }
  timing.filtered = g_get_monotonic_time ();
  timing.frame_start = 0;
  timing.waiting = TRUE;
  /* The entry's new text needs a frame anyway; asked for here, one comes
   * even when the search left the table as it was. */
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (entry)),
                                 GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  if (timing.waiting && timing.frame_start == 0)
    {
      timing.frame_start = timing.laid_out = g_get_monotonic_time ();
      timing.cpu_laid_out = thread_cpu ();
    }
}

static void
on_layout (GdkFrameClock *clock,
           gpointer       user_data)
{
  /* A frame with nothing to lay out has no layout phase: laid_out stays
   * at the frame's start. */
  if (timing.waiting && timing.frame_start != 0)
    {
      timing.laid_out = g_get_monotonic_time ();
      timing.cpu_laid_out = thread_cpu ();
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (timing.waiting && timing.frame_start != 0)
    {
      timing.painted = g_get_monotonic_time ();
      timing.waiting = FALSE;
    }
}

/* The rows of widgets the column view holds (its list's children), and
 * how many of them are shown. */
static guint
count_row_widgets (GtkWidget *list_view,
                   guint     *n_visible)
{
  guint n = 0;

  *n_visible = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list_view); child;
       child = gtk_widget_get_next_sibling (child))
    {
      n++;
      *n_visible += gtk_widget_get_visible (child);
    }
  return n;
}

static gint64 last_painted;

static void
on_any_after_paint (GdkFrameClock *clock,
                    gpointer       user_data)
{
  last_painted = g_get_monotonic_time ();
}

static void
on_quiet (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until 100 ms pass without a frame: the time of the
 * last frame painted. It asks for no frame itself (asking would paint one
 * and never let the window settle), and gives up after 60 s of frames
 * (callgrind makes a frame last a second). */
static gint64
wait_settled (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 settled;

  do
    {
      gboolean quiet = FALSE;

      settled = last_painted;
      g_timeout_add_once (100, on_quiet, &quiet);
      while (!quiet)
        g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () - start > 60 * G_USEC_PER_SEC)
        {
          g_printerr ("the window kept painting frames for 60 s\n");
          exit (1);
        }
    }
  while (last_painted != settled);
  return settled;
}

/* One keystroke, until the frame that shows it painted: alone in a function,
 * so that callgrind counts it (--toggle-collect=type_key). */
static G_GNUC_NO_INLINE void
type_key (GtkEditable *entry,
          const char  *typed,
          int          len)
{
  if (len > (int) strlen (gtk_editable_get_text (entry)))
    {
      int position = len - 1;

      gtk_editable_insert_text (entry, typed + len - 1, 1, &position);
    }
  else
    gtk_editable_delete_text (entry, len, -1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, typed);
  while (timing.filtered == 0 || timing.waiting)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, sorted->len / 2);
}

static double
worst (GArray *values)
{
  double w = 0;

  for (guint i = 0; i < values->len; i++)
    w = MAX (w, g_array_index (values, double, i));
  return w;
}

int
main (int   argc,
      char *argv[])
{
  static const char *default_words[] = { "llama-7b", "corpus", "qwen-instruct", "whisper", "e5" };
  const char * const *words = default_words;
  guint n_words = G_N_ELEMENTS (default_words);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) to_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_settled = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_to_layout = g_array_new (FALSE, FALSE, sizeof (double));
  HubWindow *window;
  GtkEditable *entry;
  GdkFrameClock *clock;
  GtkWidget *list_view;
  GString *typed = g_string_new (NULL);
  guint repos;
  gint64 load_start;

  hub_test_ui_init (&argc, &argv);
  if (argc < 2)
    {
      g_printerr ("usage: bench-search FILE.csv [WORD…]\n");
      return 2;
    }

  /* Not hub_test_open_window and hub_test_wait_loaded: their waits fail
   * after 20 s, which frames under callgrind can take. */
  window = hub_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_commandline_arg (argv[1]);
  load_start = g_get_monotonic_time ();
  hub_window_open_file (window, file);
  while (hub_window_get_loading (window) || hub_repo_table_get_filling (hub_window_get_table (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (hub_window_get_source (window));
  repos = hub_dataset_get_n_repos (hub_source_get_dataset (hub_window_get_source (window)));
  g_print ("# %u repositories, loaded and shown in %.0f ms\n", repos,
           (g_get_monotonic_time () - load_start) / 1000.0);

  entry = hub_repo_table_get_search_entry (hub_window_get_table (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  list_view = hub_test_find_type (hub_test_find_type (GTK_WIDGET (hub_window_get_table (window)),
                                                     GTK_TYPE_COLUMN_VIEW),
                                  GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              on_emission, NULL, NULL);
  g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_changed_after), NULL);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_any_after_paint), NULL);

  /* The window's own transitions at the end of the load (its progress bar
   * hiding) are over before the first key, as they are when a user starts
   * typing: they would add their frames' work (about 20 ms) to that key's. */
  wait_settled ();

  /* Each word typed a key at a time, then erased a key at a time. */
  if (argc > 2)
    {
      words = (const char * const *) argv + 2;
      n_words = argc - 2;
    }
  for (guint w = 0; w < n_words; w++)
    for (int step = 0; step < 2 * (int) strlen (words[w]); step++)
      {
        int len = step < (int) strlen (words[w]) ? step + 1 : 2 * (int) strlen (words[w]) - step - 1;
        double model_ms, layout_ms, paint_ms, settled_ms, cpu_ms;
        gint64 settled;
        guint n_widgets, n_visible;

        g_string_assign (typed, words[w]);
        g_string_truncate (typed, len);
        timing.text = typed->str;
        timing.emitted = timing.filtered = 0;
        type_key (entry, typed->str, len);
        timing.text = NULL;
        settled = wait_settled ();
        settled_ms = (settled - timing.emitted) / 1000.0;
        g_array_append_val (to_settled, settled_ms);

        /* Waiting for the frame clock's next slot is not work: left out. */
        model_ms = (timing.filtered - timing.emitted) / 1000.0;
        layout_ms = model_ms + (timing.laid_out - timing.frame_start) / 1000.0;
        paint_ms = model_ms + (timing.painted - timing.frame_start) / 1000.0;
        g_array_append_val (to_model, model_ms);
        g_array_append_val (to_layout, layout_ms);
        g_array_append_val (to_paint, paint_ms);
        cpu_ms = (timing.cpu_laid_out - timing.cpu_emitted) / 1000.0;
        g_array_append_val (cpu_to_layout, cpu_ms);
        n_widgets = count_row_widgets (list_view, &n_visible);
        g_print ("# %-14s %6u rows %4u row widgets (%3u shown)  filter %6.2f ms  laid out %6.2f ms (cpu %6.2f ms)  painted %6.2f ms  settled %6.2f ms\n",
                 typed->len ? typed->str : "(empty)",
                 g_list_model_get_n_items (hub_repo_table_get_model (hub_window_get_table (window))),
                 n_widgets, n_visible,
                 model_ms, layout_ms, cpu_ms, paint_ms, settled_ms);
      }

  g_print ("keystrokes: %u over %u repositories\n", to_model->len, repos);
  g_print ("search-changed → filtered model:   median %.2f ms, worst %.2f ms\n",
           median (to_model), worst (to_model));
  g_print ("search-changed → table laid out:   median %.2f ms, worst %.2f ms (budget 16 ms)\n",
           median (to_layout), worst (to_layout));
  g_print ("  the main thread's CPU time for it: median %.2f ms, worst %.2f ms\n",
           median (cpu_to_layout), worst (cpu_to_layout));
  g_print ("search-changed → frame painted:    median %.2f ms, worst %.2f ms\n",
           median (to_paint), worst (to_paint));
  g_print ("search-changed → all rows settled: median %.2f ms, worst %.2f ms (frame waits included)\n",
           median (to_settled), worst (to_settled));

  /* Scrolling: the whole table, half a page a step, each step waiting for
   * its frame; the time from the step to the frame laid out and painted. */
  {
    GtkAdjustment *adjustment = hub_repo_table_get_vadjustment (hub_window_get_table (window));
    g_autoptr(GArray) scroll_layout = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) scroll_paint = g_array_new (FALSE, FALSE, sizeof (double));
    guint steps = 0;

    wait_settled ();
    while (steps < 200 && gtk_adjustment_get_value (adjustment) <
                          gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
      {
        double layout_ms, paint_ms;

        timing.emitted = g_get_monotonic_time ();
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                              gtk_adjustment_get_page_size (adjustment) / 2);
        timing.frame_start = 0;
        timing.waiting = TRUE;
        gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
        while (timing.waiting)
          g_main_context_iteration (NULL, TRUE);
        layout_ms = (timing.laid_out - timing.emitted) / 1000.0;
        paint_ms = (timing.painted - timing.emitted) / 1000.0;
        g_array_append_val (scroll_layout, layout_ms);
        g_array_append_val (scroll_paint, paint_ms);
        steps++;
      }
    g_print ("scrolling, half a page a step: %u steps\n", steps);
    if (steps > 0)
      {
        g_print ("step → frame laid out:   median %.2f ms, worst %.2f ms\n",
                 median (scroll_layout), worst (scroll_layout));
        g_print ("step → frame painted:    median %.2f ms, worst %.2f ms\n",
                 median (scroll_paint), worst (scroll_paint));
      }
  }

  g_string_free (typed, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  return worst (to_layout) <= 16.0 ? 0 : 1;
}
