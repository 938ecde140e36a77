/* fuzz-parser.c: libFuzzer target for the breakdown parser
 *
 * Each input is parsed every way the app can read it (one buffer, fed in
 * pieces, a stream, a file on one thread and split across two), which must
 * agree on the dataset or on the error and its line. An accepted input is
 * then written back as CSV and read again: the numbers must survive. Its
 * lines are also read as timestamps, where the month-cached parser must
 * agree with the plain one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <string.h>

#include "hub-test-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_round_trip (HubDataset *dataset)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) again = NULL;
  g_autoptr(HubParser) parser = hub_parser_new (HUB_TEST_SOURCE, NULL);
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  g_assert_true (hub_csv_write_breakdown (dataset, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hub_parser_feed (parser, g_memory_output_stream_get_data (memory),
                                  g_memory_output_stream_get_data_size (memory), &error));
  g_assert_no_error (error);
  again = hub_parser_finish (parser, &error);
  g_assert_no_error (error);
  hub_test_assert_same_numbers (dataset, again);
}

static void
check_timestamps (const char *text,
                  gsize       len)
{
  HubDayCache cache = { 0 };
  const char *end = text + len;

  for (const char *line = text; line < end;)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      gsize n = (gsize) ((nl ? nl : end) - line);
      HubDay plain = 0, cached = 0;
      gboolean plain_ok = hub_day_parse_timestamp (line, n, &plain);

      g_assert_cmpint (hub_day_parse_timestamp_cached (&cache, line, n, &cached), ==, plain_ok);
      if (plain_ok)
        g_assert_cmpint (plain, ==, cached);
      line += n + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;

  check_timestamps ((const char *) data, size);
  dataset = hub_test_load_every_way ((const char *) data, size, &error);
  if (dataset != NULL)
    {
      g_autofree char *json = hub_summary_to_json (dataset);

      g_assert_nonnull (json);
      check_round_trip (dataset);
    }
  return 0;
}
