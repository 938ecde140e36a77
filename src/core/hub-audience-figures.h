/* hub-audience-figures.h: what the Audience view shows of the request logs
 * over a period, computed where the logs were read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-dataset.h"
#include "hub-log.h"
#include "hub-range.h"

G_BEGIN_DECLS

#define HUB_AUDIENCE_TOP_IDENTITIES 10

typedef struct
{
  HubDay          first;           /* HUB_DAY_NONE twice when the logs have no days */
  HubDay          last;
  HubLogFigures   total;
  HubLogFigures  *daily;           /* a day each, first … last */
  guint           n_countries;
  HubLogFigures  *countries;       /* by the store's country index */
  guint          *country_order;   /* indices, most requests first, G_MAXUINT after the last */
  guint           n_repos;
  HubLogFigures  *repos;           /* by the store's repository index */
  guint          *repo_order;      /* indices, as the Audience view lists them */
  char           *region_country;  /* the first country's code, or NULL */
  GPtrArray      *regions;         /* HubLogRegion, of region_country, or NULL */
  GPtrArray      *identities;      /* HubLogIdentity: the busiest, to mark as the team's */
} HubAudienceFigures;

HubAudienceFigures *hub_audience_figures_new  (HubLogStore        *store,
                                               HubPeriod           period);
HubAudienceFigures *hub_audience_figures_new_days (HubLogStore   *store,
                                                   HubRange       range);
void                hub_audience_figures_free (HubAudienceFigures *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubAudienceFigures, hub_audience_figures_free)

G_END_DECLS
