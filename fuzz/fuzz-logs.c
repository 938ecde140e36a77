/* fuzz-logs.c: libFuzzer target for the request-log reader
 *
 * Each input is written to a file and read as request logs twice: the way
 * the app reads them (lines without quotation marks split by position), and
 * with every CSV line through libcsv. Both must give the same summary, top
 * identities (while exact) and regions, or the same error, with its line.
 * Small inputs are also read gzip-compressed (the same again) and, read once
 * with every session key sorted, must give the same. Accepted logs are
 * saved as aggregates and reopened; the summary, top identities and regions
 * must not change. Read into a store of the whole span, as `--logs-summary`
 * reads them, they must give the same summary, or the same error. The input
 * is also read as a sketch in the aggregate's text form, which must survive
 * its own round trip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hub-log-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *logs_path;

/* Without the fsync of g_file_set_contents: thousands of inputs a minute. */
static void
write_file (const char *path,
            const void *data,
            gsize       size)
{
  FILE *file = fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* The summary, then the top identities (while exact) and the regions. */
static char *
describe (HubLogStore *store)
{
  g_autofree char *summary = hub_log_summary_to_json (store);
  g_autofree char *audience = log_store_audience_text (store);

  return g_strconcat (summary, "\n", audience, NULL);
}

/* The file described (only summed up for a store of the whole span), or
 * its error as "!" and the message. */
static char *
read_logs (const HubLogOptions *options,
           gboolean             through_csv,
           HubLogStore        **out_store)
{
  g_autoptr(GFile) file = g_file_new_for_path (logs_path);
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GError) error = NULL;
  GFile *files[] = { file };
  const char *names[] = { "input.csv" };

  if (!log_store_add_files_full (store, files, names, 1, options, through_csv, NULL, NULL,
                                 &error))
    return g_strconcat ("!", error->message, NULL);
  if (options != NULL && options->whole_span)
    return hub_log_summary_to_json (store);
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return describe (out_store ? *out_store : store);
}

static GBytes *
gzip_bytes (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(GInputStream) zipped = g_converter_input_stream_new (in, G_CONVERTER (gzip));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_cmpint (g_output_stream_splice (out, zipped, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                           NULL, NULL), >=, 0);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_sketch_text (const uint8_t *data,
                   size_t         size)
{
  g_autoptr(HubHll) hll = hub_hll_from_text ((const char *) data, size);
  g_autoptr(HubHll) again = NULL;
  g_autofree char *text = NULL;

  if (hll == NULL)
    return;
  text = hub_hll_to_text (hll);
  again = hub_hll_from_text (text, strlen (text));
  g_assert_nonnull (again);
  g_assert_true (hub_hll_equal (hll, again));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const HubLogOptions single_pass = { NULL, FALSE, TRUE, FALSE };
  static const HubLogOptions whole_span = { NULL, FALSE, FALSE, TRUE };
  g_autoptr(HubLogStore) store = NULL;
  g_autofree char *fast = NULL;
  g_autofree char *slow = NULL;
  g_autofree char *whole = NULL;

  if (logs_path == NULL)
    {
      int fd = g_file_open_tmp ("hub-fuzz-logs-XXXXXX.csv", &logs_path, NULL);

      g_assert_cmpint (fd, >=, 0);
      close (fd);
    }

  check_sketch_text (data, size);

  write_file (logs_path, data, size);
  fast = read_logs (NULL, FALSE, &store);
  slow = read_logs (NULL, TRUE, NULL);
  g_assert_cmpstr (fast, ==, slow);
  /* As `--logs-summary` reads: the same summary, or the same error. */
  whole = read_logs (&whole_span, FALSE, NULL);
  if (store != NULL)
    {
      g_autofree char *summary = hub_log_summary_to_json (store);

      g_assert_cmpstr (summary, ==, whole);
    }
  else
    g_assert_cmpstr (fast, ==, whole);

  /* What already starts as gzip would be compressed twice. */
  if (size <= 2048 && !(size >= 2 && data[0] == 0x1f && data[1] == 0x8b))
    {
      g_autofree char *once = read_logs (&single_pass, FALSE, NULL);
      g_autoptr(GBytes) zipped = gzip_bytes (data, size);
      g_autofree char *from_gzip = NULL;
      gsize len;
      const void *bytes = g_bytes_get_data (zipped, &len);

      g_assert_cmpstr (fast, ==, once);
      write_file (logs_path, bytes, len);
      from_gzip = read_logs (NULL, FALSE, NULL);
      /* An empty input compresses to a gzip stream of nothing: empty too. */
      g_assert_cmpstr (fast, ==, from_gzip);
    }

  if (store != NULL)
    {
      g_autoptr(GBytes) saved = log_store_serialize (store);
      g_autoptr(HubLogStore) reopened = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *again = NULL;

      reopened = log_store_deserialize (saved, "saved", &error);
      g_assert_no_error (error);
      again = describe (reopened);
      g_assert_cmpstr (fast, ==, again);
    }
  return 0;
}
