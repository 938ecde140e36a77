/* hub-source.c: one loaded source of data: a file, the demo, an organisation
 *
 * A source is immutable once made: reloading makes a new one, so the data on
 * screen is never half-replaced, and a failed load leaves the old one in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hub-source-private.h"

#define ORG_PREFIX "org:"
#define AUTHOR_PREFIX "author:"

#define DEMO_RESOURCE RESOURCE_PREFIX "demo/aurora-labs.csv"

/* The slot of the audience figures after the two HubPeriods: the days of
 * the range shown last that is neither (hub_source_get_audience_span). */
#define AUDIENCE_OF_DAYS (HUB_PERIOD_LAST_MONTH + 1)

struct _HubSource
{
  GObject        parent_instance;

  HubSourceKind  kind;
  char          *id;           /* as kept in the last-source key */
  char          *title;
  char          *export_name;  /* SOURCE in SOURCE-downloads-ASOF.csv */
  HubDataset    *dataset;
  GFile         *file;
  GDateTime     *updated;      /* file modification or fetch time; NULL for the demo */
  GHashTable    *infos;        /* "type\nname" → HubRepoInfo, from the Hub's listings */
  HubLogStore   *logs;         /* request logs, or NULL */
  HubAudienceFigures *audience[AUDIENCE_OF_DAYS + 1];  /* by HubPeriod, then of audience_days */
  HubRange       audience_days; /* the days of the last range of another kind shown */
  GPtrArray     *log_files;    /* GFile: the raw logs, to read again */
  gboolean       team_excluded;
  guint          n_snapshots;  /* an author's: the days its history holds */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HubSource, hub_source, G_TYPE_OBJECT)

HubSource *
hub_source_new (HubSourceKind  kind,
                const char    *id,
                const char    *title,
                const char    *export_name,
                HubDataset    *dataset)
{
  HubSource *self = g_object_new (HUB_TYPE_SOURCE, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->export_name = g_strdup (export_name);
  self->dataset = g_object_ref (dataset);
  return self;
}

char *
hub_source_export_name_for_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *dot = base ? strrchr (base, '.') : NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

typedef struct
{
  GFile       *file;
  HubProgress *progress;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *display = g_file_get_parse_name (data->file);
  g_autofree char *uri = g_file_get_uri (data->file);
  g_autofree char *base = g_file_get_basename (data->file);
  g_autofree char *export_name = hub_source_export_name_for_file (data->file);
  HubSource *source;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not a local file"), display);
      return;
    }

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dataset = hub_dataset_load_file (path, base, data->progress, cancellable, &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  source = hub_source_new (HUB_SOURCE_KIND_FILE, uri, base, export_name, dataset);
  source->file = g_object_ref (data->file);
  source->updated = g_file_info_get_modification_date_time (info);
  g_task_return_pointer (task, source, g_object_unref);
}

/* The loads' one way to a worker thread: thread reads with data (which
 * free_data frees with the task) and returns the task's result. */
void
hub_source_run_task (gpointer             source_tag,
                     const char          *name,
                     gpointer             data,
                     GDestroyNotify       free_data,
                     GTaskThreadFunc      thread,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, data, free_data);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, thread);
}

/* Reads a breakdown file in a worker thread. progress, when not NULL, is
 * written by the worker and must live until the callback runs. */
void
hub_source_load_file_async (GFile               *file,
                            HubProgress         *progress,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  hub_source_run_task (hub_source_load_file_async, "hub_source_load_file",
                       data, (GDestroyNotify) load_data_free, load_file_thread,
                       cancellable, callback, user_data);
}

static void
load_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(HubSource) source = NULL;

  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    dataset = hub_dataset_load_bytes (bytes, _("Demo data"), &error);
  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  source = hub_source_new (HUB_SOURCE_KIND_DEMO, "demo",
                           /* Translators: the name of the demo organisation's source */
                           _("Demo: Aurora Labs"), "demo", dataset);
  if (!hub_source_add_demo_logs (source, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&source), g_object_unref);
}

/* The demo organisation, shipped compressed in the resource. */
void
hub_source_load_demo_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  hub_source_run_task (hub_source_load_demo_async, "hub_source_load_demo",
                       NULL, NULL, load_demo_thread, cancellable, callback, user_data);
}

HubSource *
hub_source_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For the network client: a fetched (or cached) breakdown of an organisation. */
HubSource *
hub_source_new_for_organization (const char *org,
                                 const char *title,
                                 HubDataset *dataset,
                                 GDateTime  *fetched)
{
  g_autofree char *id = NULL;
  HubSource *self;

  g_return_val_if_fail (org != NULL, NULL);
  g_return_val_if_fail (HUB_IS_DATASET (dataset), NULL);

  id = hub_source_id_for_organization (org);
  self = hub_source_new (HUB_SOURCE_KIND_ORGANIZATION, id, title ? title : org, org, dataset);
  self->updated = fetched ? g_date_time_ref (fetched) : NULL;
  return self;
}

/* An author's public figures: its listings (infos, taken) and the dataset
 * of daily downloads estimated from its n_snapshots snapshots (empty with
 * fewer than two). */
HubSource *
hub_source_new_for_author (const char *author,
                           HubDataset *dataset,
                           GPtrArray  *infos,
                           GDateTime  *fetched,
                           guint       n_snapshots)
{
  g_autofree char *id = NULL;
  HubSource *self;

  g_return_val_if_fail (author != NULL, NULL);
  g_return_val_if_fail (HUB_IS_DATASET (dataset), NULL);

  id = hub_source_id_for_author (author);
  self = hub_source_new (HUB_SOURCE_KIND_AUTHOR, id, author, author, dataset);
  self->updated = fetched ? g_date_time_ref (fetched) : NULL;
  self->n_snapshots = n_snapshots;
  hub_source_set_repo_infos (self, infos);
  return self;
}

static void
hub_source_finalize (GObject *object)
{
  HubSource *self = HUB_SOURCE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->export_name);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_pointer (&self->logs, hub_log_store_free);
  g_clear_pointer (&self->log_files, g_ptr_array_unref);
  for (guint p = 0; p < G_N_ELEMENTS (self->audience); p++)
    g_clear_pointer (&self->audience[p], hub_audience_figures_free);

  G_OBJECT_CLASS (hub_source_parent_class)->finalize (object);
}

static void
hub_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubSource *self = HUB_SOURCE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_source_class_init (HubSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_source_finalize;
  object_class->get_property = hub_source_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      HUB_SOURCE_KIND_FILE, HUB_SOURCE_KIND_AUTHOR, HUB_SOURCE_KIND_FILE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, HUB_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_source_init (HubSource *self)
{
}

HubSourceKind
hub_source_get_kind (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), HUB_SOURCE_KIND_FILE);
  return self->kind;
}

/* "demo", "org:NAME" or the file's URI: what the last-source key keeps. */
const char *
hub_source_get_id (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
hub_source_get_title (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
hub_source_get_export_name (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->export_name;
}

HubDataset *
hub_source_get_dataset (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->dataset;
}

GFile *
hub_source_get_file (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->file;
}

/* When the data was fetched, or the file last modified; NULL for the demo. */
GDateTime *
hub_source_get_updated (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->updated;
}

/* Request logs, when the source has them; NULL otherwise. */
HubLogStore *
hub_source_get_logs (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  return self->logs;
}

/* Whether the logs' figures leave the organisation's own traffic out. */
gboolean
hub_source_get_team_excluded (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), FALSE);
  return self->team_excluded;
}

/* For hub-source-logs.c: a file's source (file and updated taken). */
HubSource *
hub_source_new_for_file (GFile      *file,
                         GDateTime  *updated,
                         HubDataset *dataset)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *export_name = hub_source_export_name_for_file (file);
  HubSource *self = hub_source_new (HUB_SOURCE_KIND_FILE, uri, base, export_name, dataset);

  self->file = file;
  self->updated = updated;
  return self;
}

void
hub_source_set_logs (HubSource   *self,
                     HubLogStore *logs,
                     GPtrArray   *log_files,
                     gboolean     team_excluded)
{
  g_clear_pointer (&self->logs, hub_log_store_free);
  g_clear_pointer (&self->log_files, g_ptr_array_unref);
  for (guint p = 0; p < G_N_ELEMENTS (self->audience); p++)
    g_clear_pointer (&self->audience[p], hub_audience_figures_free);
  self->logs = logs;
  self->log_files = log_files;
  self->team_excluded = team_excluded;
  /* In the thread that read the logs: the main thread only shows them. */
  for (guint p = HUB_PERIOD_ALL_TIME; logs != NULL && p <= HUB_PERIOD_LAST_MONTH; p++)
    self->audience[p] = hub_audience_figures_new (logs, (HubPeriod) p);
}

/* Marks ids as the team's in the logs, and their busiest identities with
 * them. Main thread: the top identities are small and exact. */
void
hub_source_set_team_ids (HubSource          *self,
                         const char * const *ids)
{
  g_return_if_fail (HUB_IS_SOURCE (self));
  g_return_if_fail (self->logs != NULL);

  hub_log_store_set_team_ids (self->logs, ids);
  for (guint p = 0; p < G_N_ELEMENTS (self->audience); p++)
    {
      HubAudienceFigures *f = self->audience[p];

      if (f == NULL || f->identities == NULL)
        continue;
      g_ptr_array_unref (f->identities);
      f->identities = hub_log_store_top_identities (self->logs, f->first, f->last,
                                                    HUB_AUDIENCE_TOP_IDENTITIES);
    }
}

/* What the Audience view shows of the logs over period, computed when the
 * logs were set; NULL without logs. */
const HubAudienceFigures *
hub_source_get_audience (HubSource *self,
                         HubPeriod  period)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (self->audience), NULL);

  return self->audience[period];
}

/* What the Audience view shows of the logs over the window's span. A
 * preset counts back from the logs' own last day, as the dashboard's from
 * the breakdown's: All Time and the last 30 days were computed when the
 * logs were read. A range stepped back or picked on the calendar keeps its
 * days, computed here the first time it is shown. NULL without logs. */
const HubAudienceFigures *
hub_source_get_audience_span (HubSource     *self,
                              const HubSpan *span)
{
  const HubTotals *totals;
  HubDay first, last;
  HubRange days;
  gboolean preset;

  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);
  g_return_val_if_fail (span != NULL, NULL);

  if (self->logs == NULL)
    return NULL;
  if (span->preset == HUB_RANGE_ALL ||
      !hub_log_store_get_days (self->logs, &first, &last) || first == HUB_DAY_NONE)
    return self->audience[HUB_PERIOD_ALL_TIME];

  totals = hub_dataset_get_totals (self->dataset);
  preset = span->preset != HUB_RANGE_CUSTOM;
  if (preset && totals->as_of != HUB_DAY_NONE)
    preset = hub_range_equal (span->range, hub_range_from_preset (span->preset, totals->as_of,
                                                                  totals->first_day));
  days = preset ? hub_range_from_preset (span->preset, last, first) : span->range;
  if (span->preset == HUB_RANGE_LAST_30_DAYS && preset)
    return self->audience[HUB_PERIOD_LAST_MONTH];

  if (self->audience[AUDIENCE_OF_DAYS] == NULL || !hub_range_equal (self->audience_days, days))
    {
      g_clear_pointer (&self->audience[AUDIENCE_OF_DAYS], hub_audience_figures_free);
      self->audience[AUDIENCE_OF_DAYS] = hub_audience_figures_new_days (self->logs, days);
      self->audience_days = days;
    }
  return self->audience[AUDIENCE_OF_DAYS];
}

GPtrArray *
hub_source_get_log_files (HubSource *self)
{
  return self->log_files;
}

/* A copy that shares everything but the logs, for reading them again. */
HubSource *
hub_source_copy_without_logs (HubSource *self)
{
  HubSource *copy = hub_source_new (self->kind, self->id, self->title, self->export_name,
                                    self->dataset);

  copy->file = self->file ? g_object_ref (self->file) : NULL;
  copy->updated = self->updated ? g_date_time_ref (self->updated) : NULL;
  copy->infos = self->infos ? g_hash_table_ref (self->infos) : NULL;
  return copy;
}

/* How many days of snapshots an author's source was estimated from. */
guint
hub_source_get_n_snapshots (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), 0);
  return self->n_snapshots;
}

static char *
info_key (const char *type,
          const char *name)
{
  return g_strconcat (type, "\n", name, NULL);
}

/* Likes and privacy from the models and datasets listings (HubRepoInfo,
 * taken). Repositories missing from them have none. */
void
hub_source_set_repo_infos (HubSource *self,
                           GPtrArray *infos)
{
  g_return_if_fail (HUB_IS_SOURCE (self));

  g_clear_pointer (&self->infos, g_hash_table_unref);
  if (infos == NULL)
    return;
  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) hub_repo_info_free);
  for (guint i = 0; i < infos->len; i++)
    {
      HubRepoInfo *info = g_ptr_array_index (infos, i);

      g_hash_table_replace (self->infos, info_key (info->type, info->name), info);
    }
  g_ptr_array_set_free_func (infos, NULL);
  g_ptr_array_set_size (infos, 0);
}

gboolean
hub_source_has_repo_infos (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), FALSE);

  return self->infos != NULL;
}

/* Every listing entry, in no order: a new array of pointers the source
 * keeps. */
GPtrArray *
hub_source_list_repo_infos (HubSource *self)
{
  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);

  if (self->infos == NULL)
    return g_ptr_array_new ();
  return g_hash_table_get_values_as_ptr_array (self->infos);
}

const HubRepoInfo *
hub_source_find_repo_info (HubSource     *self,
                           const HubRepo *repo)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HUB_IS_SOURCE (self), NULL);

  if (self->infos == NULL)
    return NULL;
  key = info_key (repo->type, repo->name);
  return g_hash_table_lookup (self->infos, key);
}

/* The id of an organisation's source, "org:NAME": in the source switcher's
 * actions and in the settings' last source. */
char *
hub_source_id_for_organization (const char *org)
{
  return g_strconcat (ORG_PREFIX, org, NULL);
}

/* The organisation an id names, or NULL when it names no organisation. */
const char *
hub_source_id_get_organization (const char *id)
{
  return g_str_has_prefix (id, ORG_PREFIX) ? id + strlen (ORG_PREFIX) : NULL;
}

/* The id of an author's public view, "author:NAME". */
char *
hub_source_id_for_author (const char *author)
{
  return g_strconcat (AUTHOR_PREFIX, author, NULL);
}

/* The author an id names, or NULL when it names no author. */
const char *
hub_source_id_get_author (const char *id)
{
  return g_str_has_prefix (id, AUTHOR_PREFIX) ? id + strlen (AUTHOR_PREFIX) : NULL;
}
