/* hub-axis.c: where a chart's axes put their ticks, and what the labels say
 *
 * Pure functions of the data's extent and the room there is, so that the
 * tests can check them without a screen. The labels' words come from
 * hub-format.c, as every other date and count the user sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-axis.h"
#include "hub-format.h"

/* The smallest step of 1, 2 or 5 × 10^n that reaches max in at most
 * max_ticks steps; returns the number of steps. The top (steps × step) may
 * pass G_MAXINT64 but always fits a guint64. */
guint
hub_axis_value_ticks (gint64  max,
                      guint   max_ticks,
                      gint64 *step)
{
  static const guint64 mantissas[] = { 1, 2, 5 };

  max_ticks = MAX (max_ticks, 1);
  if (max <= 0)
    {
      if (step)
        *step = 1;
      return 1;
    }

  for (guint64 magnitude = 1; ; magnitude *= 10)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          guint64 s = mantissas[i] * magnitude;
          guint64 n;

          if (s > G_MAXINT64)
            {
              /* Only with max_ticks 1 and a max above 5 × 10^18. */
              if (step)
                *step = max;
              return 1;
            }
          n = ((guint64) max - 1) / s + 1;
          if (n <= max_ticks)
            {
              if (step)
                *step = (gint64) s;
              return (guint) n;
            }
        }
    }
}

typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepKind;

typedef struct
{
  StepKind kind;
  guint    n;
  guint    min_days;  /* the fewest days between two of its ticks */
} TickStep;

static const TickStep tick_steps[] = {
  { STEP_DAYS, 1, 1 },
  { STEP_DAYS, 7, 7 },
  { STEP_DAYS, 14, 14 },
  { STEP_MONTHS, 1, 28 },
  { STEP_MONTHS, 2, 59 },
  { STEP_MONTHS, 3, 89 },
  { STEP_MONTHS, 6, 181 },
  { STEP_YEARS, 1, 365 },
  { STEP_YEARS, 2, 730 },
  { STEP_YEARS, 5, 1826 },
  { STEP_YEARS, 10, 3652 },
  { STEP_YEARS, 20, 7305 },
  { STEP_YEARS, 50, 18262 },
  { STEP_YEARS, 100, 36524 },
  { STEP_YEARS, 1000, 365242 },
};

static HubAxisTickFormat
step_format (const TickStep *step)
{
  switch (step->kind)
    {
    case STEP_MONTHS:
      return HUB_AXIS_TICK_MONTH;
    case STEP_YEARS:
      return HUB_AXIS_TICK_YEAR;
    case STEP_DAYS:
    default:
      return HUB_AXIS_TICK_DAY;
    }
}

static void
append_ticks (GArray         *ticks,
              const TickStep *step,
              HubDay          first,
              HubDay          last)
{
  int y, m, d;

  switch (step->kind)
    {
    case STEP_DAYS:
      if (step->n == 1)
        {
          for (HubDay day = first; day <= last; day++)
            g_array_append_val (ticks, day);
          return;
        }
      /* Mondays; every other one counted from the Monday 1969-12-29 (day −3). */
      for (HubDay day = hub_day_week_start (first); day <= last; day += 7)
        {
          if (day < first || ((day + 3) / 7) % (step->n / 7) != 0)
            continue;
          g_array_append_val (ticks, day);
        }
      return;

    case STEP_MONTHS:
      for (HubDay day = hub_day_month_start (first); day <= last; day = hub_day_next_month (day))
        {
          hub_day_to_ymd (day, NULL, &m, NULL);
          if (day >= first && (guint) (m - 1) % step->n == 0)
            g_array_append_val (ticks, day);
        }
      return;

    case STEP_YEARS:
    default:
      hub_day_to_ymd (first, &y, &m, &d);
      for (int year = y + (m != 1 || d != 1); ; year++)
        {
          HubDay day;

          if (year > 9999)
            return;
          day = hub_day_from_ymd (year, 1, 1);
          if (day > last)
            return;
          if ((guint) year % step->n == 0)
            g_array_append_val (ticks, day);
        }
    }
}

/* The days that get a label on an x axis of px_per_day pixels a day: the
 * finest step whose labels cannot overlap. label_widths holds the widest
 * label of each HubAxisTickFormat, gaps included. Ticks fall on days,
 * Mondays, first days of months or first days of years. */
GArray *
hub_axis_date_ticks (HubDay             first,
                     HubDay             last,
                     double             px_per_day,
                     const double      *label_widths,
                     HubAxisTickFormat *format)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (HubDay));
  const TickStep *step = &tick_steps[G_N_ELEMENTS (tick_steps) - 1];

  if (last < first || px_per_day <= 0)
    {
      if (format)
        *format = HUB_AXIS_TICK_DAY;
      return ticks;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      if (tick_steps[i].min_days * px_per_day >= label_widths[step_format (&tick_steps[i])])
        {
          step = &tick_steps[i];
          break;
        }
    }

  append_ticks (ticks, step, first, last);
  if (format)
    *format = step_format (step);
  return ticks;
}

/* The label of a date tick in the format hub_axis_date_ticks() chose. */
char *
hub_axis_date_label (HubDay            day,
                     HubAxisTickFormat format)
{
  switch (format)
    {
    case HUB_AXIS_TICK_MONTH:
      return hub_format_date (day, HUB_DATE_MONTH);
    case HUB_AXIS_TICK_YEAR:
      return hub_format_date (day, HUB_DATE_YEAR);
    case HUB_AXIS_TICK_DAY:
    default:
      return hub_format_date (day, HUB_DATE_DAY_MONTH);
    }
}
