/* hub-audience-view.h: who the request logs say downloads: uniques,
 * sessions, classes of requests, countries, repositories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-audience-csv.h"
#include "hub-source.h"

G_BEGIN_DECLS

#define HUB_TYPE_AUDIENCE_VIEW (hub_audience_view_get_type ())

G_DECLARE_FINAL_TYPE (HubAudienceView, hub_audience_view, HUB, AUDIENCE_VIEW, GtkWidget)

GtkWidget *hub_audience_view_new          (void);
void       hub_audience_view_set_source   (HubAudienceView      *self,
                                           HubSource            *source,
                                           const HubSpan        *span);
void       hub_audience_view_get_span     (HubAudienceView      *self,
                                           HubDay               *first,
                                           HubDay               *last);
void       hub_audience_view_export_async (HubAudienceView      *self,
                                           HubAudienceTable      table,
                                           GFile                *destination,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean   hub_audience_view_export_finish (HubAudienceView     *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
