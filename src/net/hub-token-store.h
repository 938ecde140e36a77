/* hub-token-store.h: where the Hub token comes from, and the keyring entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a token came from, so the UI can say it. */
typedef enum
{
  HUB_TOKEN_SOURCE_NONE,
  HUB_TOKEN_SOURCE_ENV,         /* HF_TOKEN */
  HUB_TOKEN_SOURCE_KEYRING,     /* signed in, kept by libsecret for the endpoint */
  HUB_TOKEN_SOURCE_SESSION,     /* signed in, but the keyring failed: this run only */
  HUB_TOKEN_SOURCE_TOKEN_FILE,  /* huggingface_hub's token file (read-only) */
} HubTokenSource;

#define HUB_TYPE_TOKEN_STORE (hub_token_store_get_type ())

G_DECLARE_FINAL_TYPE (HubTokenStore, hub_token_store, HUB, TOKEN_STORE, GObject)

/* huggingface_hub's token file: $HF_TOKEN_PATH, else $HF_HOME/token, else
 * $XDG_CACHE_HOME/huggingface/token, else ~/.cache/huggingface/token. */
char          *hub_token_file_path                 (void);

/* Wipes token before freeing it; NULL is ignored. */
void           hub_token_free                      (char            *token);

/* A translated phrase for a source, e.g. "the HF_TOKEN environment variable". */
const char    *hub_token_source_describe           (HubTokenSource   source);

HubTokenStore *hub_token_store_new                 (void);

/* How long a keyring call may take, prompts to unlock included, before the
 * keyring counts as locked (seconds; 0 waits as long as the keyring does). */
void           hub_token_store_set_keyring_timeout (HubTokenStore   *self,
                                                    guint            seconds);
guint          hub_token_store_get_keyring_timeout (HubTokenStore   *self);

/* Finds the token for endpoint in DESIGN.md's order: HF_TOKEN, the token
 * signed in with (keyring, or this run's when the keyring failed), the
 * token file. A keyring that cannot be reached is skipped. The finish
 * function returns NULL with source NONE and no error when there is none;
 * path (may be NULL) receives the token file's path for TOKEN_FILE. */
void           hub_token_store_lookup_async        (HubTokenStore   *self,
                                                    const char      *endpoint,
                                                    GCancellable    *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer         user_data);
char          *hub_token_store_lookup_finish       (HubTokenStore   *self,
                                                    GAsyncResult    *result,
                                                    HubTokenSource  *source,
                                                    char           **path,
                                                    GError         **error);

/* Keeps token for endpoint in the keyring. When the keyring is missing,
 * locked or refuses, the finish function fails with
 * HUB_NET_ERROR_KEYRING_UNAVAILABLE (a warning to show) and the token is
 * kept in memory for this run only (lookups return it, source SESSION); it
 * is never written anywhere else. */
void           hub_token_store_store_async         (HubTokenStore   *self,
                                                    const char      *endpoint,
                                                    const char      *token,
                                                    GCancellable    *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer         user_data);
gboolean       hub_token_store_store_finish        (HubTokenStore   *self,
                                                    GAsyncResult    *result,
                                                    GError         **error);

/* Signs out of endpoint: forgets this run's token and removes the keyring
 * entry. HF_TOKEN and the token file are not ours and stay. */
void           hub_token_store_clear_async         (HubTokenStore   *self,
                                                    const char      *endpoint,
                                                    GCancellable    *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer         user_data);
gboolean       hub_token_store_clear_finish        (HubTokenStore   *self,
                                                    GAsyncResult    *result,
                                                    GError         **error);

G_END_DECLS
