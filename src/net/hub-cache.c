/* hub-cache.c: the last good fetch per endpoint and organisation, on disk
 *
 * A dataset is kept in a compact binary form that loads with one mapping and
 * a copy per array, far faster than parsing the CSV again:
 *
 *   header (72 bytes, native byte order, checked by byte_order)
 *   repo records, 32 bytes each
 *   strings: endpoint, org, then each repo's type and name, NUL-terminated,
 *            padded to 8 bytes
 *   running sums, gint64, every repo's in turn
 *   days, gint32, every repo's in turn
 *
 * The checksum covers the payload and the header, so a corrupt, truncated or
 * foreign file is refused whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hub-cache.h"
#include "hub-dataset-private.h"
#include "hub-net-error.h"

#define CACHE_MAGIC      "HUBCACHE"
#define CACHE_VERSION    1
#define CACHE_BYTE_ORDER 0x01020304u
#define WHOAMI_VERSION   1

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
} CacheHeader;

typedef struct
{
  guint32 type_offset;
  guint32 type_len;
  guint32 name_offset;
  guint32 name_len;
  guint32 n_days;
  guint32 reserved;
  gint64  total;
} CacheRepo;

G_STATIC_ASSERT (sizeof (CacheHeader) == 72);
G_STATIC_ASSERT (sizeof (CacheRepo) == 32);

struct _HubCache
{
  GObject  parent_instance;

  char    *dir;
};

G_DEFINE_FINAL_TYPE (HubCache, hub_cache, G_TYPE_OBJECT)

/* A fast 64-bit checksum (the xxHash64 rounds): it guards against damage, not
 * against someone who forges files in the user's own cache. */

#define P1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define P2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define P3 G_GUINT64_CONSTANT (0x165667B19E3779F9)
#define P4 G_GUINT64_CONSTANT (0x85EBCA77C2B2AE63)
#define P5 G_GUINT64_CONSTANT (0x27D4EB2F165667C5)

static inline guint64
rotl64 (guint64 x,
        int     r)
{
  return (x << r) | (x >> (64 - r));
}

static inline guint64
read64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return v;
}

static inline guint64
round64 (guint64 acc,
         guint64 input)
{
  acc += input * P2;
  acc = rotl64 (acc, 31);
  return acc * P1;
}

static inline guint64
merge64 (guint64 acc,
         guint64 value)
{
  acc ^= round64 (0, value);
  return acc * P1 + P4;
}

static guint64
checksum (const guint8 *p,
          gsize         len,
          guint64       seed)
{
  const guint8 *end = p + len;
  guint64 h;

  if (len >= 32)
    {
      guint64 v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;

      do
        {
          v1 = round64 (v1, read64 (p));
          v2 = round64 (v2, read64 (p + 8));
          v3 = round64 (v3, read64 (p + 16));
          v4 = round64 (v4, read64 (p + 24));
          p += 32;
        }
      while (p + 32 <= end);
      h = rotl64 (v1, 1) + rotl64 (v2, 7) + rotl64 (v3, 12) + rotl64 (v4, 18);
      h = merge64 (h, v1);
      h = merge64 (h, v2);
      h = merge64 (h, v3);
      h = merge64 (h, v4);
    }
  else
    h = seed + P5;

  h += (guint64) len;
  for (; p + 8 <= end; p += 8)
    h = rotl64 (h ^ round64 (0, read64 (p)), 27) * P1 + P4;
  for (; p < end; p++)
    h = rotl64 (h ^ (*p * P5), 11) * P1;

  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  h ^= h >> 32;
  return h;
}

static guint64
file_checksum (const CacheHeader *header,
               const guint8      *payload)
{
  CacheHeader copy = *header;

  copy.checksum = 0;
  return checksum ((const guint8 *) &copy, sizeof copy,
                   checksum (payload, (gsize) header->payload_len, 0));
}

/* A file or folder name that stands for text and for nothing else: letters,
 * digits, '-', '_' and (not first) '.' stay; anything else becomes %XX. */
static char *
escape_component (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && p != text))
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
  return g_string_free (out, FALSE);
}

static char *
endpoint_dir (HubCache   *self,
              const char *endpoint)
{
  g_autofree char *name = escape_component (endpoint);

  return g_build_filename (self->dir, name, NULL);
}

static gboolean
make_private_dir (const char  *path,
                  GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0 || g_chmod (path, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not create the cache folder %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* The cache folder and the endpoint's folder inside it, both private. */
static char *
prepare_endpoint_dir (HubCache    *self,
                      const char  *endpoint,
                      GError     **error)
{
  g_autofree char *dir = endpoint_dir (self, endpoint);

  if (!make_private_dir (self->dir, error) || !make_private_dir (dir, error))
    return NULL;
  return g_steal_pointer (&dir);
}

static gint64
date_time_to_usec (GDateTime *dt)
{
  if (dt == NULL)
    return g_get_real_time ();
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static GDateTime *
date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

static void
hub_cache_finalize (GObject *object)
{
  HubCache *self = HUB_CACHE (object);

  g_free (self->dir);

  G_OBJECT_CLASS (hub_cache_parent_class)->finalize (object);
}

static void
hub_cache_class_init (HubCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_cache_finalize;
}

static void
hub_cache_init (HubCache *self)
{
}

HubCache *
hub_cache_new (const char *dir)
{
  HubCache *self = g_object_new (HUB_TYPE_CACHE, NULL);

  if (dir != NULL)
    self->dir = g_strdup (dir);
  else
    self->dir = g_build_filename (g_get_user_cache_dir (), "hub-analytics", NULL);
  return self;
}

const char *
hub_cache_get_dir (HubCache *self)
{
  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);

  return self->dir;
}

char *
hub_cache_get_dataset_path (HubCache   *self,
                            const char *endpoint,
                            const char *org)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  dir = endpoint_dir (self, endpoint);
  name = escape_component (org);
  file = g_strconcat (name, ".breakdown", NULL);
  return g_build_filename (dir, file, NULL);
}

char *
hub_cache_get_whoami_path (HubCache   *self,
                           const char *endpoint)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  dir = endpoint_dir (self, endpoint);
  return g_build_filename (dir, "whoami.json", NULL);
}

static inline gsize
pad8 (gsize n)
{
  return (n + 7) & ~(gsize) 7;
}

gboolean
hub_cache_save_dataset (HubCache      *self,
                        const char    *endpoint,
                        const char    *org,
                        HubDataset    *dataset,
                        GDateTime     *fetched_at,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree guint8 *buffer = NULL;
  guint n_repos;
  gsize strings_len, n_days = 0, payload_len, total_len;
  CacheHeader header = { 0 };
  CacheRepo *records;
  guint8 *payload;
  char *strings;
  gint64 *cum;
  HubDay *days;
  gsize at;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && org != NULL, FALSE);
  g_return_val_if_fail (HUB_IS_DATASET (dataset), FALSE);

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
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                   _("The data of %s is too large to cache"), org);
      return FALSE;
    }

  payload_len = n_repos * sizeof (CacheRepo) + pad8 (strings_len) +
                n_days * (sizeof (gint64) + sizeof (HubDay));
  total_len = sizeof (CacheHeader) + payload_len;
  buffer = g_malloc0 (total_len);
  payload = buffer + sizeof (CacheHeader);
  records = (CacheRepo *) payload;
  strings = (char *) payload + n_repos * sizeof (CacheRepo);
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
      CacheRepo *record = &records[i];

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

  memcpy (header.magic, CACHE_MAGIC, sizeof header.magic);
  header.version = CACHE_VERSION;
  header.byte_order = CACHE_BYTE_ORDER;
  header.payload_len = payload_len;
  header.fetched_at = date_time_to_usec (fetched_at);
  header.rows = hub_dataset_get_totals (dataset)->rows;
  header.merged_repeats = hub_dataset_get_totals (dataset)->merged_repeats;
  header.n_repos = n_repos;
  header.strings_len = (guint32) strings_len;
  header.n_days = n_days;
  header.checksum = file_checksum (&header, payload);
  memcpy (buffer, &header, sizeof header);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  dir = prepare_endpoint_dir (self, endpoint, error);
  if (dir == NULL)
    return FALSE;
  path = hub_cache_get_dataset_path (self, endpoint, org);
  return g_file_set_contents_full (path, (const char *) buffer, (gssize) total_len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static GError *
invalid_cache (const char *org,
               const char *why)
{
  return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                      _("The saved copy of %s cannot be used (%s); it will be fetched again"),
                      org, why);
}

/* The repositories of a mapped, checked file, given to a new dataset. */
static HubDataset *
build_dataset (const CacheHeader *header,
               const guint8      *payload,
               const char        *org,
               GError           **error)
{
  const CacheRepo *records = (const CacheRepo *) payload;
  const char *strings = (const char *) payload + header->n_repos * sizeof (CacheRepo);
  const guint8 *cum_base = (const guint8 *) strings + pad8 (header->strings_len);
  const guint8 *days_base = cum_base + header->n_days * sizeof (gint64);
  GStringChunk *names = g_string_chunk_new (64 * 1024);
  HubRepo *repos = g_new0 (HubRepo, MAX (header->n_repos, 1));
  guint64 d = 0;
  guint built = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < header->n_repos && ok; i++)
    {
      CacheRepo record;
      HubRepo *repo = &repos[i];

      memcpy (&record, &records[i], sizeof record);
      if ((guint64) record.type_offset + record.type_len >= header->strings_len ||
          (guint64) record.name_offset + record.name_len >= header->strings_len ||
          strings[record.type_offset + record.type_len] != '\0' ||
          strings[record.name_offset + record.name_len] != '\0' ||
          record.type_len == 0 || record.name_len == 0 ||
          d + record.n_days > header->n_days)
        {
          ok = FALSE;
          break;
        }

      repo->type = g_intern_string (strings + record.type_offset);
      repo->name = g_string_chunk_insert_len (names, strings + record.name_offset,
                                              record.name_len);
      repo->kind = hub_repo_kind_from_type (repo->type);
      repo->total = record.total;
      repo->n_days = record.n_days;
      repo->days = g_new (HubDay, MAX (record.n_days, 1));
      repo->cum = g_new (gint64, MAX (record.n_days, 1));
      built = i + 1;
      memcpy (repo->days, days_base + d * sizeof (HubDay), record.n_days * sizeof (HubDay));
      memcpy (repo->cum, cum_base + d * sizeof (gint64), record.n_days * sizeof (gint64));
      d += record.n_days;

      /* The dataset's queries rely on sorted days and growing sums. */
      for (guint j = 1; j < repo->n_days; j++)
        if (repo->days[j] <= repo->days[j - 1] || repo->cum[j] < repo->cum[j - 1])
          {
            ok = FALSE;
            break;
          }
      if (repo->n_days > 0 && repo->cum[0] < 0)
        ok = FALSE;
    }

  if (!ok || d != header->n_days)
    {
      for (guint i = 0; i < built; i++)
        {
          g_free (repos[i].days);
          g_free (repos[i].cum);
        }
      g_free (repos);
      g_string_chunk_free (names);
      g_propagate_error (error, invalid_cache (org, _("its contents are inconsistent")));
      return NULL;
    }

  return hub_dataset_new_take (repos, header->n_repos, names, header->rows,
                               header->merged_repeats);
}

HubDataset *
hub_cache_load_dataset (HubCache      *self,
                        const char    *endpoint,
                        const char    *org,
                        GDateTime    **fetched_at,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  CacheHeader header;
  const guint8 *data;
  const guint8 *payload;
  gsize size;
  guint64 expected;
  const char *strings;
  gsize endpoint_len, org_len;
  HubDataset *dataset;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL && org != NULL, NULL);

  endpoint_len = strlen (endpoint);
  org_len = strlen (org);

  path = hub_cache_get_dataset_path (self, endpoint, org);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                     _("Nothing of %s has been saved yet"), org);
      else
        g_propagate_error (error, invalid_cache (org, local_error->message));
      return NULL;
    }

  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  if (size < sizeof header)
    {
      g_propagate_error (error, invalid_cache (org, _("the file is too short")));
      return NULL;
    }
  memcpy (&header, data, sizeof header);
  payload = data + sizeof header;

  if (memcmp (header.magic, CACHE_MAGIC, sizeof header.magic) != 0 ||
      header.byte_order != CACHE_BYTE_ORDER)
    {
      g_propagate_error (error, invalid_cache (org, _("it is not a Hub Analytics cache file")));
      return NULL;
    }
  if (header.version != CACHE_VERSION)
    {
      g_propagate_error (error, invalid_cache (org, _("it was written by another version")));
      return NULL;
    }
  expected = (guint64) header.n_repos * sizeof (CacheRepo) + pad8 (header.strings_len);
  if (header.payload_len != size - sizeof header ||
      header.n_days > G_MAXUINT64 / 16 ||
      expected + header.n_days * (sizeof (gint64) + sizeof (HubDay)) != header.payload_len)
    {
      g_propagate_error (error, invalid_cache (org, _("the file is truncated or damaged")));
      return NULL;
    }
  if (file_checksum (&header, payload) != header.checksum)
    {
      g_propagate_error (error, invalid_cache (org, _("the file is damaged")));
      return NULL;
    }

  strings = (const char *) payload + header.n_repos * sizeof (CacheRepo);
  if (header.strings_len < endpoint_len + org_len + 2 ||
      memcmp (strings, endpoint, endpoint_len + 1) != 0 ||
      memcmp (strings + endpoint_len + 1, org, org_len + 1) != 0)
    {
      g_propagate_error (error, invalid_cache (org, _("it belongs to another organisation or Hub")));
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  dataset = build_dataset (&header, payload, org, error);
  if (dataset != NULL && fetched_at != NULL)
    *fetched_at = date_time_from_usec (header.fetched_at);
  return dataset;
}

typedef struct
{
  char       *endpoint;
  char       *org;
  HubDataset *dataset;
  GDateTime  *fetched_at;
} CacheTaskData;

static void
cache_task_data_free (CacheTaskData *data)
{
  g_free (data->endpoint);
  g_free (data->org);
  g_clear_object (&data->dataset);
  g_clear_pointer (&data->fetched_at, g_date_time_unref);
  g_free (data);
}

static void
save_dataset_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CacheTaskData *data = task_data;
  GError *error = NULL;

  if (hub_cache_save_dataset (source_object, data->endpoint, data->org, data->dataset,
                              data->fetched_at, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hub_cache_save_dataset_async (HubCache            *self,
                              const char          *endpoint,
                              const char          *org,
                              HubDataset          *dataset,
                              GDateTime           *fetched_at,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CacheTaskData *data;

  g_return_if_fail (HUB_IS_CACHE (self));
  g_return_if_fail (endpoint != NULL && org != NULL);
  g_return_if_fail (HUB_IS_DATASET (dataset));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_cache_save_dataset_async);
  data = g_new0 (CacheTaskData, 1);
  data->endpoint = g_strdup (endpoint);
  data->org = g_strdup (org);
  data->dataset = g_object_ref (dataset);
  data->fetched_at = fetched_at ? g_date_time_ref (fetched_at) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) cache_task_data_free);
  g_task_run_in_thread (task, save_dataset_thread);
}

gboolean
hub_cache_save_dataset_finish (HubCache      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_cache_save_dataset_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_dataset_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  CacheTaskData *data = task_data;
  GError *error = NULL;
  HubDataset *dataset;

  dataset = hub_cache_load_dataset (source_object, data->endpoint, data->org,
                                    &data->fetched_at, cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

void
hub_cache_load_dataset_async (HubCache            *self,
                              const char          *endpoint,
                              const char          *org,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CacheTaskData *data;

  g_return_if_fail (HUB_IS_CACHE (self));
  g_return_if_fail (endpoint != NULL && org != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_cache_load_dataset_async);
  data = g_new0 (CacheTaskData, 1);
  data->endpoint = g_strdup (endpoint);
  data->org = g_strdup (org);
  g_task_set_task_data (task, data, (GDestroyNotify) cache_task_data_free);
  g_task_run_in_thread (task, load_dataset_thread);
}

HubDataset *
hub_cache_load_dataset_finish (HubCache      *self,
                               GAsyncResult  *result,
                               GDateTime    **fetched_at,
                               GError       **error)
{
  CacheTaskData *data;
  HubDataset *dataset;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_cache_load_dataset_async, NULL);

  dataset = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (dataset != NULL && fetched_at != NULL)
    *fetched_at = g_steal_pointer (&data->fetched_at);
  return dataset;
}

static gint64
int_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

gboolean
hub_cache_save_whoami (HubCache    *self,
                       const char  *endpoint,
                       HubWhoami   *whoami,
                       GDateTime   *fetched_at,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *whoami_json = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL && whoami != NULL, FALSE);

  dir = prepare_endpoint_dir (self, endpoint, error);
  if (dir == NULL)
    return FALSE;
  whoami_json = hub_whoami_to_json (whoami);
  json = g_strdup_printf ("{\"version\":%d,\"fetchedAt\":%" G_GINT64_FORMAT ",\"whoami\":%s}\n",
                          WHOAMI_VERSION, date_time_to_usec (fetched_at), whoami_json);
  path = hub_cache_get_whoami_path (self, endpoint);
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

HubWhoami *
hub_cache_load_whoami (HubCache    *self,
                       const char  *endpoint,
                       GDateTime  **fetched_at,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *whoami_json = NULL;
  JsonNode *root, *node;
  JsonObject *object;
  HubWhoami *whoami;
  gsize len;

  g_return_val_if_fail (HUB_IS_CACHE (self), NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  path = hub_cache_get_whoami_path (self, endpoint);
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_MISSING,
                     _("No account has been saved for %s yet"), endpoint);
      else
        g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                     _("The saved account for %s cannot be read: %s"), endpoint,
                     local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, (gssize) len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (object = json_node_get_object (root)) == NULL ||
      int_member (object, "version") != WHOAMI_VERSION ||
      (node = json_object_get_member (object, "whoami")) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                   _("The saved account for %s cannot be used; it will be asked for again"),
                   endpoint);
      return NULL;
    }

  json_generator_set_root (generator, node);
  whoami_json = json_generator_to_data (generator, NULL);
  whoami = hub_whoami_new_from_json (whoami_json, -1, &local_error);
  if (whoami == NULL)
    {
      g_set_error (error, HUB_NET_ERROR, HUB_NET_ERROR_CACHE_INVALID,
                   _("The saved account for %s cannot be used; it will be asked for again"),
                   endpoint);
      return NULL;
    }
  if (fetched_at != NULL)
    *fetched_at = date_time_from_usec (MAX (int_member (object, "fetchedAt"), 0));
  return whoami;
}

gboolean
hub_cache_clear_whoami (HubCache    *self,
                        const char  *endpoint,
                        GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUB_IS_CACHE (self), FALSE);
  g_return_val_if_fail (endpoint != NULL, FALSE);

  path = hub_cache_get_whoami_path (self, endpoint);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   _("Could not remove %s: %s"), path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}
