/* hub-day-marks.h: the events of a repository marked on its chart, and the
 * rows that list its notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-dataset.h"
#include "hub-history.h"
#include "hub-range.h"

G_BEGIN_DECLS

void hub_day_marks_add_events (GArray        *marks,
                               GPtrArray     *labels,
                               HubDataset    *dataset,
                               const HubRepo *repo,
                               HubRange       range,
                               gint64         all_time);

GtkWidget *hub_day_marks_note_row (const HubNote *note,
                                   gboolean       with_repo,
                                   const char    *remove_action);

G_END_DECLS
