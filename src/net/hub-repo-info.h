/* hub-repo-info.h: likes, privacy and dates of a repository, from the listings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of /api/models, /api/datasets or /api/spaces with author=NAME.
 * Matched to the breakdown by (type, name). */
typedef struct
{
  char      *type;                /* "model", "dataset" or "space", as in the breakdown */
  char      *name;                /* "org/name", the Hub's id */
  gint64     likes;               /* -1 when not given */
  gboolean   is_private;
  GDateTime *last_modified;       /* may be NULL */
  gint64     downloads;           /* the Hub's last-30-days figure; -1 when not given */
  gint64     downloads_all_time;  /* -1 when not given */
  gint64     trending_score;      /* -1 when not given */
  GDateTime *created_at;          /* may be NULL */
} HubRepoInfo;

void hub_repo_info_free (HubRepoInfo *info);

/* Appends the entries of one listing page (a JSON array) to infos, each of
 * the given type. HUB_NET_ERROR_BAD_RESPONSE when it is not such an array. */
gboolean hub_repo_info_parse_page (const char  *json,
                                   gsize        length,
                                   const char  *type,
                                   GPtrArray   *infos,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubRepoInfo, hub_repo_info_free)

G_END_DECLS
