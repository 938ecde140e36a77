/* hub-public-view.h: an author's public figures, and the history kept of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hub-source.h"
#include "hub-trend-chart.h"

G_BEGIN_DECLS

#define HUB_TYPE_PUBLIC_VIEW (hub_public_view_get_type ())

G_DECLARE_FINAL_TYPE (HubPublicView, hub_public_view, HUB, PUBLIC_VIEW, GtkWidget)

GtkWidget     *hub_public_view_new          (void);
void           hub_public_view_set_source   (HubPublicView *self,
                                             HubSource     *source,
                                             const HubSpan *span);
gboolean       hub_public_view_get_compact  (HubPublicView *self);
void           hub_public_view_set_compact  (HubPublicView *self,
                                             gboolean       compact);
GListModel    *hub_public_view_get_model    (HubPublicView *self);
const char    *hub_public_view_get_estimate_caption (HubPublicView *self);
HubTrendChart *hub_public_view_get_chart    (HubPublicView *self);

G_END_DECLS
