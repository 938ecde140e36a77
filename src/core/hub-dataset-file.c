/* hub-dataset-file.c: a dataset's own file format, for the offline cache
 *
 * A compact binary form that loads with one mapping and a pass per array,
 * far faster than parsing the CSV again:
 *
 *   header (72 bytes, native byte order, checked by byte_order)
 *   repo records, 32 bytes each
 *   strings: endpoint, org, then each repo's type and name, NUL-terminated,
 *            padded to 8 bytes
 *   running sums, gint64, every repo's in turn
 *   days, gint32, every repo's in turn
 *
 * The checksum (XXH64) covers the payload and the header, so a damaged,
 * truncated or foreign file is refused whole; it guards against damage, not
 * against someone who forges files in the user's own cache, which is why
 * what the file holds then goes through the dataset builder's gate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <xxhash.h>

#include "hub-dataset-file.h"
#include "hub-dataset-private.h"

#define FILE_MAGIC      "HUBCACHE"
/* 2: the checksum is libxxhash's XXH64 */
#define FILE_VERSION    2
#define FILE_BYTE_ORDER 0x01020304u

typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 byte_order;
  guint64 payload_len;
  guint64 checksum;       /* of the payload, then of this header with checksum 0 */
  gint64  fetched_at;     /* microseconds since 1970-01-01 UTC */
  guint64 rows;
  guint64 merged_repeats;
  guint32 n_repos;
  guint32 strings_len;    /* without the padding */
  guint64 n_days;         /* over every repo */
} FileHeader;

typedef struct
{
  guint32 type_offset;
  guint32 type_len;
  guint32 name_offset;
  guint32 name_len;
  guint32 n_days;
  guint32 reserved;
  gint64  total;
} FileRepo;

G_STATIC_ASSERT (sizeof (FileHeader) == 72);
G_STATIC_ASSERT (sizeof (FileRepo) == 32);

G_DEFINE_QUARK (hub-dataset-file-error-quark, hub_dataset_file_error)

static guint64
file_checksum (const FileHeader *header,
               const guint8     *payload)
{
  FileHeader copy = *header;

  copy.checksum = 0;
  return XXH64 (&copy, sizeof copy, XXH64 (payload, (size_t) header->payload_len, 0));
}

static inline gsize
pad8 (gsize n)
{
  return (n + 7) & ~(gsize) 7;
}

GBytes *
hub_dataset_file_write (HubDataset  *dataset,
                        const char  *endpoint,
                        const char  *org,
                        GDateTime   *fetched_at,
                        GError     **error)
{
  g_autofree guint8 *buffer = NULL;
  guint n_repos;
  gsize strings_len, n_days = 0, payload_len, total_len;
  FileHeader header = { 0 };
  FileRepo *records;
  guint8 *payload;
  char *strings;
  gint64 *cum;
  HubDay *days;
  gsize at;

  g_return_val_if_fail (HUB_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  n_repos = hub_dataset_get_n_repos (dataset);
  strings_len = strlen (endpoint) + 1 + strlen (org) + 1;
  for (guint i = 0; i < n_repos; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);

      strings_len += strlen (repo->type) + 1 + strlen (repo->name) + 1;
      n_days += repo->n_days;
    }
  if (strings_len > G_MAXUINT32)
    {
      g_set_error (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_TOO_LARGE,
                   _("The data of %s is too large to cache"), org);
      return NULL;
    }

  payload_len = n_repos * sizeof (FileRepo) + pad8 (strings_len) +
                n_days * (sizeof (gint64) + sizeof (HubDay));
  total_len = sizeof (FileHeader) + payload_len;
  buffer = g_malloc0 (total_len);
  payload = buffer + sizeof (FileHeader);
  records = (FileRepo *) payload;
  strings = (char *) payload + n_repos * sizeof (FileRepo);
  cum = (gint64 *) (strings + pad8 (strings_len));
  days = (HubDay *) (cum + n_days);

  at = 0;
  memcpy (strings + at, endpoint, strlen (endpoint) + 1);
  at += strlen (endpoint) + 1;
  memcpy (strings + at, org, strlen (org) + 1);
  at += strlen (org) + 1;

  for (guint i = 0, d = 0; i < n_repos; i++)
    {
      const HubRepo *repo = hub_dataset_get_repo (dataset, i);
      FileRepo *record = &records[i];

      record->type_offset = (guint32) at;
      record->type_len = (guint32) strlen (repo->type);
      memcpy (strings + at, repo->type, record->type_len + 1);
      at += record->type_len + 1;
      record->name_offset = (guint32) at;
      record->name_len = (guint32) strlen (repo->name);
      memcpy (strings + at, repo->name, record->name_len + 1);
      at += record->name_len + 1;
      record->n_days = repo->n_days;
      record->total = repo->total;
      if (repo->n_days > 0)
        {
          memcpy (cum + d, repo->cum, repo->n_days * sizeof (gint64));
          memcpy (days + d, repo->days, repo->n_days * sizeof (HubDay));
        }
      d += repo->n_days;
    }

  memcpy (header.magic, FILE_MAGIC, sizeof header.magic);
  header.version = FILE_VERSION;
  header.byte_order = FILE_BYTE_ORDER;
  header.payload_len = payload_len;
  header.fetched_at = hub_date_time_to_usec (fetched_at);
  header.rows = hub_dataset_get_totals (dataset)->rows;
  header.merged_repeats = hub_dataset_get_totals (dataset)->merged_repeats;
  header.n_repos = n_repos;
  header.strings_len = (guint32) strings_len;
  header.n_days = n_days;
  header.checksum = file_checksum (&header, payload);
  memcpy (buffer, &header, sizeof header);

  return g_bytes_new_take (g_steal_pointer (&buffer), total_len);
}

static HubDataset *
invalid (GError     **error,
         const char  *why)
{
  g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_INVALID, why);
  return NULL;
}

/* The repositories of a checked file, through the builder. */
static HubDataset *
build_dataset (const FileHeader  *header,
               const guint8      *payload,
               GError           **error)
{
  const FileRepo *records = (const FileRepo *) payload;
  const char *strings = (const char *) payload + header->n_repos * sizeof (FileRepo);
  /* Both arrays are aligned: the header and the records are multiples of 8
   * bytes, the strings are padded to 8, and the sums are 8 bytes each. */
  const gint64 *cum = (const gint64 *) (strings + pad8 (header->strings_len));
  const HubDay *days = (const HubDay *) (cum + header->n_days);
  g_autoptr(HubDatasetBuilder) builder = hub_dataset_builder_new ();
  g_autoptr(GError) local_error = NULL;
  HubDataset *dataset;
  guint64 d = 0;

  for (guint i = 0; i < header->n_repos; i++)
    {
      FileRepo record;

      memcpy (&record, &records[i], sizeof record);
      if ((guint64) record.type_offset + record.type_len >= header->strings_len ||
          (guint64) record.name_offset + record.name_len >= header->strings_len ||
          strings[record.type_offset + record.type_len] != '\0' ||
          strings[record.name_offset + record.name_len] != '\0' ||
          d + record.n_days > header->n_days)
        return invalid (error, _("its contents are inconsistent"));

      if (!hub_dataset_builder_add_series (builder,
                                           strings + record.type_offset, record.type_len,
                                           strings + record.name_offset, record.name_len,
                                           record.total, days + d, cum + d, record.n_days,
                                           &local_error))
        return invalid (error, local_error->message);
      d += record.n_days;
    }
  if (d != header->n_days)
    return invalid (error, _("its contents are inconsistent"));

  hub_dataset_builder_set_rows (builder, header->rows, header->merged_repeats);
  dataset = hub_dataset_builder_finish (builder, &local_error);
  if (dataset == NULL)
    return invalid (error, local_error->message);
  return dataset;
}

HubDataset *
hub_dataset_file_read (const guint8  *data,
                       gsize          size,
                       const char    *endpoint,
                       const char    *org,
                       GDateTime    **fetched_at,
                       GError       **error)
{
  g_autoptr(GDateTime) when = NULL;
  FileHeader header;
  const guint8 *payload;
  guint64 expected;
  const char *strings;
  gsize endpoint_len, org_len;
  HubDataset *dataset;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  endpoint_len = strlen (endpoint);
  org_len = strlen (org);

  if (size < sizeof header)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_DAMAGED,
                           _("the file is too short"));
      return NULL;
    }
  memcpy (&header, data, sizeof header);
  payload = data + sizeof header;

  if (memcmp (header.magic, FILE_MAGIC, sizeof header.magic) != 0 ||
      header.byte_order != FILE_BYTE_ORDER)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_NOT_DATASET,
                           _("it is not a Hub Analytics cache file"));
      return NULL;
    }
  if (header.version != FILE_VERSION)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_VERSION,
                           _("it was written by another version"));
      return NULL;
    }
  expected = (guint64) header.n_repos * sizeof (FileRepo) + pad8 (header.strings_len);
  if (header.payload_len != size - sizeof header ||
      header.n_days > G_MAXUINT64 / 16 ||
      expected + header.n_days * (sizeof (gint64) + sizeof (HubDay)) != header.payload_len)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_DAMAGED,
                           _("the file is truncated or damaged"));
      return NULL;
    }
  if (file_checksum (&header, payload) != header.checksum)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_DAMAGED,
                           _("the file is damaged"));
      return NULL;
    }

  strings = (const char *) payload + header.n_repos * sizeof (FileRepo);
  if (header.strings_len < endpoint_len + org_len + 2 ||
      memcmp (strings, endpoint, endpoint_len + 1) != 0 ||
      memcmp (strings + endpoint_len + 1, org, org_len + 1) != 0)
    {
      g_set_error_literal (error, HUB_DATASET_FILE_ERROR, HUB_DATASET_FILE_ERROR_FOREIGN,
                           _("it belongs to another organisation or Hub"));
      return NULL;
    }

  /* A time the file cannot have been fetched at would read as no fetch at
   * all (the demo's age). */
  when = hub_date_time_new_from_usec (header.fetched_at);
  if (when == NULL)
    return invalid (error, _("its time of fetching is not a real time"));

  dataset = build_dataset (&header, payload, error);
  if (dataset != NULL && fetched_at != NULL)
    *fetched_at = g_steal_pointer (&when);
  return dataset;
}
