/* hub-test-util.c: loading text every way the parser can read it, for the tests and the fuzzer
 *
 * Every way must give the same dataset, or the same error at the same line:
 * in one buffer, fed a byte at a time (a byte order mark or a CRLF cut in
 * two), from a stream, and from a file on one thread or split across two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memfd_create() */

#include "config.h"

#include <gio/gio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "hub-parser-private.h"
#include "hub-test-util.h"

static void
assert_repos_equal (const HubRepo *a,
                    const HubRepo *b)
{
  g_assert_cmpstr (a->type, ==, b->type);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->total, ==, b->total);
  g_assert_cmpuint (a->n_days, ==, b->n_days);
  if (a->n_days > 0)
    {
      g_assert_cmpmem (a->days, a->n_days * sizeof (HubDay), b->days, b->n_days * sizeof (HubDay));
      g_assert_cmpmem (a->cum, a->n_days * sizeof (gint64), b->cum, b->n_days * sizeof (gint64));
    }
}

/* Every number and series, but not how many rows it took to say them. */
void
hub_test_assert_same_numbers (HubDataset *a,
                              HubDataset *b)
{
  const HubTotals *ta = hub_dataset_get_totals (a);
  const HubTotals *tb = hub_dataset_get_totals (b);

  g_assert_cmpuint (hub_dataset_get_n_repos (a), ==, hub_dataset_get_n_repos (b));
  for (guint i = 0; i < hub_dataset_get_n_repos (a); i++)
    assert_repos_equal (hub_dataset_get_repo (a, i), hub_dataset_get_repo (b, i));
  assert_repos_equal (hub_dataset_get_overall (a), hub_dataset_get_overall (b));

  g_assert_cmpint (ta->as_of, ==, tb->as_of);
  g_assert_cmpint (ta->first_day, ==, tb->first_day);
  g_assert_cmpint (ta->all_time, ==, tb->all_time);
  g_assert_cmpint (ta->last_month, ==, tb->last_month);
  g_assert_cmpint (ta->previous_month, ==, tb->previous_month);
  g_assert_cmpuint (ta->repos, ==, tb->repos);
  g_assert_cmpuint (ta->models, ==, tb->models);
  g_assert_cmpuint (ta->datasets, ==, tb->datasets);
  g_assert_cmpuint (ta->spaces, ==, tb->spaces);
  g_assert_cmpuint (ta->others, ==, tb->others);
  g_assert_cmpmem (ta->model_downloads, sizeof ta->model_downloads,
                   tb->model_downloads, sizeof tb->model_downloads);
  g_assert_cmpmem (ta->dataset_downloads, sizeof ta->dataset_downloads,
                   tb->dataset_downloads, sizeof tb->dataset_downloads);
}

void
hub_test_assert_datasets_equal (HubDataset *a,
                                HubDataset *b)
{
  const HubTotals *ta = hub_dataset_get_totals (a);
  const HubTotals *tb = hub_dataset_get_totals (b);

  hub_test_assert_same_numbers (a, b);
  g_assert_cmpuint (ta->rows, ==, tb->rows);
  g_assert_cmpuint (ta->merged_repeats, ==, tb->merged_repeats);
}

void
hub_test_assert_errors_equal (const GError *a,
                              const GError *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (g_quark_to_string (a->domain), ==, g_quark_to_string (b->domain));
  g_assert_cmpint (a->code, ==, b->code);
  g_assert_cmpstr (a->message, ==, b->message);
}

HubDataset *
hub_test_load_in_pieces (const char  *text,
                         gsize        len,
                         gsize        piece,
                         GError     **error)
{
  g_autoptr(HubParser) parser = hub_parser_new (HUB_TEST_SOURCE, NULL);

  for (gsize at = 0; at < len; at += piece)
    if (!hub_parser_feed (parser, text + at, MIN (piece, len - at), error))
      return NULL;
  return hub_parser_finish (parser, error);
}

/* Every record through libcsv, none by the fast way for rows without
 * quotes: both must give the same dataset or the same error. */
static HubDataset *
load_by_libcsv (const char  *text,
                gsize        len,
                gsize        piece,
                GError     **error)
{
  g_autoptr(HubParser) parser = hub_parser_new (HUB_TEST_SOURCE, NULL);

  hub_parser_set_plain_scanner (parser, FALSE);
  for (gsize at = 0; at < len; at += piece)
    if (!hub_parser_feed (parser, text + at, MIN (piece, len - at), error))
      return NULL;
  return hub_parser_finish (parser, error);
}

/* A file in memory: the parser opens it by path and reads it with pread(),
 * as any regular file, without touching the disk. */
static int
memory_file (const char *text,
             gsize       len)
{
  int fd = memfd_create ("hub-test", MFD_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  for (gsize at = 0; at < len;)
    {
      gssize n = write (fd, text + at, len - at);

      g_assert_cmpint (n, >, 0);
      at += (gsize) n;
    }
  return fd;
}

static HubDataset *
load_memory_file (int           fd,
                  goffset       split_min_size,
                  GError      **error)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", fd);

  return hub_dataset_load_file_split (path, HUB_TEST_SOURCE, split_min_size, NULL, NULL, error);
}

static HubDataset *
load_stream (const char  *text,
             gsize        len,
             GError     **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, (gssize) len, NULL);

  return hub_dataset_load_stream (in, HUB_TEST_SOURCE, NULL, NULL, error);
}

static void
check_same (HubDataset   *expected,
            const GError *expected_error,
            HubDataset   *dataset,
            GError       *error)
{
  if (expected != NULL)
    {
      g_assert_no_error (error);
      hub_test_assert_datasets_equal (expected, dataset);
      g_assert_finalize_object (dataset);
    }
  else
    {
      g_assert_null (dataset);
      hub_test_assert_errors_equal (expected_error, error);
      g_error_free (error);
    }
}

HubDataset *
hub_test_load_every_way (const char  *text,
                         gsize        len,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, len);
  g_autoptr(GError) first_error = NULL;
  HubDataset *first;
  gsize pieces[] = { 1, 5, 4099 };
  int fd;

  first = hub_dataset_load_bytes (bytes, HUB_TEST_SOURCE, &first_error);
  g_assert_true ((first == NULL) != (first_error == NULL));

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      GError *other_error = NULL;
      HubDataset *other;

      /* A byte at a time is slow for large texts, and adds nothing there. */
      if (pieces[i] == 1 && len > 256 * 1024)
        continue;
      other = hub_test_load_in_pieces (text, len, pieces[i], &other_error);
      check_same (first, first_error, other, other_error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      GError *other_error = NULL;
      HubDataset *other;

      if (pieces[i] == 1 && len > 256 * 1024)
        continue;
      other = load_by_libcsv (text, len, pieces[i] == 4099 ? MAX (len, 1) : pieces[i], &other_error);
      check_same (first, first_error, other, other_error);
    }

  {
    GError *other_error = NULL;
    HubDataset *other = load_stream (text, len, &other_error);

    check_same (first, first_error, other, other_error);
  }

  fd = memory_file (text, len);
  {
    GError *other_error = NULL;
    HubDataset *other = load_memory_file (fd, G_MAXINT64, &other_error);

    check_same (first, first_error, other, other_error);
  }
  {
    /* Split at the first line boundary after the middle, on two threads. */
    GError *other_error = NULL;
    HubDataset *other = load_memory_file (fd, 1, &other_error);

    check_same (first, first_error, other, other_error);
  }
  close (fd);

  if (first_error != NULL)
    g_propagate_error (error, g_steal_pointer (&first_error));
  return first;
}

HubDataset *
hub_test_parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  HubDataset *dataset = hub_test_load_every_way (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The message names the file, the line as "line N" and the column by its
 * header name. */
void
hub_test_assert_refused (const char    *text,
                         HubParseError  code,
                         guint          line,
                         const char    *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = hub_test_load_every_way (text, strlen (text), &error);
  g_autofree char *line_text = g_strdup_printf ("line %u", line);
  const char *at;

  g_assert_null (dataset);
  g_assert_error (error, HUB_PARSE_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, HUB_TEST_SOURCE));
  if (line > 0)
    {
      at = strstr (error->message, line_text);
      g_assert_nonnull (at);
      g_assert_false (g_ascii_isdigit (at[strlen (line_text)]));
    }
  if (column != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", column);

      g_assert_nonnull (strstr (error->message, quoted));
    }
}

char *
hub_test_write_temp_file (const char *text,
                          gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("hub-test-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, (gssize) len, &error);
  g_assert_no_error (error);
  return path;
}

HubDay
hub_test_day (const char *iso)
{
  HubDay day = HUB_DAY_NONE;

  g_assert_true (hub_day_parse_timestamp (iso, strlen (iso), &day));
  return day;
}

gint64
hub_test_count (HubDataset *dataset,
                const char *type,
                const char *name,
                const char *iso)
{
  const HubRepo *repo = hub_dataset_find_repo (dataset, type, name);

  g_assert_nonnull (repo);
  return hub_repo_day_count (repo, hub_test_day (iso));
}

void
hub_test_run_clear (HubTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* A child's output as text (its bytes, NUL-terminated). */
char *
hub_test_bytes_to_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strndup (data ? data : "", len);
}

/* Runs the hub-analytics binary (HUB_ANALYTICS, set by meson test) with args
 * in the folder cwd (or here), without DISPLAY, WAYLAND_DISPLAY or a session
 * bus, in the C locale. Its standard input is the file input_path, or input
 * through a pipe (none: empty). */
void
hub_test_run_binary (HubTestRun         *run,
                     const char * const *args,
                     GBytes             *input,
                     const char         *input_path,
                     const char         *cwd)
{
  const char *binary = g_getenv ("HUB_ANALYTICS");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  /* meson test sets it; without it there is nothing to test. */
  g_assert_nonnull (binary);

  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new ((input_path ? 0 : G_SUBPROCESS_FLAGS_STDIN_PIPE) |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (input_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  if (input_path == NULL && input == NULL)
    input = empty = g_bytes_new_static ("", 0);
  g_subprocess_communicate (process, input_path ? NULL : input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
  run->out = hub_test_bytes_to_string (out);
  run->err = hub_test_bytes_to_string (err);
}
