/* hub-day-marks.c: the events of a repository marked on its chart
 *
 * The insights dialog and a repository's detail mark the same events with
 * the same words; this says them once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-day-mark-layer.h"
#include "hub-format.h"
#include "hub-insights.h"
#include "hub-day-marks.h"

/* Appends to marks (of HubDayMark) the spikes, drops and milestones passed
 * of repo over range; the labels they point to go to labels (freeing
 * g_free), which must outlive marks. A milestone under a hundredth of
 * all_time is left out. */
void
hub_day_marks_add_events (GArray        *marks,
                          GPtrArray     *labels,
                          HubDataset    *dataset,
                          const HubRepo *repo,
                          HubRange       range,
                          gint64         all_time)
{
  g_autoptr(GArray) spikes = hub_repo_spikes (repo, range);
  g_autoptr(GArray) passed = hub_repo_milestones (dataset, repo, range);

  for (guint i = 0; i < spikes->len; i++)
    {
      const HubSpike *spike = &g_array_index (spikes, HubSpike, i);
      g_autofree char *count = hub_format_compact (spike->count);
      char *label = g_strdup_printf (spike->score > 0 ? _("Spike: %s") : _("Drop: %s"), count);
      HubDayMark mark = { spike->day, spike->score > 0 ? HUB_DAY_MARK_SPIKE : HUB_DAY_MARK_DROP, label };

      g_ptr_array_add (labels, label);
      g_array_append_val (marks, mark);
    }
  for (guint i = 0; i < passed->len; i++)
    {
      const HubMilestone *milestone = &g_array_index (passed, HubMilestone, i);
      g_autofree char *value = hub_format_compact (milestone->value);
      char *label;
      HubDayMark mark = { milestone->day, HUB_DAY_MARK_MILESTONE, NULL };

      /* Small round numbers of a large series would crowd the chart. */
      if (milestone->value * 100 < all_time)
        continue;
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s download", "%s downloads",
                                            (gulong) MIN (milestone->value, G_MAXLONG)), value);
      mark.label = label;
      g_ptr_array_add (labels, label);
      g_array_append_val (marks, mark);
    }
}
