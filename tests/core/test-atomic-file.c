/* test-atomic-file.c: files that appear whole or not at all, what the
 * cache, `--fetch` and the CSV export write through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-atomic-file-private.h"

#define OLD_CONTENTS "old contents\n"

static const char *self_path;

/* The child: starts writing path, says so, and waits to be killed. */
G_NORETURN static void
write_and_wait (const char *path,
                gboolean    unnamed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubAtomicFile) file = hub_atomic_file_new_full (path, 0600, unnamed, &error);
  g_autofree char *block = g_strnfill (64 * 1024, 'x');

  g_assert_no_error (error);
  for (guint i = 0; i < 16; i++)
    g_assert_true (g_output_stream_write_all (hub_atomic_file_get_stream (file), block,
                                              strlen (block), NULL, NULL, &error));
  g_print ("writing\n");
  fflush (stdout);
  for (;;)
    pause ();
}

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hub-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "acme.breakdown", NULL);
  g_file_set_contents (f->path, OLD_CONTENTS, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The names in the folder besides the file itself. */
static guint
count_others (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "acme.breakdown"))
      {
        g_test_message ("left in the folder: %s", name);
        n++;
      }
  return n;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
timed_out_cb (gpointer data)
{
  g_error ("the child did not start writing in time: the test would have hung");
  return G_SOURCE_REMOVE;
}

static void
line_read (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **line = user_data;
  g_autoptr(GError) error = NULL;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                     &error);
  g_assert_no_error (error);
  if (*line == NULL)
    *line = g_strdup ("");
}

/* A child writing path, once it has written a megabyte and not finished. */
static GSubprocess *
start_writer (const char *path,
              gboolean    unnamed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *child;
  guint timeout;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path,
                            unnamed ? "--write-unnamed" : "--write-named", path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, line_read, &line);
  timeout = g_timeout_add_seconds (20, timed_out_cb, NULL);
  while (line == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpstr (line, ==, "writing");
  return child;
}

static void
kill_writer (GSubprocess *child)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_force_exit (child);
  g_assert_true (g_subprocess_wait (child, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

/* kill -9 in the middle of writing an unnamed file leaves nothing. */
static void
test_killed_unnamed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSubprocess) child = start_writer (f->path, TRUE);

  kill_writer (child);
  g_assert_cmpuint (count_others (f), ==, 0);
  assert_contents (f->path, OLD_CONTENTS);
}

/* Without O_TMPFILE: the named file a killed writer left is recognisable,
 * and removed once no process holds it; one being written is kept. */
static void
test_killed_named (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSubprocess) child = start_writer (f->path, FALSE);

  g_assert_cmpuint (count_others (f), ==, 1);
  g_assert_cmpuint (hub_atomic_file_remove_stale (f->dir), ==, 0);
  g_assert_cmpuint (count_others (f), ==, 1);

  kill_writer (child);
  g_assert_cmpuint (count_others (f), ==, 1);
  g_assert_cmpuint (hub_atomic_file_remove_stale (f->dir), ==, 1);
  g_assert_cmpuint (count_others (f), ==, 0);
  assert_contents (f->path, OLD_CONTENTS);
}

static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  gboolean unnamed = GPOINTER_TO_INT (data);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.csv", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HubAtomicFile) file = hub_atomic_file_new_full (f->path, 0600, unnamed, &error);

      g_assert_no_error (error);
      g_assert_true ((hub_atomic_file_get_temporary_path (file) == NULL) == unnamed);
      g_assert_true (g_output_stream_write_all (hub_atomic_file_get_stream (file), "new\n", 4,
                                                NULL, NULL, &error));
      /* Until the commit, the old file is there as it was. */
      assert_contents (f->path, i == 0 ? OLD_CONTENTS : "new\n");
      g_assert_true (hub_atomic_file_commit (file, &error));
      g_assert_no_error (error);
      assert_contents (f->path, "new\n");
    }
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_others (f), ==, 0);

  /* A file that did not exist yet. */
  g_assert_true (hub_atomic_file_set_contents (fresh, "a,b\n", 4, 0600, &error));
  g_assert_no_error (error);
  assert_contents (fresh, "a,b\n");
  g_unlink (fresh);
}

/* A file dropped before its commit changes nothing and leaves nothing. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  gboolean unnamed = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  HubAtomicFile *file = hub_atomic_file_new_full (f->path, 0600, unnamed, &error);

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (hub_atomic_file_get_stream (file), "half", 4,
                                            NULL, NULL, &error));
  hub_atomic_file_free (file);
  assert_contents (f->path, OLD_CONTENTS);
  g_assert_cmpuint (count_others (f), ==, 0);
}

/* A folder that is a file: an error naming the destination, nothing made. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (f->path, "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hub_atomic_file_set_contents (inside, "x", 1, 0600, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, inside));
  assert_contents (f->path, OLD_CONTENTS);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-unnamed"))
    write_and_wait (argv[2], TRUE);
  if (argc == 3 && g_str_equal (argv[1], "--write-named"))
    write_and_wait (argv[2], FALSE);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/core/atomic-file/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("killed-unnamed", test_killed_unnamed, NULL);
  ADD ("killed-named", test_killed_named, NULL);
  ADD ("commit-unnamed", test_commit, GINT_TO_POINTER (TRUE));
  ADD ("commit-named", test_commit, GINT_TO_POINTER (FALSE));
  ADD ("discard-unnamed", test_discard, GINT_TO_POINTER (TRUE));
  ADD ("discard-named", test_discard, GINT_TO_POINTER (FALSE));
  ADD ("unwritable", test_unwritable, NULL);
#undef ADD

  return g_test_run ();
}
