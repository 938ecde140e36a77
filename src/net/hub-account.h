/* hub-account.h: who is signed in to which Hub, and the organisations' data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-core.h"
#include "hub-net.h"

G_BEGIN_DECLS

#define HUB_TYPE_ACCOUNT (hub_account_get_type ())

G_DECLARE_FINAL_TYPE (HubAccount, hub_account, HUB, ACCOUNT, GObject)

HubAccount     *hub_account_new                  (const char           *endpoint_preference,
                                                  const char           *cache_dir,
                                                  GError              **error);
const char     *hub_account_get_endpoint         (HubAccount           *self);
HubTokenStore  *hub_account_get_token_store      (HubAccount           *self);
HubCache       *hub_account_get_cache            (HubAccount           *self);
gboolean        hub_account_get_signed_in        (HubAccount           *self);
HubClient      *hub_account_get_client           (HubAccount           *self);
HubWhoami      *hub_account_get_whoami           (HubAccount           *self);
HubTokenSource  hub_account_get_token_source     (HubAccount           *self);
char           *hub_account_dup_description      (HubAccount           *self);

void            hub_account_restore_async        (HubAccount           *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        hub_account_restore_finish       (HubAccount           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void            hub_account_sign_in              (HubAccount           *self,
                                                  const char           *token,
                                                  HubTokenSource        source,
                                                  HubWhoami            *whoami);
void            hub_account_sign_out_async       (HubAccount           *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        hub_account_sign_out_finish      (HubAccount           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

HubDataset     *hub_account_load_cached          (HubAccount           *self,
                                                  const char           *org,
                                                  GDateTime           **fetched_at,
                                                  GError              **error);
GPtrArray      *hub_account_load_cached_listings (HubAccount           *self,
                                                  const char           *org,
                                                  GError              **error);
void            hub_account_fetch_async          (HubAccount           *self,
                                                  const char           *org,
                                                  HubProgress          *progress,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HubDataset     *hub_account_fetch_finish         (HubAccount           *self,
                                                  GAsyncResult         *result,
                                                  GDateTime           **fetched_at,
                                                  GError              **error);
void            hub_account_list_repos_async     (HubAccount           *self,
                                                  const char           *org,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray      *hub_account_list_repos_finish    (HubAccount           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
