/* hub-audience-csv.h: the Audience view's tables as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-log.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_AUDIENCE_TABLE_COUNTRIES,
  HUB_AUDIENCE_TABLE_CLASSES,
  HUB_AUDIENCE_TABLE_REPOSITORIES,
} HubAudienceTable;

guint *hub_audience_order_countries (const HubLogFigures *figures,
                                     guint                n_countries,
                                     HubLogStore         *store);
guint *hub_audience_order_repos     (const HubLogFigures *figures,
                                     guint                n_repos,
                                     HubLogStore         *store);
char  *hub_audience_csv             (HubLogStore         *store,
                                     HubAudienceTable     table,
                                     HubDay               first,
                                     HubDay               last);
char  *hub_audience_suggested_name  (const char          *source,
                                     HubAudienceTable     table,
                                     HubDay               last);

G_END_DECLS
