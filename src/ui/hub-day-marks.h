/* hub-day-marks.h: the events of a repository marked on its chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hub-dataset.h"
#include "hub-range.h"

G_BEGIN_DECLS

void hub_day_marks_add_events (GArray        *marks,
                               GPtrArray     *labels,
                               HubDataset    *dataset,
                               const HubRepo *repo,
                               HubRange       range,
                               gint64         all_time);

G_END_DECLS
