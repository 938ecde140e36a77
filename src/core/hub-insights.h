/* hub-insights.h: what changed and what comes next: velocity, movers,
 * milestones and their projection, spikes and drops (DESIGN.md, "Insights")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hub-dataset.h"
#include "hub-range.h"

G_BEGIN_DECLS

/* Downloads a day over the last 7 and 30 days ending on a day, and their
 * change against the 7 (30) days before those. */
typedef struct
{
  double rate_7;
  double rate_30;
  double acceleration_7;
  double acceleration_30;
} HubVelocity;

typedef enum
{
  HUB_MOVER_GAINER,   /* more downloads than in the comparison range */
  HUB_MOVER_LOSER,    /* fewer */
  HUB_MOVER_NEW,      /* its first downloads fall in the range */
  HUB_MOVER_QUIET,    /* downloads in the comparison range, none in the range */
} HubMoverKind;

typedef struct
{
  const HubRepo *repo;
  HubMoverKind   kind;
  gint64         current;    /* downloads in the range */
  gint64         previous;   /* in the comparison range */
  HubChange      change;
} HubMover;

/* A relative change counts only for repositories with at least this many
 * downloads in the comparison range: 1 → 5 is +400 % and means nothing. */
#define HUB_MOVERS_RELATIVE_FLOOR 100

/* Each list holds HubMover, at most n of them, largest first. */
typedef struct
{
  GArray *gainers;            /* by current − previous */
  GArray *losers;             /* by previous − current */
  GArray *gainers_relative;   /* by change */
  GArray *losers_relative;
  GArray *fresh;              /* new repositories, by current */
  GArray *quiet;              /* gone quiet, by previous */
} HubMovers;

/* The daily series a projection or a spike is computed on: the
 * weekday-adjusted count divides each day by its weekday's factor. */
typedef struct
{
  double factor[7];   /* indexed by hub_day_weekday () − 1; they average 1 */
} HubWeekdays;

typedef enum
{
  HUB_PROJECTION_OK,
  HUB_PROJECTION_TOO_FEW_DAYS,   /* fewer than HUB_PROJECTION_MIN_DAYS of data */
  HUB_PROJECTION_NO_DOWNLOADS,   /* nothing downloaded in the weeks fitted */
  HUB_PROJECTION_FALLING,        /* the trend falls, beyond its noise */
  HUB_PROJECTION_TOO_FAR,        /* not reached within HUB_PROJECTION_HORIZON days */
} HubProjectionStatus;

#define HUB_PROJECTION_MIN_DAYS  28    /* four weeks, each weekday four times */
#define HUB_PROJECTION_FIT_DAYS  56    /* the recent weeks the trend is fitted on */
#define HUB_PROJECTION_HORIZON   3650  /* ten years */

/* The next milestone of a series and when it will be passed. */
typedef struct
{
  HubProjectionStatus status;
  gint64              all_time;
  gint64              milestone;   /* the next round number above all_time */
  HubDay              day;         /* the projected day; HUB_DAY_NONE unless OK */
  HubDay              earliest;    /* the range of dates: HUB_DAY_NONE unless OK, */
  HubDay              latest;      /* and latest also when it may never come */
  double              rate;        /* adjusted downloads a day at the last day fitted */
  double              slope;       /* their change a day */
} HubProjection;

/* A milestone passed, for a marker on a chart. */
typedef struct
{
  gint64 value;
  HubDay day;
} HubMilestone;

/* A day far outside a series' usual range. */
typedef struct
{
  HubDay day;
  gint64 count;
  double expected;   /* the usual count of that weekday */
  double score;      /* above 0 a spike, below a drop */
} HubSpike;

#define HUB_SPIKE_BASELINE_DAYS 28    /* the days before a day that make its usual range */
#define HUB_SPIKE_THRESHOLD     4.0   /* |score| from which a day is a spike or a drop */

GArray         *hub_repo_daily             (const HubRepo       *repo,
                                            HubRange             range);

HubVelocity     hub_repo_velocity          (const HubRepo       *repo,
                                            HubDay               last);

HubMovers      *hub_movers_compute         (HubDataset          *dataset,
                                            HubRange             range,
                                            HubRange             compared,
                                            guint                n);
void            hub_movers_free            (HubMovers           *movers);

void            hub_weekdays_fit           (HubWeekdays         *weekdays,
                                            const gint64        *daily,
                                            guint                n_days,
                                            HubDay               first_day);

gint64          hub_milestone_next         (gint64               all_time);
HubProjection   hub_projection_compute     (const gint64        *daily,
                                            guint                n_days,
                                            HubDay               last_day,
                                            gint64               all_time);
HubProjection   hub_repo_projection        (HubDataset          *dataset,
                                            const HubRepo       *repo);
const char     *hub_projection_describe    (HubProjectionStatus  status);
GArray         *hub_repo_milestones        (HubDataset          *dataset,
                                            const HubRepo       *repo,
                                            HubRange             range);

GArray         *hub_spikes_find            (const gint64        *daily,
                                            guint                n_days,
                                            HubDay               first_day,
                                            HubDay               from);
GArray         *hub_repo_spikes            (const HubRepo       *repo,
                                            HubRange             range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubMovers, hub_movers_free)

G_END_DECLS
