/* hub-cache.h: the last good fetch per endpoint and organisation, on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-dataset.h"
#include "hub-repo-info.h"
#include "hub-whoami.h"

G_BEGIN_DECLS

#define HUB_TYPE_CACHE (hub_cache_get_type ())

G_DECLARE_FINAL_TYPE (HubCache, hub_cache, HUB, CACHE, GObject)

/* A cache in dir, or in $XDG_CACHE_HOME/hub-analytics when dir is NULL.
 * Folders are made 0700 and files 0600; each file is replaced whole, through
 * an atomic file (hub-atomic-file.h), and the first load or save of a run
 * removes the temporary files that killed processes left. Immutable: usable
 * from any thread. */
HubCache   *hub_cache_new                 (const char     *dir);
const char *hub_cache_get_dir             (HubCache       *self);

/* The file that holds the dataset of org on endpoint. */
char       *hub_cache_get_dataset_path    (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org);
/* The file that holds the whoami answer for endpoint. */
char       *hub_cache_get_whoami_path     (HubCache       *self,
                                           const char     *endpoint);

/* Saves a complete dataset with the time it was fetched (UTC). Blocking:
 * call it from a worker thread, or use the _async form. */
gboolean    hub_cache_save_dataset        (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           HubDataset     *dataset,
                                           GDateTime      *fetched_at,
                                           GCancellable   *cancellable,
                                           GError        **error);
void        hub_cache_save_dataset_async  (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           HubDataset     *dataset,
                                           GDateTime      *fetched_at,
                                           GCancellable   *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer        user_data);
gboolean    hub_cache_save_dataset_finish (HubCache       *self,
                                           GAsyncResult   *result,
                                           GError        **error);

/* Loads the cached dataset of org on endpoint and, in fetched_at, when it
 * was fetched. HUB_NET_ERROR_CACHE_MISSING when there is none,
 * HUB_NET_ERROR_CACHE_INVALID when the file is corrupt, truncated, from
 * another version, for another endpoint or organisation, not a regular file,
 * or holds what no dataset can (the dataset builder's gate): the caller then
 * fetches afresh. Blocking; the _async form runs in a thread. */
HubDataset *hub_cache_load_dataset        (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           GDateTime     **fetched_at,
                                           GCancellable   *cancellable,
                                           GError        **error);
void        hub_cache_load_dataset_async  (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           GCancellable   *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer        user_data);
HubDataset *hub_cache_load_dataset_finish (HubCache       *self,
                                           GAsyncResult   *result,
                                           GDateTime     **fetched_at,
                                           GError        **error);

/* The whoami answer of endpoint's token, beside the datasets (small: blocking
 * is fine on the main thread). */
gboolean    hub_cache_save_whoami         (HubCache       *self,
                                           const char     *endpoint,
                                           HubWhoami      *whoami,
                                           GDateTime      *fetched_at,
                                           GError        **error);
HubWhoami  *hub_cache_load_whoami         (HubCache       *self,
                                           const char     *endpoint,
                                           GDateTime     **fetched_at,
                                           GError        **error);
/* Removes the whoami answer of endpoint (on sign-out); no error when absent. */
gboolean    hub_cache_clear_whoami        (HubCache       *self,
                                           const char     *endpoint,
                                           GError        **error);

gboolean    hub_cache_save_listings       (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           GPtrArray      *infos,
                                           GError        **error);
GPtrArray  *hub_cache_load_listings       (HubCache       *self,
                                           const char     *endpoint,
                                           const char     *org,
                                           GError        **error);

G_END_DECLS
