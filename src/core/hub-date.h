/* hub-date.h: day numbers (days since 1970-01-01, UTC) and their calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A day number: days since 1970-01-01 in UTC. */
typedef gint32 HubDay;

#define HUB_DAY_NONE G_MININT32

/* 0001-01-01 and 9999-12-31: the days a timestamp may name. */
#define HUB_DAY_FIRST (-719162)
#define HUB_DAY_LAST  2932896

/* Longest text hub_day_format() writes, with its NUL. */
#define HUB_DAY_ISO_LEN 11

/* What hub_day_parse_timestamp_cached() remembers: zero-initialise it. */
typedef struct
{
  char   prefix[8];    /* "YYYY-MM-" of the last month parsed */
  HubDay month_start;
  int    month_days;   /* 0 until a month is remembered */
} HubDayCache;

gboolean   hub_day_parse_timestamp        (const char  *text,
                                           gsize        len,
                                           HubDay      *out_day);
gboolean   hub_day_parse_timestamp_cached (HubDayCache *cache,
                                           const char  *text,
                                           gsize        len,
                                           HubDay      *out_day);
HubDay     hub_day_from_ymd               (int          year,
                                           int          month,
                                           int          day);
void       hub_day_to_ymd                 (HubDay       day,
                                           int         *year,
                                           int         *month,
                                           int         *mday);
gboolean   hub_day_is_valid_date          (int          year,
                                           int          month,
                                           int          day);
void       hub_day_format                 (HubDay       day,
                                           char         buf[HUB_DAY_ISO_LEN]);
int        hub_day_weekday                (HubDay       day);
HubDay     hub_day_week_start             (HubDay       day);
HubDay     hub_day_month_start            (HubDay       day);
HubDay     hub_day_next_month             (HubDay       day);
GDateTime *hub_day_to_date_time           (HubDay       day);

/* A moment as the files keep it: microseconds since 1970-01-01 UTC. NULL
 * stands for now; a moment before 1970 or after 9999 reads back as NULL. */
gint64     hub_date_time_to_usec          (GDateTime   *date_time);
GDateTime *hub_date_time_new_from_usec    (gint64       usec);

G_END_DECLS
