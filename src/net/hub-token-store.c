/* hub-token-store.c: where the Hub token comes from, and the keyring entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "hub-net-error.h"
#include "hub-token-store.h"

#define DEFAULT_KEYRING_TIMEOUT 120

struct _HubTokenStore
{
  GObject     parent_instance;

  GHashTable *session_tokens;  /* endpoint → token, when the keyring failed */
  guint       keyring_timeout;
};

G_DEFINE_FINAL_TYPE (HubTokenStore, hub_token_store, G_TYPE_OBJECT)

typedef enum
{
  KEYRING_LOOKUP,
  KEYRING_STORE,
  KEYRING_CLEAR,
} KeyringOp;

/* One keyring call: its own cancellable is cancelled by the caller's or by
 * the time-out, so that an unanswered unlock prompt cannot hang us. */
typedef struct
{
  KeyringOp     op;
  char         *endpoint;
  char         *token;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        cancelled_id;
  GSource      *timeout;
  gboolean      timed_out;
  GTask        *task;       /* not a reference: the task owns this call */
  gboolean      completed;  /* returned already, by the time-out */
} KeyringCall;

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.hubanalytics.HubAnalytics.Token", SECRET_SCHEMA_NONE,
    {
      { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
keyring_call_stop (KeyringCall *call)
{
  if (call->timeout != NULL)
    {
      g_source_destroy (call->timeout);
      g_clear_pointer (&call->timeout, g_source_unref);
    }
  if (call->cancelled_id != 0)
    {
      g_cancellable_disconnect (call->caller_cancellable, call->cancelled_id);
      call->cancelled_id = 0;
    }
}

static void
keyring_call_free (KeyringCall *call)
{
  keyring_call_stop (call);
  g_free (call->endpoint);
  hub_token_free (call->token);
  g_clear_object (&call->cancellable);
  g_clear_object (&call->caller_cancellable);
  g_free (call);
}

static void complete_timed_out (KeyringCall *call);

/* libsecret does not always finish a call whose unlock prompt is cancelled
 * (0.20.5 ends it with a critical instead): the time-out completes the
 * task itself, and the late callback, if any, is ignored. */
static gboolean
keyring_timed_out_cb (gpointer data)
{
  KeyringCall *call = data;

  call->timed_out = TRUE;
  g_clear_pointer (&call->timeout, g_source_unref);
  g_cancellable_cancel (call->cancellable);
  if (!call->completed)
    complete_timed_out (call);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static KeyringCall *
keyring_call_new (HubTokenStore *self,
                  GTask         *task,
                  KeyringOp      op,
                  const char    *endpoint,
                  const char    *token,
                  GCancellable  *cancellable)
{
  KeyringCall *call = g_new0 (KeyringCall, 1);

  call->task = task;
  call->op = op;
  call->endpoint = g_strdup (endpoint);
  call->token = g_strdup (token);
  call->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      call->caller_cancellable = g_object_ref (cancellable);
      call->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                  g_object_ref (call->cancellable),
                                                  g_object_unref);
    }
  if (self->keyring_timeout > 0)
    {
      call->timeout = g_timeout_source_new_seconds (self->keyring_timeout);
      g_source_set_callback (call->timeout, keyring_timed_out_cb, call, NULL);
      g_source_set_static_name (call->timeout, "[hub-analytics] keyring time-out");
      g_source_attach (call->timeout, g_main_context_get_thread_default ());
    }
  return call;
}

/* The warning for a keyring that failed us; the token stays for this run. */
static GError *
keyring_error (KeyringCall *call,
               GError      *error)
{
  const char *what;

  if (call->timed_out)
    what = _("The keyring is locked and was not unlocked in time");
  else if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    what = _("The keyring refused the request");
  else
    what = _("No keyring is available");

  if (call->op == KEYRING_STORE)
    return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_KEYRING_UNAVAILABLE,
                        _("%s: the token is kept until Hub Analytics quits, and is saved "
                          "nowhere else. You will have to sign in again next time."), what);
  return g_error_new (HUB_NET_ERROR, HUB_NET_ERROR_KEYRING_UNAVAILABLE,
                      _("%s: the token saved for %s could not be removed from it."),
                      what, call->endpoint);
}

/* Tokens are secrets: wiped before their memory is given back. */
void
hub_token_free (char *token)
{
  if (token != NULL)
    {
      explicit_bzero (token, strlen (token));
      g_free (token);
    }
}

char *
hub_token_file_path (void)
{
  const char *value;

  if ((value = g_getenv ("HF_TOKEN_PATH")) != NULL && *value != '\0')
    return g_strdup (value);
  if ((value = g_getenv ("HF_HOME")) != NULL && *value != '\0')
    return g_build_filename (value, "token", NULL);
  /* In a Flatpak sandbox XDG_CACHE_HOME is the app's own folder, while
   * huggingface_hub wrote its token under the host's, which the manifest lets
   * the app read. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    value = g_getenv ("HOST_XDG_CACHE_HOME");
  else
    value = g_getenv ("XDG_CACHE_HOME");
  if (value != NULL && *value != '\0')
    return g_build_filename (value, "huggingface", "token", NULL);
  return g_build_filename (g_get_home_dir (), ".cache", "huggingface", "token", NULL);
}

const char *
hub_token_source_describe (HubTokenSource source)
{
  switch (source)
    {
    case HUB_TOKEN_SOURCE_ENV:
      return _("the HF_TOKEN environment variable");
    case HUB_TOKEN_SOURCE_KEYRING:
      return _("the keyring");
    case HUB_TOKEN_SOURCE_SESSION:
      return _("this session’s sign-in (not saved)");
    case HUB_TOKEN_SOURCE_TOKEN_FILE:
      return _("the huggingface_hub token file");
    case HUB_TOKEN_SOURCE_NONE:
    default:
      return _("nowhere");
    }
}

/* The token in an environment variable or a file: surrounding white space is
 * not part of it (the file usually ends with a newline). */
static char *
clean_token (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0' || strpbrk (copy, "\r\n") != NULL)
    {
      hub_token_free (g_steal_pointer (&copy));
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* A control character inside HF_TOKEN, once the white space around it is
 * trimmed (a final newline is not part of a token), cannot go into an HTTP
 * header. */
static gboolean
env_token_unusable (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  gboolean unusable = FALSE;

  for (const char *p = copy; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      unusable = TRUE;
  hub_token_free (copy);
  return unusable;
}

static char *
read_token_file (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("The token file could not be read: %s", error->message);
      return NULL;
    }
  token = clean_token (contents);
  hub_token_free (contents);
  return token;
}

static void
hub_token_store_finalize (GObject *object)
{
  HubTokenStore *self = HUB_TOKEN_STORE (object);

  g_clear_pointer (&self->session_tokens, g_hash_table_unref);

  G_OBJECT_CLASS (hub_token_store_parent_class)->finalize (object);
}

static void
hub_token_store_class_init (HubTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hub_token_store_finalize;
}

static void
hub_token_store_init (HubTokenStore *self)
{
  self->session_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) hub_token_free);
  self->keyring_timeout = DEFAULT_KEYRING_TIMEOUT;
}

HubTokenStore *
hub_token_store_new (void)
{
  return g_object_new (HUB_TYPE_TOKEN_STORE, NULL);
}

void
hub_token_store_set_keyring_timeout (HubTokenStore *self,
                                     guint          seconds)
{
  g_return_if_fail (HUB_IS_TOKEN_STORE (self));

  self->keyring_timeout = seconds;
}

guint
hub_token_store_get_keyring_timeout (HubTokenStore *self)
{
  g_return_val_if_fail (HUB_IS_TOKEN_STORE (self), 0);

  return self->keyring_timeout;
}

/* Lookup */

typedef struct
{
  char           *token;
  HubTokenSource  source;
  char           *path;
} LookupResult;

static void
lookup_result_free (LookupResult *result)
{
  hub_token_free (result->token);
  g_free (result->path);
  g_free (result);
}

static void
return_lookup (GTask          *task,
               char           *token,
               HubTokenSource  source,
               char           *path)
{
  LookupResult *result = g_new0 (LookupResult, 1);

  result->token = token;
  result->source = token ? source : HUB_TOKEN_SOURCE_NONE;
  result->path = path;
  g_task_return_pointer (task, result, (GDestroyNotify) lookup_result_free);
}

static void
lookup_token_file (GTask *task)
{
  g_autofree char *path = hub_token_file_path ();
  char *token = read_token_file (path);

  return_lookup (task, token, HUB_TOKEN_SOURCE_TOKEN_FILE, token ? g_steal_pointer (&path) : NULL);
}

static void
keyring_lookup_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (res, &error);
  if (call->completed)
    {
      secret_password_free (secret);
      return;
    }
  call->completed = TRUE;
  keyring_call_stop (call);
  if (g_task_return_error_if_cancelled (task))
    {
      secret_password_free (secret);
      return;
    }
  if (secret != NULL)
    {
      char *token = clean_token (secret);

      secret_password_free (secret);
      if (token != NULL)
        {
          return_lookup (task, token, HUB_TOKEN_SOURCE_KEYRING, NULL);
          return;
        }
    }
  if (error != NULL)
    g_debug ("The keyring could not be read, trying the token file: %s", error->message);
  lookup_token_file (task);
}

void
hub_token_store_lookup_async (HubTokenStore       *self,
                              const char          *endpoint,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *env = g_getenv ("HF_TOKEN");
  const char *session;
  KeyringCall *call;

  g_return_if_fail (HUB_IS_TOKEN_STORE (self));
  g_return_if_fail (endpoint != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_token_store_lookup_async);

  if (env != NULL && env_token_unusable (env))
    {
      /* Refused, never swapped for the next token in the order: the user
       * asked for this one. */
      g_task_return_new_error (task, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_TOKEN,
                               _("HF_TOKEN holds a line break or another control character, "
                                 "which no token has, so it was not sent: correct or unset "
                                 "HF_TOKEN"));
      return;
    }
  if (env != NULL)
    {
      char *token = clean_token (env);

      if (token != NULL)
        {
          return_lookup (task, token, HUB_TOKEN_SOURCE_ENV, NULL);
          return;
        }
    }

  session = g_hash_table_lookup (self->session_tokens, endpoint);
  if (session != NULL)
    {
      return_lookup (task, g_strdup (session), HUB_TOKEN_SOURCE_SESSION, NULL);
      return;
    }

  call = keyring_call_new (self, task, KEYRING_LOOKUP, endpoint, NULL, cancellable);
  g_task_set_task_data (task, call, (GDestroyNotify) keyring_call_free);
  secret_password_lookup (token_schema (), call->cancellable, keyring_lookup_cb,
                          g_steal_pointer (&task),
                          "endpoint", endpoint,
                          NULL);
}

char *
hub_token_store_lookup_finish (HubTokenStore   *self,
                               GAsyncResult    *result,
                               HubTokenSource  *source,
                               char           **path,
                               GError         **error)
{
  LookupResult *found;
  char *token;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_token_store_lookup_async, NULL);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    {
      if (source)
        *source = HUB_TOKEN_SOURCE_NONE;
      return NULL;
    }
  if (source)
    *source = found->source;
  if (path)
    *path = g_steal_pointer (&found->path);
  token = g_steal_pointer (&found->token);
  lookup_result_free (found);
  return token;
}

/* Store */

static void
keep_for_session (HubTokenStore *self,
                  KeyringCall   *call)
{
  g_hash_table_replace (self->session_tokens, g_strdup (call->endpoint), g_strdup (call->token));
}

static void
complete_timed_out (KeyringCall *call)
{
  GTask *task = call->task;

  call->completed = TRUE;
  if (g_task_return_error_if_cancelled (task))
    return;
  switch (call->op)
    {
    case KEYRING_LOOKUP:
      g_debug ("The keyring did not answer in time, trying the token file");
      lookup_token_file (task);
      break;
    case KEYRING_STORE:
      keep_for_session (g_task_get_source_object (task), call);
      g_task_return_error (task, keyring_error (call, NULL));
      break;
    case KEYRING_CLEAR:
    default:
      g_task_return_error (task, keyring_error (call, NULL));
      break;
    }
}

static void
keyring_store_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubTokenStore *self = g_task_get_source_object (task);
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean stored;

  stored = secret_password_store_finish (res, &error);
  if (call->completed)
    return;
  call->completed = TRUE;
  keyring_call_stop (call);
  if (stored)
    {
      g_hash_table_remove (self->session_tokens, call->endpoint);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Whatever the keyring did, the token signed in with stays for this run. */
  keep_for_session (self, call);
  if (g_task_return_error_if_cancelled (task))
    return;
  /* A dismissed prompt fails without an error. */
  g_debug ("The keyring did not store the token: %s", error ? error->message : "refused");
  g_task_return_error (task, keyring_error (call, error));
}

void
hub_token_store_store_async (HubTokenStore       *self,
                             const char          *endpoint,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  KeyringCall *call;

  g_return_if_fail (HUB_IS_TOKEN_STORE (self));
  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (token != NULL && *token != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_token_store_store_async);
  call = keyring_call_new (self, task, KEYRING_STORE, endpoint, token, cancellable);
  g_task_set_task_data (task, call, (GDestroyNotify) keyring_call_free);

  /* Translators: the label of the keyring entry; %s is the Hub's address. */
  label = g_strdup_printf (_("Hugging Face token for %s (Hub Analytics)"), endpoint);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         call->cancellable, keyring_store_cb, g_steal_pointer (&task),
                         "endpoint", endpoint,
                         NULL);
}

gboolean
hub_token_store_store_finish (HubTokenStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_token_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Clear */

static void
keyring_clear_cb (GObject      *object,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KeyringCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (res, &error);
  if (call->completed)
    return;
  call->completed = TRUE;
  keyring_call_stop (call);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    {
      g_debug ("The keyring did not remove the token: %s", error->message);
      g_task_return_error (task, keyring_error (call, error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
hub_token_store_clear_async (HubTokenStore       *self,
                             const char          *endpoint,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyringCall *call;

  g_return_if_fail (HUB_IS_TOKEN_STORE (self));
  g_return_if_fail (endpoint != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_token_store_clear_async);
  g_hash_table_remove (self->session_tokens, endpoint);

  call = keyring_call_new (self, task, KEYRING_CLEAR, endpoint, NULL, cancellable);
  g_task_set_task_data (task, call, (GDestroyNotify) keyring_call_free);
  secret_password_clear (token_schema (), call->cancellable, keyring_clear_cb,
                         g_steal_pointer (&task),
                         "endpoint", endpoint,
                         NULL);
}

gboolean
hub_token_store_clear_finish (HubTokenStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_token_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
