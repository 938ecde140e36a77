/* hub-summary.h: the JSON summary printed by `hub-analytics --summary`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-dataset.h"

G_BEGIN_DECLS

char *hub_summary_to_json (HubDataset *dataset);

G_END_DECLS
