/* bench-frames.c: the window's frames from a file opened to its table filled
 *
 * The window opens FILE.csv; each frame from the read's end on is printed
 * with its start and the wall-clock gap since the previous frame ended,
 * then the main thread's CPU time: before the frame (work outside frames,
 * such as the models set when the read ends), in its update phase (tick
 * callbacks: the table filling), its layout (measuring and allocating new
 * widgets) and its paint (snapshot and render), and the table's rows at
 * its end. Last come how many frames added rows to the table and how much
 * update and layout they took: the table's fill. The most CPU time of the
 * main thread from one frame's end to the next's is what
 * build-aux/bench-ui.sh holds to the budget (16 ms); unlike the longest
 * wall-clock time between them, it does not depend on what else the
 * machine runs, nor on the frame clock. With LP_NUM_THREADS=0, Mesa's
 * software renderer draws in the main thread, and is counted.
 *
 *   bench-frames FILE.csv…
 *
 * Files are opened in turn in one window: the same file twice shows the
 * costs of a first dashboard (shaders, glyphs, widgets made) apart. Under
 * callgrind, --collect-atstart=no --toggle-collect=hub_window_add_source
 * counts the models and widgets set when the read ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "hub-ui-test-util.h"

/* The main thread's CPU time, in µs. */
static gint64
thread_cpu (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * G_USEC_PER_SEC + t.tv_nsec / 1000;
}

typedef struct
{
  gint64 start;        /* before-paint, wall clock */
  gint64 painted;      /* after-paint, wall clock */
  gint64 cpu_start;    /* the main thread's CPU time at before-paint, */
  gint64 cpu_updated;  /* when the update phase ended (tick callbacks: the table filling), */
  gint64 cpu_laid_out; /* when the layout phase ended, */
  gint64 cpu_painted;  /* and at after-paint */
  guint  rows;         /* the table's rows at after-paint */
} Frame;

static GArray *frames;
static Frame   current;
static gint64  read_at;   /* the read ended: the window's models are set next */
static gint64  shown_at;  /* the window's models and widgets set */
static gint64  opened_at;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  current = (Frame) { .start = g_get_monotonic_time (), .cpu_start = thread_cpu () };
  current.cpu_updated = current.cpu_laid_out = current.cpu_start;
}

static void
on_update (GdkFrameClock *clock,
           gpointer       user_data)
{
  current.cpu_updated = current.cpu_laid_out = thread_cpu ();
}

static void
on_layout (GdkFrameClock *clock,
           gpointer       user_data)
{
  current.cpu_laid_out = thread_cpu ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  HubRepoTable *table = user_data;

  current.cpu_painted = thread_cpu ();
  current.rows = g_list_model_get_n_items (hub_repo_table_get_model (table));
  current.painted = g_get_monotonic_time ();
  if (current.start != 0)
    g_array_append_val (frames, current);
  current.start = 0;
}

/* The window's debug lines tell when the read ended and when the models
 * and widgets were set (hub-window-loading.c). */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      {
        if (read_at == 0 && g_str_has_prefix (fields[i].value, "Read "))
          read_at = g_get_monotonic_time ();
        else if (shown_at == 0 && g_str_has_prefix (fields[i].value, "Models and widgets set"))
          shown_at = g_get_monotonic_time ();
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* n more frames of the window, with no limit on how long they take (the
 * tests' hub_test_wait_frames() gives up after 20 s: a frame under
 * callgrind can take seconds). */
static void
wait_frames (GtkWidget *window,
             guint      n)
{
  GdkFrameClock *clock;
  gint64 target;

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  target = gdk_frame_clock_get_frame_counter (clock) + n;
  while (gdk_frame_clock_get_frame_counter (clock) < target)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Opens path and prints its frames. */
static void
measure (HubWindow  *window,
         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  HubRepoTable *table = hub_window_get_table (window);
  gint64 previous_end = 0, previous_cpu = 0, longest = 0, most_cpu = 0;
  guint previous_rows = 0;
  g_autoptr(GArray) filling = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_set_size (frames, 0);
  read_at = shown_at = 0;
  opened_at = g_get_monotonic_time ();
  hub_window_open_file (window, file);
  while (shown_at == 0 || hub_window_get_loading (window) || hub_repo_table_get_filling (table))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (window), 3);

  g_print ("%s: read %.1f ms after it was opened; the models and widgets set %.1f ms later\n",
           path, (read_at - opened_at) / 1000.0, (shown_at - read_at) / 1000.0);
  g_print ("  frame   at(ms)    gap  |  cpu:  before  update  layout   paint   total  |   rows\n");
  for (guint i = 0; i < frames->len; i++)
    {
      Frame *f = &g_array_index (frames, Frame, i);

      if (f->painted >= read_at && previous_end != 0)
        {
          g_print ("%7u %8.1f %6.1f  |      %7.1f %7.1f %7.1f %7.1f %7.1f  | %6u\n", i,
                   (f->start - read_at) / 1000.0, (f->start - previous_end) / 1000.0,
                   (f->cpu_start - previous_cpu) / 1000.0,
                   (f->cpu_updated - f->cpu_start) / 1000.0,
                   (f->cpu_laid_out - f->cpu_updated) / 1000.0,
                   (f->cpu_painted - f->cpu_laid_out) / 1000.0,
                   (f->cpu_painted - previous_cpu) / 1000.0,
                   f->rows);
          longest = MAX (longest, f->painted - MAX (previous_end, read_at));
          most_cpu = MAX (most_cpu, f->cpu_painted - previous_cpu);
          if (f->rows > previous_rows)
            {
              gint64 work = f->cpu_laid_out - f->cpu_start;

              g_array_append_val (filling, work);
            }
        }
      previous_end = f->painted;
      previous_cpu = f->cpu_painted;
      previous_rows = f->rows;
    }
  g_print ("longest from one frame's end to the next's (from the read's end on): %.1f ms; "
           "most CPU time of the main thread from one frame's end to the next's: %.1f ms\n",
           longest / 1000.0, most_cpu / 1000.0);
  /* The frames that added rows to the table: how many, and how much of
   * each their update and layout took. */
  if (filling->len > 0)
    {
      g_array_sort (filling, compare_times);
      g_print ("the table's rows came in %u frames; their update and layout took %.1f ms "
               "of CPU time at the median, %.1f ms at most\n", filling->len,
               g_array_index (filling, gint64, filling->len / 2) / 1000.0,
               g_array_index (filling, gint64, filling->len - 1) / 1000.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  HubWindow *window;
  GdkFrameClock *clock;

  /* The renderer the app picks, not the tests' cairo (unless told). */
  g_setenv ("GDK_DISABLE", "", FALSE);
  hub_test_ui_init (&argc, &argv);
  g_log_set_writer_func (log_writer, NULL, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: bench-frames FILE.csv…\n");
      return 2;
    }
  frames = g_array_new (FALSE, FALSE, sizeof (Frame));

  window = hub_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (GTK_WIDGET (window), 2);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint),
                          hub_window_get_table (window));

  for (int i = 1; i < argc; i++)
    measure (window, argv[i]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
