/* hub-account.c: who is signed in to which Hub, and the organisations' data
 *
 * The window asks this object, not the network classes: it finds the token
 * in DESIGN.md's order at start-up, keeps the whoami answer cached, opens an
 * organisation from the cache at once and fetches it afresh in the
 * background, and signs out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hub-account.h"

struct _HubAccount
{
  GObject         parent_instance;

  char           *endpoint;
  HubTokenStore  *store;
  HubCache       *cache;
  HubClient      *client;     /* NULL when signed out */
  HubWhoami      *whoami;
  HubTokenSource  token_source;
};

G_DEFINE_FINAL_TYPE (HubAccount, hub_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SIGNED_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_client (HubAccount     *self,
            const char     *token,
            HubTokenSource  source,
            HubWhoami      *whoami)
{
  gboolean was_signed_in = self->client != NULL;

  g_clear_object (&self->client);
  g_clear_pointer (&self->whoami, hub_whoami_unref);
  self->token_source = HUB_TOKEN_SOURCE_NONE;

  if (token != NULL)
    {
      self->client = hub_client_new (self->endpoint, token);
      hub_client_set_cache (self->client, self->cache);
      self->token_source = source;
      self->whoami = whoami ? hub_whoami_ref (whoami) : NULL;
    }

  if (was_signed_in != (self->client != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

static void
hub_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HubAccount *self = HUB_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, hub_account_get_signed_in (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_account_finalize (GObject *object)
{
  HubAccount *self = HUB_ACCOUNT (object);

  g_free (self->endpoint);
  g_clear_object (&self->store);
  g_clear_object (&self->cache);
  g_clear_object (&self->client);
  g_clear_pointer (&self->whoami, hub_whoami_unref);

  G_OBJECT_CLASS (hub_account_parent_class)->finalize (object);
}

static void
hub_account_class_init (HubAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hub_account_get_property;
  object_class->finalize = hub_account_finalize;

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_account_init (HubAccount *self)
{
}

/* endpoint_preference: the GSettings value (may be NULL); HF_ENDPOINT wins
 * over it. cache_dir: NULL for $XDG_CACHE_HOME/hub-analytics. */
HubAccount *
hub_account_new (const char  *endpoint_preference,
                 const char  *cache_dir,
                 GError     **error)
{
  g_autofree char *endpoint = hub_endpoint_resolve (endpoint_preference, NULL, error);
  HubAccount *self;

  if (endpoint == NULL)
    return NULL;

  self = g_object_new (HUB_TYPE_ACCOUNT, NULL);
  self->endpoint = g_steal_pointer (&endpoint);
  self->store = hub_token_store_new ();
  self->cache = hub_cache_new (cache_dir);
  return self;
}

const char *
hub_account_get_endpoint (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return self->endpoint;
}

HubTokenStore *
hub_account_get_token_store (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return self->store;
}

HubCache *
hub_account_get_cache (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return self->cache;
}

/* The signed-in client (a borrowed reference), or NULL when signed out. */
HubClient *
hub_account_get_client (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return self->client;
}

gboolean
hub_account_get_signed_in (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), FALSE);

  return self->client != NULL;
}

/* The whoami answer, fresh or cached; NULL when signed out or never seen. */
HubWhoami *
hub_account_get_whoami (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return self->whoami;
}

HubTokenSource
hub_account_get_token_source (HubAccount *self)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), HUB_TOKEN_SOURCE_NONE);

  return self->token_source;
}

/* "ada, with the token from the HF_TOKEN environment variable": who, and
 * where the token came from. NULL when signed out. */
char *
hub_account_dup_description (HubAccount *self)
{
  const char *who;

  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  if (self->client == NULL)
    return NULL;
  who = self->whoami ? self->whoami->name : _("an unknown account");
  /* Translators: the first %s is a user name, the second where the token came from */
  return g_strdup_printf (_("%s, with the token from %s"), who,
                          hub_token_source_describe (self->token_source));
}

/* A task of self's. One that needs the client fails at once, and is not
 * returned, while nobody is signed in. */
static GTask *
account_task_new (HubAccount          *self,
                  gboolean             needs_client,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (needs_client && self->client == NULL)
    {
      g_task_return_new_error (task, HUB_NET_ERROR, HUB_NET_ERROR_NO_TOKEN,
                               _("Sign in to fetch an organisation’s downloads"));
      g_object_unref (task);
      return NULL;
    }
  return task;
}

static void
on_restore_lookup (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HubWhoami) whoami = NULL;
  HubTokenSource token_source = HUB_TOKEN_SOURCE_NONE;
  char *token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (source), result,
                                              &token_source, NULL, &error);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (token != NULL)
    whoami = hub_cache_load_whoami (self->cache, self->endpoint, NULL, NULL);
  set_client (self, token, token_source, whoami);
  hub_token_free (token);
  g_task_return_boolean (task, self->client != NULL);
}

/* Finds a token (HF_TOKEN, the keyring, the token file) and the cached
 * whoami answer. Finishes TRUE when signed in. */
void
hub_account_restore_async (HubAccount          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HUB_IS_ACCOUNT (self));

  task = account_task_new (self, FALSE, hub_account_restore_async, cancellable, callback, user_data);
  hub_token_store_lookup_async (self->store, self->endpoint, cancellable,
                                on_restore_lookup, task);
}

gboolean
hub_account_restore_finish (HubAccount    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* After the sign-in dialog checked the token (and stored it). */
void
hub_account_sign_in (HubAccount     *self,
                     const char     *token,
                     HubTokenSource  source,
                     HubWhoami      *whoami)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (HUB_IS_ACCOUNT (self));
  g_return_if_fail (token != NULL);

  set_client (self, token, source, whoami);
  if (whoami != NULL)
    hub_cache_save_whoami (self->cache, self->endpoint, whoami, now, NULL);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!hub_token_store_clear_finish (HUB_TOKEN_STORE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Clears the keyring entry and the cached organisation list; the cached
 * breakdowns stay, to be shown offline. */
void
hub_account_sign_out_async (HubAccount          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HUB_IS_ACCOUNT (self));

  task = account_task_new (self, FALSE, hub_account_sign_out_async, cancellable, callback, user_data);
  hub_cache_clear_whoami (self->cache, self->endpoint, NULL);
  set_client (self, NULL, HUB_TOKEN_SOURCE_NONE, NULL);
  hub_token_store_clear_async (self->store, self->endpoint, cancellable, on_cleared, task);
}

gboolean
hub_account_sign_out_finish (HubAccount    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The last good fetch of org, in well under 0.2 s for millions of rows. */
HubDataset *
hub_account_load_cached (HubAccount  *self,
                         const char  *org,
                         GDateTime  **fetched_at,
                         GError     **error)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return hub_cache_load_dataset (self->cache, self->endpoint, org, fetched_at, NULL, error);
}

/* The listings saved with org's breakdown (likes, privacy), or NULL. */
GPtrArray *
hub_account_load_cached_listings (HubAccount  *self,
                                  const char  *org,
                                  GError     **error)
{
  g_return_val_if_fail (HUB_IS_ACCOUNT (self), NULL);

  return hub_cache_load_listings (self->cache, self->endpoint, org, error);
}


typedef struct
{
  HubDataset *dataset;
  GDateTime  *fetched_at;
} Fetched;

static void
fetched_free (Fetched *fetched)
{
  g_clear_object (&fetched->dataset);
  g_clear_pointer (&fetched->fetched_at, g_date_time_unref);
  g_free (fetched);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  Fetched *fetched = g_new0 (Fetched, 1);

  fetched->dataset = hub_client_fetch_breakdown_finish (HUB_CLIENT (source), result, NULL,
                                                        &fetched->fetched_at, &error);
  if (fetched->dataset == NULL)
    {
      fetched_free (fetched);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, fetched, (GDestroyNotify) fetched_free);
}

/* Fetches org afresh; the client saves it in the cache once complete. */
void
hub_account_fetch_async (HubAccount          *self,
                         const char          *org,
                         HubProgress         *progress,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HUB_IS_ACCOUNT (self));
  g_return_if_fail (org != NULL);

  task = account_task_new (self, TRUE, hub_account_fetch_async, cancellable, callback, user_data);
  if (task != NULL)
    hub_client_fetch_breakdown_async (self->client, org, progress, NULL, cancellable,
                                      on_fetched, task);
}

HubDataset *
hub_account_fetch_finish (HubAccount    *self,
                          GAsyncResult  *result,
                          GDateTime    **fetched_at,
                          GError       **error)
{
  Fetched *fetched;
  HubDataset *dataset;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  fetched = g_task_propagate_pointer (G_TASK (result), error);
  if (fetched == NULL)
    return NULL;
  dataset = g_steal_pointer (&fetched->dataset);
  if (fetched_at)
    *fetched_at = g_steal_pointer (&fetched->fetched_at);
  fetched_free (fetched);
  return dataset;
}

/* The listings are kept beside the breakdown (off the main thread), so that
 * the table shown offline still has its likes and locks. */
static void
save_listings_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  HubAccount *self = source_object;
  GPtrArray *infos = task_data;
  const char *org = g_object_get_data (G_OBJECT (task), "hub-org");
  g_autoptr(GError) error = NULL;

  if (!hub_cache_save_listings (self->cache, self->endpoint, org, infos, &error))
    g_debug ("The listings of %s were not saved: %s", org, error->message);
  g_task_return_pointer (task, g_ptr_array_ref (infos), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *infos = hub_client_list_repos_finish (HUB_CLIENT (source), result, &error);

  if (infos == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, infos, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, save_listings_thread);
}

/* Likes, privacy and last-modified dates of org's models and datasets. */
void
hub_account_list_repos_async (HubAccount          *self,
                              const char          *org,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HUB_IS_ACCOUNT (self));

  task = account_task_new (self, TRUE, hub_account_list_repos_async, cancellable, callback,
                           user_data);
  if (task == NULL)
    return;
  g_object_set_data_full (G_OBJECT (task), "hub-org", g_strdup (org), g_free);
  hub_client_list_repos_async (self->client, org, cancellable, on_listed, task);
}

GPtrArray *
hub_account_list_repos_finish (HubAccount    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
