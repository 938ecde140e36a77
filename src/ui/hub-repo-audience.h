/* hub-repo-audience.h: one repository in the request logs, on its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-core.h"
#include "hub-source.h"

G_BEGIN_DECLS

#define HUB_TYPE_REPO_AUDIENCE (hub_repo_audience_get_type ())

G_DECLARE_FINAL_TYPE (HubRepoAudience, hub_repo_audience, HUB, REPO_AUDIENCE, GtkWidget)

GtkWidget *hub_repo_audience_new      (void);
gboolean   hub_repo_audience_set_repo (HubRepoAudience *self,
                                       HubSource       *source,
                                       const char      *type,
                                       const char      *name,
                                       HubDay           first,
                                       HubDay           last);
gboolean   hub_repo_audience_set_span (HubRepoAudience *self,
                                       HubSource       *source,
                                       HubDay           first,
                                       HubDay           last);

G_END_DECLS
