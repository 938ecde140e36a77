/* hub-format.c: how every widget writes numbers, changes, dates and ages
 *
 * Numbers follow the locale (LC_NUMERIC, set by main() through setlocale):
 * printf's ' flag gives the grouping, so nothing here groups digits by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hub-format.h"

/* The exact count, grouped as the locale groups thousands: "1,234,567". */
char *
hub_format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/* Counts from 1,000 on, scaled to thousands, millions, billions or
 * trillions and rounded to one decimal: the one rule behind a compact value
 * and an axis tick, which differ only in whether "1.0" keeps its ".0". */
static char *
format_scaled (gint64   value,
               gboolean drop_zero_decimal)
{
  static const double units[] = { 1e3, 1e6, 1e9, 1e12 };
  double v = fabs ((double) value);
  const char *sign = value < 0 ? "−" : "";
  g_autofree char *digits = NULL;
  guint i = 0;
  double r;

  if (v < 1000.0)
    return hub_format_count (value);

  /* The next unit as soon as rounding would write 1000.0 of this one. */
  while (i + 1 < G_N_ELEMENTS (units) && v >= units[i + 1] - units[i] / 20)
    i++;
  r = v / units[i];
  if (drop_zero_decimal && fabs (r - (double) (gint64) (r + 0.5)) < 0.05)
    digits = g_strdup_printf ("%s%'.0f", sign, r);
  else
    digits = g_strdup_printf ("%s%.1f", sign, r);

  switch (i)
    {
    case 0:
      /* Translators: a compact count in thousands, as "12.3 K"; %s is the number */
      return g_strdup_printf (C_("compact number", "%s K"), digits);
    case 1:
      /* Translators: a compact count in millions, as "1.2 M" */
      return g_strdup_printf (C_("compact number", "%s M"), digits);
    case 2:
      /* Translators: a compact count in billions (10^9), as "3.4 B" */
      return g_strdup_printf (C_("compact number", "%s B"), digits);
    default:
      /* Translators: a compact count in trillions (10^12), as "1.5 T" */
      return g_strdup_printf (C_("compact number", "%s T"), digits);
    }
}

/* A value where there is little room: "950", "12.3 K", "1.0 M", "3.4 B".
 * The exact value belongs in a tooltip beside it: hub_format_count_fitting(). */
char *
hub_format_compact (gint64 value)
{
  return format_scaled (value, FALSE);
}

/* The one number style: where there is room, the exact value (and no
 * tooltip); where there is not, the compact value, with the exact one for
 * its tooltip when the two differ (else *tooltip is NULL). */
char *
hub_format_count_fitting (gint64     value,
                          gboolean   room,
                          char     **tooltip)
{
  g_autofree char *exact = hub_format_count (value);
  g_autofree char *compact = NULL;

  g_return_val_if_fail (tooltip != NULL, NULL);

  *tooltip = NULL;
  if (room)
    return g_steal_pointer (&exact);
  compact = hub_format_compact (value);
  if (!g_str_equal (compact, exact))
    *tooltip = g_steal_pointer (&exact);
  return g_steal_pointer (&compact);
}

/* Whether a card has room for value's exact form: up to eleven characters
 * ("83,814,452" does; "1,234,567,890" takes the compact form). */
gboolean
hub_format_fits_card (gint64 value)
{
  g_autofree char *exact = hub_format_count (value);

  return g_utf8_strlen (exact, -1) <= 11;
}

/* A label on a value axis: "0", "500", "1 K", "1.5 K", "20 K", "3 M". */
char *
hub_format_axis_value (gint64 value)
{
  return format_scaled (value, TRUE);
}

/* The change against the previous 30 days: "+25.0 %", "−12.5 %", "new" or "—". */
char *
hub_format_change (HubChange change)
{
  double percent;

  switch (change.kind)
    {
    case HUB_CHANGE_NONE:
      return g_strdup ("—");
    case HUB_CHANGE_NEW:
      /* Translators: the change of a repository that had no downloads in the previous 30 days */
      return g_strdup (C_("change", "new"));
    case HUB_CHANGE_RATIO:
    default:
      break;
    }

  percent = change.ratio * 100.0;
  if (fabs (percent) >= 1000.0)
    /* Translators: a large percentage change, as "+1,234 %"; %s is the sign */
    return g_strdup_printf (_("%s%'.0f %%"), percent < 0 ? "−" : "+", fabs (percent));
  /* Translators: a percentage change, as "+25.0 %"; %s is the sign */
  return g_strdup_printf (_("%s%.1f %%"), percent < 0 ? "−" : (percent > 0 ? "+" : "±"),
                          fabs (percent));
}

/* Every date format is translated once, here, with no other context. */
static const char *
date_format (HubDateStyle style)
{
  switch (style)
    {
    case HUB_DATE_WEEKDAY:
      /* Translators: a date and weekday, in g_date_time_format() notation; "Sat 21 Nov 2026" */
      return _("%a %-d %b %Y");
    case HUB_DATE_DAY_MONTH:
      /* Translators: a day and month, in g_date_time_format() notation; "21 Nov" */
      return _("%-d %b");
    case HUB_DATE_MONTH:
      /* Translators: a month and year, in g_date_time_format() notation; "Nov 2026" */
      return _("%b %Y");
    case HUB_DATE_MONTH_LONG:
      /* Translators: a month and year, in g_date_time_format() notation; "November 2026" */
      return _("%B %Y");
    case HUB_DATE_YEAR:
      /* Translators: a year, in g_date_time_format() notation; "2026" */
      return _("%Y");
    case HUB_DATE_FULL:
    default:
      /* Translators: a date, in g_date_time_format() notation; "21 Nov 2026" */
      return _("%-d %b %Y");
    }
}

/* A day written in one of the styles: "21 Nov 2026", "Sat 21 Nov 2026",
 * "21 Nov", "Nov 2026", "November 2026", "2026"; "—" for no day. */
char *
hub_format_date (HubDay       day,
                 HubDateStyle style)
{
  g_autoptr(GDateTime) dt = NULL;

  if (day == HUB_DAY_NONE)
    return g_strdup ("—");
  dt = hub_day_to_date_time (day);
  return g_date_time_format (dt, date_format (style));
}

/* A full date: "21 Nov 2026". */
char *
hub_format_day (HubDay day)
{
  return hub_format_date (day, HUB_DATE_FULL);
}

/* How long ago something happened: "just now", "5 minutes ago", "3 days ago". */
char *
hub_format_age (GDateTime *then,
                GDateTime *now)
{
  GTimeSpan span;
  gint64 n;

  g_return_val_if_fail (then != NULL && now != NULL, NULL);

  span = g_date_time_difference (now, then);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (span < G_TIME_SPAN_HOUR)
    {
      n = span / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", n), (int) n);
    }
  if (span < G_TIME_SPAN_DAY)
    {
      n = span / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", n), (int) n);
    }
  n = span / G_TIME_SPAN_DAY;
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", n), (int) n);
}

/* Progress of a load: "12.3 MB of 250.9 MB · 1,234,567 rows". */
char *
hub_format_progress (guint64 bytes,
                     guint64 total_bytes,
                     guint64 rows)
{
  g_autofree char *read = g_format_size (bytes);
  g_autofree char *count = hub_format_count ((gint64) MIN (rows, (guint64) G_MAXINT64));
  g_autofree char *rows_text = NULL;

  /* Translators: %s is a grouped count of CSV rows */
  rows_text = g_strdup_printf (ngettext ("%s row", "%s rows", (gulong) MIN (rows, G_MAXULONG)),
                               count);
  if (total_bytes > 0)
    {
      g_autofree char *total = g_format_size (total_bytes);

      /* Translators: load progress, as "12.3 MB of 250.9 MB · 1,234,567 rows" */
      return g_strdup_printf (_("%s of %s · %s"), read, total, rows_text);
    }
  /* Translators: load progress of a stream of unknown size, as "12.3 MB · 1,234 rows" */
  return g_strdup_printf (_("%s · %s"), read, rows_text);
}

/* The style class a change is shown in, the same in the cards and the table:
 * growth and new repositories "success", a fall "error", no data at all
 * "dim-label"; none for no change. */
const char *
hub_format_change_style (HubChange change)
{
  switch (change.kind)
    {
    case HUB_CHANGE_NONE:
      return "dim-label";
    case HUB_CHANGE_NEW:
      return "success";
    case HUB_CHANGE_RATIO:
    default:
      if (change.ratio > 0)
        return "success";
      if (change.ratio < 0)
        return "error";
      return NULL;
    }
}

/* A preset's name, as the range menus list it. */
const char *
hub_format_range_preset (HubRangePreset preset)
{
  switch (preset)
    {
    case HUB_RANGE_LAST_7_DAYS:
      return _("Last 7 Days");
    case HUB_RANGE_LAST_30_DAYS:
      return _("Last 30 Days");
    case HUB_RANGE_LAST_90_DAYS:
      return _("Last 90 Days");
    case HUB_RANGE_MONTH_TO_DATE:
      return _("Month to Date");
    case HUB_RANGE_LAST_MONTH:
      return _("Last Calendar Month");
    case HUB_RANGE_YEAR_TO_DATE:
      return _("Year to Date");
    case HUB_RANGE_LAST_365_DAYS:
      return _("Last 12 Months");
    case HUB_RANGE_ALL:
      return _("All Time");
    case HUB_RANGE_CUSTOM:
    default:
      return _("Custom Range");
    }
}

/* "27 Oct – 14 Nov 2026"; the first day's year is written only when it differs. */
char *
hub_format_range (HubRange range)
{
  int first_year, last_year;
  g_autofree char *first = NULL;
  g_autofree char *last = hub_format_date (range.last, HUB_DATE_FULL);

  hub_day_to_ymd (range.first, &first_year, NULL, NULL);
  hub_day_to_ymd (range.last, &last_year, NULL, NULL);
  first = hub_format_date (range.first, first_year == last_year && range.first != range.last
                                        ? HUB_DATE_DAY_MONTH : HUB_DATE_FULL);

  if (range.first == range.last)
    return g_steal_pointer (&first);
  /* Translators: a range of dates, "1 Nov 2026 – 30 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/* The range shown and what it is compared with, in one line: "1 Nov – 30
 * Nov 2026, compared with 4 Oct – 2 Nov 2026"; All Time says itself. */
char *
hub_format_span (const HubSpan *span)
{
  g_autofree char *range = NULL;
  g_autofree char *against = NULL;

  if (!hub_span_has_change (span))
    return g_strdup (hub_format_range_preset (HUB_RANGE_ALL));
  range = hub_format_range (span->range);
  against = hub_format_range (span->compared);
  /* Translators: the range shown and the one it is compared with */
  return g_strdup_printf (_("%s, compared with %s"), range, against);
}

/* The tooltip of a Change: the downloads of the two ranges it compares. */
char *
hub_format_span_change_tooltip (const HubSpan *span,
                                gint64         downloads,
                                gint64         compared)
{
  g_autofree char *range = NULL;
  g_autofree char *against = NULL;
  g_autofree char *count = NULL;
  g_autofree char *compared_count = NULL;

  if (!hub_span_has_change (span))
    return g_strdup (_("All Time is compared with nothing"));
  range = hub_format_range (span->range);
  against = hub_format_range (span->compared);
  count = hub_format_count (downloads);
  compared_count = hub_format_count (compared);
  /* Translators: a Change's tooltip: each range and its downloads */
  return g_strdup_printf (_("%s: %s\n%s: %s"), range, count, against, compared_count);
}
