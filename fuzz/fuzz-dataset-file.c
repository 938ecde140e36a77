/* fuzz-dataset-file.c: libFuzzer target for the dataset file, what the
 * offline cache reads back
 *
 * The checksum only guards against damage: a forged file can carry a valid
 * one. So an input that starts like a dataset file is given the right
 * version, length and checksum before it is read, and only the dataset
 * builder's gate stands between it and the app; what passes must give a
 * summary and survive being written and read again. Any other input is
 * read as a breakdown, and the dataset written as a file must read back the
 * same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

#include "hub-test-util.h"

#define HEADER_SIZE 72
#define ENDPOINT    "https://hub.example"
#define ORG         "acme"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_written_again (HubDataset *dataset,
                     const char *endpoint,
                     const char *org)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = hub_dataset_file_write (dataset, endpoint, org, NULL, &error);
  g_autoptr(HubDataset) again = NULL;
  g_autoptr(GDateTime) when = NULL;
  gsize len;
  const guint8 *file;

  g_assert_no_error (error);
  file = g_bytes_get_data (bytes, &len);
  again = hub_dataset_file_read (file, len, endpoint, org, &when, &error);
  g_assert_no_error (error);
  g_assert_nonnull (when);
  hub_test_assert_datasets_equal (dataset, again);
}

/* The version, the payload's length and the checksum made right. */
static void
reseal (guint8 *file,
        gsize   len)
{
  guint32 version = 2, byte_order = 0x01020304u;
  guint64 payload_len = len - HEADER_SIZE, checksum = 0;

  memcpy (file + 8, &version, sizeof version);
  memcpy (file + 12, &byte_order, sizeof byte_order);
  memcpy (file + 16, &payload_len, sizeof payload_len);
  memcpy (file + 24, &checksum, sizeof checksum);
  checksum = XXH64 (file, HEADER_SIZE, XXH64 (file + HEADER_SIZE, payload_len, 0));
  memcpy (file + 24, &checksum, sizeof checksum);
}

static void
read_forged (const uint8_t *data,
             size_t         size)
{
  g_autofree guint8 *file = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *json = NULL;
  guint32 n_repos, strings_len;
  const char *strings, *endpoint, *org;
  gsize at;

  reseal (file, size);
  /* The endpoint and organisation the file names, when it names two. */
  memcpy (&n_repos, file + 56, sizeof n_repos);
  memcpy (&strings_len, file + 60, sizeof strings_len);
  at = HEADER_SIZE + (gsize) n_repos * 32;
  if ((guint64) HEADER_SIZE + (guint64) n_repos * 32 + strings_len > size || strings_len < 2)
    {
      dataset = hub_dataset_file_read (file, size, ENDPOINT, ORG, NULL, &error);
      g_assert_null (dataset);
      g_assert_nonnull (error);
      return;
    }
  strings = (const char *) file + at;
  endpoint = strings;
  org = memchr (strings, '\0', strings_len);
  if (org == NULL || memchr (org + 1, '\0', strings_len - (gsize) (org + 1 - strings)) == NULL)
    return;
  org++;

  dataset = hub_dataset_file_read (file, size, endpoint, org, NULL, &error);
  g_assert_true ((dataset == NULL) == (error != NULL));
  if (dataset == NULL)
    return;
  json = hub_summary_to_json (dataset);
  g_assert_nonnull (json);
  check_written_again (dataset, endpoint, org);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HubDataset) dataset = NULL;

  if (size >= HEADER_SIZE && memcmp (data, "HUBCACHE", 8) == 0)
    {
      read_forged (data, size);
      return 0;
    }
  bytes = g_bytes_new_static (data, size);
  dataset = hub_dataset_load_bytes (bytes, HUB_TEST_SOURCE, NULL);
  if (dataset != NULL)
    check_written_again (dataset, ENDPOINT, ORG);
  return 0;
}
