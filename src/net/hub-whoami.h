/* hub-whoami.h: who a token belongs to, from /api/whoami-v2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *fullname;     /* may be NULL */
  char *avatar_url;   /* may be NULL */
  char *role_in_org;  /* "admin", "write", "contributor", "read"; may be NULL */
} HubWhoamiOrg;

/* Read-only once made; reference counted. */
typedef struct
{
  char      *name;
  char      *fullname;    /* may be NULL */
  char      *token_role;  /* auth.accessToken.role: "read", "write", "fineGrained"; may be NULL */
  GPtrArray *orgs;        /* HubWhoamiOrg*, in the Hub's order */
} HubWhoami;

#define HUB_TYPE_WHOAMI (hub_whoami_get_type ())

GType      hub_whoami_get_type       (void) G_GNUC_CONST;

/* Reads a whoami-v2 answer (or what hub_whoami_to_json wrote). Only `name`
 * is required. HUB_NET_ERROR_BAD_RESPONSE otherwise. */
HubWhoami *hub_whoami_new_from_json  (const char  *json,
                                      gssize       length,
                                      GError     **error);
/* The fields above, in whoami-v2's shape: what the cache keeps (no token,
 * nothing else from the answer). */
char      *hub_whoami_to_json        (const HubWhoami *whoami);
HubWhoami *hub_whoami_ref            (HubWhoami  *whoami);
void       hub_whoami_unref          (HubWhoami  *whoami);
/* The organisation called name, or NULL. */
const HubWhoamiOrg *hub_whoami_find_org (const HubWhoami *whoami,
                                         const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubWhoami, hub_whoami_unref)

G_END_DECLS
